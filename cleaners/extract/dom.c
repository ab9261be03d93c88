#include "dom.h"
#include "classify.h"
#include "error.h"
#include "scrape.h"

#include <stdlib.h>
#include <string.h>

static void *gumbo_arena_alloc(void *userdata, size_t size)
{
	void *p = arena_alloc(userdata, size);
	if (!p)
		abort(); /* Gumbo cannot handle failure; the arena limit is set far above the input cap */
	return p;
}

static void gumbo_arena_free(void *userdata, void *ptr)
{
	(void)userdata;
	(void)ptr; /* released with the arena */
}

/* Visible characters of a text node, whitespace runs counted once, and commas. */
static void count_text(const char *s, uint32_t *len, uint32_t *commas)
{
	uint32_t n = 0, c = 0;
	int space = 1;
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
			if (!space)
				n++;
			space = 1;
			continue;
		}
		space = 0;
		if ((ch & 0xC0) != 0x80)
			n++;
		if (ch == ',')
			c++;
	}
	*len = n;
	*commas = c;
}

/* Text of the <blockquote>s in the subtree of i. An embedded post (tweet,
 * Instagram caption) is a blockquote inside a "social-embed" or "widget"
 * wrapper: the quote is part of the story, the wrapper's name is not. */
static uint32_t quoted_text(const struct dnode *nodes, size_t i)
{
	uint32_t sum = 0;
	for (size_t c = i + 1; c < nodes[i].end;) {
		if (dom_tag(&nodes[c]) == GUMBO_TAG_BLOCKQUOTE &&
		    !(nodes[c].flags & (DN_BOILER | DN_SKIP))) {
			sum += nodes[c].text_len;
			c = nodes[c].end;
		} else {
			c++;
		}
	}
	return sum;
}

struct walk_item {
	GumboNode *g;
	uint32_t parent;
};

/* Per boilerplate word (see classify_element), the text of the outermost
 * elements it names. */
#define BOILER_WORDS 256

/* Subtree ends and statistics: children follow parents in pre-order, so a
 * reverse pass sees every child before its parent. */
static void sum_subtrees(struct dnode *nodes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		nodes[i].end = (uint32_t)i + 1;
	for (size_t i = n; i-- > 0;) {
		struct dnode *c = &nodes[i];
		if (dom_tag(c) == GUMBO_TAG_P && c->text_len > 0)
			c->paras++;
		if (c->flags & DN_SKIP) {
			c->text_len = c->link_len = c->commas = c->paras = 0;
		}
		if (c->parent != UINT32_MAX) {
			struct dnode *p = &nodes[c->parent];
			if (c->end > p->end)
				p->end = c->end;
			p->text_len += c->text_len;
			p->link_len += c->link_len;
			p->commas += c->commas;
			p->paras += c->paras;
		}
	}
}

/* Boilerplate names that describe a wrapper or the page's own building
 * blocks rather than furniture lose their DN_BOILER flag:
 * - a container that holds most of the page's text ("page has-sidebar", a
 *   page-wide <form>);
 * - a word whose elements together hold most of the page's text: page
 *   builders name every block of the page "widget", so the word tells
 *   nothing apart there;
 * - a "paywall" wrapper around long text, a wrapper of quoted posts.
 * Comment names are kept: a comment section may outweigh its article. */
