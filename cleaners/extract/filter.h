/* filter.h - drops whole blocks that are page furniture (see filter.c). */
#ifndef SCRAPE_FILTER_H
#define SCRAPE_FILTER_H

#include "blocks.h"

/* Removes from l the blocks that are furniture: boilerplate lines and
 * counters anywhere; among the first three blocks, the headline repeated
 * (title, may be NULL), bylines and reading times; end notes and a short
 * tail after a separator at the end; blocks that repeat an earlier one
 * (see drop_repeats; with every_repeat, any repeat). Returns 0 or SCRAPE_ENOMEM (l is then as the
 * furniture pass left it). */
int filter_blocks(struct block_list *l, const char *title, int every_repeat);
/* 1 when filter_blocks would leave a block of l standing (its end-note
 * pass aside): how extraction tells that a choice prints nothing. */
int filter_leaves_text(const struct block_list *l, const char *title);

/* 1 when a and b hold the same words, ignoring ASCII case, whitespace and
 * punctuation (how a block is compared with the page title). */
int filter_same_words(const char *a, const char *b);

#endif
