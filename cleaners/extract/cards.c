/*
 * Card lists: the repeated item structure of listing pages.
 *
 * A card list is a run of three or more sibling elements of one kind (same
 * tag, same first class token) that each hold some text, most of them a
 * link, and that hold 30 characters or more on average, none of them half
 * of the run's text: titles with a short text, a date or a price. A page
 * whose layout rows (header, article, footer) share a class is not a list:
 * one row holds most of the text. Menus fail the length (their items are a word or
 * two); an article's paragraphs fail the kind (a <p> is not a card) or the
 * links. Extraction (extract.c) decides whether the list is the page's
 * content; this file only finds and marks it.
 */
#include "cards.h"

#include <string.h>

enum {
	CARD_MIN_ITEMS = 3,
	CARD_MIN_TEXT = 20,     /* characters for a card to count */
	CARD_MIN_AVERAGE = 30,  /* mean characters of a card */
	CARD_PROSE_TEXT = 350,  /* characters of its own text that make a card an item of prose */
	CARD_MAX_CHILDREN = 256 /* children of one parent looked at */
};

/* Next class token of *s without digits; its length, 0 at the end. */
static size_t next_kind_token(const char **s, const char **tok)
{
	for (;;) {
		const char *p = *s;
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		const char *st = p;
		int digit = 0;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
			if (*p >= '0' && *p <= '9')
				digit = 1;
			p++;
		}
		*s = p;
		if (p == st)
			return 0;
		if (!digit) {
			*tok = st;
			return (size_t)(p - st);
		}
	}
}

int cards_same_kind(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	const char *ta = NULL, *tb = NULL;
	size_t la = next_kind_token(&a, &ta), lb = next_kind_token(&b, &tb);
	return la == lb && (!la || memcmp(ta, tb, la) == 0);
}

/* Elements that can be one card: a block that holds a title and its text. */
static int is_card_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_LI: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_TR: case GUMBO_TAG_A: case GUMBO_TAG_FIGURE:
		return 1;
	default:
		return 0;
	}
}

static int same_card_kind(const struct dnode *a, const struct dnode *b)
{
	return dom_tag(a) == dom_tag(b) && cards_same_kind(dom_attr(a->g, "class"), dom_attr(b->g, "class"));
}

/* 1 if node i lies in page chrome: <header>, <footer>, <nav>, <aside>. */
static int in_chrome(const struct dom *d, size_t i)
{
	for (size_t a = i; a != UINT32_MAX; a = d->nodes[a].parent) {
		switch (dom_tag(&d->nodes[a])) {
		case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
			return 1;
		default:
			break;
		}
	}
	return 0;
}

static int is_furniture(const struct dnode *n)
{
	return (n->flags & (DN_TEXT | DN_SKIP | DN_BOILER | DN_UNDER_BOILER | DN_IN_ASIDE)) != 0;
}

/* The run of cards of the kind of child `first` under p. */
static struct card_list measure_run(const struct dom *d, size_t p, size_t first)
{
	struct card_list l = { p, first, 0, 0, 0 };
	uint32_t linked = 0, largest = 0;
	size_t seen = 0;
	for (size_t c = first; c < d->nodes[p].end && seen < CARD_MAX_CHILDREN; c = d->nodes[c].end, seen++) {
		const struct dnode *n = &d->nodes[c];
		if (is_furniture(n) || !same_card_kind(n, &d->nodes[first]) || n->text_len < CARD_MIN_TEXT)
			continue;
		l.items++;
		l.text += n->text_len;
		l.links += n->link_len;
		linked += n->link_len > 0;
		if (n->text_len > largest)
			largest = n->text_len;
	}
	if (l.items < CARD_MIN_ITEMS || l.text < CARD_MIN_AVERAGE * l.items || linked * 3 < l.items * 2 ||
	    largest * 2 > l.text)
		l.items = l.text = l.links = 0;
	return l;
}

/* The best run among p's children (items 0 when there is none). Each kind
 * is measured once, from its first child. */
static struct card_list best_run(const struct dom *d, size_t p)
{
	struct card_list best = { p, 0, 0, 0, 0 };
	size_t kinds[CARD_MAX_CHILDREN], nk = 0, seen = 0;
	for (size_t c = p + 1; c < d->nodes[p].end && seen < CARD_MAX_CHILDREN; c = d->nodes[c].end, seen++) {
		const struct dnode *n = &d->nodes[c];
		if (is_furniture(n) || !is_card_tag(dom_tag(n)) || n->text_len < CARD_MIN_TEXT)
			continue;
		size_t k = 0;
		while (k < nk && !same_card_kind(n, &d->nodes[kinds[k]]))
			k++;
		if (k < nk)
			continue;
		kinds[nk++] = c;
		struct card_list l = measure_run(d, p, c);
		if (l.text > best.text)
			best = l;
	}
	return best;
}

int cards_find(const struct dom *d, struct card_list *best)
{
	struct card_list top = { 0, 0, 0, 0, 0 };
	for (size_t i = 0; i < d->n; i++) {
		const struct dnode *n = &d->nodes[i];
		if (is_furniture(n) || n->text_len < CARD_MIN_ITEMS * CARD_MIN_AVERAGE || n->text_len <= top.text)
			continue;
		struct card_list l = best_run(d, i);
		if (l.text > top.text && !in_chrome(d, i))
			top = l;
	}
	if (!top.items)
		return 0;
	*best = top;
	return 1;
}

static void mark_run(struct dom *d, size_t p, const struct dnode *kind)
{
	size_t seen = 0;
	for (size_t c = p + 1; c < d->nodes[p].end && seen < CARD_MAX_CHILDREN; c = d->nodes[c].end, seen++) {
		struct dnode *n = &d->nodes[c];
		/* a card with a text of its own (a listicle item) is prose: its
		 * links ("Book now") are furniture there as anywhere */
		if (!is_furniture(n) && same_card_kind(n, kind) && n->text_len - n->link_len < CARD_PROSE_TEXT)
			n->flags |= DN_CARD;
	}
	for (size_t a = p; a != UINT32_MAX && !(d->nodes[a].flags & DN_HAS_CARDS); a = d->nodes[a].parent)
		d->nodes[a].flags |= DN_HAS_CARDS;
}

/* The first child of p of the kind of `kind`, or 0. */
static size_t first_of_kind(const struct dom *d, size_t p, const struct dnode *kind)
{
	size_t seen = 0;
	for (size_t c = p + 1; c < d->nodes[p].end && seen < CARD_MAX_CHILDREN; c = d->nodes[c].end, seen++)
		if (!is_furniture(&d->nodes[c]) && same_card_kind(&d->nodes[c], kind))
			return c;
	return 0;
}

void cards_mark(struct dom *d, const struct card_list *l)
{
	const struct dnode *list = &d->nodes[l->parent], *kind = &d->nodes[l->first];
	for (size_t p = 0; p < d->n; p++) {
		const struct dnode *n = &d->nodes[p];
		if (p != l->parent && (is_furniture(n) || !same_card_kind(n, list)))
			continue;
		size_t first = first_of_kind(d, p, kind);
		if (first && (p == l->parent || (measure_run(d, p, first).items && !in_chrome(d, p))))
			mark_run(d, p, kind);
	}
}