static void settle_boilerplate(struct dnode *nodes, size_t n)
{
	uint32_t total = n ? nodes[0].text_len - nodes[0].link_len : 0;
	uint32_t by_word[BOILER_WORDS] = { 0 };
	uint16_t count[BOILER_WORDS] = { 0 };
	uint32_t comments = 0;
	for (size_t i = 0; i < n; i++) {
		struct dnode *c = &nodes[i];
		uint32_t len = c->text_len - c->link_len;
		if ((c->flags & DN_BOILER) && len * 2 > total && !classify_is_dialog(c->g) &&
		    !classify_names_comments(dom_attr(c->g, "id")) &&
		    !classify_names_comments(dom_attr(c->g, "class")))
			c->flags &= ~(uint32_t)DN_BOILER;
		int under = c->parent != UINT32_MAX && (nodes[c->parent].flags & (DN_BOILER | DN_UNDER_BOILER));
		if (under)
			c->flags |= DN_UNDER_BOILER; /* for now: set anew below */
		if ((c->flags & DN_BOILER) && c->boiler_word && !under) {
			by_word[c->boiler_word] += len;
			if (count[c->boiler_word] < UINT16_MAX)
				count[c->boiler_word]++;
			if (classify_word_is_comments(c->boiler_word))
				comments += len;
		}
	}
	/* Comments that hold three quarters of the page's text are not a
	 * section below an article: they are the page (a forum thread, Q&A),
	 * unless an article of its own (4,000 characters) stands outside them. */
	int thread = (uint64_t)comments * 4 > (uint64_t)total * 3 && total - comments < 4000;
	/* one block alone is a wrapper or furniture: the first rule judges it */
	for (size_t w = 0; w < BOILER_WORDS; w++)
		if (count[w] < 2)
			by_word[w] = 0;
	for (size_t i = 0; i < n; i++) {
		struct dnode *c = &nodes[i];
		c->flags &= ~(uint32_t)DN_UNDER_BOILER;
		if ((c->flags & DN_BOILER) && thread && classify_word_is_comments(c->boiler_word) &&
		    !classify_names_furniture(dom_attr(c->g, "class")) && !classify_names_furniture(dom_attr(c->g, "id")))
			c->flags &= ~(uint32_t)DN_BOILER; /* a post; "comment-meta" stays out */
		if ((c->flags & DN_BOILER) && c->boiler_word && by_word[c->boiler_word] * 2 > total &&
		    !classify_names_comments(dom_attr(c->g, "id")) &&
		    !classify_names_comments(dom_attr(c->g, "class")))
			c->flags &= ~(uint32_t)DN_BOILER;
		if ((c->flags & DN_BOILER) && c->paras >= 2 && c->text_len - c->link_len >= 400 &&
		    c->link_len * 4 < c->text_len &&
		    (classify_names_soft(dom_attr(c->g, "class")) || classify_names_soft(dom_attr(c->g, "id"))))
			c->flags &= ~(uint32_t)DN_BOILER;
		if ((c->flags & DN_BOILER) && c->text_len && quoted_text(nodes, i) * 2 > c->text_len)
			c->flags &= ~(uint32_t)DN_BOILER;
		if (c->parent != UINT32_MAX && (nodes[c->parent].flags & (DN_BOILER | DN_UNDER_BOILER)))
			c->flags |= DN_UNDER_BOILER;
	}
}

/* How much of the page build_nodes() shows (see dom_parse). */
enum reveal {
	REVEAL_NONE,    /* DN_HIDDEN elements stay skipped */
	REVEAL_HIDDEN,  /* <noscript> and hidden-attribute elements are shown */
	REVEAL_ALL      /* so are <aside>s */
};

/* Builds d->nodes over the parsed tree. Elements hidden only by <noscript>,
 * <aside> or the hidden attribute (DN_HIDDEN) count as visible as reveal
 * says; without, hidden[0] gets the characters of text hidden that way
 * outside <aside>s, hidden[1] inside. */
