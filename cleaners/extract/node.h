/* node.h - one Gumbo node as extraction sees it: whether it is an element,
 * its attributes, and the flags (DN_*) that classification and the flat DOM
 * (dom.h) set on it. Below both classify.c and dom.c. */
#ifndef SCRAPE_NODE_H
#define SCRAPE_NODE_H

#include <gumbo.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

enum {
	DN_SKIP = 1 << 0,    /* never content: script, style, nav, form, hidden... */
	DN_BOILER = 1 << 1,  /* class/id names share bars, comments, related... */
	DN_IN_LINK = 1 << 2, /* inside an <a> */
	DN_TEXT = 1 << 3,    /* a text node */
	DN_CUT = 1 << 4,     /* children beyond the depth limit were cut */
	DN_UNDER_BOILER = 1 << 5, /* some ancestor is DN_BOILER */
	DN_LISTING = 1 << 6, /* a list of teasers (set by extraction) */
	DN_HIDDEN = 1 << 7,  /* with DN_SKIP: hidden only by <noscript>, <aside>, the hidden attribute or a style */
	DN_KEEP = 1 << 8,    /* a "keep" rule holds it: never dropped (rules.c) */
	DN_HAS_KEEP = 1 << 9, /* some descendant is DN_KEEP (rules.c) */
	DN_IN_ASIDE = 1 << 10, /* inside an <aside> */
	DN_CARD = 1 << 11,   /* one card of the page's card list: its links are content (cards.c) */
	DN_CARDS = 1 << 12,  /* a grid of cards and its cards: their links are content (collection.h) */
	DN_HAS_CARDS = 1 << 13, /* holds a grid (collection.h) or run (cards.c) of cards: never link furniture */
	DN_POST_META = 1 << 14 /* beside a forum post's body: author cell, signature, post bar (forum.c) */
};

/* An element: Gumbo gives <template> a node type of its own, GUMBO_NODE_TEMPLATE,
 * whose payload is v.element like any element's (never v.text). */
static inline int dom_is_element(const GumboNode *g)
{
	return g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE;
}

/* Attribute value or NULL (NULL for text nodes). */
static inline const char *dom_attr(const GumboNode *n, const char *name)
{
	if (!dom_is_element(n))
		return NULL;
	const GumboVector *attrs = &n->v.element.attributes;
	for (unsigned i = 0; i < attrs->length; i++) {
		const GumboAttribute *a = attrs->data[i];
		if (strcmp(a->name, name) == 0)
			return a->value;
	}
	return NULL;
}

/* The text of a <script type="application/ld+json"> element, or NULL for any
 * other node. */
static inline const char *dom_jsonld_text(const GumboNode *g)
{
	const char *type = dom_attr(g, "type");
	if (!type || strcasecmp(type, "application/ld+json") != 0 || g->v.element.children.length != 1)
		return NULL;
	const GumboNode *t = g->v.element.children.data[0];
	return t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA ? t->v.text.text : NULL;
}

#endif
