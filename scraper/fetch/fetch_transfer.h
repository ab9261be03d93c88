/* fetch_transfer.h - the pieces of one libcurl transfer, shared by fetch_url()
 * (easy interface) and fetch_multi_run() (multi interface). */
#ifndef SCRAPE_FETCH_TRANSFER_H
#define SCRAPE_FETCH_TRANSFER_H

#include <curl/curl.h>

#include "buf.h"
#include "scrape.h"

/* Where a transfer's body goes: checked (status, type, size) as it arrives. */
struct fetch_sink {
	CURL *curl;
	const char *url;   /* as given, for messages */
	struct buf body;
	size_t max;        /* body size cap, after decompression */
	int checked;       /* the final response's headers were looked at */
	int any_type;      /* keep bodies of every Content-Type (sitemaps: application/gzip) */
	int rc;            /* an error found while receiving, or SCRAPE_OK */
	char error[512];   /* its message */
};

void fetch_sink_init(struct fetch_sink *s, CURL *curl, const char *url, size_t max);

/* 0 for an absolute http(s) URL with a host (libcurl's URL parser), else
 * SCRAPE_EUSAGE with a message naming the URL. */
int fetch_check_url(const char *url);

/* The Accept header every fetch sends; the caller frees it (curl_slist_free_all). */
struct curl_slist *fetch_accept_headers(void);

/* Sets every option of one transfer of url into s: http(s) only, redirects
 * (10 at most), compressed bodies, timeouts and user agent from opts, TLS
 * verified, proxies from the environment, errors into errbuf
 * (CURL_ERROR_SIZE bytes). CURLE_OK, or the first option that failed. */
CURLcode fetch_setup(CURL *c, const char *url, const scrape_options *opts,
		     struct curl_slist *headers, struct fetch_sink *s, char *errbuf);

/* Turns a finished transfer (e: its result) into a document, taking the body
 * from s, or into a scrape error naming s->url and the reason (see fetch_url). */
int fetch_finish(scrape_document **out, struct fetch_sink *s, CURLcode e, const char *errbuf);

#endif
