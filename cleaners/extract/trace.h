/* trace.h - what extraction decided about each node, recorded only when a
 * report is asked for (dom.trace non-NULL; see explain.h): why the emitter
 * left an element out, which block a text node went into, and the
 * subtrees it emitted. Extraction writes here; nothing reads it back there. */
#ifndef SCRAPE_TRACE_H
#define SCRAPE_TRACE_H

#include <stddef.h>
#include <stdint.h>

enum trace_why {
	TRACE_NONE = 0,
	TRACE_SKIP,      /* never content (DN_SKIP: tag, hidden, or a drop rule) */
	TRACE_BOILER,    /* class/id/role names furniture (DN_BOILER) */
	TRACE_LINKS,     /* link-heavy furniture inside the content */
	TRACE_TAG,       /* an element left out by its tag (header, footer, img...) */
	TRACE_POST_META  /* beside the body of a repeated forum post (DN_POST_META) */
};

#define TRACE_MAX_ROOTS 128

struct trace {
	unsigned char *why;   /* per node: trace_why of an element the emitter left out */
	uint32_t *block;      /* per node: for text, 1 + the index of the block it went into */
	size_t roots[TRACE_MAX_ROOTS]; /* the subtrees emitted, in document order */
	size_t nroots;
};

static inline void trace_drop(struct trace *t, size_t node, enum trace_why why)
{
	if (t)
		t->why[node] = (unsigned char)why;
}

static inline void trace_text(struct trace *t, size_t node, size_t block)
{
	if (t)
		t->block[node] = (uint32_t)block + 1;
}

#endif
