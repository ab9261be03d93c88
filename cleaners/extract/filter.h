/* filter.h - drops whole blocks that are page furniture (see filter.c). */
#ifndef SCRAPE_FILTER_H
#define SCRAPE_FILTER_H

#include "blocks.h"

/* Removes from l the blocks that are furniture: boilerplate lines and
 * counters anywhere; among the first three blocks, the headline repeated
 * (title, may be NULL), bylines and reading times; end notes and a short
 * tail after a separator at the end. */
void filter_blocks(struct block_list *l, const char *title);

#endif
