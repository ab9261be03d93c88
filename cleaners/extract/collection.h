/* collection.h - the grid of cards on a collection page (a shop category,
 * a gallery, a curated list): many sibling elements of one kind, each a
 * small unit of a link and some text (a name and a price, a title and a
 * line). Its text is mostly link text, which the normal cut takes for
 * furniture; on such a page it is the content. */
#ifndef SCRAPE_COLLECTION_H
#define SCRAPE_COLLECTION_H

#include <stddef.h>
#include <stdint.h>

#include "dom.h"

struct card_grid {
	size_t node;     /* the container of the cards, SIZE_MAX: none */
	size_t kind;     /* one of its cards: the others have its tag and class word */
	uint32_t cards;  /* how many of its children are cards */
	uint32_t text;   /* visible characters of the cards, links included */
};

/* The grid of cards with the most text, outside page furniture (<header>,
 * <footer>, never-content subtrees); grid->node is SIZE_MAX when the page
 * has none. */
struct card_grid collection_find_grid(const struct dom *d);

/* Marks grid g and each of its cards DN_CARDS, and its ancestors
 * DN_HAS_CARDS, for the emitter: a card is content whatever its link
 * density, and so is what holds the grid; other children of the grid (a
 * "more" link, a pager) are judged as anywhere else. */
void collection_mark_grid(struct dom *d, const struct card_grid *g);

/* Adds grid g to the chosen subtrees roots[0..n) (document order, none
 * inside another; room for cap): roots inside the grid give way to it, and
 * so do roots with little text of their own beside it (a stray line, or the
 * whole page when no container scored). Returns the new count. */
size_t collection_add_grid(const struct dom *d, const struct card_grid *g, size_t *roots, size_t n, size_t cap);

#endif
