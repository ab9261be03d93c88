/*
 * Card links.
 *
 * Landing pages build their feature grids and service lists from whole
 * tiles that are links: <a href><h3>Audit</h3><div>What we check...</div></a>.
 * Counted as link text, such a grid looks like navigation, and the section
 * that holds the page's offer weighs nothing beside one paragraph of prose.
 * A link that wraps a heading or a paragraph is a tile, not a menu entry:
 * its text is counted here so that the region rule (extract.c) and emission
 * can take it as content once the page is known to be one of sections.
 */
#include "service.h"

static int is_heading_or_paragraph(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_P:
		return 1;
	default:
		return 0;
	}
}

/* 1 if the link at i wraps a heading or a paragraph with text. */
static int is_card_link(const struct dom *d, size_t i)
{
	for (size_t c = i + 1; c < d->nodes[i].end; c++) {
		const struct dnode *n = &d->nodes[c];
		if (n->text_len > 0 && !(n->flags & DN_SKIP) && is_heading_or_paragraph(dom_tag(n)))
			return 1;
	}
	return 0;
}

void card_links_measure(struct dom *d)
{
	for (size_t i = 0; i < d->n; i++)
		d->nodes[i].card_len = 0;
	/* the text nodes of every card link; links do not nest, so each node is
	 * looked at by one link at most */
	for (size_t i = 0; i < d->n; i++) {
		const struct dnode *n = &d->nodes[i];
		if (dom_tag(n) != GUMBO_TAG_A || (n->flags & DN_SKIP) || n->link_len == 0 || !is_card_link(d, i))
			continue;
		for (size_t c = i + 1; c < n->end; c++)
			if (d->nodes[c].flags & DN_TEXT)
				d->nodes[c].card_len = d->nodes[c].link_len;
	}
	/* subtree sums: children follow their parent in pre-order */
	for (size_t i = d->n; i-- > 0;) {
		const struct dnode *n = &d->nodes[i];
		if (n->parent != UINT32_MAX)
			d->nodes[n->parent].card_len += n->card_len;
	}
}
