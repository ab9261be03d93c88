/* page_pool.h - worker threads that clean fetched pages while the main
 * thread keeps driving the transfers. Items go in with page_pool_push (in
 * any order), are worked on one of the threads, and come back, finished,
 * through page_pool_pop (in the order they finish). */
#ifndef SCRAPE_PAGE_POOL_H
#define SCRAPE_PAGE_POOL_H

#include <stddef.h>

struct page_pool;

/* Starts `threads` workers (>= 1). work(ctx, item) runs on a worker;
 * after each item, ready(ctx) is called there too (to wake the main
 * thread). At most `bound` items wait for a worker: page_pool_push blocks
 * past it. 0, or -1 when threads or memory are lacking. Stop and free it
 * with page_pool_finish(). */
int page_pool_start(struct page_pool **out, int threads, size_t bound, void (*work)(void *ctx, void *item),
		    void (*ready)(void *ctx), void *ctx);

/* Hands item to the workers, behind the items waiting, or before them
 * when urgent; blocks while `bound` items wait already. 0, or -1 when out
 * of memory (the item is then not taken). */
int page_pool_push(struct page_pool *p, void *item, int urgent);

/* A finished item (the caller owns it again), or NULL when none is ready. */
void *page_pool_pop(struct page_pool *p);

/* Items pushed and not yet popped. */
size_t page_pool_pending(struct page_pool *p);

/* Lets the workers finish every item pushed, joins them and frees the
 * pool; each finished item not popped yet goes to drain(ctx, item). */
void page_pool_finish(struct page_pool *p, void (*drain)(void *ctx, void *item), void *ctx);

#endif
