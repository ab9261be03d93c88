/*
 * URL runs. The URLs come from the command line and -i LIST, or are found:
 * --sitemap reads sitemaps (index files followed), --feed a feed, --crawl
 * the links of the pages fetched. Everything goes through one
 * fetch_multi run (scraper/fetch), so robots.txt, the per-host delay and
 * the limits hold for sitemaps, feeds and pages alike. Sitemaps and feeds
 * are read on this thread as they arrive; pages are cleaned and written
 * on worker threads (page_pool), then recorded here: for a crawl, their
 * new links are appended to OUTDIR/frontier.tsv ("DEPTH<TAB>URL", flushed)
 * and queued, and only then the page gets its line in OUTDIR/results.jsonl
 * (appended, flushed). A run killed at any moment loses nothing: --resume
 * skips the URLs recorded as done and, for a crawl, queues the rest of
 * the frontier again.
 */
#include "crawl.h"
#include "buf.h"
#include "discover.h"
#include "error.h"
#include "feed.h"
#include "fetch_multi.h"
#include "json.h"
#include "links.h"
#include "outfile.h"
#include "page_pool.h"
#include "sitemap.h"
#include "url_name.h"
#include "url_set.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define SITEMAP_MAX_BYTES ((size_t)64 << 20)  /* a sitemap unpacked (the protocol: 50 MB) */
#define SITEMAP_MAX_FILES 1000                 /* sitemaps read in one run */
#define SITEMAP_MAX_NESTING 5                  /* index files within index files */
#define FEED_MAX_BYTES ((size_t)16 << 20)
#define FILE_MAX_URLS 100000                   /* URLs taken from one sitemap or feed (the protocol: 50,000) */
#define FEEDS_FOLLOWED 8                       /* feeds a page may announce that are read */
#define FOUND_MAX_DEFAULT ((size_t)10000000)   /* pages a sitemap or feed run takes without --max-pages */

enum kind { K_PAGE, K_SITEMAP, K_ROBOTS, K_FEED };

struct slot {
	unsigned char kind;
	unsigned char guess;   /* a sitemap guessed (/sitemap.xml): its failure is no error */
	int depth;             /* page: links from the start; sitemap: nesting */
};

/* A page that ended, on its way through the workers to its record. */
struct page {
	size_t index;
	int depth;
	enum fetch_outcome outcome;
	int rc;
	long status;
	size_t bytes;
	double seconds;
	int attempts;
	char *url, *final_url, *content_type, *error; /* owned copies */
	scrape_document *doc;  /* FETCH_OK until the worker is done with it */
	char *name;            /* output written, relative to OUTDIR */
	struct discover_list links; /* --crawl: its links */
	int stage;             /* what the workers do next: STAGE_LINKS, STAGE_CLEAN */
};

/* A crawled page goes to the workers twice: for its links first, which are
 * queued at once (the frontier grows without waiting for the cleaning),
 * then to be cleaned. Other pages go once, to be cleaned. */
enum { STAGE_LINKS, STAGE_CLEAN, STAGE_DONE };

struct crawl {
	const struct cli_opts *o;
	const char *ext;
	FILE *results, *frontier;
	struct fetch_multi *fm;
	struct page_pool *pool;
	struct slot *slots;
	size_t nslots, capslots;
	struct url_set seen;   /* pages taken (normalised), discovery modes */
	struct url_set files;  /* sitemaps and feeds taken */
	const struct url_list *done; /* --resume: URLs done before, sorted */
	char scope[1024];      /* --crawl: origin and path prefix of the start */
	char robots_site[900]; /* --sitemap of a site: the origin whose robots.txt names sitemaps */
	size_t admitted, nfiles, resumed, dups, capped, too_old, nfound_files;
	int find_rc;           /* first failure while finding pages */
	size_t total, finished, ok, failed, not_html, disallowed;
	size_t by_error[16];
	int status;            /* first failure's exit code */
	int tty;
	double start, last_progress;
};

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

static int is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

int crawl_wanted(const struct cli_opts *o, char **sources, int nsources)
{
	if (o->url_list || o->find != FIND_NONE)
		return 1;
	for (int i = 0; o->outdir && i < nsources; i++)
		if (is_url(sources[i]))
			return 1;
	return 0;
}

struct url_list {
	char **v;
	size_t n, cap;
};

static int list_add(struct url_list *l, const char *s, size_t n)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	char *c = malloc(n + 1);
	if (!c)
		return -1;
	memcpy(c, s, n);
	c[n] = '\0';
	l->v[l->n++] = c;
	return 0;
}

