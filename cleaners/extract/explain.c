/* explain.c - the --explain report (explain.h): its blocks, their reasons,
 * and its two renderings, self-contained HTML and plain text.
 *
 * The report's blocks: the emitted blocks, exactly as extraction cut them,
 * and between them the text it left out, grouped by the block-level element
 * that holds it and the decision that left it out. */
#include "explain.h"
#include "edit_script.h"
#include "boilerplate.h"
#include "buf.h"
#include "classify.h"
#include "error.h"
#include "filter.h"
#include "trace.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEGMENT_TEXT_MAX 4000 /* bytes of dropped text shown per block */

struct segment {
	char *text;      /* the block's text (emitted blocks: before repair) */
	char *final;     /* kept blocks: after repair; NULL otherwise */
	char *where;     /* the element holding it ("p", "div#main.post") */
	char *why;       /* the decision, in words */
	char *detail;    /* the numbers behind it */
	int block;       /* index among the emitted blocks, -1 if never emitted */
	int kept;        /* still there after the block filters */
	int forced;      /* a keep rule holds it */
	size_t filtered; /* index in the filtered list, if kept */
};

struct stage {
	const char *name;
	double ms;
};

struct scrape_explain {
	struct segment *v;
	size_t n, cap;
	char *url, *host, *title, *source;
	char *page_type, *main_desc, *runner_desc, *rules_desc;
	struct stage stages[16];
	size_t nstages;
	int status;
	char *status_msg;
	int repaired;
	int captured;
	/* while the page is alive */
	struct trace trace;
};

void scrape_explain_free(scrape_explain *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->n; i++) {
		free(x->v[i].text);
		free(x->v[i].final);
		free(x->v[i].where);
		free(x->v[i].why);
		free(x->v[i].detail);
	}
	free(x->v);
	free(x->url);
	free(x->source);
	free(x->host);
	free(x->title);
	free(x->page_type);
	free(x->main_desc);
	free(x->runner_desc);
	free(x->rules_desc);
	free(x->status_msg);
	free(x->trace.why);
	free(x->trace.block);
	free(x);
}

struct scrape_explain *explain_new(const char *url)
{
	struct scrape_explain *x = calloc(1, sizeof *x);
	if (x && url && !(x->url = strdup(url))) {
		free(x);
		return NULL;
	}
	return x;
}

void explain_stage(struct scrape_explain *x, const char *stage, double ms)
{
	if (x && x->nstages < sizeof x->stages / sizeof *x->stages)
		x->stages[x->nstages++] = (struct stage){ stage, ms };
}

int scrape_explain_set_source(scrape_explain *x, const char *source)
{
	char *s = source ? strdup(source) : NULL;
	if (source && !s)
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	free(x->source);
	x->source = s;
	return SCRAPE_OK;
}

int explain_parsed(const struct scrape_explain *x)
{
	return x && x->captured;
}

void explain_status(struct scrape_explain *x, int rc, const char *message)
{
	if (!x)
		return;
	x->status = rc;
	free(x->status_msg);
	x->status_msg = rc && message && *message ? strdup(message) : NULL;
}

int explain_attach(struct scrape_explain *x, struct dom *d)
{
	free(x->trace.why);
	free(x->trace.block);
	x->trace.why = calloc(d->n ? d->n : 1, 1);
	x->trace.block = calloc(d->n ? d->n : 1, sizeof *x->trace.block);
	x->trace.nroots = 0;
	if (!x->trace.why || !x->trace.block)
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	d->trace = &x->trace;
	return SCRAPE_OK;
}

/* ---- words about nodes ---- */

/* Appends s, cut to about max bytes at a character boundary. */
static void put_cut(struct buf *b, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max) {
		buf_put(b, s, n);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	buf_put(b, s, max);
	buf_puts(b, "\xE2\x80\xA6");
}

static const char *tag_name(const GumboNode *g)
{
	if (!dom_is_element(g))
		return "text";
	const char *t = gumbo_normalized_tagname(g->v.element.tag);
	return t && *t ? t : "element";
}

/* "div#main.post.entry": tag, id, the first three classes. */
static void put_element(struct buf *b, const struct dnode *n)
{
	buf_puts(b, tag_name(n->g));
	const char *id = dom_attr(n->g, "id");
	if (id && *id) {
		buf_putc(b, '#');
		put_cut(b, id, 40);
	}
	const char *cls = dom_attr(n->g, "class");
	int k = 0;
	while (cls && *cls && k < 3) {
		while (*cls == ' ' || *cls == '\t' || *cls == '\n' || *cls == '\r' || *cls == '\f')
			cls++;
		size_t l = strcspn(cls, " \t\n\r\f");
		if (!l)
			break;
		buf_putc(b, '.');
		buf_put(b, cls, l > 40 ? 40 : l);
		cls += l;
		k++;
	}
}

