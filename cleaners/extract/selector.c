/* selector.c - parsing and matching the selector subset of selector.h.
 *
 * Matching runs over the pre-order node array once per comma-separated part:
 * for every element, bit k of `here` says "compounds 0..k match with this
 * element as compound k", bit k of `below` says "some ancestor-or-self has
 * bit k of here". A parent comes before its children, so
 *   here[i] bit k = compound k matches i and (k == 0, or, for `>`, here[parent]
 *                   bit k-1, or, for a space, below[parent] bit k-1).
 * That is linear in nodes times compounds, with no backtracking. */
#include "selector.h"
#include "scrape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct parser {
	const char *s;
	size_t len, pos;
	size_t err_at;
	const char *err;
};

static int is_ident(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c >= 0x80;
}

static int peek(const struct parser *p)
{
	return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1;
}

static int skip_space(struct parser *p)
{
	size_t start = p->pos;
	while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t'))
		p->pos++;
	return p->pos > start;
}

static int fail(struct parser *p, const char *msg)
{
	if (!p->err) {
		p->err = msg;
		p->err_at = p->pos;
	}
	return SCRAPE_EUSAGE;
}

/* A copy of s[a..b), lower-cased if asked; NULL when out of memory. */
static char *copy(const char *s, size_t a, size_t b, int lower)
{
	char *r = malloc(b - a + 1);
	if (!r)
		return NULL;
	for (size_t i = a; i < b; i++)
		r[i - a] = lower && s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 32) : s[i];
	r[b - a] = '\0';
	return r;
}

/* An identifier at the current position: [a, b) in p->s, or 0 when none. */
static int ident(struct parser *p, size_t *a, size_t *b)
{
	*a = p->pos;
	while (p->pos < p->len && is_ident((unsigned char)p->s[p->pos]))
		p->pos++;
	*b = p->pos;
	return *b > *a;
}

static int add_simple(struct parser *p, struct sel_compound *c, enum sel_test t, char *name, char *value)
{
	if (!name || (t == SEL_ATTR_EQ && !value)) {
		free(name);
		free(value);
		return SCRAPE_ENOMEM;
	}
	if (c->n >= 64) {
		free(name);
		free(value);
		return fail(p, "too many conditions in one compound selector (64 at most)");
	}
	struct sel_simple *v = realloc(c->v, (c->n + 1) * sizeof *v);
	if (!v) {
		free(name);
		free(value);
		return SCRAPE_ENOMEM;
	}
	c->v = v;
	c->v[c->n++] = (struct sel_simple){ t, name, value };
	return SCRAPE_OK;
}

/* [attr] or [attr=value]; the '[' is at the current position. */
static int attribute(struct parser *p, struct sel_compound *c)
{
	p->pos++;
	skip_space(p);
	size_t a, b;
	if (!ident(p, &a, &b))
		return fail(p, "expected an attribute name after '['");
	char *name = copy(p->s, a, b, 1);
	skip_space(p);
	if (peek(p) == ']') {
		p->pos++;
		return add_simple(p, c, SEL_ATTR, name, NULL);
	}
	if (peek(p) != '=') {
		free(name);
		return fail(p, "expected '=' or ']' in an attribute test");
	}
	p->pos++;
	skip_space(p);
	char *value;
	int q = peek(p);
	if (q == '"' || q == '\'') {
		size_t start = ++p->pos;
		while (p->pos < p->len && p->s[p->pos] != q)
			p->pos++;
		if (p->pos >= p->len) {
			free(name);
			p->pos = start - 1;
			return fail(p, "unterminated quoted value");
		}
		value = copy(p->s, start, p->pos, 0);
		p->pos++;
	} else if (ident(p, &a, &b)) {
		value = copy(p->s, a, b, 0);
	} else {
		free(name);
		return fail(p, "expected a value (a word or a quoted string) after '='");
	}
	skip_space(p);
	if (peek(p) != ']') {
		free(name);
		free(value);
		return fail(p, "expected ']' to close the attribute test");
	}
	p->pos++;
	return add_simple(p, c, SEL_ATTR_EQ, name, value);
}

static int starts_compound(int c)
{
	return c >= 0 && (is_ident((unsigned char)c) || c == '*' || c == '.' || c == '#' || c == '[');
}

static void compound_free(struct sel_compound *c)
{
	free(c->type);
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].name);
		free(c->v[i].value);
	}
	free(c->v);
}

static int compound(struct parser *p, struct sel_compound *c)
{
	memset(c, 0, sizeof *c);
	size_t a, b;
	if (!starts_compound(peek(p)))
		return fail(p, p->pos >= p->len ? "expected a selector, found the end" : "expected a selector");
	if (peek(p) == '*') {
		p->pos++;
	} else if (ident(p, &a, &b)) {
		if (!(c->type = copy(p->s, a, b, 1)))
			return SCRAPE_ENOMEM;
	}
	for (;;) {
		int ch = peek(p), rc = SCRAPE_OK;
		if (ch == '.' || ch == '#') {
			p->pos++;
			if (!ident(p, &a, &b))
				return fail(p, ch == '.' ? "expected a class name after '.'" : "expected an id after '#'");
			rc = add_simple(p, c, ch == '.' ? SEL_CLASS : SEL_ID, copy(p->s, a, b, 0), NULL);
		} else if (ch == '[') {
			rc = attribute(p, c);
		} else {
			return SCRAPE_OK;
		}
		if (rc != SCRAPE_OK)
			return rc;
	}
}

