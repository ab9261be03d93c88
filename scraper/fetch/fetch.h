/* fetch.h - fetching an http(s) URL with libcurl. */
#ifndef SCRAPE_FETCH_H
#define SCRAPE_FETCH_H

#include "scrape.h"

/* Initialises libcurl once per process (pthread_once); later calls return the
 * first call's result. 0, or SCRAPE_EFETCH when curl_global_init failed.
 * fetch_url() calls it; a program may call it early, before starting threads. */
int fetch_global_init(void);

/* Fetches an http(s) URL with libcurl. On success *out holds the body (data/len,
 * NUL-terminated beyond len), the final URL after redirects, the Content-Type header
 * and the HTTP status; the caller frees it with scrape_document_free().
 *
 * At most 10 redirects, http and https only (redirects too), TLS verified,
 * compressed bodies decoded, proxies from the environment. Errors, with a
 * message that starts with `url`:
 *   SCRAPE_EUSAGE   not a valid URL, or a scheme other than http/https;
 *   SCRAPE_EFETCH   network failure (refused, timeout, DNS, TLS), too many redirects;
 *   SCRAPE_EHTTP    HTTP status >= 400 ("URL: HTTP 404");
 *   SCRAPE_EBINARY  a Content-Type that is not HTML, XML or text (fetch_type_acceptable);
 *   SCRAPE_ELIMIT   more than opts->max_input_bytes after decompression;
 *   SCRAPE_ENOMEM. */
int fetch_url(scrape_document **out, const char *url, const scrape_options *opts);

/* 1 when a Content-Type header value may hold a page: missing or malformed,
 * text/..., application/xhtml+xml, application/xml or application/...+xml;
 * 0 for everything else (application/pdf, image/png, application/octet-stream...). */
int fetch_type_acceptable(const char *content_type);

#endif
