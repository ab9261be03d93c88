/* cards.h - repeated card structures: the items of a listing page (blog
 * index, search results, category page, shop grid, front page). Each card is
 * a title (often a link), a short text, a date or a price; a run of three or
 * more siblings of one kind holding such text is the page's content, however
 * link-heavy it is. */
#ifndef SCRAPE_CARDS_H
#define SCRAPE_CARDS_H

#include "dom.h"

#include <stddef.h>
#include <stdint.h>

/* A run of sibling cards: the children of `parent` with the tag and class
 * kind of `first`. */
struct card_list {
	size_t parent;
	size_t first;    /* the first card */
	uint32_t items;  /* cards with text */
	uint32_t text;   /* characters in them, link text included */
	uint32_t links;  /* of which in links */
};

/* 1 if two class values name the same kind of element: the same first
 * class token without digits ("post-7816" tells items apart, it does not
 * name their kind). NULL and NULL are the same kind. */
int cards_same_kind(const char *a, const char *b);

/* Finds the card list holding the most text outside furniture (never
 * content, boilerplate names, <aside>, <header>, <footer>). Returns 1 and
 * fills *best, or 0 when the page has none. */
int cards_find(const struct dom *d, struct card_list *best);

/* Sets DN_CARD on the cards of l and of the other lists like it (a list
 * element of the same kind holding a run of cards of the same kind: the
 * sections of a front page, the groups of an index), and DN_HAS_CARDS on
 * the lists and their ancestors, so that emission keeps their link text. */
void cards_mark(struct dom *d, const struct card_list *l);

#endif