static char *element_string(const struct dnode *n)
{
	struct buf b = BUF_INIT;
	put_element(&b, n);
	return buf_detach(&b, NULL);
}

static int is_block_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_MAIN: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
	case GUMBO_TAG_FOOTER: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
	case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_FORM:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_MENU: case GUMBO_TAG_CAPTION:
		return 1;
	default:
		return 0;
	}
}

/* Text that is code or head matter, never shown on a page. */
static int is_code_tag(GumboTag t)
{
	return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
	       t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_TITLE ||
	       t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_TEXTAREA || t == GUMBO_TAG_OPTION ||
	       t == GUMBO_TAG_SELECT;
}

static size_t block_element(const struct dom *d, size_t i)
{
	for (size_t p = d->nodes[i].parent; p != UINT32_MAX; p = d->nodes[p].parent)
		if (is_block_tag(dom_tag(&d->nodes[p])))
			return p;
	return 0;
}

static void put_rule(struct buf *b, const struct scrape_rules *r, size_t k)
{
	const struct rule *ru = &r->v[k];
	buf_printf(b, "rule %s:%u (%s %s ", r->origin, ru->line, ru->host, rules_action_name(ru->action));
	put_cut(b, ru->selector_text, 120);
	buf_putc(b, ')');
}

/* Words for what a class or id value says, if anything. */
static void put_names(struct buf *b, const struct dnode *n)
{
	const char *attrs[] = { "class", "id" };
	for (int k = 0; k < 2; k++) {
		const char *v = dom_attr(n->g, attrs[k]);
		if (!v || !*v)
			continue;
		if (classify_names_content(v)) {
			buf_printf(b, "; %s \"", attrs[k]);
			put_cut(b, v, 60);
			buf_puts(b, "\" names content (+25)");
		} else if (classify_names_boilerplate(v)) {
			buf_printf(b, "; %s \"", attrs[k]);
			put_cut(b, v, 60);
			buf_puts(b, "\" names furniture (-25)");
		}
	}
	const char *ip = dom_attr(n->g, "itemprop");
	if (ip && strstr(ip, "articleBody"))
		buf_puts(b, "; structured data itemprop=articleBody (+50)");
}

/* "score 41.2 (div.post: 5 paragraphs, 12 commas, text 1830, link density 0.03; ...)" */
static void put_container(struct buf *b, const struct dom *d, size_t c)
{
	const struct dnode *n = &d->nodes[c];
	float ld = n->text_len ? (float)n->link_len / (float)n->text_len : 0.f;
	buf_printf(b, "score %.1f (", (double)n->score);
	put_element(b, n);
	buf_printf(b, ": %u paragraphs, %u commas, text %u chars, link density %.2f", n->paras, n->commas,
		   n->text_len, (double)ld);
	put_names(b, n);
	if (n->flags & DN_LISTING)
		buf_puts(b, "; a list of teasers (score x0.25)");
	buf_putc(b, ')');
}

/* The nearest scored ancestor-or-self of node i, or SIZE_MAX. */
static size_t scored_container(const struct dom *d, size_t i)
{
	for (size_t p = i; p != UINT32_MAX; p = d->nodes[p].parent)
		if (d->nodes[p].score > 0.f)
			return p;
	return SIZE_MAX;
}

static size_t root_of(const struct trace *t, const struct dom *d, size_t i)
{
	for (size_t r = 0; r < t->nroots; r++)
		if (i >= t->roots[r] && i < d->nodes[t->roots[r]].end)
			return t->roots[r];
	return SIZE_MAX;
}

/* Why a DN_SKIP node is never content: the element that brought the flag. */
static void put_skip(struct buf *b, const struct dom *d, size_t i, const struct scrape_rules *rules,
		     const struct rules_outcome *ro)
{
	size_t a = i;
	while (d->nodes[a].parent != UINT32_MAX && (d->nodes[d->nodes[a].parent].flags & DN_SKIP))
		a = d->nodes[a].parent;
	if (ro && ro->by_rule && ro->by_rule[a] && rules->v[ro->by_rule[a] - 1].action == RULE_DROP) {
		buf_puts(b, "dropped by ");
		put_rule(b, rules, ro->by_rule[a] - 1);
		return;
	}
	const struct dnode *n = &d->nodes[a];
	const char *v;
	buf_putc(b, '<');
	put_element(b, n);
	if (dom_attr(n->g, "hidden"))
		buf_puts(b, "> is hidden (hidden attribute)");
	else if ((v = dom_attr(n->g, "aria-hidden")) && strcmp(v, "true") == 0)
		buf_puts(b, "> is hidden (aria-hidden=true)");
	else if ((v = dom_attr(n->g, "style")) && (strstr(v, "none") || strstr(v, "hidden")))
		buf_puts(b, "> is hidden by its style (display:none or visibility:hidden)");
	else
		buf_printf(b, "> is never content (<%s>: navigation, forms, media, asides, captions)",
			   tag_name(n->g));
}

