#include "product.h"
#include "classify.h"
#include "scrape.h"

#include <stdint.h>
#include <stdlib.h>

/* An aside holding this share of the page's text (out of 10) is the page. */
enum { PAGE_SHARE_TENTHS = 9 };

static int names_aside(const GumboNode *g)
{
	return classify_names_product_aside(dom_attr(g, "class")) ||
	       classify_names_product_aside(dom_attr(g, "id"));
}

void product_mark_asides(struct dom *d)
{
	if (d->n == 0)
		return;
	uint64_t total = d->nodes[0].text_len - d->nodes[0].link_len;
	for (size_t i = 0; i < d->n; i++) {
		struct dnode *n = &d->nodes[i];
		if (n->parent != UINT32_MAX && (d->nodes[n->parent].flags & (DN_BOILER | DN_UNDER_BOILER)))
			n->flags |= DN_UNDER_BOILER;
		if ((n->flags & (DN_TEXT | DN_SKIP | DN_BOILER)) || !dom_is_element(n->g))
			continue;
		GumboTag t = dom_tag(n);
		if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_MAIN)
			continue;
		uint64_t len = n->text_len - n->link_len;
		if (len * 10 >= total * PAGE_SHARE_TENTHS || !names_aside(n->g))
			continue;
		n->flags |= DN_BOILER;
	}
}

/* Flags that follow a node's parent (see dom.c build_nodes). */
enum { INHERITED = DN_SKIP | DN_HIDDEN };

/* Shows the subtree of i, hidden only by i itself: each descendant keeps
 * what its own tag and names say (a <script> stays skipped). */
static void reveal_subtree(struct dom *d, size_t i)
{
	d->nodes[i].flags &= ~(uint32_t)INHERITED;
	for (size_t j = i + 1; j < d->nodes[i].end; j++) {
		struct dnode *n = &d->nodes[j];
		uint32_t own = 0;
		if (dom_is_element(n->g)) {
			unsigned word;
			own = classify_element(n->g, &word) & INHERITED;
		}
		n->flags = (n->flags & ~(uint32_t)INHERITED) | (d->nodes[n->parent].flags & INHERITED) | own;
	}
}

int product_reveal_panels(struct dom *d)
{
	int changed = 0;
	for (size_t i = 1; i < d->n; i++) {
		struct dnode *n = &d->nodes[i];
		if ((n->flags & (DN_SKIP | DN_HIDDEN | DN_TEXT)) != (DN_SKIP | DN_HIDDEN) ||
		    (d->nodes[n->parent].flags & DN_SKIP) || !classify_is_panel(n->g))
			continue;
		GumboTag t = dom_tag(n);
		if (t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_ASIDE)
			continue;
		reveal_subtree(d, i);
		changed = 1;
	}
	if (changed)
		dom_recount(d);
	return changed;
}

/* The product's name: the first <h1> with visible text outside furniture. */
static size_t title_heading(const struct dom *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct dnode *n = &d->nodes[i];
		if (dom_tag(n) != GUMBO_TAG_H1 || n->text_len == 0 ||
		    (n->flags & (DN_SKIP | DN_BOILER | DN_UNDER_BOILER)))
			continue;
		size_t a = n->parent; /* nor under a skipped ancestor */
		while (a != UINT32_MAX && !(d->nodes[a].flags & DN_SKIP))
			a = d->nodes[a].parent;
		if (a == UINT32_MAX)
			return i;
	}
	return SIZE_MAX;
}

static int inside(const struct dom *d, size_t node, size_t ancestor)
{
	return node >= ancestor && node < d->nodes[ancestor].end;
}

/* The child of ancestor a whose subtree holds node. */
static size_t child_toward(const struct dom *d, size_t a, size_t node)
{
	while (d->nodes[node].parent != a)
		node = d->nodes[node].parent;
	return node;
}

size_t product_roots(const struct dom *d, size_t top, size_t *roots, size_t cap)
{
	size_t h = title_heading(d);
	if (h == SIZE_MAX || inside(d, h, top) || cap < 2)
		return 0;
	size_t a = d->nodes[top].parent;
	while (a != UINT32_MAX && !inside(d, h, a))
		a = d->nodes[a].parent;
	if (a == UINT32_MAX)
		return 0;
	size_t ch = child_toward(d, a, h), ct = child_toward(d, a, top);
	size_t lo = ch < ct ? ch : ct, hi = ch < ct ? ct : ch, n = 0;
	for (size_t c = lo; c <= hi && n < cap; c = d->nodes[c].end) {
		const struct dnode *s = &d->nodes[c];
		if (c == lo || c == hi || !(s->flags & (DN_TEXT | DN_SKIP | DN_BOILER | DN_LISTING)))
			roots[n++] = c;
	}
	return n;
}

/* FNV-1a; 0 is kept for empty slots. */
static uint64_t text_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h ? h : 1;
}

/* Adds h to the open-addressing set (mask + 1 slots, a power of two, at
 * least twice the entries); returns 0 if it was there already. */
static int set_add(uint64_t *set, size_t mask, uint64_t h)
{
	for (size_t k = (size_t)h & mask;; k = (k + 1) & mask) {
		if (set[k] == h)
			return 0;
		if (set[k] == 0) {
			set[k] = h;
			return 1;
		}
	}
}

/* Text blocks: table rows and preformatted lines repeat by nature. */
static int is_text_block(const struct block *b)
{
	return b->kind != BLOCK_TABLE_ROW && b->kind != BLOCK_PRE && !b->forced && b->len;
}

int product_drop_repeats(struct block_list *l)
{
	size_t slots = 16;
	while (slots < 2 * l->n)
		slots *= 2;
	uint64_t *set = calloc(slots, sizeof *set);
	if (!set)
		return SCRAPE_ENOMEM;
	for (size_t i = 0; i < l->n;) {
		const struct block *b = &l->v[i];
		if (is_text_block(b) && !set_add(set, slots - 1, text_hash(block_text(l, b), b->len)))
			blocks_remove(l, i);
		else
			i++;
	}
	free(set);
	return SCRAPE_OK;
}