static void list_free(struct url_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* Adds the URLs of a list file: one a line, blanks and # comments skipped. */
static int read_list(struct url_list *l, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (!f) {
		fprintf(stderr, "scrape: %s: %s\n", path, strerror(errno));
		return EXIT_INPUT;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int rc = EXIT_OK_;
	while ((got = getline(&line, &cap, f)) >= 0) {
		const char *s = line;
		size_t n = (size_t)got;
		while (n && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n == 0 || s[0] == '#')
			continue;
		if (list_add(l, s, n) != 0) {
			fputs("scrape: out of memory\n", stderr);
			rc = EXIT_INTERNAL;
			break;
		}
	}
	if (rc == EXIT_OK_ && ferror(f)) {
		fprintf(stderr, "scrape: %s: %s\n", path, strerror(errno));
		rc = EXIT_INPUT;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The URLs results.jsonl records as done (outcome "ok"), sorted. */
static int read_done(struct url_list *done, const char *results_path)
{
	FILE *f = fopen(results_path, "r");
	if (!f)
		return errno == ENOENT ? 0 : -1;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int rc = 0;
	while (rc == 0 && (got = getline(&line, &cap, f)) >= 0) {
		cJSON *j = cJSON_ParseWithLength(line, (size_t)got); /* a torn last line fails: redone */
		const cJSON *url = cJSON_GetObjectItemCaseSensitive(j, "url");
		const cJSON *outcome = cJSON_GetObjectItemCaseSensitive(j, "outcome");
		if (cJSON_IsString(url) && cJSON_IsString(outcome) && strcmp(outcome->valuestring, "ok") == 0)
			rc = list_add(done, url->valuestring, strlen(url->valuestring));
		cJSON_Delete(j);
	}
	free(line);
	fclose(f);
	if (done->n)
		qsort(done->v, done->n, sizeof *done->v, cmp_str);
	return rc;
}

/* Drops duplicates (first kept) and, when done is given, the URLs in it;
 * counts them in *dups and *resumed. 0, or -1 when out of memory. */
static int drop_repeats(struct url_list *l, const struct url_list *done, size_t *dups,
			size_t *resumed)
{
	size_t n = l->n;
	char **sorted = malloc((n ? n : 1) * sizeof *sorted);
	/* bit 1 at a sorted position: that URL was seen; bit 2 at an input
	 * position: that entry goes (freed at the end: sorted points at it) */
	unsigned char *mark = calloc(n ? n : 1, 1);
	if (!sorted || !mark) {
		free(sorted);
		free(mark);
		return -1;
	}
	memcpy(sorted, l->v, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_str);
	for (size_t i = 0; i < n; i++) {
		char *u = l->v[i];
		char **hit = bsearch(&u, sorted, n, sizeof *sorted, cmp_str);
		while (hit > sorted && strcmp(hit[-1], u) == 0)
			hit--; /* the first of equal strings holds the mark */
		size_t at = (size_t)(hit - sorted);
		if (mark[at] & 1) {
			mark[i] |= 2;
			(*dups)++;
		} else if (done && done->n && bsearch(&u, done->v, done->n, sizeof *done->v, cmp_str)) {
			mark[i] |= 2;
			(*resumed)++;
		}
		mark[at] |= 1;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (mark[i] & 2)
			free(l->v[i]);
		else
			l->v[k++] = l->v[i];
	}
	l->n = k;
	free(sorted);
	free(mark);
	return 0;
}

/* Extracts the page d fetched for url and writes it under OUTDIR; *name:
 * its relative path (malloc'd, the caller frees it; NULL on failure).
 * Runs on a worker thread: reads only o and its arguments. */
static int save_page(const struct cli_opts *o, const char *ext, const char *url, const scrape_document *d,
		     char **name)
{
	scrape_result *res = NULL;
	char *text = NULL, *path = NULL, *why = NULL;
	size_t len = 0;
	int rc = scrape_html(&res, scrape_document_data(d), scrape_document_len(d),
			     scrape_document_content_type(d), scrape_document_url(d), &o->lib);
	if (rc == SCRAPE_OK)
		rc = scrape_render(&text, &len, res, &o->lib);
	if (rc == SCRAPE_OK)
		rc = url_name(name, url, ext);
	if (rc != SCRAPE_OK) {
		/* messages from the pipeline do not always start with the URL */
		const char *m = scrape_error_last();
		char copy[600];
		snprintf(copy, sizeof copy, "%s", m && *m ? m : scrape_strerror(rc));
		if (strncmp(copy, url, strlen(url)) != 0)
			scrape_error_set(rc, "%s: %s", url, copy);
		goto done;
	}
	size_t n = strlen(o->outdir) + strlen(*name) + 2;
	path = malloc(n);
	if (!path) {
		rc = scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
		goto done;
	}
	snprintf(path, n, "%s/%s", o->outdir, *name);
	if (outfile_make_parents(path) != 0)
		rc = scrape_error_set(SCRAPE_EIO, "%s: cannot create the folder of %s: %s", url, path,
				      strerror(errno));
	else if (outfile_write_atomic(path, text, len, 1, &why) != 0)
		rc = scrape_error_set(SCRAPE_EIO, "%s: %s", url, why ? why : "cannot write the output");
done:
	if (rc != SCRAPE_OK) {
		free(*name);
		*name = NULL;
	}
	free(why);
	free(path);
	free(text);
	scrape_result_free(res);
	return rc;
}

static void put_field(struct buf *b, const char *key, const char *value)
{
	buf_printf(b, ",\"%s\":", key);
	if (value)
		json_put_string(b, value, strlen(value));
	else
		buf_puts(b, "null");
}

static const char *outcome_name(enum fetch_outcome o)
{
	switch (o) {
	case FETCH_OK: return "ok";
	case FETCH_DISALLOWED: return "disallowed";
	case FETCH_NOT_HTML: return "not_html";
	default: return "failed";
	}
}


static void page_free(struct page *p)
{
	if (!p)
		return;
	free(p->url);
	free(p->final_url);
	free(p->content_type);
	free(p->error);
	free(p->name);
	scrape_document_free(p->doc);
	discover_list_free(&p->links);
	free(p);
}

static void progress(struct crawl *c, int final)
{
	double t = outfile_now() - c->start;
	fprintf(stderr, "\r%zu/%zu done, %zu failed, %.1f pages/s   %s", c->finished, c->total, c->failed,
		t > 0 ? (double)c->finished / t : 0, final ? "\n" : "");
}

/* Remembers what index i of the fetch run is. -1 when out of memory. */
static int slot_set(struct crawl *c, size_t i, enum kind kind, int depth, int guess)
{
	if (i >= c->capslots) {
		size_t cap = c->capslots ? c->capslots * 2 : 256;
		while (cap <= i)
			cap *= 2;
		struct slot *v = realloc(c->slots, cap * sizeof *v);
		if (!v)
			return -1;
		c->slots = v;
		c->capslots = cap;
	}
	c->slots[i].kind = (unsigned char)kind;
	c->slots[i].guess = (unsigned char)guess;
	c->slots[i].depth = depth;
	if (i >= c->nslots)
		c->nslots = i + 1;
	return 0;
}

static void fail_internal(struct crawl *c, const char *what)
{
	fprintf(stderr, "scrape: %s\n", what);
	if (c->status == EXIT_OK_)
		c->status = EXIT_INTERNAL;
}

/* Queues url (a sitemap, robots.txt or a feed) once. */
static void fetch_file(struct crawl *c, const char *url, enum kind kind, int depth, int guess)
{
	int fresh = url_set_add(&c->files, url);
	if (fresh < 0) {
		fail_internal(c, "out of memory");
		return;
	}
	if (!fresh)
		return; /* a cycle between index files, or the same feed twice */
	if (kind == K_SITEMAP && c->nfiles >= SITEMAP_MAX_FILES) {
		fprintf(stderr, "scrape: %s: not read: more than %d sitemaps in one run\n", url, SITEMAP_MAX_FILES);
		return;
	}
	c->nfiles++;
	size_t i;
	if (fetch_multi_add(c->fm, url, FETCH_ANY_TYPE, &i) != SCRAPE_OK || slot_set(c, i, kind, depth, guess) != 0)
		fail_internal(c, "out of memory");
}

/* A page found (normalised url, depth links from the start): queued once,
 * within --max-pages; --list-only prints it instead (and --crawl still
 * fetches it, for its links). */
static void admit(struct crawl *c, const char *url, int depth, int from_frontier)
{
	int fresh = url_set_add(&c->seen, url);
	if (fresh <= 0) {
		if (fresh < 0)
			fail_internal(c, "out of memory");
		else
			c->dups++;
		return;
	}
	size_t cap = c->o->max_pages ? c->o->max_pages : FOUND_MAX_DEFAULT;
	if (c->admitted >= cap) {
		c->capped++;
		return;
	}
	c->admitted++;
	if (c->frontier && !from_frontier &&
	    (fprintf(c->frontier, "%d\t%s\n", depth, url) < 0 || fflush(c->frontier) != 0)) {
		fprintf(stderr, "scrape: %s/frontier.tsv: cannot write: %s\n", c->o->outdir, strerror(errno));
		if (c->status == EXIT_OK_)
			c->status = EXIT_INTERNAL;
	}
	if (c->o->list_only) {
		printf("%s\n", url);
		fflush(stdout);
		if (c->o->find != FIND_CRAWL)
			return;
	}
	if (c->done && c->done->n && bsearch(&url, c->done->v, c->done->n, sizeof *c->done->v, cmp_str)) {
		c->resumed++;
		return;
	}
	size_t i;
	if (fetch_multi_add(c->fm, url, 0, &i) != SCRAPE_OK || slot_set(c, i, K_PAGE, depth, 0) != 0) {
		fail_internal(c, "out of memory");
		return;
	}
	c->total++;
}

/* A failure while finding pages: reported; the first one's code makes the exit status. */
static void find_failed(struct crawl *c, int rc, const char *msg)
{
	if (!c->o->quiet)
		fprintf(stderr, "scrape: %s\n", msg);
	if (c->find_rc == SCRAPE_OK)
		c->find_rc = rc;
}

static int looks_html(const char *type, const scrape_document *d)
{
	if (type && (strncasecmp(type, "text/html", 9) == 0 || strncasecmp(type, "application/xhtml", 17) == 0))
		return 1;
	if (!d)
		return 0;
	const char *data = scrape_document_data(d);
	size_t len = scrape_document_len(d), i = 0;
	while (i < len && i < 512 && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	return len - i >= 5 && (strncasecmp(data + i, "<!doc", 5) == 0 || strncasecmp(data + i, "<html", 5) == 0);
}

/* The home page of url's site was given: its sitemaps are those robots.txt
 * names, and /sitemap.xml. */
static void find_sitemaps_of_site(struct crawl *c, const char *url)
{
	char origin[900], u[1000];
	if (discover_origin(origin, sizeof origin, url) != 0) {
		find_failed(c, SCRAPE_EUSAGE, "cannot take the site of the sitemap URL");
		return;
	}
	if (c->o->ignore_robots) {
		snprintf(u, sizeof u, "%s/robots.txt", origin);
		fetch_file(c, u, K_ROBOTS, 1, 0);
	} else {
		/* the robots.txt fetched before /sitemap.xml is read (on_robots) */
		snprintf(c->robots_site, sizeof c->robots_site, "%s", origin);
	}
	snprintf(u, sizeof u, "%s/sitemap.xml", origin);
	fetch_file(c, u, K_SITEMAP, 1, 1);
}

/* fetch_multi's robots_text: the Sitemap: lines of the site's robots.txt. */
static void on_robots(void *arg, const char *robots_url, const char *text, size_t len)
{
	struct crawl *c = arg;
	char origin[900];
	if (!c->robots_site[0] || discover_origin(origin, sizeof origin, robots_url) != 0 ||
	    strcmp(origin, c->robots_site) != 0)
		return;
	c->robots_site[0] = '\0'; /* once */
	struct discover_list maps = DISCOVER_LIST_INIT;
	maps.max = FILE_MAX_URLS;
	if (sitemap_from_robots(&maps, text, len, robots_url) != SCRAPE_OK)
		fail_internal(c, "out of memory");
	for (size_t i = 0; i < maps.n; i++)
		fetch_file(c, maps.v[i].url, K_SITEMAP, 1, 0);
	discover_list_free(&maps);
}

/* A sitemap, robots.txt or feed arrived (or did not). */
static void file_done(struct crawl *c, const struct slot *s, struct fetch_result *r)
{
	const scrape_document *d = r->doc;
	char msg[700];
	if (r->outcome != FETCH_OK) {
		const char *why = r->error ? r->error : scrape_strerror(r->rc);
		if (s->kind == K_ROBOTS || s->guess) {
			if (!c->o->quiet)
				fprintf(stderr, "scrape: %s (looked for a sitemap there)\n", why);
			return;
		}
		find_failed(c, r->rc ? r->rc : SCRAPE_EFETCH, why);
		return;
	}
	struct discover_list pages = DISCOVER_LIST_INIT, more = DISCOVER_LIST_INIT;
	pages.max = more.max = FILE_MAX_URLS;
	int rc = SCRAPE_OK;
	const char *data = scrape_document_data(d);
	size_t len = scrape_document_len(d);
	const char *base = scrape_document_url(d) ? scrape_document_url(d) : r->url; /* after redirects */
	if (s->kind == K_ROBOTS) {
		rc = sitemap_from_robots(&more, data, len, r->url);
		for (size_t i = 0; rc == SCRAPE_OK && i < more.n; i++)
			fetch_file(c, more.v[i].url, K_SITEMAP, 1, 0);
	} else if (s->kind == K_SITEMAP) {
		enum sitemap_kind kind;
		rc = sitemap_parse(&pages, &more, &kind, data, len, r->url, SITEMAP_MAX_BYTES);
		if ((rc == SCRAPE_ENOCONTENT || rc == SCRAPE_EENCODING) && s->depth == 0 && looks_html(r->content_type, d)) {
			find_sitemaps_of_site(c, base); /* a page of the site */
			rc = SCRAPE_OK;
		} else if (rc == SCRAPE_OK) {
			c->nfound_files++;
			for (size_t i = 0; i < more.n; i++) {
				if (s->depth >= SITEMAP_MAX_NESTING) {
					snprintf(msg, sizeof msg, "%s: sitemap index nested deeper than %d levels; "
						 "%s not read", r->url, SITEMAP_MAX_NESTING, more.v[i].url);
					find_failed(c, SCRAPE_ELIMIT, msg);
					break;
				}
				fetch_file(c, more.v[i].url, K_SITEMAP, s->depth + 1, 0);
			}
		}
	} else {
		enum feed_kind kind;
		rc = feed_parse(&pages, &kind, data, len, r->url, FEED_MAX_BYTES);
		if ((rc == SCRAPE_ENOCONTENT || rc == SCRAPE_EENCODING) && s->depth == 0 &&
		    looks_html(r->content_type, d)) {
			rc = links_extract(&more, NULL, data, len, base, LINKS_FEEDS);
			if (rc == SCRAPE_OK && more.n == 0) {
				rc = scrape_error_set(SCRAPE_ENOCONTENT, "%s: not a feed, and the page announces "
						      "none (<link rel=\"alternate\" type=\"application/rss+xml\">)",
						      r->url);
			}
			for (size_t i = 0; rc == SCRAPE_OK && i < more.n && i < FEEDS_FOLLOWED; i++)
				fetch_file(c, more.v[i].url, K_FEED, 1, 0);
		} else if (rc == SCRAPE_OK) {
			c->nfound_files++;
		}
	}
	if (rc != SCRAPE_OK) {
		find_failed(c, rc, scrape_error_last());
	} else {
		for (size_t i = 0; i < pages.n; i++) {
			if (c->o->has_lastmod_after && (pages.v[i].lastmod == DISCOVER_NO_DATE ||
							pages.v[i].lastmod <= c->o->lastmod_after)) {
				c->too_old++;
				continue;
			}
			admit(c, pages.v[i].url, 1, 0);
		}
		if (pages.dropped) {
			snprintf(msg, sizeof msg, "%s: more than %zu URLs; the rest not read", r->url, pages.max);
			find_failed(c, SCRAPE_ELIMIT, msg);
		}
	}
	discover_list_free(&pages);
	discover_list_free(&more);
}

/* On a worker: takes the page's links (STAGE_LINKS), or cleans and
 * writes it (STAGE_CLEAN). */
static void work(void *arg, void *item)
{
	struct crawl *c = arg;
	struct page *p = item;
	const struct cli_opts *o = c->o;
	if (p->stage == STAGE_LINKS) {
		if (!p->content_type || looks_html(p->content_type, p->doc)) {
			const char *base = scrape_document_url(p->doc) ? scrape_document_url(p->doc) : p->url;
			int rc = links_extract(&p->links, NULL, scrape_document_data(p->doc),
					       scrape_document_len(p->doc), base, LINKS_FOLLOW);
			if (rc != SCRAPE_OK)
				discover_list_free(&p->links); /* out of memory: the page is still cleaned */
		}
		p->stage = STAGE_CLEAN;
		return;
	}
	if (!o->list_only) {
		int rc = save_page(o, c->ext, p->url, p->doc, &p->name);
		if (rc != SCRAPE_OK) {
			p->outcome = FETCH_FAILED;
			p->rc = rc;
			free(p->error);
			p->error = strdup(scrape_error_last());
		}
	}
	scrape_document_free(p->doc);
	p->doc = NULL;
	p->stage = STAGE_DONE;
}

static void wake(void *arg)
{
	struct crawl *c = arg;
	fetch_multi_wakeup(c->fm);
}

/* 1 when url is within the crawl's site and path. */
static int in_scope(const struct crawl *c, const char *url)
{
	return strncmp(url, c->scope, strlen(c->scope)) == 0;
}

/* The links a worker took from p, on this thread: the new ones within
 * the scope are queued (and written to the frontier). */
static void admit_links(struct crawl *c, struct page *p)
{
	for (size_t i = 0; i < p->links.n; i++) {
		const char *u = p->links.v[i].url;
		if (in_scope(c, u) && !links_not_page(u))
			admit(c, u, p->depth + 1, 0);
	}
	discover_list_free(&p->links);
	if (p->final_url && c->o->find == FIND_CRAWL) {
		char *f = NULL; /* a redirect's target is not fetched again from a link */
		if (discover_normalize(&f, p->final_url, strlen(p->final_url), NULL) == SCRAPE_OK &&
		    url_set_add(&c->seen, f) < 0)
			fail_internal(c, "out of memory");
		free(f);
	}
}

/* A page's end, on this thread: its line in results.jsonl. */
static void record(struct crawl *c, struct page *p)
{
	enum fetch_outcome outcome = p->outcome;
	int rc = p->rc;
	if (c->results) {
		struct buf line = BUF_INIT;
		buf_puts(&line, "{\"url\":");
		json_put_string(&line, p->url, strlen(p->url));
		put_field(&line, "final_url", p->final_url);
		buf_printf(&line, ",\"status\":%ld", p->status);
		put_field(&line, "content_type", p->content_type);
		buf_printf(&line, ",\"bytes\":%zu", p->bytes);
		put_field(&line, "output", p->name);
		put_field(&line, "outcome", outcome_name(outcome));
		put_field(&line, "error", outcome == FETCH_OK ? NULL : p->error ? p->error : scrape_strerror(rc));
		buf_printf(&line, ",\"seconds\":%.3f,\"attempts\":%d", p->seconds, p->attempts);
		if (c->o->find == FIND_CRAWL)
			buf_printf(&line, ",\"depth\":%d", p->depth);
		buf_puts(&line, "}\n");
		if (line.oom || fwrite(line.data, 1, line.len, c->results) != line.len || fflush(c->results) != 0) {
			fprintf(stderr, "scrape: %s/results.jsonl: cannot write: %s\n", c->o->outdir, strerror(errno));
			if (c->status == EXIT_OK_)
				c->status = EXIT_INTERNAL;
		}
		buf_free(&line);
	}
	c->finished++;
	switch (outcome) {
	case FETCH_OK: c->ok++; break;
	case FETCH_DISALLOWED: c->disallowed++; break;
	case FETCH_NOT_HTML: c->not_html++; break;
	default:
		c->failed++;
		c->by_error[(unsigned)(-rc) & 15]++;
		if (c->status == EXIT_OK_)
			c->status = cli_exit_code(rc) != EXIT_OK_ ? cli_exit_code(rc) : EXIT_FETCH;
	}
	if (c->tty) {
		double now = outfile_now();
		if (now - c->last_progress > 0.2 || c->finished == c->total) {
			c->last_progress = now;
			progress(c, 0);
		}
	} else if (!c->o->quiet && !c->o->list_only) {
		if (outcome == FETCH_OK)
			fprintf(stderr, "scrape: %s: ok, HTTP %ld, %zu bytes, %.2f s -> %s\n", p->url, p->status,
				p->bytes, p->seconds, p->name);
		else
			fprintf(stderr, "scrape: %s\n", p->error ? p->error : scrape_strerror(rc));
	}
	page_free(p);
}

/* After the workers stopped: a page whose links were taken is cleaned here. */
static void drain(void *arg, void *item)
{
	struct crawl *c = arg;
	struct page *p = item;
	if (p->stage == STAGE_CLEAN) {
		admit_links(c, p);
		work(c, p);
	}
	record(c, p);
}

/* fetch_multi's turn: the links the workers took are queued, those pages
 * go back to be cleaned; cleaned pages are recorded. Non-zero while some
 * pages are still with the workers. */
static int turn(void *arg)
{
	struct crawl *c = arg;
	struct page *p;
	while ((p = page_pool_pop(c->pool))) {
		if (p->stage != STAGE_CLEAN) {
			record(c, p);
			continue;
		}
		admit_links(c, p);
		if (page_pool_push(c->pool, p, 0) != 0) {
			work(c, p); /* out of memory for the queue: cleaned here */
			record(c, p);
		}
	}
	return page_pool_pending(c->pool) > 0;
}

static char *dup_or_null(const char *s, int *oom)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d)
		*oom = 1;
	return d;
}

/* fetch_multi_run's callback: one URL ended. */
static void on_done(void *arg, struct fetch_result *r)
{
	struct crawl *c = arg;
	struct slot s = r->index < c->nslots ? c->slots[r->index] : (struct slot){ K_PAGE, 0, 0 };
	if (s.kind != K_PAGE) {
		file_done(c, &s, r);
		return;
	}
	int oom = 0;
	struct page *p = calloc(1, sizeof *p);
	if (!p) {
		fail_internal(c, "out of memory");
		return;
	}
	p->index = r->index;
	p->depth = s.depth;
	p->outcome = r->outcome;
	p->rc = r->rc;
	p->status = r->status;
	p->bytes = r->bytes;
	p->seconds = r->seconds;
	p->attempts = r->attempts;
	p->url = dup_or_null(r->url, &oom);
	p->final_url = dup_or_null(r->final_url, &oom);
	p->content_type = dup_or_null(r->content_type, &oom);
	p->error = dup_or_null(r->error, &oom);
	if (oom) {
		page_free(p);
		fail_internal(c, "out of memory");
		return;
	}
	int follow = c->o->find == FIND_CRAWL && (c->o->crawl_depth < 0 || s.depth < c->o->crawl_depth);
	p->stage = follow ? STAGE_LINKS : STAGE_CLEAN;
	if (r->outcome == FETCH_OK) {
		p->doc = r->doc;
		r->doc = NULL; /* the worker frees it */
		/* links first: the frontier waits for them, not for the cleaning */
		if (page_pool_push(c->pool, p, p->stage == STAGE_LINKS) == 0)
			return;
		r->doc = p->doc;
		p->doc = NULL;
		page_free(p);
		fail_internal(c, "out of memory");
		return;
	}
	record(c, p);
}

/* The robots.txt product token: the user agent up to '/' or a blank. */
static void agent_token(char *out, size_t size, const char *ua)
{
	size_t n = strcspn(ua, "/ \t");
	if (n >= size)
		n = size - 1;
	memcpy(out, ua, n);
	out[n] = '\0';
}


/* --crawl: the scope (origin and the start's folder) and the frontier:
 * with --resume, the frontier file's URLs queued again (those done
 * skipped); else the start URL. Returns an exit code. */
static int crawl_start(struct crawl *c, const char *start, const char *frontier_path)
{
	const struct cli_opts *o = c->o;
	char *u = NULL;
	if (discover_normalize(&u, start, strlen(start), NULL) != SCRAPE_OK) {
		fprintf(stderr, "scrape: %s\n", scrape_error_last());
		return EXIT_USAGE;
	}
	/* the scope: everything up to the last '/' of the path */
	const char *path = strstr(u, "://");
	path = path ? strchr(path + 3, '/') : NULL;
	size_t plen = path ? strcspn(path, "?") : 0;
	size_t keep = path ? (size_t)(path - u) : strlen(u);
	for (size_t k = 0; k < plen; k++)
		if (path[k] == '/')
			keep = (size_t)(path - u) + k + 1;
	if (keep >= sizeof c->scope) {
		fprintf(stderr, "scrape: %s: URL too long to crawl from\n", start);
		free(u);
		return EXIT_USAGE;
	}
	memcpy(c->scope, u, keep);
	c->scope[keep] = '\0';
	int status = EXIT_OK_, torn = 0;
	FILE *f = o->resume && frontier_path ? fopen(frontier_path, "r") : NULL;
	if (f) {
		char *line = NULL;
		size_t cap = 0;
		ssize_t got;
		while ((got = getline(&line, &cap, f)) > 0) {
			if (line[got - 1] != '\n') {
				torn = 1; /* by a kill: the page that found it is redone */
				break;
			}
			line[got - 1] = '\0';
			char *tab = strchr(line, '\t');
			if (!tab)
				continue;
			*tab = '\0';
			admit(c, tab + 1, atoi(line), 1);
		}
		free(line);
		fclose(f);
	}
	/* a fresh crawl starts a fresh frontier; --resume goes on with it */
	if (frontier_path && !(c->frontier = fopen(frontier_path, o->resume ? "a" : "w"))) {
		fprintf(stderr, "scrape: %s: %s\n", frontier_path, strerror(errno));
		status = EXIT_INPUT;
	} else if (torn) {
		fputc('\n', c->frontier);
	}
	if (status == EXIT_OK_ && c->admitted == 0)
		admit(c, u, 0, 0);
	free(u);
	return status;
}

/* Frees what a crawl run holds once its files are closed: the transfers,
 * the slots, the URL sets, the two path names and the two URL lists. */
static void crawl_release(struct crawl *c, char *results_path, char *frontier_path, struct url_list *urls,
			  struct url_list *done)
{
	fetch_multi_free(c->fm);
	free(results_path);
	free(frontier_path);
	free(c->slots);
	url_set_free(&c->seen);
	url_set_free(&c->files);
	list_free(urls);
	list_free(done);
}

int crawl_run(const struct cli_opts *o_in, char **sources, int nsources)
{
	struct cli_opts ob = *o_in;
	struct cli_opts *o = &ob;
	int finding = o->find != FIND_NONE;
	if (finding && o->find == FIND_CRAWL) {
		if (!o->max_pages) {
			fputs("scrape: --crawl needs --max-pages N, the most pages to fetch\n", stderr);
			return EXIT_USAGE;
		}
		if (o->crawl_depth >= 0) {
			scrape_options def = SCRAPE_OPTIONS_INIT;
			o->lib.max_depth = def.max_depth; /* --max-depth counts links here */
		}
	}
	if (!o->outdir && !o->list_only) {
		fprintf(stderr, "scrape: %s needs -o DIR for the outputs, or --list-only (see scrape --help)\n",
			o->find == FIND_SITEMAP ? "--sitemap" : o->find == FIND_FEED ? "--feed" :
			o->find == FIND_CRAWL ? "--crawl" : "fetching a URL list (-i)");
		return EXIT_USAGE;
	}
	if (o->mode != MODE_EXTRACT || o->jsonl) {
		fputs("scrape: -i, --sitemap, --feed, --crawl and -o with URLs go with neither --repair, --check "
		      "nor --jsonl\n", stderr);
		return EXIT_USAGE;
	}
	if (o->list_only && !finding) {
		fputs("scrape: --list-only goes with --sitemap, --feed or --crawl\n", stderr);
		return EXIT_USAGE;
	}
	if (finding && (nsources > 0 || o->url_list)) {
		fputs("scrape: --sitemap, --feed and --crawl take their URL alone (no -i, no other sources)\n", stderr);
		return EXIT_USAGE;
	}
	if (o->list_only)
		o->outdir = NULL; /* nothing is written */
	struct url_list urls = { NULL, 0, 0 }, done = { NULL, 0, 0 };
	int status = EXIT_OK_;
	for (int i = 0; i < nsources && status == EXIT_OK_; i++) {
		if (!is_url(sources[i])) {
			fprintf(stderr, "scrape: %s: not an http(s) URL; a run with URLs takes URLs only\n",
				sources[i]);
			status = EXIT_USAGE;
		} else if (list_add(&urls, sources[i], strlen(sources[i])) != 0) {
			status = EXIT_INTERNAL;
		}
	}
	if (status == EXIT_OK_ && o->url_list)
		status = read_list(&urls, o->url_list);
	if (status == EXIT_OK_ && o->outdir && mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "scrape: %s: %s\n", o->outdir, strerror(errno));
		status = EXIT_INPUT;
	}
	char *results_path = NULL, *frontier_path = NULL;
	if (o->outdir) {
		size_t rn = strlen(o->outdir) + 16;
		results_path = malloc(rn);
		frontier_path = malloc(rn);
		if (!results_path || !frontier_path) {
			status = EXIT_INTERNAL;
		} else {
			snprintf(results_path, rn, "%s/results.jsonl", o->outdir);
			snprintf(frontier_path, rn, "%s/frontier.tsv", o->outdir);
		}
	}
	if (status == EXIT_OK_ && o->resume && results_path && read_done(&done, results_path) != 0) {
		fprintf(stderr, "scrape: %s: cannot read: %s\n", results_path, strerror(errno));
		status = EXIT_INPUT;
	}
	struct crawl c;
	memset(&c, 0, sizeof c);
	c.o = o;
	c.ext = o->lib.format == SCRAPE_FORMAT_JSON ? ".json" :
		o->lib.format == SCRAPE_FORMAT_MARKDOWN ? ".md" : ".txt";
	c.done = o->resume ? &done : NULL;
	size_t resumed = 0, dups = 0;
	if (status == EXIT_OK_ && !finding && drop_repeats(&urls, c.done, &dups, &resumed) != 0) {
		fputs("scrape: out of memory\n", stderr);
		status = EXIT_INTERNAL;
	}
	if (status == EXIT_OK_ && results_path) {
		if (!(c.results = fopen(results_path, "a+"))) {
			fprintf(stderr, "scrape: %s: %s\n", results_path, strerror(errno));
			status = EXIT_INPUT;
		} else if (fseek(c.results, -1, SEEK_END) == 0 && fgetc(c.results) != '\n') {
			fseek(c.results, 0, SEEK_END);
			fputc('\n', c.results); /* a line torn by a kill: the next one starts clean */
		}
	}

	char token[64];
	agent_token(token, sizeof token, o->lib.user_agent ? o->lib.user_agent : "scrape");
	struct fetch_multi_opts mo = FETCH_MULTI_OPTS_INIT;
	mo.connections = o->jobs > 0 ? o->jobs : 8;
	mo.per_host = o->per_host;
	mo.delay_ms = o->delay_ms;
	mo.retries = o->retries;
	mo.robots = !o->ignore_robots;
	mo.agent = token;
	mo.insecure = o->insecure;
	mo.resolve = o->resolve;
	mo.nresolve = (size_t)o->nresolve;
	mo.stop = &stop_flag;
	mo.turn = turn;
	mo.robots_text = on_robots;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int threads = cores < 1 ? 1 : cores > 16 ? 16 : (int)cores;
	if (status == EXIT_OK_ && fetch_multi_new(&c.fm, &o->lib, &mo, on_done, &c) != SCRAPE_OK) {
		fprintf(stderr, "scrape: %s\n", scrape_error_last());
		status = EXIT_INTERNAL;
	}
	if (status == EXIT_OK_ && page_pool_start(&c.pool, threads, (size_t)threads * 2 + 2, work, wake, &c) != 0) {
		fputs("scrape: cannot start the worker threads\n", stderr);
		status = EXIT_INTERNAL;
	}
	c.tty = isatty(2) && !o->quiet && !o->list_only;
	c.start = outfile_now();
	if (status == EXIT_OK_ && o->find == FIND_CRAWL) {
		status = crawl_start(&c, o->start_url, frontier_path);
	} else if (status == EXIT_OK_ && finding) {
		char *u = NULL;
		if (discover_normalize(&u, o->start_url, strlen(o->start_url), NULL) != SCRAPE_OK) {
			fprintf(stderr, "scrape: %s\n", scrape_error_last());
			status = EXIT_USAGE;
		} else if (o->find == FIND_FEED) {
			fetch_file(&c, u, K_FEED, 0, 0);
		} else {
			const char *p = strstr(u, "://");
			p = p ? strchr(p + 3, '/') : NULL;
			if (!p || strcmp(p, "/") == 0)
				find_sitemaps_of_site(&c, u); /* the home page: no need to fetch it */
			else
				fetch_file(&c, u, K_SITEMAP, 0, 0);
		}
		free(u);
	} else if (status == EXIT_OK_) {
		for (size_t i = 0; i < urls.n && status == EXIT_OK_; i++) {
			size_t idx;
			if (fetch_multi_add(c.fm, urls.v[i], 0, &idx) != SCRAPE_OK ||
			    slot_set(&c, idx, K_PAGE, 0, 0) != 0)
				status = EXIT_INTERNAL;
			c.total++;
		}
		c.resumed = resumed;
		c.dups = dups;
	}
	if (status != EXIT_OK_) {
		page_pool_finish(c.pool, drain, &c);
		if (c.results)
			fclose(c.results);
		if (c.frontier)
			fclose(c.frontier);
		crawl_release(&c, results_path, frontier_path, &urls, &done);
		return status;
	}

	struct sigaction sa, old_int, old_term;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	stop_flag = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	int rc = fetch_multi_go(c.fm);
	/* pages still with the workers are finished and recorded (an interrupt too) */
	page_pool_finish(c.pool, drain, &c);
	c.pool = NULL;
	double elapsed = outfile_now() - c.start;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (c.tty)
		progress(&c, 1);
	int interrupted = rc == SCRAPE_ELIMIT && stop_flag;
	if (rc != SCRAPE_OK && !interrupted) {
		fprintf(stderr, "scrape: %s\n", scrape_error_last());
		if (c.status == EXIT_OK_)
			c.status = cli_exit_code(rc);
	}
	if (finding && c.admitted == 0 && c.find_rc == SCRAPE_OK && !interrupted) {
		/* nothing found, and nothing failed: say so */
		char none[600];
		snprintf(none, sizeof none, "%.500s: no pages found%s", o->start_url,
			 c.too_old ? " after --lastmod-after" : "");
		find_failed(&c, SCRAPE_ENOCONTENT, none);
	}
	if (!o->quiet) {
		if (finding)
			fprintf(stderr, "scrape: %s: %zu pages found (%zu %s read, %zu duplicates, %zu beyond "
				"--max-pages, %zu not after --lastmod-after)\n", o->start_url, c.admitted,
				c.nfound_files, o->find == FIND_FEED ? "feeds" : "sitemaps", c.dups, c.capped,
				c.too_old);
		if (!o->list_only || o->find == FIND_CRAWL) {
			fprintf(stderr, "scrape: %zu URLs: %zu ok, %zu failed, %zu not HTML, %zu disallowed by robots.txt",
				c.total, c.ok, c.failed, c.not_html, c.disallowed);
			if (c.resumed)
				fprintf(stderr, ", %zu done before (--resume)", c.resumed);
			if (c.dups && !finding)
				fprintf(stderr, ", %zu duplicates dropped", c.dups);
			fprintf(stderr, "; %.2f s, %.1f pages/s\n", elapsed,
				elapsed > 0 ? (double)c.finished / elapsed : 0);
		}
		for (int e = 1; e < 16; e++)
			if (c.by_error[e])
				fprintf(stderr, "scrape:   %zu %s\n", c.by_error[e], scrape_strerror(-e));
		if (interrupted)
			fprintf(stderr, "scrape: interrupted after %zu of %zu URLs; run again with --resume to go on\n",
				c.finished, c.total);
	}
	if (c.status == EXIT_OK_ && c.find_rc != SCRAPE_OK)
		c.status = cli_exit_code(c.find_rc) != EXIT_OK_ ? cli_exit_code(c.find_rc) : EXIT_FETCH;
	if (c.results && fclose(c.results) != 0 && c.status == EXIT_OK_)
		c.status = EXIT_INTERNAL;
	if (c.frontier && fclose(c.frontier) != 0 && c.status == EXIT_OK_)
		c.status = EXIT_INTERNAL;
	crawl_release(&c, results_path, frontier_path, &urls, &done);
	if (interrupted)
		return 130;
	return c.status;
}
