/*
 * Main-content extraction.
 *
 * 1. Score: every paragraph-like element with enough text gives points to
 *    its parent and (halved) grandparent, more for commas and length, as
 *    Readability does; class/id names and tags add or remove a base weight;
 *    the result is scaled by one minus the link density.
 * 2. Choose: the best-scored container, widened to a semantic container
 *    (<article>, <main>, itemprop=articleBody) when the body is split across
 *    several children of it, or to the region around it when it holds a
 *    small part of the page's text (pages of many sections), plus siblings
 *    that score well on their own.
 * 3. Emit: walk the chosen subtrees in document order, leaving out what is
 *    never content and link-heavy furniture, and build typed blocks.
 */
#include "extract.h"
#include "cards.h"
#include "filter.h"
#include "classify.h"
#include "collection.h"
#include "emit.h"
#include "forum.h"
#include "product.h"
#include "service.h"
#include "scrape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_paragraph_like(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DD: case GUMBO_TAG_LI:
		return 1;
	default:
		return 0;
	}
}

/* Characters of text that are direct children of n (div/br soup). */
static uint32_t direct_text(const struct dom *d, size_t i)
{
	uint32_t sum = 0;
	for (size_t c = i + 1; c < d->nodes[i].end; c = d->nodes[c].end)
		if (d->nodes[c].flags & DN_TEXT)
			sum += d->nodes[c].text_len;
		else if (dom_tag(&d->nodes[c]) == GUMBO_TAG_BR || dom_tag(&d->nodes[c]) == GUMBO_TAG_A ||
			 dom_tag(&d->nodes[c]) == GUMBO_TAG_B || dom_tag(&d->nodes[c]) == GUMBO_TAG_STRONG ||
			 dom_tag(&d->nodes[c]) == GUMBO_TAG_EM || dom_tag(&d->nodes[c]) == GUMBO_TAG_I ||
			 dom_tag(&d->nodes[c]) == GUMBO_TAG_SPAN)
			sum += d->nodes[c].text_len;
	return sum;
}

/* 1 if the element holds only inline content: a <div> used as a paragraph. */
static int is_text_only(const struct dom *d, size_t i)
{
	for (size_t c = i + 1; c < d->nodes[i].end; c++) {
		switch (dom_tag(&d->nodes[c])) {
		case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
		case GUMBO_TAG_TABLE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
		case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE:
		case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_FIGURE:
		case GUMBO_TAG_FORM: case GUMBO_TAG_DL:
			return 0;
		default:
			break;
		}
	}
	return 1;
}

static float base_weight(const struct dnode *n)
{
	float w = 0;
	switch (dom_tag(n)) {
	case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN:
		w += 5; break;
	case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
		w += 3; break;
	case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
	case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_ADDRESS:
		w -= 3; break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
		w -= 5; break;
	default:
		break;
	}
	const char *cls = dom_attr(n->g, "class"), *id = dom_attr(n->g, "id");
	if (classify_names_content(cls) || classify_names_content(id))
		w += 25;
	if (n->flags & DN_BOILER)
		w -= 25;
	const char *ip = dom_attr(n->g, "itemprop");
	if (ip && strstr(ip, "articleBody"))
		w += 50;
	return w;
}

static float link_density(const struct dnode *n)
{
	return n->text_len ? (float)n->link_len / (float)n->text_len : 0.f;
}

/* 1 if two or more siblings of node i have its tag and class: one teaser
 * among others. */
static int repeated_sibling(const struct dom *d, size_t i)
{
	const struct dnode *n = &d->nodes[i];
	if (n->parent == UINT32_MAX)
		return 0;
	const char *cls = dom_attr(n->g, "class");
	GumboTag t = dom_tag(n);
	size_t p = n->parent, same = 0, seen = 0;
	for (size_t c = p + 1; c < d->nodes[p].end && seen < 200; c = d->nodes[c].end, seen++) {
		if (c == i || dom_tag(&d->nodes[c]) != t)
			continue;
		const char *cc = dom_attr(d->nodes[c].g, "class");
		if (cards_same_kind(cls, cc))
			if (++same >= 2)
				return 1;
	}
	return 0;
}

/* 1 when the page's headline (its first <h1>) sits in an <article>: the
 * page is that article, and other <article>s beside it are more posts
 * however long they are. */
