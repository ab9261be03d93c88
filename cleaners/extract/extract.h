/* extract.h - finding the main content in the DOM and turning it into blocks. */
#ifndef SCRAPE_EXTRACT_H
#define SCRAPE_EXTRACT_H

#include "blocks.h"
#include "dom.h"

/* Chooses the content and appends its blocks to out (which the caller owns
 * and frees with blocks_free). Returns 0 or SCRAPE_ENOMEM; finding nothing
 * is not an error here: out stays empty. */
int extract_content(struct block_list *out, struct dom *d);

#endif
