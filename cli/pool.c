/*
 * pool.c - ordered worker pool. A worker takes the next job from the source
 * (under the source lock, so jobs get consecutive indexes in input order),
 * runs it without any lock, and stores the result in slot index % window of
 * a ring. The main thread hands results to the consumer strictly in input
 * order; a worker waits while its job would be `window` ahead of the
 * consumer, which bounds memory and keeps the ring slots free.
 */
#include "pool.h"
#include "cli.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct slot {
	int done;
	struct pool_result r;
};

struct pool {
	const struct pool_source *src;
	struct slot *ring;
	size_t window;
	size_t next;        /* index of the next job to take */
	size_t emitted;     /* results handed to the consumer */
	size_t finished;    /* jobs finished by workers */
	size_t total;       /* number of jobs, once the source has ended */
	int ended;
	unsigned long long bytes_done;
	pthread_mutex_t lock;      /* everything above */
	pthread_mutex_t src_lock;  /* the source: one next() at a time */
	pthread_cond_t cond;
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->src_lock);
		pthread_mutex_lock(&p->lock);
		while (!p->ended && p->next >= p->emitted + p->window)
			pthread_cond_wait(&p->cond, &p->lock);
		int ended = p->ended;
		size_t i = p->next;
		pthread_mutex_unlock(&p->lock);
		void *job = NULL;
		int got = !ended && p->src->next(p->src->ctx, &job);
		pthread_mutex_lock(&p->lock);
		if (got) {
			p->next++;
		} else if (!p->ended) {
			p->ended = 1;
			p->total = p->next;
			pthread_cond_broadcast(&p->cond);
		}
		pthread_mutex_unlock(&p->lock);
		pthread_mutex_unlock(&p->src_lock);
		if (!got)
			return NULL;
		struct pool_result r;
		memset(&r, 0, sizeof r);
		p->src->process(p->src->ctx, job, &r);
		pthread_mutex_lock(&p->lock);
		struct slot *s = &p->ring[i % p->window];
		s->r = r;
		s->done = 1;
		p->finished++;
		p->bytes_done += (unsigned long long)r.bytes;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
}

static void show_progress(struct pool *p, double start, int final)
{
	double t = now_seconds() - start;
	double rate = t > 0 ? (double)p->bytes_done / 1e6 / t : 0;
	size_t total = p->ended ? p->total : p->src->total;
	if (total) {
		double left = p->finished ? t * (double)(total - p->finished) / (double)p->finished : 0;
		fprintf(stderr, "\r%zu/%zu %s  %.1f MB/s  %.0f s left   %s", p->finished, total,
			p->src->unit, rate, left, final ? "\n" : "");
	} else {
		fprintf(stderr, "\r%zu %s  %.1f MB/s   %s", p->finished, p->src->unit, rate, final ? "\n" : "");
	}
}

static void account(struct pool_stats *st, const struct pool_result *r)
{
	st->jobs++;
	if (r->skipped) {
		st->skipped++;
	} else if (r->code) {
		st->failed++;
		st->by_error[(unsigned)(-r->error) & 15]++;
		if (!st->status)
			st->status = r->code;
	} else {
		st->ok++;
	}
}

void pool_run(struct pool_stats *st, const struct pool_source *src, int jobs, int progress)
{
	memset(st, 0, sizeof *st);
	struct pool p;
	memset(&p, 0, sizeof p);
	p.src = src;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	if (jobs <= 0)
		jobs = cores > 0 ? (int)cores : 1;
	if (src->total && (size_t)jobs > src->total)
		jobs = (int)src->total;
	p.window = (size_t)jobs * 8;
	p.ring = calloc(p.window, sizeof *p.ring);
	if (!p.ring) {
		fputs("scrape: out of memory\n", stderr);
		st->status = EXIT_INTERNAL;
		return;
	}
	pthread_mutex_init(&p.lock, NULL);
	pthread_mutex_init(&p.src_lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	double start = now_seconds();
	pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
	int started = 0;
	for (int t = 0; threads && t < jobs; t++)
		if (pthread_create(&threads[t], NULL, worker, &p) == 0)
			started++;
	/* no thread could start: the main thread runs the jobs one by one */
	if (!started)
		p.window = 1;
	double last = 0;
	int write_failed = 0;
	pthread_mutex_lock(&p.lock);
	for (;;) {
		while (p.ring[p.emitted % p.window].done) {
			struct slot *s = &p.ring[p.emitted % p.window];
			struct pool_result r = s->r;
			memset(s, 0, sizeof *s);
			size_t i = p.emitted;
			pthread_mutex_unlock(&p.lock);
			account(st, &r);
			if (src->emit(src->ctx, i, &r) != 0)
				write_failed = 1;
			free(r.message);
			free(r.json);
			pthread_mutex_lock(&p.lock);
			p.emitted++;
			pthread_cond_broadcast(&p.cond);
		}
		if (p.ended && p.emitted >= p.total)
			break;
		if (!started) {
			/* single-threaded fallback: run one job here */
			pthread_mutex_unlock(&p.lock);
			void *job = NULL;
			if (src->next(src->ctx, &job)) {
				struct pool_result r;
				memset(&r, 0, sizeof r);
				src->process(src->ctx, job, &r);
				pthread_mutex_lock(&p.lock);
				p.ring[0].r = r;
				p.ring[0].done = 1;
				p.next++;
				p.finished++;
				p.bytes_done += (unsigned long long)r.bytes;
			} else {
				pthread_mutex_lock(&p.lock);
				p.ended = 1;
				p.total = p.next;
			}
			continue;
		}
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 200000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&p.cond, &p.lock, &until);
		if (progress && now_seconds() - last > 0.2) {
			last = now_seconds();
			show_progress(&p, start, 0);
		}
	}
	pthread_mutex_unlock(&p.lock);
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	st->seconds = now_seconds() - start;
	st->bytes = p.bytes_done;
	if (progress)
		show_progress(&p, start, 1);
	if (write_failed && !st->status)
		st->status = EXIT_INTERNAL;
	free(p.ring);
	pthread_mutex_destroy(&p.lock);
	pthread_mutex_destroy(&p.src_lock);
	pthread_cond_destroy(&p.cond);
}

void pool_print_summary(const struct pool_stats *st, const char *unit)
{
	fprintf(stderr, "scrape: %zu %s: %zu ok, %zu failed", st->jobs, unit, st->ok, st->failed);
	if (st->skipped)
		fprintf(stderr, ", %zu up to date", st->skipped);
	fprintf(stderr, "; %.2f s, %.1f %s/s, %.1f MB/s\n", st->seconds,
		st->seconds > 0 ? (double)st->jobs / st->seconds : 0, unit,
		st->seconds > 0 ? (double)st->bytes / 1e6 / st->seconds : 0);
	for (int e = 1; e < 16; e++)
		if (st->by_error[e])
			fprintf(stderr, "scrape:   %zu %s\n", st->by_error[e], scrape_strerror(-e));
}
