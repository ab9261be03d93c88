/* pool.h - the worker pool behind bulk runs: jobs come from a source in
 * input order, run on N threads, and their results go to a consumer on the
 * main thread in input order again. At most `window` jobs are in flight, so
 * memory stays bounded however many jobs the source has (a folder of pages,
 * the records of a many-GB WARC file). */
#ifndef SCRAPE_POOL_H
#define SCRAPE_POOL_H

#include <stddef.h>

struct pool_result {
	int code;       /* exit code: 0 ok */
	int error;      /* scrape_error of a failure */
	char *message;  /* failure reason (malloc'd), or NULL */
	char *json;     /* output line (malloc'd), or NULL */
	int skipped;    /* nothing to do (e.g. --resume: output up to date) */
	size_t bytes;   /* input bytes, for the MB/s figure */
};

struct pool_source {
	void *ctx;
	const char *unit;   /* "pages", "records": for the progress line and summary */
	size_t total;       /* number of jobs when known up front, else 0 */
	/* Called with the source lock held, one call at a time, in input order:
	 * sets *job and returns 1, or returns 0 when there are no more jobs. */
	int (*next)(void *ctx, void **job);
	/* On a worker thread: runs the job, fills r, frees the job. */
	void (*process)(void *ctx, void *job, struct pool_result *r);
	/* On the main thread, in input order, for every result (index i from 0).
	 * The pool frees r's strings afterwards. Returns 0, or -1 when the
	 * output cannot be written (the run then fails with EXIT_INTERNAL). */
	int (*emit)(void *ctx, size_t i, const struct pool_result *r);
};

struct pool_stats {
	size_t jobs, ok, failed, skipped;
	size_t by_error[16];     /* failures by -scrape_error */
	unsigned long long bytes;
	double seconds;
	int status;              /* first failure's exit code, or 0 */
};

/* Runs every job of src on `jobs` threads (0: the number of cores);
 * `progress` shows a progress line on standard error. Fills *st. */
void pool_run(struct pool_stats *st, const struct pool_source *src, int jobs, int progress);

/* The summary line(s) of a run on standard error. */
void pool_print_summary(const struct pool_stats *st, const char *unit);

#endif