/* Why a DN_BOILER node is furniture. */
static void put_boiler(struct buf *b, const struct dom *d, size_t i)
{
	size_t a = i;
	while (!(d->nodes[a].flags & DN_BOILER) && d->nodes[a].parent != UINT32_MAX)
		a = d->nodes[a].parent;
	const struct dnode *n = &d->nodes[a];
	const char *cls = dom_attr(n->g, "class"), *id = dom_attr(n->g, "id"), *role = dom_attr(n->g, "role");
	buf_putc(b, '<');
	put_element(b, n);
	buf_puts(b, "> is furniture: ");
	const char *word = classify_word_name(n->boiler_word);
	if (word) {
		size_t wl = strlen(word);
		buf_printf(b, "the word \"%.*s\"%s in its ", (int)(wl && word[wl - 1] == '*' ? wl - 1 : wl), word,
			   wl && word[wl - 1] == '*' ? " (and words starting so)" : "");
		buf_puts(b, cls && classify_names_boilerplate(cls) ? "class \"" : "id \"");
		put_cut(b, cls && classify_names_boilerplate(cls) ? cls : id ? id : "", 60);
		buf_puts(b, "\" names furniture");
	} else if (cls && classify_names_boilerplate(cls)) {
		buf_puts(b, "class \"");
		put_cut(b, cls, 60);
		buf_puts(b, "\" names furniture");
	} else if (id && classify_names_boilerplate(id)) {
		buf_puts(b, "id \"");
		put_cut(b, id, 60);
		buf_puts(b, "\" names furniture");
	} else if (classify_names_product_aside(cls) || classify_names_product_aside(id)) {
		buf_puts(b, classify_names_product_aside(cls) ? "on a product page, class \"" : "on a product page, id \"");
		put_cut(b, classify_names_product_aside(cls) ? cls : id, 60);
		buf_puts(b, "\" names reviews or other products");
	} else if (role) {
		buf_puts(b, "role \"");
		put_cut(b, role, 30);
		buf_puts(b, "\"");
	} else {
		buf_printf(b, "a <%s>", tag_name(n->g));
	}
}

/* The reason a text node was left out, in words, and the node that decided. */
static void put_dropped(struct buf *b, const struct dom *d, const struct trace *t, size_t i,
			const struct scrape_rules *rules, const struct rules_outcome *ro)
{
	size_t a = SIZE_MAX;
	for (size_t p = d->nodes[i].parent; p != UINT32_MAX; p = d->nodes[p].parent)
		if (t->why[p]) {
			a = p;
			break;
		}
	if (a == SIZE_MAX) {
		if (!t->nroots)
			buf_puts(b, "no main content was found on the page");
		else
			buf_puts(b, "outside the main content");
		if (d->nodes[i].flags & DN_SKIP) {
			buf_puts(b, "; ");
			put_skip(b, d, i, rules, ro);
		} else if (d->nodes[i].flags & (DN_BOILER | DN_UNDER_BOILER)) {
			buf_puts(b, "; ");
			put_boiler(b, d, d->nodes[i].parent);
		}
		return;
	}
	buf_puts(b, "inside the main content, left out: ");
	const struct dnode *n = &d->nodes[a];
	switch ((enum trace_why)t->why[a]) {
	case TRACE_SKIP:
		put_skip(b, d, a, rules, ro);
		break;
	case TRACE_BOILER:
		put_boiler(b, d, a);
		break;
	case TRACE_LINKS:
		buf_putc(b, '<');
		put_element(b, n);
		buf_printf(b, "> is link-heavy furniture: link density %.2f (%u of %u characters in links)",
			   n->text_len ? (double)n->link_len / n->text_len : 0.0, n->link_len, n->text_len);
		break;
	case TRACE_TAG:
		buf_printf(b, "<%s> elements are left out of the text", tag_name(n->g));
		break;
	case TRACE_POST_META:
		buf_putc(b, '<');
		put_element(b, n);
		buf_puts(b, "> sits beside the body of a repeated forum post (author cell, signature, post bar)");
		break;
	case TRACE_NONE:
		break;
	}
}

/* ---- building the report's blocks ---- */

static struct segment *new_segment(struct scrape_explain *x)
{
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 64;
		struct segment *v = realloc(x->v, cap * sizeof *v);
		if (!v)
			return NULL;
		x->v = v;
		x->cap = cap;
	}
	struct segment *s = &x->v[x->n++];
	memset(s, 0, sizeof *s);
	s->block = -1;
	return s;
}

/* Appends text with whitespace runs collapsed (as the blocks have it). */
static void put_collapsed(struct buf *b, const char *s)
{
	int space = b->len > 0 && b->data[b->len - 1] != ' ';
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
			if (space)
				buf_putc(b, ' ');
			space = 0;
		} else {
			buf_putc(b, (char)c);
			space = 1;
		}
	}
}

