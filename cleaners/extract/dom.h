/* dom.h - the parsed page as a flat, pre-order array of element and text
 * nodes over Gumbo's tree, with per-node flags and subtree statistics.
 * Pre-order means a node's subtree is the index range [i, end): every walk
 * over it is a loop, never recursion, whatever the page's depth. */
#ifndef SCRAPE_DOM_H
#define SCRAPE_DOM_H

#include <gumbo.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "node.h"


struct dnode {
	GumboNode *g;
	uint32_t parent;   /* index of the parent, UINT32_MAX at the root */
	uint32_t end;      /* one past the last node of the subtree */
	uint32_t depth;
	uint32_t flags;
	/* subtree statistics over text that is not inside a DN_SKIP node */
	uint32_t text_len;   /* visible characters (whitespace collapsed) */
	uint32_t link_len;   /* of which inside links */
	uint32_t commas;
	uint32_t paras;      /* <p> elements with text */
	float score;         /* content score, used by extraction */
	uint32_t card_len;   /* of link_len, text inside card links; set by extraction (service.h) */
	uint8_t boiler_word; /* with DN_BOILER: which boilerplate word named it (classify.h), 0 none */
};

struct trace;

struct dom {
	GumboOutput *out;
	struct dnode *nodes;
	size_t n;
	struct arena *arena;  /* owns the Gumbo tree; not the nodes array */
	size_t forced_main;   /* 1 + the node a "main" rule chose, 0: none (rules.c) */
	struct trace *trace;  /* where extraction records its decisions, or NULL (trace.h) */
};

/* Parses UTF-8 html (NUL-terminated at len) into d, Gumbo's allocations
 * going to `arena`. Nodes deeper than max_depth are left out. Free with
 * dom_free(), then reset the arena. */
int dom_parse(struct dom *d, const char *html, size_t len, size_t max_depth, struct arena *arena);
void dom_free(struct dom *d);
/* Recounts the subtree statistics after flags changed (DN_SKIP set or
 * cleared by rules): text under DN_SKIP counts for nothing. */
void dom_recount(struct dom *d);


/* GUMBO_TAG_UNKNOWN for text nodes */
static inline GumboTag dom_tag(const struct dnode *n)
{
	return dom_is_element(n->g) ? n->g->v.element.tag : GUMBO_TAG_UNKNOWN;
}

#endif