static int headline_in_article(const struct dom *d)
{
	for (size_t i = 0; i < d->n; i++) {
		if (dom_tag(&d->nodes[i]) != GUMBO_TAG_H1 || (d->nodes[i].flags & DN_SKIP))
			continue;
		for (size_t p = d->nodes[i].parent; p != UINT32_MAX; p = d->nodes[p].parent)
			if (dom_tag(&d->nodes[p]) == GUMBO_TAG_ARTICLE)
				return 1;
		return 0;
	}
	return 0;
}

/* A teaser is a headline and a sentence or two. Where the page's headline
 * is outside every <article>, an <article> holding a long text of its own
 * is an item of a listicle, which is the page's content. */
static int is_teaser(const struct dnode *a, int own_article)
{
	return own_article || a->text_len - a->link_len < 350;
}

/* A container whose text sits mostly in three or more <article>s is a list
 * of teasers (a "more posts" box, an index page), not one article: its score
 * is cut so that a single article beside it wins; on an index page nothing
 * else competes and the list still comes out. */
static void listing_penalty(struct dom *d, const char *seen)
{
	if (!seen)
		return;
	uint32_t *count = NULL, *sum = NULL;
	int own_article = headline_in_article(d);
	for (size_t j = 0; j < d->n; j++) {
		const struct dnode *a = &d->nodes[j];
		if (dom_tag(a) != GUMBO_TAG_ARTICLE || (a->flags & DN_SKIP) || a->text_len < 50 ||
		    !is_teaser(a, own_article))
			continue;
		if (!count) {
			count = calloc(d->n, sizeof *count);
			sum = calloc(d->n, sizeof *sum);
			if (!count || !sum)
				goto out;
		}
		for (size_t p = a->parent; p != UINT32_MAX; p = d->nodes[p].parent) {
			count[p]++;
			sum[p] += a->text_len;
		}
	}
	if (!count)
		return;
	for (size_t i = 0; i < d->n; i++) {
		struct dnode *n = &d->nodes[i];
		if (!seen[i])
			continue;
		if ((count[i] >= 3 && sum[i] > n->text_len / 2) ||
		    (dom_tag(n) == GUMBO_TAG_ARTICLE && is_teaser(n, own_article) && repeated_sibling(d, i))) {
			n->score *= 0.25f;
			n->flags |= DN_LISTING;
		}
	}
out:
	free(count);
	free(sum);
}

/* Adds paragraph points to ancestors; returns the index of the best node. */
static size_t score_nodes(struct dom *d, int posts_are_content)
{
	for (size_t i = 0; i < d->n; i++)
		d->nodes[i].score = 0;
	char *seen = calloc(d->n, 1);
	for (size_t i = 0; i < d->n; i++) {
		struct dnode *n = &d->nodes[i];
		if (n->flags & (DN_TEXT | DN_SKIP))
			continue;
		GumboTag t = dom_tag(n);
		uint32_t len;
		if (is_paragraph_like(t))
			len = n->text_len - n->link_len;
		else if (t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE)
			len = direct_text(d, i);
		else
			continue;
		if (len < 25 || (n->flags & (DN_BOILER | DN_UNDER_BOILER)))
			continue;
		float s = 1.f + (float)n->commas + fminf((float)len / 100.f, 3.f);
		/* ancestors: parent full, grandparent half, then a third per level.
		 * Text directly in a <div> (no <p>) stands for a paragraph child of
		 * that div, as Readability's div-to-p conversion would make it. */
		size_t a = is_paragraph_like(t) ? n->parent : i;
		for (int level = 0; a != UINT32_MAX && level < 3; level++, a = d->nodes[a].parent) {
			struct dnode *p = &d->nodes[a];
			if (seen && !seen[a]) {
				seen[a] = 1;
				p->score += base_weight(p);
			}
			p->score += level == 0 ? s : level == 1 ? s / 2 : s / (float)(level * 3);
		}
	}
	if (!posts_are_content)
		listing_penalty(d, seen);
	size_t best = SIZE_MAX;
	float best_score = 0;
	for (size_t i = 0; i < d->n; i++) {
		struct dnode *n = &d->nodes[i];
		if (!seen || !seen[i])
			continue;
		n->score *= 1.f - link_density(n);
		if (n->score > best_score && !(n->flags & DN_SKIP)) {
			best_score = n->score;
			best = i;
		}
	}
	free(seen);
	return best;
}

