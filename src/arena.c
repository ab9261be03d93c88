#include "arena.h"

#include <stdint.h>
#include <stdlib.h>

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;  /* usable bytes after the header */
	size_t used;
	max_align_t data[];
};

void arena_init(struct arena *a, size_t chunk_size, size_t limit)
{
	a->head = NULL;
	a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
	a->total = 0;
	a->limit = limit;
}

static size_t align16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size = align16(size ? size : 1);
	struct arena_chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		size_t want = size > a->chunk_size / 4 ? size : a->chunk_size;
		if (size > SIZE_MAX / 2 || (a->limit && a->total + want > a->limit))
			return NULL;
		c = malloc(sizeof *c + want);
		if (!c)
			return NULL;
		c->size = want;
		c->used = 0;
		a->total += want;
		if (want == size && a->head) {
			/* a large block: keep the current chunk on top for small ones */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

void arena_reset(struct arena *a)
{
	/* keep one chunk of the default size, if there is one, for the next page */
	struct arena_chunk *keep = NULL, *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		if (!keep && c->size == a->chunk_size) {
			keep = c;
		} else {
			free(c);
		}
		c = next;
	}
	a->head = keep;
	a->total = 0;
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
		a->total = keep->size;
	}
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}
