/*
 * Many URLs over one libcurl multi handle. URLs are queued per host
 * ("scheme://host:port"); a scheduling pass starts what the limits allow
 * (connections, per-host transfers, the per-host delay, robots.txt, retry
 * back-offs), then the loop waits in curl_multi_poll until a socket is ready
 * or the next start is due. Finished transfers are handed to the callback
 * on this thread. The multi handle keeps the connections for reuse.
 */
#include "fetch_multi.h"
#include "document.h"
#include "error.h"
#include "fetch.h"
#include "fetch_transfer.h"
#include "robots.h"

#include <curl/curl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ROBOTS_MAX_BYTES (512 * 1024)
#define BACKOFF_CAP_MS 60000L
#define MAX_REDIRECTS 10

enum { ROBOTS_UNKNOWN, ROBOTS_FETCHING, ROBOTS_READY };

struct job {
	size_t index;
	char *given;         /* the URL as added (reported as fetch_result.url) */
	char *url;           /* where it is now: given, or a redirect's target */
	char *path;          /* path and query of url, for robots.txt */
	size_t host;
	int attempts;        /* requests started, redirects included */
	int retried;         /* retries after retryable failures */
	int redirects;
	int flags;           /* FETCH_ANY_TYPE */
	double first_start;  /* < 0: not started yet */
	double not_before;   /* a retry waits until then */
	struct job *next;
};

struct host {
	char *key;           /* scheme://host:port */
	char *robots_url;
	int active;
	double next_ok;      /* no request starts before */
	long delay_ms;
	int robots_state;
	struct robots *rules;
	char *robots_error;  /* robots.txt unreachable: why */
	long robots_status;  /* its HTTP status */
	struct job *head, *tail; /* first attempts, in input order */
	struct job *retry;   /* waiting retries */
	size_t queued;
};

struct xfer {
	CURL *curl;
	struct fetch_sink sink;
	char errbuf[CURL_ERROR_SIZE];
	struct job *job;     /* NULL: the host's robots.txt */
	size_t host;
	int slot;            /* in run.live */
};

struct fetch_multi {
	const scrape_options *opts;
	scrape_options defaults;
	const struct fetch_multi_opts *mo;
	fetch_multi_fn done;
	void *arg;
	CURLM *multi;
	struct curl_slist *headers, *resolve;
	size_t njobs;        /* added so far: the next index */
	struct job *bad;     /* invalid URLs, reported at the next turn */
	struct host *hosts;
	size_t nhosts, caphosts;
	size_t *table, tcap; /* open addressing: host indices, SIZE_MAX empty */
	int active;
	struct xfer **live;  /* the transfers in flight (active of them) */
	size_t remaining;
	int finished;        /* something finished in this turn */
	unsigned long long rng;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double jitter(struct fetch_multi *r)
{
	r->rng ^= r->rng << 13;
	r->rng ^= r->rng >> 7;
	r->rng ^= r->rng << 17;
	return 0.5 + (double)(r->rng >> 11) / 9007199254740992.0; /* 0.5 .. 1.5 */
}

long fetch_retry_after_ms(const char *value, time_t now)
{
	if (!value)
		return -1;
	while (*value == ' ' || *value == '\t')
		value++;
	if (*value >= '0' && *value <= '9') {
		char *end;
		long long s = strtoll(value, &end, 10);
		while (*end == ' ' || *end == '\t')
			end++;
		if (*end || s < 0 || s > 86400L * 365)
			return -1;
		return (long)(s * 1000);
	}
	time_t t = curl_getdate(value, NULL);
	if (t == (time_t)-1)
		return -1;
	return t <= now ? 0 : (long)((t - now) > 86400L * 365 ? 86400L * 365 * 1000 : (t - now) * 1000);
}

/* scheme://host:port (lower case) and path?query of url. */
static int split_url(const char *url, char **key, char **path)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *p = NULL, *q = NULL;
	int rc = SCRAPE_OK;
	*key = *path = NULL;
	if (!u)
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	CURLUcode uc = curl_url_set(u, CURLUPART_URL, url, 0);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_HOST, &host, 0);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_PATH, &p, 0);
	if (uc == CURLUE_OK)
		curl_url_get(u, CURLUPART_QUERY, &q, 0);
	if (uc != CURLUE_OK) {
		rc = scrape_error_set(SCRAPE_EUSAGE, "%s: invalid URL (%s)", url, curl_url_strerror(uc));
	} else {
		size_t kn = strlen(scheme) + strlen(host) + strlen(port) + 5;
		size_t pn = strlen(p) + (q ? strlen(q) + 1 : 0) + 1;
		*key = malloc(kn);
		*path = malloc(pn);
		if (!*key || !*path) {
			rc = scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
		} else {
			snprintf(*key, kn, "%s://%s:%s", scheme, host, port);
			for (char *c = *key; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c - 'A' + 'a');
			snprintf(*path, pn, "%s%s%s", p, q ? "?" : "", q ? q : "");
		}
	}
	if (rc != SCRAPE_OK) {
		free(*key);
		free(*path);
		*key = *path = NULL;
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(p);
	curl_free(q);
	curl_url_cleanup(u);
	return rc;
}

