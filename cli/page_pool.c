/* page_pool.c - the worker threads of URL runs (pthreads, one lock). */
#include "page_pool.h"

#include <pthread.h>
#include <stdlib.h>

struct node {
	void *item;
	struct node *next;
};

struct page_pool {
	pthread_mutex_t lock;
	pthread_cond_t work_cv;   /* an item to work on, or stopping */
	pthread_cond_t room_cv;   /* room in the waiting queue */
	struct node *todo, *todo_tail, *done, *done_tail;
	size_t waiting, bound, pending;
	int stopping;
	pthread_t *threads;
	int nthreads;
	void (*work)(void *ctx, void *item);
	void (*ready)(void *ctx);
	void *ctx;
};

static void *worker(void *arg)
{
	struct page_pool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->todo && !p->stopping)
			pthread_cond_wait(&p->work_cv, &p->lock);
		if (!p->todo)
			break; /* stopping and nothing left */
		struct node *n = p->todo;
		p->todo = n->next;
		if (!p->todo)
			p->todo_tail = NULL;
		p->waiting--;
		pthread_cond_signal(&p->room_cv);
		pthread_mutex_unlock(&p->lock);
		p->work(p->ctx, n->item);
		pthread_mutex_lock(&p->lock);
		n->next = NULL;
		if (p->done_tail)
			p->done_tail->next = n;
		else
			p->done = n;
		p->done_tail = n;
		pthread_mutex_unlock(&p->lock);
		if (p->ready)
			p->ready(p->ctx);
		pthread_mutex_lock(&p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

int page_pool_start(struct page_pool **out, int threads, size_t bound, void (*work)(void *ctx, void *item),
		    void (*ready)(void *ctx), void *ctx)
{
	*out = NULL;
	struct page_pool *p = calloc(1, sizeof *p);
	if (!p || threads < 1)
		goto fail;
	p->threads = calloc((size_t)threads, sizeof *p->threads);
	if (!p->threads)
		goto fail;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work_cv, NULL);
	pthread_cond_init(&p->room_cv, NULL);
	p->bound = bound ? bound : 1;
	p->work = work;
	p->ready = ready;
	p->ctx = ctx;
	for (int i = 0; i < threads; i++) {
		if (pthread_create(&p->threads[i], NULL, worker, p) != 0)
			break;
		p->nthreads++;
	}
	if (p->nthreads == 0) {
		pthread_mutex_destroy(&p->lock);
		pthread_cond_destroy(&p->work_cv);
		pthread_cond_destroy(&p->room_cv);
		goto fail;
	}
	*out = p;
	return 0;
fail:
	if (p)
		free(p->threads);
	free(p);
	return -1;
}

int page_pool_push(struct page_pool *p, void *item, int urgent)
{
	struct node *n = malloc(sizeof *n);
	if (!n)
		return -1;
	n->item = item;
	n->next = NULL;
	pthread_mutex_lock(&p->lock);
	while (p->waiting >= p->bound)
		pthread_cond_wait(&p->room_cv, &p->lock);
	if (urgent) {
		n->next = p->todo;
		p->todo = n;
		if (!p->todo_tail)
			p->todo_tail = n;
	} else {
		if (p->todo_tail)
			p->todo_tail->next = n;
		else
			p->todo = n;
		p->todo_tail = n;
	}
	p->waiting++;
	p->pending++;
	pthread_cond_signal(&p->work_cv);
	pthread_mutex_unlock(&p->lock);
	return 0;
}

void *page_pool_pop(struct page_pool *p)
{
	pthread_mutex_lock(&p->lock);
	struct node *n = p->done;
	if (n) {
		p->done = n->next;
		if (!p->done)
			p->done_tail = NULL;
		p->pending--;
	}
	pthread_mutex_unlock(&p->lock);
	void *item = n ? n->item : NULL;
	free(n);
	return item;
}

size_t page_pool_pending(struct page_pool *p)
{
	pthread_mutex_lock(&p->lock);
	size_t n = p->pending;
	pthread_mutex_unlock(&p->lock);
	return n;
}

void page_pool_finish(struct page_pool *p, void (*drain)(void *ctx, void *item), void *ctx)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stopping = 1;
	pthread_cond_broadcast(&p->work_cv);
	pthread_mutex_unlock(&p->lock);
	for (int i = 0; i < p->nthreads; i++)
		pthread_join(p->threads[i], NULL);
	void *item;
	while ((item = page_pool_pop(p)))
		drain(ctx, item);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->work_cv);
	pthread_cond_destroy(&p->room_cv);
	free(p->threads);
	free(p);
}
