/*
 * Bulk runs: the pages of a list of files go through the worker pool
 * (pool.c) in input order. Each page is read, extracted and rendered by one
 * worker; with -o the worker writes the output itself (temporary file, then
 * rename), with --jsonl the main thread prints finished pages strictly in
 * input order. Failures are reported and listed in input order too.
 */
#include "bulk.h"
#include "buf.h"
#include "inputs.h"
#include "json.h"
#include "outfile.h"
#include "pool.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct bulk {
	const struct cli_opts *o;
	struct input_list in;
	size_t next;          /* next page to hand out */
	struct buf failures;  /* failures.tsv, in input order */
	int tty;
	const char *ext;
};

static char *output_path(const struct bulk *b, const struct input *in)
{
	size_t n = strlen(b->o->outdir) + strlen(in->rel) + strlen(b->ext) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s%s", b->o->outdir, in->rel, b->ext);
	return p;
}

/* pool source: the pages in list order; a job is the page's index + 1 */
static int next_page(void *ctx, void **job)
{
	struct bulk *b = ctx;
	if (b->next >= b->in.n)
		return 0;
	*job = (void *)(uintptr_t)++b->next;
	return 1;
}

/* One page: fills r. Runs on a worker thread. */
static void process(void *ctx, void *job, struct pool_result *r)
{
	struct bulk *b = ctx;
	size_t i = (size_t)(uintptr_t)job - 1;
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
	int rc = cli_render_source(&text, &len, &r->bytes, &lib, NULL, in->path, 0);
	if (rc != SCRAPE_OK) {
		r->error = rc;
		r->code = cli_exit_code(rc);
		const char *m = scrape_error_last();
		r->message = strdup(m && *m ? m : scrape_strerror(rc));
	} else if (out_path) {
		if (outfile_make_parents(out_path) != 0) {
			char m[512];
			snprintf(m, sizeof m, "cannot create the folder of %s: %s", out_path, strerror(errno));
			r->message = strdup(m);
			r->error = SCRAPE_EIO;
			r->code = EXIT_INTERNAL;
		} else if (outfile_write_atomic(out_path, text, len, 0, &r->message) != 0) {
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
			/* a page without content still has a type */
			const char *type = rc == SCRAPE_ENOCONTENT ? scrape_error_page_type() : NULL;
			if (type) {
				buf_puts(&line, ",\"page_type\":");
				json_put_string(&line, type, strlen(type));
			}
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

/* pool consumer, input order: --jsonl line, failure report and list */
static int emit_page(void *ctx, size_t i, const struct pool_result *r)
{
	struct bulk *b = ctx;
	int rc = 0;
	if (r->json && fputs(r->json, stdout) == EOF)
		rc = -1;
	if (!r->code)
		return rc;
	const char *path = b->in.v[i].path;
	if (!b->o->quiet && !b->tty)
		cli_print_error(path, r->message ? r->message : "failed");
	buf_printf(&b->failures, "%s\t%s\t", path, scrape_strerror(r->error));
	for (const char *m = r->message ? r->message : ""; *m; m++)
		buf_putc(&b->failures, *m == '\t' || *m == '\n' ? ' ' : *m);
	buf_putc(&b->failures, '\n');
	return rc;
}

static int write_failures(const struct bulk *b)
{
	size_t n = strlen(b->o->outdir) + 16;
	char *path = malloc(n);
	char *why = NULL;
	int rc = -1;
	if (path && !b->failures.oom) {
		snprintf(path, n, "%s/failures.tsv", b->o->outdir);
		rc = outfile_write_atomic(path, b->failures.data, b->failures.len, 0, &why);
		if (rc)
			fprintf(stderr, "scrape: %s\n", why ? why : "cannot write failures.tsv");
	}
	free(why);
	free(path);
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
	buf_puts(&b.failures, "path\treason\tmessage\n");
	b.tty = isatty(2) && !o->quiet;
	struct pool_source src = { &b, "pages", b.in.n, next_page, process, emit_page };
	struct pool_stats st;
	pool_run(&st, &src, o->jobs, b.tty);
	if (st.status && status == EXIT_OK_)
		status = st.status;
	if (o->outdir && write_failures(&b) != 0 && status == EXIT_OK_)
		status = EXIT_INTERNAL;
	if (!o->quiet)
		pool_print_summary(&st, "pages");
	buf_free(&b.failures);
	inputs_free(&b.in);
	return status;
}