static size_t key_hash(const char *s)
{
	size_t h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

/* Doubles the host table and puts every host back. -1 when out of memory. */
static int table_grow(struct fetch_multi *r)
{
	size_t cap = r->tcap ? r->tcap * 2 : 64;
	size_t *t = malloc(cap * sizeof *t);
	if (!t)
		return -1;
	for (size_t i = 0; i < cap; i++)
		t[i] = SIZE_MAX;
	for (size_t h = 0; h < r->nhosts; h++) {
		size_t i = key_hash(r->hosts[h].key) & (cap - 1);
		while (t[i] != SIZE_MAX)
			i = (i + 1) & (cap - 1);
		t[i] = h;
	}
	free(r->table);
	r->table = t;
	r->tcap = cap;
	return 0;
}

/* The host of key (taken), added when new; SIZE_MAX when out of memory. */
static size_t host_get(struct fetch_multi *r, char *key)
{
	if (2 * (r->nhosts + 1) > r->tcap && table_grow(r) != 0) {
		free(key);
		return SIZE_MAX;
	}
	size_t i = key_hash(key) & (r->tcap - 1);
	while (r->table[i] != SIZE_MAX) {
		if (strcmp(r->hosts[r->table[i]].key, key) == 0) {
			free(key);
			return r->table[i];
		}
		i = (i + 1) & (r->tcap - 1);
	}
	if (r->nhosts == r->caphosts) {
		size_t cap = r->caphosts ? r->caphosts * 2 : 16;
		struct host *v = realloc(r->hosts, cap * sizeof *v);
		if (!v) {
			free(key);
			return SIZE_MAX;
		}
		r->hosts = v;
		r->caphosts = cap;
	}
	size_t rn = strlen(key) + 12;
	struct host *h = &r->hosts[r->nhosts];
	memset(h, 0, sizeof *h);
	h->key = key;
	h->robots_url = malloc(rn);
	if (!h->robots_url) {
		free(key);
		return SIZE_MAX;
	}
	snprintf(h->robots_url, rn, "%s/robots.txt", key);
	h->delay_ms = r->mo->delay_ms;
	h->robots_state = r->mo->robots ? ROBOTS_UNKNOWN : ROBOTS_READY;
	r->table[i] = r->nhosts;
	return r->nhosts++;
}

static void job_free(struct job *j)
{
	if (!j)
		return;
	free(j->given);
	if (j->url != j->given)
		free(j->url);
	free(j->path);
	free(j);
}

/* Reports the end of job j (and frees it); the callback sees r filled in. */
static void report(struct fetch_multi *r, struct job *j, struct fetch_result *res, double now)
{
	res->index = j->index;
	res->url = j->given;
	res->attempts = j->attempts;
	res->redirects = j->redirects;
	res->seconds = j->first_start < 0 ? 0 : now - j->first_start;
	r->done(r->arg, res);
	scrape_document_free(res->doc);
	if (j->host != SIZE_MAX)
		r->hosts[j->host].queued--;
	job_free(j);
	r->remaining--;
	r->finished = 1;
}

static void report_simple(struct fetch_multi *r, struct job *j, enum fetch_outcome outcome, int rc,
			  const char *error, double now)
{
	struct fetch_result res;
	memset(&res, 0, sizeof res);
	res.outcome = outcome;
	res.rc = rc;
	res.error = error;
	if (j->redirects)
		res.final_url = j->url;
	report(r, j, &res, now);
}

/* Starts a transfer of job j (or of the host's robots.txt when j is NULL). */
static int start(struct fetch_multi *r, size_t h, struct job *j, double now)
{
	struct host *H = &r->hosts[h];
	const char *url = j ? j->url : H->robots_url;
	struct xfer *x = calloc(1, sizeof *x);
	if (!x)
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	x->job = j;
	x->host = h;
	x->curl = curl_easy_init();
	fetch_sink_init(&x->sink, x->curl, j ? j->given : url, j ? r->opts->max_input_bytes : ROBOTS_MAX_BYTES);
	x->sink.any_type = j && (j->flags & FETCH_ANY_TYPE);
	CURLcode e = x->curl ? fetch_setup(x->curl, url, r->opts, r->headers, &x->sink, x->errbuf)
			     : CURLE_OUT_OF_MEMORY;
	/* statuses >= 400 come back as such (their Retry-After is read); page
	 * redirects are followed by job_done, robots.txt's by libcurl */
#define SET(opt, val) do { if (e == CURLE_OK) e = curl_easy_setopt(x->curl, opt, val); } while (0)
	SET(CURLOPT_FAILONERROR, 0L);
	SET(CURLOPT_PRIVATE, (void *)x);
	if (j)
		SET(CURLOPT_FOLLOWLOCATION, 0L);
	if (r->resolve)
		SET(CURLOPT_RESOLVE, r->resolve);
	if (r->mo->insecure) {
		SET(CURLOPT_SSL_VERIFYPEER, 0L);
		SET(CURLOPT_SSL_VERIFYHOST, 0L);
	}
#undef SET
	CURLMcode me = e == CURLE_OK ? curl_multi_add_handle(r->multi, x->curl) : CURLM_OK;
	if (e != CURLE_OK || me != CURLM_OK) {
		int rc = scrape_error_set(SCRAPE_EFETCH, "%s: cannot start the transfer: %s", url,
					  e != CURLE_OK ? curl_easy_strerror(e) : curl_multi_strerror(me));
		curl_easy_cleanup(x->curl);
		free(x);
		return rc;
	}
	x->slot = r->active;
	r->live[r->active] = x;
	H->active++;
	r->active++;
	H->next_ok = now + (double)H->delay_ms / 1000.0;
	if (j) {
		j->attempts++;
		if (j->first_start < 0)
			j->first_start = now;
	}
	return SCRAPE_OK;
}

/* The next job of host H that may start now; updates *wake for waiting retries. */
static struct job *pick(struct host *H, double now, double *wake)
{
	struct job **best = NULL;
	for (struct job **p = &H->retry; *p; p = &(*p)->next)
		if (!best || (*p)->not_before < (*best)->not_before)
			best = p;
	if (best && (*best)->not_before <= now) {
		struct job *j = *best;
		*best = j->next;
		return j;
	}
	if (best && (*best)->not_before < *wake)
		*wake = (*best)->not_before;
	if (!H->head)
		return NULL;
	struct job *j = H->head;
	H->head = j->next;
	if (!H->head)
		H->tail = NULL;
	return j;
}

/* Starts whatever the limits allow; *wake: when the next start may be due. */
static int schedule(struct fetch_multi *r, double now, double *wake)
{
	const struct fetch_multi_opts *mo = r->mo;
	for (size_t h = 0; h < r->nhosts; h++) {
		struct host *H = &r->hosts[h];
		if (H->queued == 0 || H->robots_state == ROBOTS_FETCHING)
			continue;
		if (H->robots_state == ROBOTS_UNKNOWN) {
			if (r->active >= mo->connections)
				return SCRAPE_OK;
			if (now < H->next_ok) {
				if (H->next_ok < *wake)
					*wake = H->next_ok;
				continue;
			}
			if (start(r, h, NULL, now) != SCRAPE_OK) {
				H->robots_error = strdup(scrape_error_last());
				H->robots_state = ROBOTS_READY;
			} else {
				H->robots_state = ROBOTS_FETCHING;
				continue;
			}
		}
		for (;;) {
			/* the callback may add URLs, and hosts with them: look again */
			H = &r->hosts[h];
			/* with a delay, one request at a time: the next starts delay
			 * after the previous ended, so none reaches the server sooner */
			int cap = H->delay_ms > 0 ? 1 : mo->per_host;
			if (H->active >= cap || r->active >= mo->connections)
				break;
			if (now < H->next_ok && !H->robots_error) {
				if (H->next_ok < *wake)
					*wake = H->next_ok;
				break;
			}
			struct job *j = pick(H, now, wake);
			if (!j)
				break;
			/* messages name the URL as given, and where a redirect led */
			char via[256] = "";
			if (j->redirects)
				snprintf(via, sizeof via, " (redirected to %.200s)", j->url);
			if (H->robots_error) {
				scrape_error_set(SCRAPE_EFETCH, "%s%s: robots.txt unreachable (%s)", j->given, via,
						 H->robots_error);
				report_simple(r, j, FETCH_FAILED, SCRAPE_EFETCH, scrape_error_last(), now);
			} else if (H->rules && !robots_allowed(H->rules, j->path)) {
				if (H->robots_status >= 300)
					scrape_error_set(SCRAPE_EUSAGE, "%s%s: disallowed: %s answered HTTP %ld, "
							 "so everything is (RFC 9309)", j->given, via, H->robots_url,
							 H->robots_status);
				else
					scrape_error_set(SCRAPE_EUSAGE, "%s%s: disallowed by %s", j->given, via,
							 H->robots_url);
				report_simple(r, j, FETCH_DISALLOWED, SCRAPE_EUSAGE, scrape_error_last(), now);
			} else if (start(r, h, j, now) != SCRAPE_OK) {
				report_simple(r, j, FETCH_FAILED, SCRAPE_EFETCH, scrape_error_last(), now);
			}
		}
	}
	return SCRAPE_OK;
}

/* robots.txt arrived (or did not): the host's rules from now on. */
static void robots_done(struct fetch_multi *r, struct xfer *x, CURLcode e, long status)
{
	struct host *H = &r->hosts[x->host];
	H->robots_state = ROBOTS_READY;
	H->robots_status = status;
	int rc = SCRAPE_OK;
	if (status >= 200 && status < 300) {
		const char *text = x->sink.body.data ? x->sink.body.data : "";
		rc = robots_parse(&H->rules, text, x->sink.body.len, r->mo->agent);
	} else if (status >= 500 || status == 429) {
		rc = robots_disallow_all(&H->rules); /* unreachable: RFC 9309 2.3.1.4 */
	} else if (status == 0 || (status < 300 && e != CURLE_OK)) {
		scrape_document *doc = NULL;
		fetch_finish(&doc, &x->sink, e, x->errbuf);
		scrape_document_free(doc);
		H->robots_error = strdup(scrape_error_last());
		if (!H->robots_error)
			rc = SCRAPE_ENOMEM;
	} /* 3xx left after the redirects, 4xx: no rules, everything allowed */
	if (rc != SCRAPE_OK && !H->robots_error)
		H->robots_error = strdup("out of memory");
	long cd = robots_crawl_delay_ms(H->rules);
	if (cd > r->mo->max_wait_ms)
		cd = r->mo->max_wait_ms;
	if (cd > H->delay_ms) {
		H->next_ok += (double)(cd - H->delay_ms) / 1000.0;
		H->delay_ms = cd;
	}
	/* last: the caller may add URLs, and hosts with them (H moves) */
	if (r->mo->robots_text && status >= 200 && status < 300)
		r->mo->robots_text(r->arg, H->robots_url, x->sink.body.data ? x->sink.body.data : "",
				   x->sink.body.len);
}

static int retryable(CURLcode e, long status)
{
	if (status == 429 || status == 503)
		return 1;
	switch (e) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
		return status < 400;
	default:
		return 0;
	}
}

