#include "arena.h"

#include <stdint.h>
#include <pthread.h>
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
	a->spare = NULL;
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
	if ((!c || c->size - c->used < size) && a->spare && a->spare->size >= size) {
		/* an empty chunk kept by arena_reset */
		struct arena_chunk *n = a->spare;
		a->spare = n->next;
		n->next = c;
		a->head = n;
		c = n;
	}
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
	/* keep default-size chunks up to ARENA_KEEP as spares; large one-off
	 * blocks go back to the system */
	struct arena_chunk *c = a->head;
	size_t kept = 0;
	for (struct arena_chunk *s = a->spare; s; s = s->next)
		kept += s->size;
	while (c) {
		struct arena_chunk *next = c->next;
		if (c->size == a->chunk_size && kept + c->size <= ARENA_KEEP) {
			c->used = 0;
			c->next = a->spare;
			a->spare = c;
			kept += c->size;
		} else {
			free(c);
		}
		c = next;
	}
	a->head = NULL;
	a->total = kept;
}

static void free_chain(struct arena_chunk *c)
{
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
}

void arena_free(struct arena *a)
{
	free_chain(a->head);
	free_chain(a->spare);
	a->head = a->spare = NULL;
	a->total = 0;
}

static pthread_key_t thread_arena_key;
static pthread_once_t thread_arena_once = PTHREAD_ONCE_INIT;

static void thread_arena_destroy(void *p)
{
	arena_free(p);
	free(p);
}

static void thread_arena_key_create(void)
{
	pthread_key_create(&thread_arena_key, thread_arena_destroy);
}

struct arena *arena_thread_local(void)
{
	pthread_once(&thread_arena_once, thread_arena_key_create);
	struct arena *a = pthread_getspecific(thread_arena_key);
	if (!a && (a = malloc(sizeof *a)) != NULL) {
		arena_init(a, 256 * 1024, 0);
		if (pthread_setspecific(thread_arena_key, a) != 0) {
			free(a);
			a = NULL;
		}
	}
	return a;
}
