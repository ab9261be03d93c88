/*
 * The grid of cards of a collection page.
 *
 * A grid is an element whose children are mostly of one kind (same tag,
 * same first class word without digits) and of which four or more are
 * cards. A card is a small unit that holds a link and text in two places
 * at least: a name and a price, a title and a line, a rank and a title.
 * That second piece of text is what tells a card from a menu item (one
 * link, nothing else), so a menu, a tag cloud or a pager is never a grid.
 */
#include "collection.h"

#include <string.h>

enum {
	GRID_MIN_CARDS = 4,
	GRID_MAX_CHILDREN = 1000,  /* children looked at per element */
	CARD_MIN_TEXT = 8,         /* characters of a card, at least */
	CARD_MAX_MEAN_TEXT = 800,  /* more per card: sections of a page, not cards */
	STRAY_TEXT = 100           /* roots with less text than this and no paragraph give way to a grid */
};

/* The first class word without digits ("item-7816" tells items apart, it
 * does not name their kind) of class value s: its start in *tok, its length
 * returned (0: none). */
static size_t kind_word(const char *s, const char **tok)
{
	while (s && *s) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			s++;
		const char *st = s;
		int digit = 0;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f') {
			if (*s >= '0' && *s <= '9')
				digit = 1;
			s++;
		}
		if (s > st && !digit) {
			*tok = st;
			return (size_t)(s - st);
		}
	}
	*tok = NULL;
	return 0;
}

static int same_kind(const struct dnode *a, const struct dnode *b)
{
	if (dom_tag(a) != dom_tag(b))
		return 0;
	const char *ta, *tb;
	size_t la = kind_word(dom_attr(a->g, "class"), &ta);
	size_t lb = kind_word(dom_attr(b->g, "class"), &tb);
	return la == lb && (la == 0 || memcmp(ta, tb, la) == 0);
}

/* 1 if element c is a card: some text, a link, and text in two text nodes
 * at least. */
static int is_card(const struct dom *d, size_t c)
{
	const struct dnode *n = &d->nodes[c];
	if (n->text_len < CARD_MIN_TEXT || n->link_len == 0)
		return 0;
	int pieces = 0;
	for (size_t i = c + 1; i < n->end; i++) {
		const struct dnode *t = &d->nodes[i];
		if (t->flags & DN_SKIP) {
			i = t->end - 1;
			continue;
		}
		if ((t->flags & DN_TEXT) && t->text_len > 0 && ++pieces >= 2)
			return 1;
	}
	return 0;
}

/* The kind of most of p's element children (a majority vote), or SIZE_MAX
 * when p has fewer than GRID_MIN_CARDS of them. */
static size_t majority_child(const struct dom *d, size_t p)
{
	size_t cand = SIZE_MAX, votes = 0, seen = 0;
	for (size_t c = p + 1; c < d->nodes[p].end && seen < GRID_MAX_CHILDREN; c = d->nodes[c].end) {
		const struct dnode *n = &d->nodes[c];
		if ((n->flags & (DN_TEXT | DN_SKIP)) || !dom_is_element(n->g))
			continue;
		seen++;
		if (votes == 0) {
			cand = c;
			votes = 1;
		} else if (same_kind(&d->nodes[cand], n)) {
			votes++;
		} else {
			votes--;
		}
	}
	return seen >= GRID_MIN_CARDS ? cand : SIZE_MAX;
}

/* Fills g with p as a grid when it is one; returns 1 then. */
static int grid_at(const struct dom *d, size_t p, struct card_grid *g)
{
	size_t kind = majority_child(d, p);
	if (kind == SIZE_MAX)
		return 0;
	uint32_t members = 0, cards = 0, seen = 0;
	uint64_t text = 0;
	for (size_t c = p + 1; c < d->nodes[p].end && seen < GRID_MAX_CHILDREN; c = d->nodes[c].end) {
		const struct dnode *n = &d->nodes[c];
		if ((n->flags & (DN_TEXT | DN_SKIP)) || !dom_is_element(n->g))
			continue;
		seen++;
		if (!same_kind(&d->nodes[kind], n))
			continue;
		members++;
		if (is_card(d, c)) {
			cards++;
			text += n->text_len;
		}
	}
	if (cards < GRID_MIN_CARDS || cards * 5 < members * 3 || text > (uint64_t)cards * CARD_MAX_MEAN_TEXT)
		return 0;
	g->node = p;
	g->kind = kind;
	g->cards = cards;
	g->text = (uint32_t)text;
	return 1;
}

struct card_grid collection_find_grid(const struct dom *d)
{
	struct card_grid best = { SIZE_MAX, SIZE_MAX, 0, 0 };
	for (size_t i = 0; i < d->n;) {
		const struct dnode *n = &d->nodes[i];
		GumboTag t = dom_tag(n);
		if ((n->flags & DN_SKIP) || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER) {
			i = n->end; /* never content: no grid inside */
			continue;
		}
		struct card_grid g;
		if (!(n->flags & DN_TEXT) && n->text_len > best.text && grid_at(d, i, &g) && g.text > best.text)
			best = g;
		i++;
	}
	return best;
}

void collection_mark_grid(struct dom *d, const struct card_grid *g)
{
	size_t p = g->node, seen = 0;
	if (p == SIZE_MAX)
		return;
	d->nodes[p].flags |= DN_CARDS;
	for (size_t a = d->nodes[p].parent; a != UINT32_MAX; a = d->nodes[a].parent)
		d->nodes[a].flags |= DN_HAS_CARDS;
	for (size_t c = p + 1; c < d->nodes[p].end && seen < GRID_MAX_CHILDREN; c = d->nodes[c].end) {
		struct dnode *n = &d->nodes[c];
		if ((n->flags & (DN_TEXT | DN_SKIP)) || !dom_is_element(n->g))
			continue;
		seen++;
		if (same_kind(&d->nodes[g->kind], n) && is_card(d, c))
			n->flags |= DN_CARDS;
	}
}

static int inside(const struct dom *d, size_t node, size_t ancestor)
{
	return node >= ancestor && node < d->nodes[ancestor].end;
}

size_t collection_add_grid(const struct dom *d, const struct card_grid *g, size_t *roots, size_t n, size_t cap)
{
	size_t grid = g->node;
	if (grid == SIZE_MAX)
		return n;
	uint64_t own = 0, paras = 0;
	for (size_t r = 0; r < n; r++) {
		if (inside(d, grid, roots[r]) && roots[r] != 0)
			return n; /* already emitted (the whole page is no choice: see below) */
		if (!inside(d, roots[r], grid)) {
			own += d->nodes[roots[r]].text_len - d->nodes[roots[r]].link_len;
			paras += d->nodes[roots[r]].paras;
		}
	}
	int stray = own < STRAY_TEXT && paras == 0;
	size_t k = 0;
	for (size_t r = 0; r < n; r++)
		if (!inside(d, roots[r], grid) && !stray && roots[r] != 0)
			roots[k++] = roots[r];
	if (k == cap)
		return k;
	size_t at = k;
	while (at > 0 && roots[at - 1] > grid) {
		roots[at] = roots[at - 1];
		at--;
	}
	roots[at] = grid;
	return k + 1;
}