/* Puts j at the front of host h's queue. */
static void requeue_front(struct fetch_multi *r, struct job *j, size_t h)
{
	struct host *H = &r->hosts[h];
	j->host = h;
	j->next = H->head;
	H->head = j;
	if (!H->tail)
		H->tail = j;
	H->queued++;
}

/* A 3xx answer for j: 1 when j was queued again for the target (on its
 * host, behind that host's robots.txt and delay), 0 when j ended here. */
static int follow(struct fetch_multi *r, struct xfer *x, long status, double now)
{
	struct job *j = x->job;
	char *target = NULL;
	curl_easy_getinfo(x->curl, CURLINFO_REDIRECT_URL, &target);
	int rc;
	char *key = NULL, *path = NULL, *to = NULL;
	if (!target) {
		rc = scrape_error_set(SCRAPE_EHTTP, "%s: HTTP %ld without a Location", j->given, status);
	} else if (j->redirects >= MAX_REDIRECTS) {
		rc = scrape_error_set(SCRAPE_EFETCH, "%s: too many redirects (more than %d)", j->given,
				      MAX_REDIRECTS);
	} else if ((rc = fetch_check_url(target)) != SCRAPE_OK) {
		char why[400];
		snprintf(why, sizeof why, "%s", scrape_error_last());
		rc = scrape_error_set(rc, "%s: redirected to %s", j->given, why);
	} else if (!(to = strdup(target))) {
		rc = scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", j->given);
	} else if ((rc = split_url(to, &key, &path)) == SCRAPE_OK) {
		size_t h = host_get(r, key);
		if (h == SIZE_MAX) {
			rc = scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", j->given);
		} else {
			r->hosts[j->host].queued--;
			if (j->url != j->given)
				free(j->url);
			free(j->path);
			j->url = to;
			j->path = path;
			j->redirects++;
			requeue_front(r, j, h);
			return 1;
		}
	}
	free(to);
	free(path);
	struct fetch_result res;
	memset(&res, 0, sizeof res);
	res.status = status;
	res.final_url = j->url;
	res.rc = rc;
	res.outcome = FETCH_FAILED;
	res.error = scrape_error_last();
	report(r, j, &res, now);
	return 0;
}