static int is_inside(const struct dom *d, size_t node, size_t ancestor)
{
	return node >= ancestor && node < d->nodes[ancestor].end;
}

/* The semantic container of the article, if the page marks one. */
static size_t find_marked_body(const struct dom *d)
{
	size_t best = SIZE_MAX;
	uint32_t best_len = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct dnode *n = &d->nodes[i];
		if (n->flags & (DN_TEXT | DN_SKIP))
			continue;
		const char *ip = dom_attr(n->g, "itemprop");
		if (ip && strstr(ip, "articleBody") && n->text_len > best_len) {
			best = i;
			best_len = n->text_len;
		}
	}
	if (best != SIZE_MAX)
		return best;
	/* one <article> that holds most of the page's text (several: an index page) */
	size_t count = 0;
	uint32_t total = d->n ? d->nodes[0].text_len - d->nodes[0].link_len : 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct dnode *n = &d->nodes[i];
		if (dom_tag(n) != GUMBO_TAG_ARTICLE || (n->flags & DN_SKIP))
			continue;
		uint32_t len = n->text_len - n->link_len;
		if (len > 200)
			count++;
		if (len > best_len) {
			best = i;
			best_len = len;
		}
	}
	if (best != SIZE_MAX && best_len * 2 >= total && count <= 2)
		return best;
	return SIZE_MAX;
}

/* Some pages cut the body into several containers of the same class that
 * are not siblings (each section wrapped anew after a full-width figure).
 * Adds, in document order, the other elements with the best node's tag and
 * class that score well and are not furniture. */
static size_t add_same_class_parts(const struct dom *d, size_t top, size_t *roots, size_t nroots, size_t cap)
{
	const struct dnode *t = &d->nodes[top];
	const char *cls = dom_attr(t->g, "class");
	if (!cls || !*cls)
		return nroots;
	float min = t->score * 0.2f;
	for (size_t i = 0; i < d->n && nroots < cap; i++) {
		const struct dnode *n = &d->nodes[i];
		if (i == top || n->score < min || dom_tag(n) != dom_tag(t) ||
		    (n->flags & (DN_SKIP | DN_BOILER | DN_UNDER_BOILER | DN_LISTING)) ||
		    link_density(n) > 0.3f)
			continue;
		const char *c = dom_attr(n->g, "class");
		if (!c || strcmp(c, cls) != 0)
			continue;
		size_t k = 0;
		while (k < nroots && !is_inside(d, i, roots[k]) && !is_inside(d, roots[k], i))
			k++;
		if (k < nroots)
			continue;
		/* insert in document order */
		size_t at = nroots;
		while (at > 0 && roots[at - 1] > i) {
			roots[at] = roots[at - 1];
			at--;
		}
		roots[at] = i;
		nroots++;
	}
	return nroots;
}

/* Printable text of every subtree: the non-link text that emission would
 * print (text), and of it the text of <p>s outside teaser lists (prose).
 * Subtrees that are never content or furniture (DN_SKIP, DN_BOILER,
 * <header>, <footer>) count for nothing in their ancestors; a teaser list
 * (DN_LISTING) counts as text, since on an index page it is the content, but
 * not as prose, which is an article's. The text of card links (service.h)
 * counts as text: a grid of linked tiles is a section of the page. */
struct region {
	uint32_t text;
	uint32_t prose;
};

/* One reverse pass; the caller frees the array (NULL when out of memory). */
static struct region *region_text(const struct dom *d)
{
	struct region *r = calloc(d->n, sizeof *r);
	if (!r)
		return NULL;
	for (size_t i = d->n; i-- > 0;) {
		const struct dnode *n = &d->nodes[i];
		GumboTag t = dom_tag(n);
		if (n->flags & DN_TEXT)
			r[i].text = n->text_len - n->link_len;
		if (t == GUMBO_TAG_P)
			r[i].prose = r[i].text;
		if (n->flags & DN_TEXT)
			r[i].text += n->card_len; /* a tile of a grid, not a menu entry */
		if (n->parent == UINT32_MAX ||
		    (n->flags & (DN_SKIP | DN_BOILER)) || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER)
			continue;
		r[n->parent].text += r[i].text;
		if (!(n->flags & DN_LISTING))
			r[n->parent].prose += r[i].prose;
	}
	return r;
}

