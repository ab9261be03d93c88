/* arena.h - a bump allocator for per-page data (the Gumbo tree, blocks).
 * Everything allocated from an arena is released at once by arena_reset()
 * (which keeps the first chunk for reuse by the next page) or arena_free(). */
#ifndef SCRAPE_ARENA_H
#define SCRAPE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;  /* current chunk; older ones follow ->next */
	struct arena_chunk *spare; /* empty chunks kept by arena_reset for reuse */
	size_t chunk_size;         /* default size of a new chunk */
	size_t total;              /* bytes held in all chunks */
	size_t limit;              /* 0: none; otherwise arena_alloc fails past it */
};

void arena_init(struct arena *a, size_t chunk_size, size_t limit);
/* This thread's arena for per-page work, created on first use and freed when
 * the thread exits; callers arena_reset() it when a page is done. NULL when
 * out of memory. */
struct arena *arena_thread_local(void);
/* 16-byte aligned memory, or NULL when out of memory or over the limit. */
void *arena_alloc(struct arena *a, size_t size);
/* Releases everything allocated; keeps up to ARENA_KEEP bytes of chunks
 * for the next page, so a worker does not go back to the system per page. */
void arena_reset(struct arena *a);
#define ARENA_KEEP ((size_t)16 * 1024 * 1024)
void arena_free(struct arena *a);

#endif