static void job_done(struct fetch_multi *r, struct xfer *x, CURLcode e, long status, double now)
{
	struct host *H = &r->hosts[x->host];
	struct job *j = x->job;
	if ((e == CURLE_OK || x->sink.rc != SCRAPE_OK) && (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)) {
		follow(r, x, status, now);
		return;
	}
	scrape_document *doc = NULL;
	int rc = fetch_finish(&doc, &x->sink, e, x->errbuf);
	if (rc != SCRAPE_OK && retryable(e, status) && j->retried < r->mo->retries) {
		struct curl_header *hd = NULL;
		long wait = -1;
		if (status == 429 || status == 503) {
			if (curl_easy_header(x->curl, "Retry-After", 0, CURLH_HEADER, -1, &hd) == CURLHE_OK)
				wait = fetch_retry_after_ms(hd->value, time(NULL));
		}
		if (wait > r->mo->max_wait_ms) {
			char why[600];
			snprintf(why, sizeof why, "%s", scrape_error_last());
			scrape_error_set(rc, "%s, and its Retry-After of %ld s is more than %ld s", why,
					 wait / 1000, r->mo->max_wait_ms / 1000);
		} else {
			if (wait >= 0) {
				if (now + (double)wait / 1000.0 > H->next_ok)
					H->next_ok = now + (double)wait / 1000.0; /* the host asked for a pause */
			} else {
				double b = (double)r->mo->backoff_ms;
				for (int a = 0; a < j->retried && b < BACKOFF_CAP_MS; a++)
					b *= 2;
				if (b > BACKOFF_CAP_MS)
					b = BACKOFF_CAP_MS;
				wait = (long)(b * jitter(r));
			}
			j->retried++;
			j->not_before = now + (double)wait / 1000.0;
			j->next = H->retry;
			H->retry = j;
			return;
		}
	}
	struct fetch_result res;
	memset(&res, 0, sizeof res);
	char *type = NULL;
	curl_easy_getinfo(x->curl, CURLINFO_CONTENT_TYPE, &type);
	res.status = status;
	res.final_url = j->url;
	res.content_type = type;
	res.rc = rc;
	if (doc && j->redirects) {
		/* the page's URL is where the redirects led */
		char *u = strdup(j->url);
		if (u) {
			free(doc->url);
			doc->url = u;
		}
	}
	res.doc = doc;
	res.bytes = doc ? scrape_document_len(doc) : x->sink.body.len;
	res.outcome = rc == SCRAPE_OK ? FETCH_OK : rc == SCRAPE_EBINARY ? FETCH_NOT_HTML : FETCH_FAILED;
	res.error = rc == SCRAPE_OK ? NULL : scrape_error_last();
	report(r, j, &res, now);
}

