/* emit.h - turning chosen DOM subtrees into typed text blocks. */
#ifndef SCRAPE_EMIT_H
#define SCRAPE_EMIT_H

#include "blocks.h"
#include "dom.h"

/* What emission leaves out besides what is never content (DN_SKIP): */
enum {
	EMIT_KEEP_LINKS = 1 << 0,  /* keep link-heavy blocks (a product grid's names) */
	EMIT_KEEP_BOILER = 1 << 1, /* keep blocks named as furniture (DN_BOILER) */
	EMIT_KEEP_CARDS = 1 << 2   /* text in card links (card_len, service.h) is no link text */
};

/* Walks the subtrees rooted at roots[0..n) (document order, none inside
 * another) and appends their blocks to out; flags: EMIT_KEEP_*, 0 for the
 * normal cut. */
int emit_blocks(struct block_list *out, const struct dom *d, const size_t *roots, size_t n, unsigned flags);

#endif
