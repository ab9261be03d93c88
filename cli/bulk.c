/*
 * Bulk runs: a pool of worker threads takes pages in input order from a
 * shared counter. Each page is read, extracted and rendered by one worker;
 * with -o the worker writes the output itself (temporary file, then rename),
 * with --jsonl the main thread prints finished pages strictly in input order,
 * and workers stay at most WINDOW pages ahead of it so memory stays bounded.
 */
#include "bulk.h"
#include "buf.h"
#include "inputs.h"
#include "json.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct page_result {
	int done;
	int code;      /* exit code: 0 ok */
	int error;     /* scrape_error */
	char *message; /* failure reason */
	char *json;    /* --jsonl line */
	int skipped;   /* --resume: output already up to date */
	size_t bytes;  /* document bytes after decompression */
};

struct bulk {
	const struct cli_opts *o;
	struct input_list in;
	struct page_result *res;
	size_t next;        /* next page to hand out */
	size_t printed;     /* --jsonl: pages printed so far */
	size_t window;
	size_t done;
	unsigned long long bytes_done;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	const char *ext;
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* mkdir -p for the folders of path (not its last part). */
static int make_parents(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0777);
		int err = errno;
		*p = '/';
		if (rc != 0 && err != EEXIST)
			return -1;
	}
	return 0;
}

/* Writes data to path through a temporary file in the same folder. */
static int write_atomic(const char *path, const char *data, size_t len, char **why)
{
	size_t n = strlen(path) + 32;
	char *tmp = malloc(n);
	if (!tmp)
		return -1;
	snprintf(tmp, n, "%s.tmp.%ld.%lx", path, (long)getpid(), (unsigned long)pthread_self());
	FILE *f = fopen(tmp, "wb");
	int ok = f != NULL;
	if (ok) {
		ok = fwrite(data, 1, len, f) == len;
		ok = fclose(f) == 0 && ok;
	}
	if (!ok || rename(tmp, path) != 0) {
		char m[512];
		snprintf(m, sizeof m, "cannot write %s: %s", path, strerror(errno));
		*why = strdup(m);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

static char *output_path(const struct bulk *b, const struct input *in)
{
	size_t n = strlen(b->o->outdir) + strlen(in->rel) + strlen(b->ext) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s%s", b->o->outdir, in->rel, b->ext);
	return p;
}

/* One page: fills r. Runs on a worker thread. */
static void process(struct bulk *b, size_t i, struct page_result *r)
{
	const struct cli_opts *o = b->o;
	const struct input *in = &b->in.v[i];
	char *out_path = NULL;
	if (o->outdir) {
		out_path = output_path(b, in);
		struct stat st;
		if (out_path && o->resume && stat(out_path, &st) == 0 && st.st_mtime >= in->mtime) {
			r->skipped = 1;
			free(out_path);
			return;
		}
	}
	char *text = NULL;
	size_t len = 0;
	scrape_options lib = o->lib;
	if (o->jsonl)
		lib.format = SCRAPE_FORMAT_JSON;
	int rc = cli_render_source(&text, &len, &r->bytes, &lib, in->path, 0);
	if (rc != SCRAPE_OK) {
		r->error = rc;
		r->code = cli_exit_code(rc);
		const char *m = scrape_error_last();
		r->message = strdup(m && *m ? m : scrape_strerror(rc));
	} else if (out_path) {
		if (make_parents(out_path) != 0) {
			char m[512];
			snprintf(m, sizeof m, "cannot create the folder of %s: %s", out_path, strerror(errno));
			r->message = strdup(m);
			r->error = SCRAPE_EIO;
			r->code = EXIT_INTERNAL;
		} else if (write_atomic(out_path, text, len, &r->message) != 0) {
			r->error = SCRAPE_EIO;
			r->code = EXIT_INTERNAL;
		}
	}
	if (o->jsonl) {
		/* {"path":"...", then the rendered object without its '{' */
		struct buf line = BUF_INIT;
		buf_puts(&line, "{\"path\":");
		json_put_string(&line, in->path, strlen(in->path));
		if (rc == SCRAPE_OK && text && len > 1) {
			buf_putc(&line, ',');
			buf_put(&line, text + 1, len - 1);
		} else {
			buf_puts(&line, ",\"error\":");
			const char *m = r->message ? r->message : "failed";
			json_put_string(&line, m, strlen(m));
			buf_puts(&line, "}\n");
		}
		r->json = buf_detach(&line, NULL);
	}
	free(text);
	free(out_path);
}

static void *worker(void *arg)
{
	struct bulk *b = arg;
	for (;;) {
		pthread_mutex_lock(&b->lock);
		while (b->o->jsonl && b->next < b->in.n && b->next >= b->printed + b->window)
			pthread_cond_wait(&b->cond, &b->lock);
		size_t i = b->next;
		if (i < b->in.n)
			b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->in.n)
			return NULL;
		struct page_result r;
		memset(&r, 0, sizeof r);
		process(b, i, &r);
		pthread_mutex_lock(&b->lock);
		b->res[i] = r;
		b->res[i].done = 1;
		b->done++;
		b->bytes_done += (unsigned long long)r.bytes;
		pthread_cond_broadcast(&b->cond);
		pthread_mutex_unlock(&b->lock);
	}
}

static void progress(struct bulk *b, double start, int final)
{
	double t = now_seconds() - start;
	double mb = (double)b->bytes_done / 1e6;
	double rate = t > 0 ? mb / t : 0;
	double left = b->done ? t * (double)(b->in.n - b->done) / (double)b->done : 0;
	fprintf(stderr, "\r%zu/%zu pages  %.1f MB/s  %.0f s left   %s", b->done, b->in.n, rate, left,
		final ? "\n" : "");
}

static int write_failures(const struct bulk *b)
{
	struct buf tsv = BUF_INIT;
	buf_puts(&tsv, "path\treason\tmessage\n");
	for (size_t i = 0; i < b->in.n; i++) {
		const struct page_result *r = &b->res[i];
		if (!r->code)
			continue;
		buf_printf(&tsv, "%s\t%s\t", b->in.v[i].path, scrape_strerror(r->error));
		for (const char *m = r->message ? r->message : ""; *m; m++)
			buf_putc(&tsv, *m == '\t' || *m == '\n' ? ' ' : *m);
		buf_putc(&tsv, '\n');
	}
	size_t n = strlen(b->o->outdir) + 16;
	char *path = malloc(n);
	char *why = NULL;
	int rc = -1;
	if (path && !tsv.oom) {
		snprintf(path, n, "%s/failures.tsv", b->o->outdir);
		rc = write_atomic(path, tsv.data, tsv.len, &why);
		if (rc)
			fprintf(stderr, "scrape: %s\n", why ? why : "cannot write failures.tsv");
	}
	free(why);
	free(path);
	buf_free(&tsv);
	return rc;
}

static const struct input_list *sort_list;

static int cmp_rel(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_list->v[x].rel, sort_list->v[y].rel);
	return c ? c : (x > y) - (x < y);
}