/* Hands every finished transfer on. */
static void collect(struct fetch_multi *r)
{
	CURLMsg *m;
	int left;
	while ((m = curl_multi_info_read(r->multi, &left))) {
		if (m->msg != CURLMSG_DONE)
			continue;
		struct xfer *x = NULL;
		long status = 0;
		CURLcode e = m->data.result;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
		curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &status);
		double now = now_s();
		/* the transfer leaves the host first: a redirect may queue its job on it again */
		size_t h = x->host;
		r->hosts[h].active--;
		r->active--;
		r->live[x->slot] = r->live[r->active];
		r->live[x->slot]->slot = x->slot;
		if (x->job)
			job_done(r, x, e, status, now);
		else
			robots_done(r, x, e, status);
		/* the delay also runs from the end of a request: the next one can
		 * never reach the server sooner than delay after this one did */
		struct host *H = &r->hosts[h];
		if (now + (double)H->delay_ms / 1000.0 > H->next_ok)
			H->next_ok = now + (double)H->delay_ms / 1000.0;
		r->finished = 1;
		curl_multi_remove_handle(r->multi, x->curl);
		curl_easy_cleanup(x->curl);
		buf_free(&x->sink.body);
		free(x);
	}
}

static void abort_all(struct fetch_multi *r)
{
	for (int i = 0; i < r->active; i++) {
		struct xfer *x = r->live[i];
		curl_multi_remove_handle(r->multi, x->curl);
		curl_easy_cleanup(x->curl);
		buf_free(&x->sink.body);
		job_free(x->job);
		free(x);
	}
	r->active = 0;
}

