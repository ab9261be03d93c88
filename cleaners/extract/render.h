/* render.h - writing blocks and metadata as plain text, Markdown or JSON. */
#ifndef SCRAPE_RENDER_H
#define SCRAPE_RENDER_H

#include "blocks.h"
#include "buf.h"
#include "scrape.h"

/* The body alone as plain text: blocks separated by a blank line, list items
 * and table rows on consecutive lines ("- item", "cell | cell"). */
int render_text_body(struct buf *out, const struct block_list *l);
/* The body as Markdown. */
int render_markdown_body(struct buf *out, const struct block_list *l);

#endif
