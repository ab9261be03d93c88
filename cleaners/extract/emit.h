/* emit.h - turning chosen DOM subtrees into typed text blocks. */
#ifndef SCRAPE_EMIT_H
#define SCRAPE_EMIT_H

#include "blocks.h"
#include "dom.h"

/* Walks the subtrees rooted at roots[0..n) (document order, none inside
 * another) and appends their blocks to out. */
int emit_blocks(struct block_list *out, const struct dom *d, const size_t *roots, size_t n);

#endif