static void free_chain(struct job *j)
{
	while (j) {
		struct job *next = j->next;
		job_free(j);
		j = next;
	}
}

void fetch_multi_free(struct fetch_multi *r)
{
	if (!r)
		return;
	abort_all(r);
	free_chain(r->bad);
	for (size_t h = 0; h < r->nhosts; h++) {
		free_chain(r->hosts[h].head);
		free_chain(r->hosts[h].retry);
		free(r->hosts[h].key);
		free(r->hosts[h].robots_url);
		free(r->hosts[h].robots_error);
		robots_free(r->hosts[h].rules);
	}
	free(r->hosts);
	free(r->table);
	free(r->live);
	curl_slist_free_all(r->headers);
	curl_slist_free_all(r->resolve);
	if (r->multi)
		curl_multi_cleanup(r->multi);
	free(r);
}

int fetch_multi_new(struct fetch_multi **out, const scrape_options *opts,
		    const struct fetch_multi_opts *mo, fetch_multi_fn done, void *arg)
{
	*out = NULL;
	int rc = fetch_global_init();
	if (rc != SCRAPE_OK)
		return rc;
	struct fetch_multi *r = calloc(1, sizeof *r);
	if (!r)
		return scrape_error_set(SCRAPE_ENOMEM, "cannot start fetching: out of memory");
	scrape_options defaults = SCRAPE_OPTIONS_INIT;
	r->defaults = defaults;
	r->opts = opts ? opts : &r->defaults;
	r->mo = mo;
	r->done = done;
	r->arg = arg;
	r->rng = (unsigned long long)time(NULL) * 2654435761ULL ^ (unsigned long long)getpid() ^ 0x9e3779b97f4a7c15ULL;
	r->live = calloc((size_t)(mo->connections > 0 ? mo->connections : 1), sizeof *r->live);
	r->headers = fetch_accept_headers();
	r->multi = curl_multi_init();
	int oom = table_grow(r) != 0;
	for (size_t i = 0; i < mo->nresolve && !oom; i++) {
		struct curl_slist *l = curl_slist_append(r->resolve, mo->resolve[i]);
		oom = !l;
		if (l)
			r->resolve = l;
	}
	if (oom || !r->live || !r->headers || !r->multi) {
		fetch_multi_free(r);
		return scrape_error_set(SCRAPE_ENOMEM, "cannot start fetching: out of memory");
	}
	curl_multi_setopt(r->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)mo->connections);
	curl_multi_setopt(r->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)mo->per_host);
	curl_multi_setopt(r->multi, CURLMOPT_MAXCONNECTS, (long)mo->connections * 2);
	*out = r;
	return SCRAPE_OK;
}