/* Pages that are not one article (a service page of sections: hero,
 * features, testimonials, pricing, FAQ; a shop page) spread their text over
 * many blocks, and the best-scored one holds a part of it: often the largest
 * section (a FAQ of long answers), yet not two thirds of the page. Then the
 * content is the smallest ancestor that holds three fifths of the page's
 * printable text (three quarters when the node holds half of it already).
 * An article stays as it is: a node that holds two thirds of
 * the page's prose (200 characters or more in <p>s) is the story, and what
 * lies around it is furniture. On a page not typed as an article that rule
 * needs the node to hold two fifths of the printable text too: a landing
 * page's one letter-like section of <p>s is not the page when headings,
 * lists and short blocks around it hold half as much again. */
static size_t widen_to_region(const struct dom *d, size_t top, const struct region *r, enum page_type type)
{
	uint64_t page = r[0].text, text = r[top].text;
	if (text * 3 >= page * 2)
		return top;
	if (r[top].prose >= 200 && (uint64_t)r[top].prose * 3 >= (uint64_t)r[0].prose * 2 &&
	    (type == PAGE_ARTICLE || text * 5 >= page * 2))
		return top;
	uint64_t den = text * 2 >= page ? 4 : 5;
	for (size_t a = top; a != UINT32_MAX; a = d->nodes[a].parent)
		if ((uint64_t)r[a].text * den >= page * 3)
			return a;
	return top;
}

/* Characters of text straight in node i or in its inline children, links
 * left out. */
static uint32_t direct_prose(const struct dom *d, size_t i)
{
	uint32_t sum = 0;
	for (size_t c = i + 1; c < d->nodes[i].end; c = d->nodes[c].end) {
		const struct dnode *n = &d->nodes[c];
		GumboTag t = dom_tag(n);
		if (n->flags & DN_TEXT)
			sum += (n->flags & DN_IN_LINK) ? 0 : n->text_len;
		else if (t == GUMBO_TAG_B || t == GUMBO_TAG_STRONG || t == GUMBO_TAG_EM ||
			 t == GUMBO_TAG_I || t == GUMBO_TAG_SPAN)
			sum += n->text_len - n->link_len;
	}
	return sum;
}

/* Prose of the chosen roots: paragraphs (a <p>, or text straight in a
 * <div>) of 80 characters or more outside links; their count and length. */
static void roots_prose(const struct dom *d, const size_t *roots, size_t nroots, uint32_t *paras, uint32_t *chars)
{
	*paras = *chars = 0;
	for (size_t k = 0; k < nroots; k++)
		for (size_t j = roots[k]; j < d->nodes[roots[k]].end; j++) {
			const struct dnode *n = &d->nodes[j];
			GumboTag t = dom_tag(n);
			uint32_t len = t == GUMBO_TAG_P ? n->text_len - n->link_len
				       : t == GUMBO_TAG_DIV ? direct_prose(d, j) : 0;
			if (len >= 80 && !(n->flags & DN_SKIP)) {
				(*paras)++;
				*chars += len;
			}
		}
}

/* 1 if a card list outside the chosen roots outweighs them. The roots
 * print `printed` characters; the cards hold `cards`. Against an intro the
 * list needs half as much text again. Against an article (three paragraphs
 * of prose, or 800 characters of it: more than an intro) the cards are its
 * related stories unless it is a short lead they dwarf: four times its
 * prose, and never beside five paragraphs or more. */
static int cards_outweigh(const struct dom *d, const size_t *roots, size_t nroots, uint32_t cards, uint32_t printed)
{
	if ((uint64_t)cards * 2 < (uint64_t)printed * 3)
		return 0;
	uint32_t paras, prose;
	roots_prose(d, roots, nroots, &paras, &prose);
	if (paras >= 5)
		return 0;
	if (paras >= 3 || prose >= 800)
		return cards >= (uint64_t)prose * 4;
	return 1;
}

