/* blocks.h - the extracted content as a list of typed blocks, and the text
 * assembler that builds them (whitespace collapsing, inline joining). */
#ifndef SCRAPE_BLOCKS_H
#define SCRAPE_BLOCKS_H

#include <stddef.h>

#include "buf.h"

enum block_kind {
	BLOCK_PARAGRAPH,
	BLOCK_HEADING,   /* level 1-6 */
	BLOCK_LIST_ITEM, /* group: the list; level: 1 ordered, 0 unordered */
	BLOCK_QUOTE,
	BLOCK_PRE,
	BLOCK_TABLE_ROW  /* group: the table; level: 1 for a header row; cells split by '\t' */
};

struct block {
	enum block_kind kind;
	int level;
	unsigned group;  /* consecutive blocks with the same kind and group form one list/table */
	size_t off;      /* text at list->text.data + off, len bytes, no NUL in between */
	size_t len;
	int forced;      /* text from a "keep" rule (DN_KEEP): block filters leave it */
};

struct block_list {
	struct block *v;
	size_t n, cap;
	struct buf text;  /* all block texts, each followed by a NUL */
};

#define BLOCK_LIST_INIT { NULL, 0, 0, BUF_INIT }

/* Appends a block whose text is s[0..len). */
int blocks_add(struct block_list *l, enum block_kind kind, int level, unsigned group,
	       const char *s, size_t len);
static inline const char *block_text(const struct block_list *l, const struct block *b)
{
	return l->text.data + b->off;
}
void blocks_remove(struct block_list *l, size_t i);
/* Empties l and keeps its memory for the next blocks. */
void blocks_clear(struct block_list *l);
void blocks_free(struct block_list *l);

/* Text assembler: collects inline text for the block being built. */
struct textbuf {
	struct buf b;
	int pending_space;  /* whitespace seen since the last character (2: soft, see textbuf_soft_space) */
};

/* Appends text, collapsing whitespace runs (and U+00A0) to one space. */
void textbuf_add(struct textbuf *t, const char *s, size_t len);
/* Appends text verbatim (preformatted). */
void textbuf_add_raw(struct textbuf *t, const char *s, size_t len);
/* A line break (<br>): returns 1 if it was the second in a row, which ends a paragraph. */
int textbuf_newline(struct textbuf *t);
/* A separator that counts as whitespace between inline runs (e.g. table cells). */
void textbuf_space(struct textbuf *t);
/* Like textbuf_space, but no space is put before closing punctuation. */
void textbuf_soft_space(struct textbuf *t);
/* Trimmed content; *len set. Does not clear. */
const char *textbuf_trimmed(struct textbuf *t, size_t *len);
void textbuf_clear(struct textbuf *t);

#endif