int fetch_multi_add(struct fetch_multi *r, const char *url, int flags, size_t *index)
{
	struct job *j = calloc(1, sizeof *j);
	if (!j || !(j->given = strdup(url))) {
		free(j);
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	}
	j->url = j->given;
	j->flags = flags;
	j->index = r->njobs++;
	j->first_start = -1;
	j->host = SIZE_MAX;
	if (index)
		*index = j->index;
	r->remaining++;
	char *key = NULL;
	int rc = fetch_check_url(url);
	if (rc == SCRAPE_OK)
		rc = split_url(url, &key, &j->path);
	if (rc == SCRAPE_OK && (j->host = host_get(r, key)) == SIZE_MAX)
		rc = SCRAPE_ENOMEM;
	if (rc != SCRAPE_OK) {
		if (rc == SCRAPE_ENOMEM) {
			r->njobs--;
			r->remaining--;
			job_free(j);
			return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
		}
		j->next = r->bad; /* reported at the next turn, with its message */
		r->bad = j;
		return SCRAPE_OK;
	}
	struct host *H = &r->hosts[j->host];
	if (H->tail)
		H->tail->next = j;
	else
		H->head = j;
	H->tail = j;
	H->queued++;
	return SCRAPE_OK;
}

void fetch_multi_wakeup(struct fetch_multi *r)
{
	curl_multi_wakeup(r->multi);
}

/* Reports the invalid URLs added since the last turn, in the order added. */
static void report_bad(struct fetch_multi *r)
{
	struct job *list = NULL;
	while (r->bad) { /* reverse: added last came first */
		struct job *j = r->bad;
		r->bad = j->next;
		j->next = list;
		list = j;
	}
	while (list) {
		struct job *j = list;
		list = j->next;
		int rc = fetch_check_url(j->given);
		char *key = NULL, *path = NULL;
		if (rc == SCRAPE_OK && (rc = split_url(j->given, &key, &path)) == SCRAPE_OK) {
			free(key);
			free(path);
			rc = scrape_error_set(SCRAPE_EUSAGE, "%s: invalid URL", j->given);
		}
		report_simple(r, j, FETCH_FAILED, rc, scrape_error_last(), now_s());
	}
}

int fetch_multi_go(struct fetch_multi *r)
{
	const struct fetch_multi_opts *mo = r->mo;
	int rc = SCRAPE_OK;
	for (;;) {
		if (mo->stop && *mo->stop) {
			rc = scrape_error_set(SCRAPE_ELIMIT, "interrupted");
			break;
		}
		r->finished = 0;
		int pending = mo->turn ? mo->turn(r->arg) : 0;
		report_bad(r);
		if (r->remaining == 0 && !pending)
			break;
		double now = now_s();
		double wake = now + 1.0;
		schedule(r, now, &wake);
		if (r->remaining == 0 && !pending)
			break;
		int running = 0;
		CURLMcode mc = curl_multi_perform(r->multi, &running);
		if (mc == CURLM_OK)
			collect(r);
		if (mc != CURLM_OK) {
			rc = scrape_error_set(SCRAPE_EFETCH, "fetching: %s", curl_multi_strerror(mc));
			break;
		}
		if (r->finished)
			continue;
		double ms = (wake - now_s()) * 1000.0;
		int timeout = ms < 1 ? 1 : ms > 1000 ? 1000 : (int)ms;
		mc = curl_multi_poll(r->multi, NULL, 0, timeout, NULL);
		if (mc != CURLM_OK) {
			rc = scrape_error_set(SCRAPE_EFETCH, "fetching: %s", curl_multi_strerror(mc));
			break;
		}
	}
	abort_all(r);
	return rc;
}

int fetch_multi_run(const char *const *urls, size_t n, const scrape_options *opts,
		    const struct fetch_multi_opts *mo, fetch_multi_fn done, void *arg)
{
	struct fetch_multi *r = NULL;
	int rc = fetch_multi_new(&r, opts, mo, done, arg);
	for (size_t i = 0; rc == SCRAPE_OK && i < n; i++)
		rc = fetch_multi_add(r, urls[i], 0, NULL);
	if (rc == SCRAPE_OK)
		rc = fetch_multi_go(r);
	fetch_multi_free(r);
	return rc;
}
