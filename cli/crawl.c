/*
 * URL-list runs: the URLs (command line and -i LIST, duplicates dropped,
 * with --resume those results.jsonl lists as done dropped too) go to
 * fetch_multi_run(). Each page that arrives is extracted on this thread,
 * written atomically under OUTDIR with a name made from its URL, and only
 * then recorded in OUTDIR/results.jsonl (appended, flushed), so a run killed
 * at any moment loses nothing and a --resume run redoes only what is not
 * recorded as done.
 */
#include "crawl.h"
#include "buf.h"
#include "error.h"
#include "fetch_multi.h"
#include "json.h"
#include "outfile.h"
#include "url_name.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct crawl {
	const struct cli_opts *o;
	const char *ext;
	FILE *results;
	size_t total, finished, ok, failed, not_html, disallowed;
	size_t by_error[16];
	int status;         /* first failure's exit code */
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
	if (o->url_list)
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

/* Extracts the page of r and writes it under OUTDIR; *name: its relative path. */
static int save_page(struct crawl *c, const struct fetch_result *r, char **name)
{
	scrape_result *res = NULL;
	char *text = NULL, *path = NULL, *why = NULL;
	size_t len = 0;
	const scrape_document *d = r->doc;
	int rc = scrape_html(&res, scrape_document_data(d), scrape_document_len(d),
			     scrape_document_content_type(d), scrape_document_url(d), &c->o->lib);
	if (rc == SCRAPE_OK)
		rc = scrape_render(&text, &len, res, &c->o->lib);
	if (rc == SCRAPE_OK)
		rc = url_name(name, r->url, c->ext);
	if (rc != SCRAPE_OK) {
		/* messages from the pipeline do not always start with the URL */
		const char *m = scrape_error_last();
		char copy[600];
		snprintf(copy, sizeof copy, "%s", m && *m ? m : scrape_strerror(rc));
		if (strncmp(copy, r->url, strlen(r->url)) != 0)
			scrape_error_set(rc, "%s: %s", r->url, copy);
		goto done;
	}
	size_t n = strlen(c->o->outdir) + strlen(*name) + 2;
	path = malloc(n);
	if (!path) {
		rc = scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", r->url);
		goto done;
	}
	snprintf(path, n, "%s/%s", c->o->outdir, *name);
	if (outfile_make_parents(path) != 0)
		rc = scrape_error_set(SCRAPE_EIO, "%s: cannot create the folder of %s: %s", r->url, path,
				      strerror(errno));
	else if (outfile_write_atomic(path, text, len, 1, &why) != 0)
		rc = scrape_error_set(SCRAPE_EIO, "%s: %s", r->url, why ? why : "cannot write the output");
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

static void progress(struct crawl *c, int final)
{
	double t = outfile_now() - c->start;
	fprintf(stderr, "\r%zu/%zu done, %zu failed, %.1f pages/s   %s", c->finished, c->total, c->failed,
		t > 0 ? (double)c->finished / t : 0, final ? "\n" : "");
}

/* fetch_multi_run's callback: one URL ended. */
static void on_done(void *arg, struct fetch_result *r)
{
	struct crawl *c = arg;
	char *name = NULL, *error = NULL;
	enum fetch_outcome outcome = r->outcome;
	int rc = r->rc;
	if (outcome == FETCH_OK && (rc = save_page(c, r, &name)) != SCRAPE_OK) {
		outcome = FETCH_FAILED;
		error = strdup(scrape_error_last());
	} else if (r->error) {
		error = strdup(r->error);
	}
	struct buf line = BUF_INIT;
	buf_puts(&line, "{\"url\":");
	json_put_string(&line, r->url, strlen(r->url));
	put_field(&line, "final_url", r->final_url);
	buf_printf(&line, ",\"status\":%ld", r->status);
	put_field(&line, "content_type", r->content_type);
	buf_printf(&line, ",\"bytes\":%zu", r->bytes);
	put_field(&line, "output", name);
	put_field(&line, "outcome", outcome_name(outcome));
	put_field(&line, "error", outcome == FETCH_OK ? NULL : error ? error : scrape_strerror(rc));
	buf_printf(&line, ",\"seconds\":%.3f,\"attempts\":%d}\n", r->seconds, r->attempts);
	if (line.oom || fwrite(line.data, 1, line.len, c->results) != line.len || fflush(c->results) != 0) {
		fprintf(stderr, "scrape: %s/results.jsonl: cannot write: %s\n", c->o->outdir, strerror(errno));
		if (c->status == EXIT_OK_)
			c->status = EXIT_INTERNAL;
	}
	buf_free(&line);

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
	} else if (!c->o->quiet) {
		if (outcome == FETCH_OK)
			fprintf(stderr, "scrape: %s: ok, HTTP %ld, %zu bytes, %.2f s -> %s\n", r->url, r->status,
				r->bytes, r->seconds, name);
		else
			fprintf(stderr, "scrape: %s\n", error ? error : scrape_strerror(rc));
	}
	free(name);
	free(error);
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

int crawl_run(const struct cli_opts *o, char **sources, int nsources)
{
	if (!o->outdir) {
		fputs("scrape: fetching a URL list (-i) needs -o DIR for the outputs (see scrape --help)\n", stderr);
		return EXIT_USAGE;
	}
	if (o->mode != MODE_EXTRACT || o->jsonl) {
		fputs("scrape: -i and -o with URLs go with neither --repair, --check nor --jsonl\n", stderr);
		return EXIT_USAGE;
	}
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
	if (status == EXIT_OK_ && mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "scrape: %s: %s\n", o->outdir, strerror(errno));
		status = EXIT_INPUT;
	}
	size_t rn = strlen(o->outdir) + 16;
	char *results_path = malloc(rn);
	if (!results_path)
		status = EXIT_INTERNAL;
	else
		snprintf(results_path, rn, "%s/results.jsonl", o->outdir);
	if (status == EXIT_OK_ && o->resume && read_done(&done, results_path) != 0) {
		fprintf(stderr, "scrape: %s: cannot read: %s\n", results_path, strerror(errno));
		status = EXIT_INPUT;
	}
	struct crawl c;
	memset(&c, 0, sizeof c);
	c.o = o;
	c.ext = o->lib.format == SCRAPE_FORMAT_JSON ? ".json" :
		o->lib.format == SCRAPE_FORMAT_MARKDOWN ? ".md" : ".txt";
	size_t resumed = 0, dups = 0;
	if (status == EXIT_OK_) {
		if (drop_repeats(&urls, o->resume ? &done : NULL, &dups, &resumed) != 0) {
			fputs("scrape: out of memory\n", stderr);
			status = EXIT_INTERNAL;
		} else if (!(c.results = fopen(results_path, "a+"))) {
			fprintf(stderr, "scrape: %s: %s\n", results_path, strerror(errno));
			status = EXIT_INPUT;
		} else if (fseek(c.results, -1, SEEK_END) == 0 && fgetc(c.results) != '\n') {
			fseek(c.results, 0, SEEK_END);
			fputc('\n', c.results); /* a line torn by a kill: the next one starts clean */
		}
	}
	if (status != EXIT_OK_) {
		if (c.results)
			fclose(c.results);
		free(results_path);
		list_free(&urls);
		list_free(&done);
		return status;
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

	struct sigaction sa, old_int, old_term;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	stop_flag = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	c.total = urls.n;
	c.tty = isatty(2) && !o->quiet;
	c.start = outfile_now();
	int rc = fetch_multi_run((const char *const *)urls.v, urls.n, &o->lib, &mo, on_done, &c);
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
	if (!o->quiet) {
		fprintf(stderr, "scrape: %zu URLs: %zu ok, %zu failed, %zu not HTML, %zu disallowed by robots.txt",
			c.total, c.ok, c.failed, c.not_html, c.disallowed);
		if (resumed)
			fprintf(stderr, ", %zu done before (--resume)", resumed);
		if (dups)
			fprintf(stderr, ", %zu duplicates dropped", dups);
		fprintf(stderr, "; %.2f s, %.1f pages/s\n", elapsed,
			elapsed > 0 ? (double)c.finished / elapsed : 0);
		for (int e = 1; e < 16; e++)
			if (c.by_error[e])
				fprintf(stderr, "scrape:   %zu %s\n", c.by_error[e], scrape_strerror(-e));
		if (interrupted)
			fprintf(stderr, "scrape: interrupted after %zu of %zu URLs; run again with --resume to go on\n",
				c.finished, c.total);
	}
	if (fclose(c.results) != 0 && c.status == EXIT_OK_)
		c.status = EXIT_INTERNAL;
	free(results_path);
	list_free(&urls);
	list_free(&done);
	if (interrupted)
		return 130;
	return c.status;
}