/* A listing page (blog index, search results, shop grid, front page) is a
 * run of cards whose titles are links, so its text scores little, and the
 * best container is often an intro paragraph or one card. When the page's
 * card list (cards.c) outweighs the chosen roots (half as much text again
 * when a root is one of its cards; cards_outweigh otherwise), the list is
 * content too: it replaces the roots inside it, or joins them in document
 * order; a list inside the roots is kept when it is half of their text
 * and a quarter of it link text (the normal cut would drop it; a thread's
 * posts it keeps already, and their link-heavy bits are furniture). Its
 * cards are marked so that emission keeps their links. Returns the new
 * count (roots has room for 64). */
static size_t add_card_list(struct dom *d, size_t *roots, size_t nroots)
{
	struct card_list cl;
	if (nroots >= 64 || !cards_find(d, &cl))
		return nroots;
	uint32_t printed = 0;
	int one_card = 0; /* a root lies in the list: it is one card among others */
	for (size_t k = 0; k < nroots; k++) {
		const struct dnode *n = &d->nodes[roots[k]];
		printed += n->text_len - n->link_len;
		one_card |= is_inside(d, roots[k], cl.parent);
		if (is_inside(d, cl.parent, roots[k])) {
			if (cl.text * 2 >= n->text_len && cl.links * 4 >= cl.text)
				cards_mark(d, &cl);
			return nroots;
		}
	}
	if (one_card ? (uint64_t)cl.text * 2 < (uint64_t)printed * 3
		     : !cards_outweigh(d, roots, nroots, cl.text, printed))
		return nroots;
	size_t k = 0, w = 0;
	while (k < nroots && roots[k] < cl.parent)
		roots[w++] = roots[k++];
	roots[w++] = cl.parent;
	while (k < nroots && is_inside(d, roots[k], cl.parent))
		k++;
	while (k < nroots && w < 64)
		roots[w++] = roots[k++];
	cards_mark(d, &cl);
	return w;
}

/* Emits the chosen roots. When that prints nothing (or only what the block
 * filters drop after: the headline the title repeats, a byline), the page's
 * content is what the normal cut takes for furniture: links (a product
 * grid, a category index, a wiki page of links), so again with link-heavy
 * blocks kept; then the whole page with furniture names ignored too. Never
 * nothing while the page has text. */
static int emit_with_fallback(struct block_list *out, const struct dom *d, const size_t *roots, size_t n,
			      const char *title, unsigned keep)
{
	int rc = emit_blocks(out, d, roots, n, keep);
	if (rc != SCRAPE_OK || filter_leaves_text(out, title))
		return rc;
	blocks_clear(out);
	rc = emit_blocks(out, d, roots, n, keep | EMIT_KEEP_LINKS);
	if (rc != SCRAPE_OK || filter_leaves_text(out, title))
		return rc;
	blocks_clear(out);
	return emit_blocks(out, d, (size_t[]){ 0 }, 1, EMIT_KEEP_LINKS | EMIT_KEEP_BOILER);
}

/* A category page with a text of its own (a buying guide, an essay
 * under the grid) is read for that text: its grid of cards stays out. */
#define GRID_MAX_PROSE 1500

/* Emits the chosen roots (room for 64), with the page's grid of cards
 * (collection.h) when it has one and the roots hold little prose. *r is the
 * page's region text when computed already, else NULL: then it is computed
 * here if needed (the caller frees it). */
static int emit_chosen(struct block_list *out, struct dom *d, size_t *roots, size_t n,
		       const struct card_grid *grid, const char *title, unsigned keep, struct region **r)
{
	if (grid->node != SIZE_MAX) {
		if (!*r && !(*r = region_text(d)))
			return SCRAPE_ENOMEM;
		uint64_t prose = 0;
		for (size_t k = 0; k < n; k++)
			prose += (*r)[roots[k]].prose;
		if (prose < GRID_MAX_PROSE) {
			collection_mark_grid(d, grid);
			n = collection_add_grid(d, grid, roots, n, 64);
		}
	}
	return emit_with_fallback(out, d, roots, n, title, keep);
}

/* extract_content's choice; *r gets the region text if it is computed
 * (extract_content frees it). */