static int has_visible(const char *s)
{
	for (; *s; s++)
		if (!(*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '\f'))
			return 1;
	return 0;
}

static char *trimmed_copy(struct buf *b)
{
	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	char *s = buf_detach(b, NULL);
	return s ? s : strdup("");
}


/* The detail line of the element el holding a segment: its text and link
 * density, and the scored container it lies in (or, with names_if_none,
 * its class and id words when it lies in none). */
static void put_element_detail(struct buf *w, const struct dom *d, size_t el, int names_if_none)
{
	const struct dnode *e = &d->nodes[el];
	buf_printf(w, "element <");
	put_element(w, e);
	buf_printf(w, ">: text %u chars, link density %.2f", e->text_len,
		   e->text_len ? (double)e->link_len / e->text_len : 0.0);
	size_t c = scored_container(d, el);
	if (c != SIZE_MAX) {
		buf_puts(w, "; container ");
		put_container(w, d, c);
	} else if (names_if_none) {
		put_names(w, e);
	}
}
static void describe_page(struct scrape_explain *x, const struct dom *d, const struct scrape_rules *rules,
			  const struct rules_outcome *ro, const char *page_type, int has_jsonld_body)
{
	const struct trace *t = &x->trace;
	struct buf b = BUF_INIT;
	/* the main content */
	if (!t->nroots) {
		buf_puts(&b, "none: no container scored");
	} else {
		for (size_t r = 0; r < t->nroots; r++) {
			size_t c = t->roots[r];
			if (r)
				buf_puts(&b, " + ");
			buf_putc(&b, '<');
			put_element(&b, &d->nodes[c]);
			buf_putc(&b, '>');
			if (d->forced_main && c == d->forced_main - 1 && ro && ro->main_rule) {
				buf_puts(&b, " chosen by ");
				put_rule(&b, rules, ro->main_rule - 1);
			} else if (d->nodes[c].flags & DN_KEEP) {
				buf_puts(&b, " held by a keep rule");
			} else if (c == 0 && d->nodes[c].score <= 0.f) {
				buf_puts(&b, ", the whole page: no container scored (no paragraph of 25 characters "
					     "or more outside furniture)");
			} else if (r == 0 || d->nodes[c].score > 0.f) {
				buf_puts(&b, ", ");
				put_container(&b, d, c);
			}
		}
	}
	x->main_desc = buf_detach(&b, NULL);
	/* the runner-up: the best container that is neither inside nor around the choice */
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < d->n; i++) {
		const struct dnode *n = &d->nodes[i];
		if (n->score <= 0.f || (n->flags & DN_SKIP))
			continue;
		int related = 0;
		for (size_t r = 0; r < t->nroots && !related; r++)
			related = (i >= t->roots[r] && i < d->nodes[t->roots[r]].end) ||
				  (t->roots[r] >= i && t->roots[r] < n->end);
		if (!related && (best == SIZE_MAX || n->score > d->nodes[best].score))
			best = i;
	}
	if (best != SIZE_MAX) {
		buf_putc(&b, '<');
		put_element(&b, &d->nodes[best]);
		buf_puts(&b, ">, ");
		put_container(&b, d, best);
	} else {
		buf_puts(&b, "none");
	}
	x->runner_desc = buf_detach(&b, NULL);
	/* the page type */
	int listing = 0, marked = 0;
	for (size_t r = 0; r < t->nroots; r++) {
		const struct dnode *n = &d->nodes[t->roots[r]];
		size_t articles = 0;
		for (size_t i = t->roots[r] + 1; i < n->end; i++)
			if (dom_tag(&d->nodes[i]) == GUMBO_TAG_ARTICLE && d->nodes[i].text_len >= 50)
				articles++;
		if ((n->flags & DN_LISTING) || articles >= 3)
			listing = 1;
		const char *ip = dom_attr(n->g, "itemprop");
		if (ip && strstr(ip, "articleBody"))
			marked = 1;
	}
	buf_puts(&b, page_type ? page_type : "article");
	buf_puts(&b, " (from structured data, URL words and the page's shape)");
	if (!t->nroots)
		buf_puts(&b, "; no main content");
	if (listing)
		buf_puts(&b, "; the main content is a list of teasers (three or more <article>s)");
	if (marked)
		buf_puts(&b, "; structured data marks the body: itemprop=articleBody");
	if (has_jsonld_body)
		buf_puts(&b, "; JSON-LD gives an articleBody");
	x->page_type = buf_detach(&b, NULL);
	/* the rules */
	if (!rules || !rules->n) {
		buf_puts(&b, "none");
	} else {
		size_t applying = 0;
		for (size_t k = 0; k < rules->n; k++)
			applying += rules_host_matches(rules->v[k].host, x->host);
		buf_printf(&b, "%zu in %s, %zu for host \"%s\"; %zu elements matched", rules->n,
			   rules->origin, applying, x->host ? x->host : "", ro ? ro->matched : 0);
	}
	x->rules_desc = buf_detach(&b, NULL);
}