/* Inputs that would write the same output ("a/x.html" and "a/x.htm", or two
 * files of one name from different folders) get "-2", "-3"... so that no
 * output overwrites another. */
static int make_outputs_unique(struct input_list *l)
{
	if (l->n < 2)
		return 0;
	size_t *idx = malloc(l->n * sizeof *idx);
	if (!idx)
		return -1;
	for (size_t i = 0; i < l->n; i++)
		idx[i] = i;
	sort_list = l; /* single-threaded here, before the workers start */
	qsort(idx, l->n, sizeof *idx, cmp_rel);
	for (size_t i = 1, run = 1; i < l->n; i++) {
		struct input *in = &l->v[idx[i]];
		if (strcmp(in->rel, l->v[idx[i - run]].rel) != 0) {
			run = 1;
			continue;
		}
		run++;
		size_t n = strlen(in->rel) + 24;
		char *r = malloc(n);
		if (!r) {
			free(idx);
			return -1;
		}
		snprintf(r, n, "%s-%zu", in->rel, run);
		free(in->rel);
		in->rel = r;
	}
	free(idx);
	return 0;
}

int bulk_run(const struct cli_opts *o, char **paths, int npaths)
{
	struct bulk b;
	memset(&b, 0, sizeof b);
	b.o = o;
	b.ext = o->lib.format == SCRAPE_FORMAT_JSON ? ".json" :
		o->lib.format == SCRAPE_FORMAT_MARKDOWN ? ".md" : ".txt";
	int status = EXIT_OK_;
	for (int i = 0; i < npaths; i++)
		if (inputs_add_path(&b.in, paths[i]) != 0)
			status = EXIT_INPUT;
	if (make_outputs_unique(&b.in) != 0) {
		inputs_free(&b.in);
		fputs("scrape: out of memory\n", stderr);
		return EXIT_INTERNAL;
	}
	if (o->outdir && mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "scrape: %s: %s\n", o->outdir, strerror(errno));
		inputs_free(&b.in);
		return EXIT_INPUT;
	}
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int jobs = o->jobs > 0 ? o->jobs : cores > 0 ? (int)cores : 1;
	if ((size_t)jobs > b.in.n && b.in.n > 0)
		jobs = (int)b.in.n;
	b.window = (size_t)jobs * 8;
	b.res = calloc(b.in.n ? b.in.n : 1, sizeof *b.res);
	if (!b.res) {
		inputs_free(&b.in);
		fputs("scrape: out of memory\n", stderr);
		return EXIT_INTERNAL;
	}
	pthread_mutex_init(&b.lock, NULL);
	pthread_cond_init(&b.cond, NULL);
	int tty = isatty(2) && !o->quiet;
	double start = now_seconds();
	pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
	int started = 0;
	for (int t = 0; threads && t < jobs && b.in.n; t++)
		if (pthread_create(&threads[t], NULL, worker, &b) == 0)
			started++;
	if (b.in.n && !started) {
		/* no thread could start: work on this one */
		worker(&b);
	}
	/* the main thread prints JSONL in order and the progress line */
	pthread_mutex_lock(&b.lock);
	double last = 0;
	while (b.done < b.in.n || (o->jsonl && b.printed < b.in.n)) {
		while (o->jsonl && b.printed < b.in.n && b.res[b.printed].done) {
			struct page_result *r = &b.res[b.printed];
			if (r->json)
				fputs(r->json, stdout);
			free(r->json);
			r->json = NULL;
			b.printed++;
			pthread_cond_broadcast(&b.cond);
		}
		if (b.done >= b.in.n && (!o->jsonl || b.printed >= b.in.n))
			break;
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 200000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&b.cond, &b.lock, &until);
		if (tty && now_seconds() - last > 0.2) {
			last = now_seconds();
			progress(&b, start, 0);
		}
	}
	pthread_mutex_unlock(&b.lock);
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	double elapsed = now_seconds() - start;
	if (tty)
		progress(&b, start, 1);

	/* summary: pages, failures by reason, speed */
	size_t ok = 0, failed = 0, skipped = 0;
	size_t by_reason[16] = { 0 };
	for (size_t i = 0; i < b.in.n; i++) {
		struct page_result *r = &b.res[i];
		if (r->skipped)
			skipped++;
		else if (r->code) {
			failed++;
			by_reason[(unsigned)(-r->error) & 15]++;
			if (status == EXIT_OK_)
				status = r->code;
			if (!o->quiet && !tty)
				fprintf(stderr, "scrape: %s: %s\n", b.in.v[i].path, r->message ? r->message : "failed");
		} else
			ok++;
	}
	if (o->outdir && write_failures(&b) != 0 && status == EXIT_OK_)
		status = EXIT_INTERNAL;
	if (!o->quiet) {
		fprintf(stderr, "scrape: %zu pages: %zu ok, %zu failed", b.in.n, ok, failed);
		if (skipped)
			fprintf(stderr, ", %zu up to date", skipped);
		fprintf(stderr, "; %.2f s, %.1f pages/s, %.1f MB/s\n", elapsed,
			elapsed > 0 ? (double)b.in.n / elapsed : 0,
			elapsed > 0 ? (double)b.bytes_done / 1e6 / elapsed : 0);
		for (int e = 1; e < 16; e++)
			if (by_reason[e])
				fprintf(stderr, "scrape:   %zu %s\n", by_reason[e], scrape_strerror(-e));
	}
	for (size_t i = 0; i < b.in.n; i++) {
		free(b.res[i].message);
		free(b.res[i].json);
	}
	free(b.res);
	pthread_mutex_destroy(&b.lock);
	pthread_cond_destroy(&b.cond);
	inputs_free(&b.in);
	return status;
}
