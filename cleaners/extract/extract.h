/* extract.h - finding the main content in the DOM and turning it into blocks. */
#ifndef SCRAPE_EXTRACT_H
#define SCRAPE_EXTRACT_H

#include "blocks.h"
#include "dom.h"
#include "page_type.h"

/* Chooses the content and appends its blocks to out (which the caller owns
 * and frees with blocks_free). Returns 0 or SCRAPE_ENOMEM; finding nothing
 * is not an error here: out stays empty. The page's type (page_type.c)
 * lets a rule that holds for one kind of page only stay off the others;
 * the title (may be NULL) is the one the block filters compare with. */
int extract_content(struct block_list *out, struct dom *d, enum page_type type, const char *title);

#endif