static int build_nodes(struct dom *d, size_t max_depth, enum reveal reveal, uint32_t hidden[2])
{
	hidden[0] = hidden[1] = 0;
	size_t cap = 1024, n = 0;
	struct dnode *nodes = malloc(cap * sizeof *nodes);
	size_t scap = 256, sp = 0;
	struct walk_item *stack = malloc(scap * sizeof *stack);
	if (!nodes || !stack)
		goto oom;
	stack[sp++] = (struct walk_item){ d->out->root, UINT32_MAX };
	while (sp) {
		struct walk_item it = stack[--sp];
		GumboNode *g = it.g;
		if (g->type == GUMBO_NODE_COMMENT || g->type == GUMBO_NODE_DOCUMENT)
			continue;
		if (n == cap) {
			cap *= 2;
			struct dnode *p = realloc(nodes, cap * sizeof *nodes);
			if (!p)
				goto oom;
			nodes = p;
		}
		struct dnode *dn = &nodes[n];
		memset(dn, 0, sizeof *dn);
		dn->g = g;
		dn->parent = it.parent;
		dn->depth = it.parent == UINT32_MAX ? 0 : nodes[it.parent].depth + 1;
		uint32_t inherited = it.parent == UINT32_MAX ? 0 :
				     nodes[it.parent].flags & (DN_SKIP | DN_IN_LINK | DN_HIDDEN | DN_IN_ASIDE);
		if (dom_is_element(g)) {
			unsigned word = 0;
			unsigned cls = classify_element(g, &word);
			int aside = g->v.element.tag == GUMBO_TAG_ASIDE;
			if (aside)
				inherited |= DN_IN_ASIDE;
			if ((cls & DN_HIDDEN) && (reveal == REVEAL_ALL || (reveal == REVEAL_HIDDEN && !aside)))
				cls &= ~(unsigned)(DN_SKIP | DN_HIDDEN);
			else if ((cls & DN_SKIP) && !(cls & DN_HIDDEN))
				inherited &= ~(uint32_t)DN_HIDDEN; /* never content, however the page renders */
			dn->flags = inherited | cls;
			dn->boiler_word = (uint8_t)(word < BOILER_WORDS ? word : 0);
			if (g->v.element.tag == GUMBO_TAG_A)
				dn->flags |= DN_IN_LINK;
			const GumboVector *ch = &g->v.element.children;
			if (dn->depth >= max_depth) {
				dn->flags |= DN_CUT;
			} else if (ch->length) {
				if (sp + ch->length > scap) {
					while (sp + ch->length > scap)
						scap *= 2;
					struct walk_item *p = realloc(stack, scap * sizeof *stack);
					if (!p)
						goto oom;
					stack = p;
				}
				/* push in reverse so that children come out in document order */
				for (unsigned i = ch->length; i-- > 0;)
					stack[sp++] = (struct walk_item){ ch->data[i], (uint32_t)n };
			}
		} else {
			/* text, whitespace, CDATA */
			dn->flags = inherited | DN_TEXT;
			if (!(dn->flags & DN_SKIP)) {
				count_text(g->v.text.text, &dn->text_len, &dn->commas);
				if (dn->flags & DN_IN_LINK)
					dn->link_len = dn->text_len;
			} else if ((dn->flags & (DN_HIDDEN | DN_IN_LINK)) == DN_HIDDEN) {
				uint32_t len, commas;
				count_text(g->v.text.text, &len, &commas);
				hidden[(dn->flags & DN_IN_ASIDE) != 0] += len;
			}
		}
		n++;
	}
	free(stack);
	sum_subtrees(nodes, n);
	settle_boilerplate(nodes, n);
	d->nodes = nodes;
	d->n = n;
	return SCRAPE_OK;
oom:
	free(stack);
	free(nodes);
	return scrape_error_set(SCRAPE_ENOMEM, "out of memory while building the tree");
}

int dom_parse(struct dom *d, const char *html, size_t len, size_t max_depth, struct arena *arena)
{
	memset(d, 0, sizeof *d);
	GumboOptions opts = kGumboDefaultOptions;
	opts.allocator = gumbo_arena_alloc;
	opts.deallocator = gumbo_arena_free;
	opts.userdata = arena;
	opts.max_errors = 0; /* recording parse errors costs time and memory */
	d->arena = arena;
	d->out = gumbo_parse_with_options(&opts, html, len);
	if (!d->out)
		return scrape_error_set(SCRAPE_ENOMEM, "cannot parse the document");
	uint32_t hidden[2];
	int rc = build_nodes(d, max_depth, REVEAL_NONE, hidden);
	if (rc != SCRAPE_OK)
		return rc;
	/* A page drawn by script keeps its text in <noscript> or in a hidden
	 * element that the script moves into place (streamed rendering): when
	 * that text outweighs the visible text many times, it is the page. So is
	 * an <aside> left unclosed that swallowed the page after it, but only
	 * then: asides inside a revealed page (quoted posts) stay out. */
	uint64_t visible = d->n ? d->nodes[0].text_len - d->nodes[0].link_len : 0;
	enum reveal reveal = hidden[0] > 500 && hidden[0] > 4 * visible ? REVEAL_HIDDEN :
			     hidden[0] + hidden[1] > 500 && hidden[0] + hidden[1] > 4 * visible ? REVEAL_ALL :
			     REVEAL_NONE;
	if (reveal != REVEAL_NONE) {
		free(d->nodes);
		d->nodes = NULL;
		d->n = 0;
		rc = build_nodes(d, max_depth, reveal, hidden);
	}
	return rc;
}

void dom_free(struct dom *d)
{
	/* the Gumbo tree lives in the arena; gumbo_destroy_output would recurse */
	free(d->nodes);
	d->nodes = NULL;
	d->out = NULL;
	d->n = 0;
}

void dom_recount(struct dom *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct dnode *c = &d->nodes[i];
		c->text_len = c->link_len = c->commas = c->paras = 0;
		if ((c->flags & DN_TEXT) && !(c->flags & DN_SKIP)) {
			count_text(c->g->v.text.text, &c->text_len, &c->commas);
			if (c->flags & DN_IN_LINK)
				c->link_len = c->text_len;
		}
	}
	sum_subtrees(d->nodes, d->n);
}