static int choose_and_emit(struct block_list *out, struct dom *d, enum page_type type, const char *title,
			   struct region **r)
{
	if (type == PAGE_PRODUCT) {
		product_reveal_panels(d);
		product_mark_asides(d);
	}
	/* on a collection or listing page the grid of cards is content however
	 * link-heavy (on other pages a grid is a "shop the look" or "more
	 * stories" box beside the text) */
	struct card_grid grid = { SIZE_MAX, SIZE_MAX, 0, 0 };
	if (type == PAGE_COLLECTION || type == PAGE_LISTING)
		grid = collection_find_grid(d);
	/* on a thread, repeated <article>s are its posts, not teasers */
	int forum = type == PAGE_FORUM;
	struct forum_posts posts = { SIZE_MAX, 0 };
	if (forum)
		posts = forum_mark_post_furniture(d);
	size_t top = score_nodes(d, forum);
	if (forum)
		forum_mark_question(d, posts, 10.f);
	size_t marked = find_marked_body(d);
	size_t roots[64];
	size_t nroots = 0;

	if (top == SIZE_MAX) {
		roots[nroots++] = marked == SIZE_MAX ? 0 : marked;
		return emit_chosen(out, d, roots, nroots, &grid, title, 0, r);
	}
	/* a marked body that contains the best node and much more content text
	 * than it: the body is split across several children; take it whole */
	if (marked != SIZE_MAX && is_inside(d, top, marked)) {
		uint32_t tl = d->nodes[top].text_len - d->nodes[top].link_len;
		uint32_t ml = d->nodes[marked].text_len - d->nodes[marked].link_len;
		if (ml > tl + tl / 3)
			top = marked;
	}

	/* on a page not typed as an article, linked tiles are content too
	 * (service.h); an article's teaser cards are not */
	unsigned keep = 0;
	if (top != marked) {
		if (type != PAGE_ARTICLE)
			card_links_measure(d);
		if (!(*r = region_text(d)))
			return SCRAPE_ENOMEM;
		size_t region = widen_to_region(d, top, *r, type);
		if (region != top)
			keep = EMIT_KEEP_CARDS;
		top = region;
	}
	if (type == PAGE_PRODUCT) {
		size_t pn = product_roots(d, top, roots, 64);
		if (pn)
			return emit_with_fallback(out, d, roots, pn, title, keep);
	}

	if (forum) {
		size_t wide = forum_cover_posts(d, top, posts);
		if (wide != top)
			top = wide, marked = SIZE_MAX; /* the marked body was one post */
	}

	/* siblings of the best node that look like content too */
	const struct dnode *t = &d->nodes[top];
	if (t->parent == UINT32_MAX || top == marked) {
		roots[nroots++] = top;
		return emit_chosen(out, d, roots, nroots, &grid, title, keep, r);
	}
	float threshold = fmaxf(10.f, t->score * 0.2f);
	size_t parent = t->parent;
	for (size_t c = parent + 1; c < d->nodes[parent].end && nroots < 64; c = d->nodes[c].end) {
		const struct dnode *s = &d->nodes[c];
		if (c == top) {
			roots[nroots++] = c;
			continue;
		}
		if (s->flags & (DN_TEXT | DN_SKIP | DN_BOILER | DN_LISTING))
			continue;
		int kept = s->score >= threshold;
		if (!kept && (dom_tag(s) == GUMBO_TAG_P || (dom_tag(s) == GUMBO_TAG_DIV && is_text_only(d, c)))) {
			uint32_t len = s->text_len;
			float ld = link_density(s);
			if (len > 80 && ld < 0.25f)
				kept = 1;
			else if (len > 0 && len <= 80 && ld == 0.f && dom_tag(s) == GUMBO_TAG_P)
				kept = 1;
		}
		/* on a thread, the question before the answers: its text sits deep */
		if (!kept && forum && c < top && link_density(s) < 0.3f && forum_best_score_within(d, c) >= threshold)
			kept = 1;
		if (kept)
			roots[nroots++] = c;
	}
	nroots = add_same_class_parts(d, top, roots, nroots, 64);
	nroots = add_card_list(d, roots, nroots);
	return emit_chosen(out, d, roots, nroots, &grid, title, keep, r);
}

int extract_content(struct block_list *out, struct dom *d, enum page_type type, const char *title)
{
	if (d->n == 0)
		return SCRAPE_OK;
	struct region *r = NULL;
	int rc = choose_and_emit(out, d, type, title, &r);
	free(r);
	return rc;
}
