/* fetch_multi.h - fetching many URLs at once, politely (libcurl multi). */
#ifndef SCRAPE_FETCH_MULTI_H
#define SCRAPE_FETCH_MULTI_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "scrape.h"

struct fetch_multi_opts {
	int connections;        /* transfers at once, all hosts (>= 1) */
	int per_host;           /* transfers at once on one host (>= 1) */
	long delay_ms;          /* least time between two request starts on one host */
	int retries;            /* further attempts after a retryable failure */
	long backoff_ms;        /* first back-off; doubles per attempt, jittered x0.5..1.5 */
	long max_wait_ms;       /* a longer Retry-After fails the URL instead */
	int robots;             /* fetch, cache and obey robots.txt per host */
	const char *agent;      /* robots.txt product token, e.g. "scrape" */
	int insecure;           /* do not verify TLS certificates */
	const char *const *resolve; /* CURLOPT_RESOLVE entries "HOST:PORT:ADDR" */
	size_t nresolve;
	volatile sig_atomic_t *stop; /* when it becomes non-zero: abort and return */
	/* Called on the running thread once per turn of the loop (at least
	 * every second, and soon after fetch_multi_wakeup): the caller may add
	 * URLs (fetch_multi_add) there. Returns non-zero while the caller still
	 * has work that may add URLs, which keeps the run going when every URL
	 * has ended. NULL: the run ends when every URL has. */
	int (*turn)(void *arg);
	/* Called on the running thread with each robots.txt that arrived with
	 * a 2xx status (its URL and body), so the caller can read more of it
	 * (Sitemap: lines) without asking for it again; may add URLs. NULL: not called. */
	void (*robots_text)(void *arg, const char *robots_url, const char *text, size_t len);
};

#define FETCH_MULTI_OPTS_INIT { 8, 2, 1000L, 3, 1000L, 120000L, 1, "scrape", 0, NULL, 0, NULL, NULL, NULL }

/* fetch_multi_add flags */
#define FETCH_ANY_TYPE 1        /* keep every Content-Type (a sitemap served as application/gzip) */

enum fetch_outcome {
	FETCH_OK,          /* doc holds an acceptable page */
	FETCH_FAILED,      /* rc and error say why */
	FETCH_DISALLOWED,  /* robots.txt forbids it; not fetched */
	FETCH_NOT_HTML     /* a type that is not a page (fetch_type_acceptable); skipped */
};

struct fetch_result {
	size_t index;           /* in the urls array, or the order of fetch_multi_add */
	const char *url;
	enum fetch_outcome outcome;
	int rc;                 /* scrape_error; SCRAPE_OK when outcome is FETCH_OK */
	const char *error;      /* message naming the URL and the reason, or NULL */
	long status;            /* last HTTP status, 0 when none came */
	const char *final_url;  /* after redirects, or NULL */
	int redirects;          /* redirects followed */
	const char *content_type; /* or NULL */
	scrape_document *doc;   /* FETCH_OK: the page; the callback may take it (set NULL) */
	size_t bytes;           /* body bytes kept (after decompression) */
	double seconds;         /* from the first attempt's start, back-offs included */
	int attempts;
};

/* Called once per URL, in completion order, on the calling thread. */
typedef void (*fetch_multi_fn)(void *arg, struct fetch_result *r);

struct fetch_multi;

/* A run to which URLs may be added while it goes (a crawl). opts and mo
 * must outlive it. 0, SCRAPE_EFETCH (libcurl cannot start), SCRAPE_ENOMEM.
 * Free with fetch_multi_free(). */
int fetch_multi_new(struct fetch_multi **out, const scrape_options *opts,
		    const struct fetch_multi_opts *mo, fetch_multi_fn done, void *arg);

/* Queues a copy of url behind its host's other URLs, before or during
 * fetch_multi_go (from the callbacks, on the running thread), with flags
 * (FETCH_ANY_TYPE or 0); *index
 * (optional) gets its index in fetch_result. An invalid URL ends in a
 * FETCH_FAILED call of done at the next turn. 0 or SCRAPE_ENOMEM. */
int fetch_multi_add(struct fetch_multi *m, const char *url, int flags, size_t *index);

/* Runs until every URL added has ended and mo->turn wants no more (see
 * fetch_multi_run for the politeness and the results). 0, SCRAPE_EFETCH,
 * SCRAPE_ENOMEM, or SCRAPE_ELIMIT when *mo->stop ended it early. */
int fetch_multi_go(struct fetch_multi *m);

/* Makes a waiting fetch_multi_go look at mo->turn at once; any thread. */
void fetch_multi_wakeup(struct fetch_multi *m);

void fetch_multi_free(struct fetch_multi *m);

/* Fetches urls[0..n) with the multi interface: at most mo->connections
 * transfers, mo->per_host per host ("scheme://host:port") when there is no
 * delay; with a delay (max(delay, robots Crawl-delay)), one at a time per
 * host, each starting at least the delay after the previous one started and
 * after it ended, so no two reach the server closer together; connections
 * reused. Redirects (10 at most, http and https only) are followed here,
 * one request at a time: one to another host waits for that host's
 * robots.txt, delay and limits like any of its URLs. robots.txt is fetched once per host before its first URL: 2xx is
 * obeyed, 4xx allows everything, 5xx disallows everything (RFC 9309), and a
 * network failure fails that host's URLs with the reason. Timeouts, resets,
 * empty replies, 429 and 503 are retried mo->retries times after an
 * exponential, jittered back-off or the Retry-After the server gave
 * (seconds or HTTP-date; it also holds back the whole host). Every URL ends
 * in exactly one call of done (invalid URLs first). Returns 0, SCRAPE_EFETCH
 * when libcurl cannot start, SCRAPE_ENOMEM, or SCRAPE_ELIMIT when *mo->stop
 * ended the run early (URLs not finished then get no call). */
int fetch_multi_run(const char *const *urls, size_t n, const scrape_options *opts,
		    const struct fetch_multi_opts *mo, fetch_multi_fn done, void *arg);

/* A Retry-After header value in milliseconds: whole seconds, or an
 * HTTP-date (counted from now; 0 when past); -1 when neither. */
long fetch_retry_after_ms(const char *value, time_t now);

#endif