int explain_capture(struct scrape_explain *x, struct dom *d, const struct block_list *emitted,
		    const struct scrape_rules *rules, const struct rules_outcome *ro,
		    const char *host, const char *title, const char *page_type, int has_jsonld_body)
{
	struct trace *t = &x->trace;
	d->trace = NULL;
	if ((host && !(x->host = strdup(host))) || (title && !(x->title = strdup(title))))
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	x->captured = 1;
	describe_page(x, d, rules, ro, page_type, has_jsonld_body);
	unsigned char *code = calloc(d->n ? d->n : 1, 1);
	int *seg_of_block = malloc((emitted->n ? emitted->n : 1) * sizeof *seg_of_block);
	if (!code || !seg_of_block) {
		free(code);
		free(seg_of_block);
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	for (size_t k = 0; k < emitted->n; k++)
		seg_of_block[k] = -1;
	struct buf text = BUF_INIT;
	size_t open_elem = SIZE_MAX; /* the element of the dropped segment being built */
	char *open_why = NULL;
	int gap = 0;
	int rc = SCRAPE_OK;
	for (size_t i = 0; i < d->n && rc == SCRAPE_OK; i++) {
		const struct dnode *n = &d->nodes[i];
		code[i] = n->parent != UINT32_MAX && code[n->parent];
		if (dom_is_element(n->g) && is_code_tag(n->g->v.element.tag))
			code[i] = 1;
		/* text of code and head matter is never shown, unless a rule kept it */
		if (!(n->flags & DN_TEXT) || (code[i] && !t->block[i]))
			continue;
		if (!has_visible(n->g->v.text.text)) {
			gap = 1; /* whitespace between two runs of text */
			continue;
		}
		const char *raw = n->g->v.text.text;
		int space = gap || raw[0] == ' ' || raw[0] == '\n' || raw[0] == '\t' || raw[0] == '\r';
		gap = strchr(" \n\t\r\f", raw[strlen(raw) - 1]) != NULL;
		uint32_t blk = t->block[i];
		if (blk && blk <= emitted->n) {
			if (seg_of_block[blk - 1] >= 0)
				continue; /* more text of a block already in the report */
			struct segment *s = new_segment(x);
			if (!s) {
				rc = SCRAPE_ENOMEM;
				break;
			}
			const struct block *bl = &emitted->v[blk - 1];
			seg_of_block[blk - 1] = (int)(x->n - 1);
			s->block = (int)blk - 1;
			s->forced = bl->forced;
			s->text = strdup(block_text(emitted, bl));
			size_t el = block_element(d, i);
			s->where = element_string(&d->nodes[el]);
			struct buf w = BUF_INIT;
			size_t root = root_of(t, d, i);
			if (n->flags & DN_KEEP) {
				buf_puts(&w, "forced in by ");
				if (ro && ro->by_rule && ro->by_rule[i])
					put_rule(&w, rules, ro->by_rule[i] - 1);
				else
					buf_puts(&w, "a keep rule");
			} else {
				buf_puts(&w, "in the main content");
				if (root != SIZE_MAX) {
					buf_puts(&w, " <");
					put_element(&w, &d->nodes[root]);
					buf_putc(&w, '>');
				}
			}
			s->why = buf_detach(&w, NULL);
			put_element_detail(&w, d, el, 0);
			s->detail = buf_detach(&w, NULL);
			open_elem = SIZE_MAX;
			if (!s->text || !s->where || !s->why || !s->detail)
				rc = SCRAPE_ENOMEM;
			continue;
		}
		/* left out: grouped with the text before it when the same element
		 * holds it and the same decision left it out */
		struct buf w = BUF_INIT;
		put_dropped(&w, d, t, i, rules, ro);
		char *why = buf_detach(&w, NULL);
		size_t el = block_element(d, i);
		struct segment *s = x->n ? &x->v[x->n - 1] : NULL;
		if (s && s->block < 0 && open_elem == el && why && open_why && strcmp(why, open_why) == 0) {
			free(why);
			buf_clear(&text);
			buf_puts(&text, s->text);
			if (text.len < SEGMENT_TEXT_MAX) {
				if (space)
					buf_putc(&text, ' ');
				put_collapsed(&text, n->g->v.text.text);
				free(s->text);
				s->text = trimmed_copy(&text);
			}
			continue;
		}
		if (!(s = new_segment(x))) {
			free(why);
			rc = SCRAPE_ENOMEM;
			break;
		}
		s->why = why;
		open_why = why;
		open_elem = el;
		buf_clear(&text);
		put_collapsed(&text, n->g->v.text.text);
		if (text.len && text.data[0] == ' ')
			memmove(text.data, text.data + 1, text.len--);
		s->text = trimmed_copy(&text);
		s->where = element_string(&d->nodes[el]);
		put_element_detail(&w, d, el, 1);
		s->detail = buf_detach(&w, NULL);
		if (!s->text || !s->where || !s->why || !s->detail)
			rc = SCRAPE_ENOMEM;
	}
	buf_free(&text);
	free(code);
	free(seg_of_block);
	free(t->why);
	free(t->block);
	t->why = NULL;
	t->block = NULL;
	return rc == SCRAPE_OK ? SCRAPE_OK : scrape_error_set(SCRAPE_ENOMEM, "out of memory");
}

static const char *filter_reason(const char *s, size_t pos, size_t count, const char *title, int repeat)
{
	size_t len = strlen(s);
	if (boilerplate_is_line(s, len))
		return "a boilerplate line pattern (form label or widget text: \"Share this\", \"Your Name\"...)";
	if (boilerplate_is_counter(s, len))
		return "a gallery counter (\"1 of 6\")";
	if (pos < 3 && title && filter_same_words(s, title))
		return "repeats the title, among the first blocks (the title is printed on its own)";
	if (pos < 3 && boilerplate_is_byline(s, len))
		return "a byline or dateline, among the first blocks";
	if (pos < 3 && boilerplate_is_reading_time(s, len))
		return "a reading time, among the first blocks";
	if (pos + 4 >= count && boilerplate_is_endnote(s, len))
		return "an end note among the last blocks (credits, follow or contact line, newsletter prompt)";
	if (repeat)
		return "repeats the blocks just before it, or a whole earlier section, or on a product page any earlier block (a copy of text the page already shows)";
	return "in the short tail after a separator at the end of the text";
}

/* 1 when an earlier emitted segment has the text of segment i (what the
 * filters' repeat pass drops; see drop_repeats in filter.c). */
static int repeats_earlier(const struct scrape_explain *x, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (x->v[j].block >= 0 && strcmp(x->v[j].text, x->v[i].text) == 0)
			return 1;
	return 0;
}

void explain_filtered(struct scrape_explain *x, const struct block_list *kept, const char *title)
{
	if (!x)
		return;
	size_t emitted = 0;
	for (size_t i = 0; i < x->n; i++)
		emitted += x->v[i].block >= 0;
	size_t j = 0;
	for (size_t i = 0; i < x->n; i++) {
		struct segment *s = &x->v[i];
		if (s->block < 0)
			continue;
		const char *want = j < kept->n ? block_text(kept, &kept->v[j]) : NULL;
		if (want && strcmp(want, s->text) == 0) {
			s->kept = 1;
			s->filtered = j++;
			continue;
		}
		struct buf w = BUF_INIT;
		buf_puts(&w, "emitted, then dropped by the block filters: ");
		buf_puts(&w, filter_reason(s->text, (size_t)s->block, emitted, title, repeats_earlier(x, i)));
		buf_puts(&w, "; it was ");
		buf_puts(&w, s->why);
		char *why = buf_detach(&w, NULL);
		if (why) {
			free(s->why);
			s->why = why;
		}
	}
}

int explain_repaired(struct scrape_explain *x, const struct block_list *repaired)
{
	if (!x)
		return SCRAPE_OK;
	x->repaired = 1;
	for (size_t i = 0; i < x->n; i++) {
		struct segment *s = &x->v[i];
		if (!s->kept || s->filtered >= repaired->n)
			continue;
		free(s->final);
		if (!(s->final = strdup(block_text(repaired, &repaired->v[s->filtered]))))
			return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	return SCRAPE_OK;
}

/* ---- rendering ---- */

/* Word-level edit script between two texts: a run of tokens (words with the
 * space before them) marked 0 same, 1 only in a (removed), 2 only in b. */
struct tok {
	const char *s;
	size_t len;
};

static size_t tokens(const char *s, struct tok **out)
{
	size_t n = 0, cap = 16;
	struct tok *v = malloc(cap * sizeof *v);
	while (v && *s) {
		const char *st = s;
		while (*s == ' ')
			s++;
		while (*s && *s != ' ')
			s++;
		if (n == cap) {
			struct tok *p = realloc(v, 2 * cap * sizeof *p);
			if (!p) {
				free(v);
				v = NULL;
				break;
			}
			v = p;
			cap *= 2;
		}
		v[n++] = (struct tok){ st, (size_t)(s - st) };
	}
	*out = v;
	return v ? n : 0;
}

static int tok_same(const struct tok *a, const struct tok *b)
{
	/* the leading space does not count */
	const char *x = a->s, *y = b->s;
	size_t xl = a->len, yl = b->len;
	while (xl && *x == ' ')
		x++, xl--;
	while (yl && *y == ' ')
		y++, yl--;
	return xl == yl && memcmp(x, y, xl) == 0;
}

typedef void (*edit_fn)(struct buf *out, int op, const char *s, size_t len);

struct tok_pair {
	const struct tok *a, *b;
};

static int same_tok(const void *ctx, size_t i, size_t j)
{
	const struct tok_pair *p = ctx;
	return tok_same(&p->a[i], &p->b[j]);
}

/* Calls put for every token of the edit script from a to b. */
static void word_edits(struct buf *out, const char *a, const char *b, edit_fn put)
{
	struct tok *ta = NULL, *tb = NULL;
	size_t na = tokens(a, &ta), nb = tokens(b, &tb);
	unsigned char *ops = NULL;
	size_t nops = 0, common;
	struct tok_pair pair = { ta, tb };
	if (!ta || !tb || edit_script(&ops, &nops, &common, na, nb, same_tok, &pair, 999999) != SCRAPE_OK) {
		put(out, 1, a, strlen(a));
		put(out, 2, b, strlen(b));
	} else {
		for (size_t k = 0, i = 0, j = 0; k < nops; k++) {
			if (ops[k] == EDIT_KEEP)
				put(out, 0, tb[j].s, tb[j].len), i++, j++;
			else if (ops[k] == EDIT_DELETE)
				put(out, 1, ta[i].s, ta[i].len), i++;
			else
				put(out, 2, tb[j].s, tb[j].len), j++;
		}
	}
	free(ops);
	free(ta);
	free(tb);
}

/* HTML-escapes s[0..len) (valid UTF-8 assumed: the caller made it so). */
static void put_html(struct buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		case '\0': buf_puts(b, "\xEF\xBF\xBD"); break;
		default:
			if ((unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t')
				buf_puts(b, "\xEF\xBF\xBD");
			else
				buf_putc(b, s[i]);
		}
	}
}

static void put_html_s(struct buf *b, const char *s)
{
	put_html(b, s ? s : "", s ? strlen(s) : 0);
}

/* Leading space of a token outside the mark, the word inside. */
static void put_edit_html(struct buf *out, int op, const char *s, size_t len)
{
	size_t sp = 0;
	while (sp < len && s[sp] == ' ')
		sp++;
	put_html(out, s, sp);
	if (op == 1)
		buf_puts(out, "<del>");
	else if (op == 2)
		buf_puts(out, "<ins>");
	put_html(out, s + sp, len - sp);
	if (op == 1)
		buf_puts(out, "</del>");
	else if (op == 2)
		buf_puts(out, "</ins>");
}

static void put_edit_text(struct buf *out, int op, const char *s, size_t len)
{
	size_t sp = 0;
	while (sp < len && s[sp] == ' ')
		sp++;
	buf_put(out, s, sp);
	buf_puts(out, op == 1 ? "[-" : op == 2 ? "{+" : "");
	buf_put(out, s + sp, len - sp);
	buf_puts(out, op == 1 ? "-]" : op == 2 ? "+}" : "");
}

static void counts(const struct scrape_explain *x, size_t *kept, size_t *dropped, size_t *edited)
{
	*kept = *dropped = *edited = 0;
	for (size_t i = 0; i < x->n; i++) {
		if (x->v[i].kept)
			++*kept;
		else
			++*dropped;
		if (x->v[i].kept && x->v[i].final && strcmp(x->v[i].final, x->v[i].text) != 0)
			++*edited;
	}
}

static const char report_css[] =
	"body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:60em;padding:0 1em;color:#111}"
	"h1{font-size:1.3em}table.summary{border-collapse:collapse;margin-bottom:1.5em}"
	"table.summary th{text-align:left;padding:.2em .8em .2em 0;vertical-align:top;white-space:nowrap}"
	"table.summary td{padding:.2em 0}ol.blocks{list-style:none;padding:0}"
	"li.block{border-left:.35em solid #2a7;margin:.6em 0;padding:.3em .7em;background:#f4fbf6}"
	"li.block.dropped{border-color:#bbb;background:#f3f3f3;color:#777}"
	"li.block.dropped .text{text-decoration:line-through;text-decoration-color:#bbb}"
	".mark{font-weight:bold;font-size:.8em;text-transform:uppercase;letter-spacing:.05em}"
	"li.kept .mark{color:#185}li.dropped .mark{color:#a33}"
	".where{font-family:monospace;font-size:.85em;color:#555;margin-left:.5em}"
	".text{margin:.2em 0;white-space:pre-wrap}.why{font-size:.9em}.detail{font-size:.8em;color:#666}"
	"del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}";

int scrape_explain_render(char **out, size_t *out_len, const scrape_explain *x, int html)
{
	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!x)
		return scrape_error_set(SCRAPE_EUSAGE, "no report to render");
	struct buf b = BUF_INIT;
	size_t kept, dropped, edited;
	counts(x, &kept, &dropped, &edited);
	const char *status = x->status == SCRAPE_OK ? "ok" : scrape_strerror(x->status);
	/* the detailed message, when it says more than the code */
	const char *detail = x->status_msg && strcmp(x->status_msg, status) != 0 ? x->status_msg : NULL;
	if (html) {
		buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
			     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
			     "style-src 'unsafe-inline'\">\n<title>scrape --explain: ");
		put_html_s(&b, x->title ? x->title : x->url);
		buf_printf(&b, "</title>\n<style>%s</style></head>\n<body>\n<h1>Why scrape kept what it kept</h1>\n"
			       "<table class=\"summary\">\n", report_css);
		const char *rows[][2] = {
			{ "source", x->source ? x->source : x->url }, { "URL", x->url }, { "host", x->host },
			{ "title", x->title },
			{ "page type", x->page_type }, { "main content", x->main_desc },
			{ "runner-up", x->runner_desc }, { "rules", x->rules_desc },
		};
		for (size_t k = 0; k < sizeof rows / sizeof *rows; k++) {
			buf_printf(&b, "<tr><th>%s</th><td>", rows[k][0]);
			put_html_s(&b, rows[k][1] ? rows[k][1] : "(none)");
			buf_puts(&b, "</td></tr>\n");
		}
		buf_printf(&b, "<tr><th>result</th><td class=\"status\">%s", status);
		if (detail) {
			buf_puts(&b, ": ");
			put_html_s(&b, detail);
		}
		buf_printf(&b, "</td></tr>\n<tr><th>blocks</th><td class=\"counts\"><span id=\"kept-count\">%zu</span> kept, "
			       "<span id=\"dropped-count\">%zu</span> dropped, %zu changed by repair%s</td></tr>\n",
			   kept, dropped, edited, x->repaired ? "" : " (repair off)");
		buf_puts(&b, "<tr><th>time</th><td class=\"time\">");
		for (size_t k = 0; k < x->nstages; k++)
			buf_printf(&b, "%s%s %.2f ms", k ? ", " : "", x->stages[k].name, x->stages[k].ms);
		buf_puts(&b, "</td></tr>\n</table>\n<ol class=\"blocks\">\n");
		for (size_t i = 0; i < x->n; i++) {
			const struct segment *s = &x->v[i];
			const char *st = s->kept ? "kept" : "dropped";
			buf_printf(&b, "<li class=\"block %s\" id=\"b%zu\" data-state=\"%s\"><span class=\"mark\">%s</span>"
				       "<span class=\"where\">", st, i + 1, st, st);
			put_html_s(&b, s->where);
			buf_puts(&b, "</span>\n<div class=\"text\">");
			if (s->kept && s->final)
				word_edits(&b, s->text, s->final, put_edit_html);
			else
				put_html_s(&b, s->text);
			buf_puts(&b, "</div>\n<div class=\"why\">");
			put_html_s(&b, s->why);
			buf_puts(&b, "</div>\n<div class=\"detail\">");
			put_html_s(&b, s->detail);
			buf_puts(&b, "</div></li>\n");
		}
		buf_puts(&b, "</ol>\n</body></html>\n");
	} else {
		buf_printf(&b, "scrape --explain: %s\n", x->source ? x->source : x->url ? x->url : "(no URL)");
		const char *rows[][2] = {
			{ "URL", x->url }, { "host", x->host }, { "title", x->title }, { "page type", x->page_type },
			{ "main content", x->main_desc }, { "runner-up", x->runner_desc }, { "rules", x->rules_desc },
		};
		for (size_t k = 0; k < sizeof rows / sizeof *rows; k++)
			buf_printf(&b, "%s: %s\n", rows[k][0], rows[k][1] ? rows[k][1] : "(none)");
		buf_printf(&b, "result: %s%s%s\n", status, detail ? ": " : "", detail ? detail : "");
		buf_printf(&b, "blocks: %zu kept, %zu dropped, %zu changed by repair%s\ntime:", kept, dropped, edited,
			   x->repaired ? "" : " (repair off)");
		for (size_t k = 0; k < x->nstages; k++)
			buf_printf(&b, "%s %s %.2f ms", k ? "," : "", x->stages[k].name, x->stages[k].ms);
		buf_puts(&b, "\n");
		for (size_t i = 0; i < x->n; i++) {
			const struct segment *s = &x->v[i];
			buf_printf(&b, "\n#%zu %s <%s>: ", i + 1, s->kept ? "KEPT" : "DROPPED", s->where ? s->where : "");
			if (s->kept && s->final)
				word_edits(&b, s->text, s->final, put_edit_text);
			else
				buf_puts(&b, s->text ? s->text : "");
			buf_printf(&b, "\n   why: %s\n   detail: %s\n", s->why ? s->why : "", s->detail ? s->detail : "");
		}
	}
	if (b.oom) {
		buf_free(&b);
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	size_t len;
	*out = buf_detach(&b, &len);
	if (!*out || utf8_make_valid(out, &len) != SCRAPE_OK) {
		free(*out);
		*out = NULL;
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	if (out_len)
		*out_len = len;
	return SCRAPE_OK;
}