static int complex_sel(struct parser *p, struct sel_complex *cx)
{
	memset(cx, 0, sizeof *cx);
	int child = 0;
	for (;;) {
		if (cx->n >= SELECTOR_MAX_COMPOUNDS)
			return fail(p, "too many compound selectors in a row (32 at most)");
		struct sel_compound *v = realloc(cx->v, (cx->n + 1) * sizeof *v);
		if (!v)
			return SCRAPE_ENOMEM;
		cx->v = v;
		int rc = compound(p, &cx->v[cx->n]);
		cx->v[cx->n].child = child;
		cx->n++; /* counted even when incomplete, so that it is freed */
		if (rc != SCRAPE_OK)
			return rc;
		int space = skip_space(p);
		int ch = peek(p);
		if (ch == '>') {
			p->pos++;
			skip_space(p);
			child = 1;
		} else if (ch == ',' || ch < 0) {
			return SCRAPE_OK;
		} else if (space && starts_compound(ch)) {
			child = 0;
		} else {
			return fail(p, "unexpected character (selectors here: type, .class, #id, "
				       "[attr], [attr=value], descendant ' ', child '>', ',')");
		}
	}
}

int selector_parse(struct selector *out, const char *s, size_t len, size_t *err_at, const char **err_msg)
{
	memset(out, 0, sizeof *out);
	struct parser p = { s, len, 0, 0, NULL };
	skip_space(&p);
	int rc = SCRAPE_OK;
	for (;;) {
		if (out->n >= SELECTOR_MAX_PARTS) {
			rc = fail(&p, "too many comma-separated selectors (64 at most)");
			break;
		}
		struct sel_complex *v = realloc(out->v, (out->n + 1) * sizeof *v);
		if (!v) {
			rc = SCRAPE_ENOMEM;
			break;
		}
		out->v = v;
		rc = complex_sel(&p, &out->v[out->n]);
		out->n++;
		if (rc != SCRAPE_OK)
			break;
		if (peek(&p) < 0)
			break;
		p.pos++; /* ',' */
		skip_space(&p);
	}
	if (rc == SCRAPE_EUSAGE) {
		*err_at = p.err_at;
		*err_msg = p.err;
	}
	return rc;
}

void selector_free(struct selector *sel)
{
	for (size_t i = 0; i < sel->n; i++) {
		for (size_t k = 0; k < sel->v[i].n; k++)
			compound_free(&sel->v[i].v[k]);
		free(sel->v[i].v);
	}
	free(sel->v);
	memset(sel, 0, sizeof *sel);
}

/* 1 if the whitespace-separated list `list` holds `word`. */
static int has_token(const char *list, const char *word)
{
	size_t wl = strlen(word);
	const char *s = list;
	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			s++;
		const char *t = s;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f')
			s++;
		if ((size_t)(s - t) == wl && memcmp(t, word, wl) == 0)
			return 1;
	}
	return 0;
}

/* 1 if an element's tag name is `type` (lower case): known tags by Gumbo's
 * name, others by the name in the source. */
static int type_is(const GumboNode *g, const char *type)
{
	GumboTag t = g->v.element.tag;
	if (t != GUMBO_TAG_UNKNOWN)
		return strcmp(gumbo_normalized_tagname(t), type) == 0;
	GumboStringPiece name = g->v.element.original_tag;
	gumbo_tag_from_original_text(&name);
	size_t n = 0;
	while (n < name.length && name.data[n] != ' ' && name.data[n] != '/' && name.data[n] != '>' &&
	       name.data[n] != '\t' && name.data[n] != '\n')
		n++;
	return n == strlen(type) && strncasecmp(name.data, type, n) == 0;
}

static int compound_matches(const struct sel_compound *c, const GumboNode *g)
{
	if (c->type && !type_is(g, c->type))
		return 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct sel_simple *t = &c->v[i];
		const char *v;
		switch (t->test) {
		case SEL_CLASS:
			v = dom_attr(g, "class");
			if (!v || !has_token(v, t->name))
				return 0;
			break;
		case SEL_ID:
			v = dom_attr(g, "id");
			if (!v || strcmp(v, t->name) != 0)
				return 0;
			break;
		case SEL_ATTR:
			if (!dom_attr(g, t->name))
				return 0;
			break;
		case SEL_ATTR_EQ:
			v = dom_attr(g, t->name);
			if (!v || strcmp(v, t->value) != 0)
				return 0;
			break;
		}
	}
	return 1;
}

int selector_match_all(const struct selector *sel, const struct dom *d, unsigned char *match)
{
	if (!d->n)
		return SCRAPE_OK;
	uint32_t *here = malloc(d->n * sizeof *here), *below = malloc(d->n * sizeof *below);
	if (!here || !below) {
		free(here);
		free(below);
		return SCRAPE_ENOMEM;
	}
	for (size_t part = 0; part < sel->n; part++) {
		const struct sel_complex *cx = &sel->v[part];
		if (cx->n == 0 || cx->n > SELECTOR_MAX_COMPOUNDS)
			continue;
		uint32_t last = (uint32_t)1 << (cx->n - 1);
		for (size_t i = 0; i < d->n; i++) {
			const struct dnode *n = &d->nodes[i];
			uint32_t ph = 0, pb = 0;
			if (n->parent != UINT32_MAX) {
				ph = here[n->parent];
				pb = below[n->parent];
			}
			uint32_t h = 0;
			if (dom_is_element(n->g)) {
				for (size_t k = 0; k < cx->n; k++) {
					uint32_t need = k == 0 ? 1u : ((cx->v[k].child ? ph : pb) >> (k - 1)) & 1u;
					if (need && compound_matches(&cx->v[k], n->g))
						h |= (uint32_t)1 << k;
				}
			}
			here[i] = h;
			below[i] = h | pb;
			if (h & last)
				match[i] = 1;
		}
	}
	free(here);
	free(below);
	return SCRAPE_OK;
}
