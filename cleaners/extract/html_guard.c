/* html_guard.c - keeps hostile markup away from Gumbo.
 *
 * Gumbo 0.10 walks its stack of open elements for many tokens (is there a <p>
 * in button scope? is this formatting element still open?), so a page of
 * 100,000 nested <div>s or unclosed <b>s costs it 10^10 steps; it checks each
 * new attribute against all earlier ones of the tag, so a tag with a million
 * attributes is as bad; and it keeps every node in memory. It cannot be
 * interrupted, so the page has to be made harmless before it gets there.
 *
 * This pass tokenizes the HTML once, the way the HTML tokenizer does (tags,
 * attributes with quoted values, comments, bogus comments, raw text of
 * script/style/textarea/title/..., CDATA and self-closing tags in SVG and
 * MathML), and estimates the stack of open elements with the tree builder's
 * main rules: void elements, implied end tags (<p> closed by blocks, <li>,
 * <dt>/<dd>, <option>, table rows and cells, nested <a>), end tags popping to
 * their element unless a scope boundary or special element is in the way, and
 * breaking out of foreign content. The estimate errs on the deep side: what it
 * does not model (misnested formatting, <select> content) leaves elements
 * open that Gumbo may have closed.
 *
 * When the estimated depth reaches max_depth, further start tags are removed
 * from the text, and so are their end tags (counted per tag name): the content
 * stays, flattened into the deepest kept element (where dom_parse's own depth
 * cut then applies). Past max_nodes (start tags, comments, text runs) every
 * later tag and comment is removed (raw-text elements with their content), so
 * the rest of the page becomes one text node. Attributes past max_attrs in a
 * tag are removed. Everything is linear: the stack never grows past
 * max_depth, so a walk over it costs at most max_depth steps, and only for
 * tags whose name is open (per-name counts answer the rest at once).
 *
 * Pages that hit no limit are passed through untouched (*out is NULL), so
 * their output is byte-identical to parsing without the guard.
 */
#include "html_guard.h"
#include "ascii.h"
#include "buf.h"
#include "error.h"
#include "scrape.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
	G_VOID = 1 << 0,     /* no end tag, never on the stack */
	G_SPECIAL = 1 << 1,  /* the tree builder's "special" category */
	G_SCOPE = 1 << 2,    /* boundary of the default scope */
	G_FMT = 1 << 3,      /* formatting elements (adoption agency) */
	G_RAW = 1 << 4,      /* content is raw text up to the end tag */
	G_PCLOSE = 1 << 5,   /* start tag closes an open <p> */
	G_BREAKOUT = 1 << 6, /* start tag leaves SVG/MathML content */
	G_IGNORE = 1 << 7,   /* html, head, body: never pushed or popped here */
	G_TABLE = 1 << 8     /* end tag uses table scope */
};

#define SP (G_SPECIAL)
#define PC (G_SPECIAL | G_PCLOSE | G_BREAKOUT)
static const uint16_t tag_flags[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HTML] = G_IGNORE | G_SPECIAL | G_SCOPE,
	[GUMBO_TAG_HEAD] = G_IGNORE | G_SPECIAL | G_BREAKOUT,
	[GUMBO_TAG_BODY] = G_IGNORE | G_SPECIAL | G_BREAKOUT,
	[GUMBO_TAG_TITLE] = SP | G_RAW,
	[GUMBO_TAG_BASE] = SP | G_VOID,
	[GUMBO_TAG_LINK] = SP | G_VOID,
	[GUMBO_TAG_META] = SP | G_VOID | G_BREAKOUT,
	[GUMBO_TAG_STYLE] = SP | G_RAW,
	[GUMBO_TAG_SCRIPT] = SP | G_RAW,
	[GUMBO_TAG_NOSCRIPT] = SP,
	[GUMBO_TAG_TEMPLATE] = SP | G_SCOPE,
	[GUMBO_TAG_ARTICLE] = PC, [GUMBO_TAG_SECTION] = PC, [GUMBO_TAG_NAV] = PC,
	[GUMBO_TAG_ASIDE] = PC, [GUMBO_TAG_H1] = PC, [GUMBO_TAG_H2] = PC,
	[GUMBO_TAG_H3] = PC, [GUMBO_TAG_H4] = PC, [GUMBO_TAG_H5] = PC, [GUMBO_TAG_H6] = PC,
	[GUMBO_TAG_HGROUP] = PC, [GUMBO_TAG_HEADER] = PC, [GUMBO_TAG_FOOTER] = PC,
	[GUMBO_TAG_ADDRESS] = PC, [GUMBO_TAG_P] = PC,
	[GUMBO_TAG_HR] = PC | G_VOID,
	[GUMBO_TAG_PRE] = PC, [GUMBO_TAG_BLOCKQUOTE] = PC, [GUMBO_TAG_OL] = PC,
	[GUMBO_TAG_UL] = PC, [GUMBO_TAG_LI] = PC, [GUMBO_TAG_DL] = PC,
	[GUMBO_TAG_DT] = PC, [GUMBO_TAG_DD] = PC, [GUMBO_TAG_FIGURE] = PC,
	[GUMBO_TAG_FIGCAPTION] = PC, [GUMBO_TAG_MAIN] = PC, [GUMBO_TAG_DIV] = PC,
	[GUMBO_TAG_A] = G_FMT,
	[GUMBO_TAG_EM] = G_FMT | G_BREAKOUT, [GUMBO_TAG_STRONG] = G_FMT | G_BREAKOUT,
	[GUMBO_TAG_SMALL] = G_FMT | G_BREAKOUT, [GUMBO_TAG_S] = G_FMT | G_BREAKOUT,
	[GUMBO_TAG_CODE] = G_FMT | G_BREAKOUT, [GUMBO_TAG_I] = G_FMT | G_BREAKOUT,
	[GUMBO_TAG_B] = G_FMT | G_BREAKOUT, [GUMBO_TAG_U] = G_FMT | G_BREAKOUT,
	[GUMBO_TAG_BIG] = G_FMT | G_BREAKOUT, [GUMBO_TAG_FONT] = G_FMT | G_BREAKOUT,
	[GUMBO_TAG_NOBR] = G_FMT | G_BREAKOUT, [GUMBO_TAG_STRIKE] = G_FMT | G_BREAKOUT,
	[GUMBO_TAG_TT] = G_FMT | G_BREAKOUT,
	[GUMBO_TAG_VAR] = G_BREAKOUT, [GUMBO_TAG_SUB] = G_BREAKOUT, [GUMBO_TAG_SUP] = G_BREAKOUT,
	[GUMBO_TAG_RUBY] = G_BREAKOUT, [GUMBO_TAG_SPAN] = G_BREAKOUT,
	[GUMBO_TAG_BR] = SP | G_VOID | G_BREAKOUT,
	[GUMBO_TAG_WBR] = SP | G_VOID,
	[GUMBO_TAG_IMAGE] = G_VOID,
	[GUMBO_TAG_IMG] = SP | G_VOID | G_BREAKOUT,
	[GUMBO_TAG_IFRAME] = SP | G_RAW,
	[GUMBO_TAG_EMBED] = SP | G_VOID | G_BREAKOUT,
	[GUMBO_TAG_OBJECT] = SP | G_SCOPE,
	[GUMBO_TAG_PARAM] = SP | G_VOID,
	[GUMBO_TAG_SOURCE] = SP | G_VOID,
	[GUMBO_TAG_TRACK] = SP | G_VOID,
	[GUMBO_TAG_AREA] = SP | G_VOID,
	[GUMBO_TAG_TABLE] = PC | G_SCOPE | G_TABLE,
	[GUMBO_TAG_CAPTION] = SP | G_SCOPE | G_TABLE,
	[GUMBO_TAG_COLGROUP] = SP | G_TABLE,
	[GUMBO_TAG_COL] = SP | G_VOID,
	[GUMBO_TAG_TBODY] = SP | G_TABLE, [GUMBO_TAG_THEAD] = SP | G_TABLE,
	[GUMBO_TAG_TFOOT] = SP | G_TABLE, [GUMBO_TAG_TR] = SP | G_TABLE,
	[GUMBO_TAG_TD] = SP | G_SCOPE | G_TABLE, [GUMBO_TAG_TH] = SP | G_SCOPE | G_TABLE,
	[GUMBO_TAG_FORM] = PC,
	[GUMBO_TAG_FIELDSET] = PC,
	[GUMBO_TAG_INPUT] = SP | G_VOID,
	[GUMBO_TAG_BUTTON] = SP,
	[GUMBO_TAG_SELECT] = SP,
	[GUMBO_TAG_TEXTAREA] = SP | G_RAW,
	[GUMBO_TAG_KEYGEN] = SP | G_VOID,
	[GUMBO_TAG_DETAILS] = PC, [GUMBO_TAG_SUMMARY] = PC, [GUMBO_TAG_MENU] = PC,
	[GUMBO_TAG_APPLET] = SP | G_SCOPE,
	[GUMBO_TAG_BGSOUND] = SP | G_VOID,
	[GUMBO_TAG_BASEFONT] = SP | G_VOID,
	[GUMBO_TAG_DIR] = PC,
	[GUMBO_TAG_FRAME] = SP | G_VOID,
	[GUMBO_TAG_FRAMESET] = SP,
	[GUMBO_TAG_NOFRAMES] = SP | G_RAW,
	[GUMBO_TAG_NOEMBED] = SP | G_RAW,
	[GUMBO_TAG_ISINDEX] = SP | G_VOID,
	[GUMBO_TAG_LISTING] = PC, [GUMBO_TAG_CENTER] = PC,
	[GUMBO_TAG_XMP] = PC | G_RAW,
	[GUMBO_TAG_PLAINTEXT] = PC | G_RAW,
	[GUMBO_TAG_MARQUEE] = SP | G_SCOPE,
};
#undef SP
#undef PC

#define NBUCKET 4096u

struct entry {
	uint32_t key;     /* GumboTag, or 256 + hash of the lowercase name */
	uint16_t tag;
	uint8_t foreign;  /* SVG or MathML element */
};

struct guard {
	const char *s;
	size_t len;
	const struct html_guard_limits *lim;
	struct html_guard_stats *st;
	struct entry *stack;
	size_t sp;
	uint32_t open_cnt[NBUCKET];  /* stack entries per name bucket */
	uint32_t drop_cnt[NBUCKET];  /* dropped start tags not yet closed */
	struct buf out;
	size_t copied;               /* input bytes up to here are in out (or cut) */
	int changed;
	int over;                    /* past max_nodes */
};

/* Removes s[a..b) from the output. */
static void cut(struct guard *g, size_t a, size_t b)
{
	if (a < g->copied)
		a = g->copied;
	if (b <= a)
		return;
	buf_put(&g->out, g->s + g->copied, a - g->copied);
	g->copied = b;
	g->changed = 1;
}

static uint32_t name_key(const char *name, size_t n, GumboTag tag)
{
	if (tag != GUMBO_TAG_UNKNOWN)
		return (uint32_t)tag;
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c >= 'A' && c <= 'Z')
			c |= 32;
		h = (h ^ c) * 16777619u;
	}
	return 256 + (h & 0x7fffffffu);
}

static unsigned flags_of(const struct entry *e)
{
	if (e->foreign) {
		/* integration points are special and bound every scope */
		switch (e->tag) {
		case GUMBO_TAG_FOREIGNOBJECT: case GUMBO_TAG_DESC: case GUMBO_TAG_TITLE:
		case GUMBO_TAG_MI: case GUMBO_TAG_MO: case GUMBO_TAG_MN: case GUMBO_TAG_MS:
		case GUMBO_TAG_MTEXT: case GUMBO_TAG_ANNOTATION_XML:
			return G_SPECIAL | G_SCOPE;
		default:
			return 0;
		}
	}
	return tag_flags[e->tag];
}

static int is_integration_point(const struct entry *e)
{
	return e->foreign && (flags_of(e) & G_SCOPE);
}

static void pop(struct guard *g)
{
	g->sp--;
	g->open_cnt[g->stack[g->sp].key % NBUCKET]--;
}

static void pop_to(struct guard *g, size_t i)
{
	while (g->sp > i)
		pop(g);
}

/* Pushes an element, or (at the depth limit) removes its start tag s[a..b). */
static void push(struct guard *g, uint32_t key, GumboTag tag, int foreign, size_t a, size_t b)
{
	if (g->sp + 1 > g->st->depth_max)
		g->st->depth_max = g->sp + 1;
	if (g->sp >= g->lim->max_depth) {
		g->drop_cnt[key % NBUCKET]++;
		g->st->dropped_depth++;
		cut(g, a, b);
		return;
	}
	g->stack[g->sp++] = (struct entry){ key, (uint16_t)tag, (uint8_t)foreign };
	g->open_cnt[key % NBUCKET]++;
}

/* Index of the topmost open element `key` found before an entry whose flags
 * meet `barrier`, or SIZE_MAX. */
static size_t find_open(const struct guard *g, uint32_t key, unsigned barrier)
{
	if (!g->open_cnt[key % NBUCKET])
		return SIZE_MAX;
	for (size_t i = g->sp; i-- > 0;) {
		const struct entry *e = &g->stack[i];
		if (e->key == key)
			return i;
		if (flags_of(e) & barrier)
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* Topmost entry with one of the given tags (HTML elements only), stopping at
 * html-level boundaries (template); SIZE_MAX when none. */
static size_t find_table_context(const struct guard *g, const GumboTag *tags, size_t n)
{
	for (size_t i = g->sp; i-- > 0;) {
		const struct entry *e = &g->stack[i];
		if (e->foreign)
			continue;
		for (size_t k = 0; k < n; k++)
			if (e->tag == tags[k])
				return i;
		if (e->tag == GUMBO_TAG_TEMPLATE)
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

static void close_p(struct guard *g)
{
	size_t i = find_open(g, GUMBO_TAG_P, G_SCOPE);
	if (i != SIZE_MAX) {
		/* a <button> also bounds the scope */
		for (size_t k = i + 1; k < g->sp; k++)
			if (!g->stack[k].foreign && g->stack[k].tag == GUMBO_TAG_BUTTON)
				return;
		pop_to(g, i);
	}
}

/* <li>, <dt>, <dd>: an open item of the same list closes. */
static void close_item(struct guard *g, GumboTag a, GumboTag b)
{
	for (size_t i = g->sp; i-- > 0;) {
		const struct entry *e = &g->stack[i];
		if (!e->foreign && (e->tag == a || e->tag == b)) {
			pop_to(g, i);
			return;
		}
		if ((flags_of(e) & G_SPECIAL) && !(!e->foreign && (e->tag == GUMBO_TAG_ADDRESS ||
								  e->tag == GUMBO_TAG_DIV || e->tag == GUMBO_TAG_P)))
			return;
	}
}

/* The tree builder's handling of a start tag, as far as depth goes. */
static void start_html(struct guard *g, uint32_t key, GumboTag tag, size_t a, size_t b)
{
	unsigned f = tag_flags[tag];
	if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) {
		push(g, key, tag, 1, a, b);
		return;
	}
	if (tag == GUMBO_TAG_LI)
		close_item(g, GUMBO_TAG_LI, GUMBO_TAG_LI);
	else if (tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD)
		close_item(g, GUMBO_TAG_DT, GUMBO_TAG_DD);
	if (tag == GUMBO_TAG_TABLE) {
		/* a table directly in a table (not in a cell) closes the first */
		static const GumboTag ctx[] = { GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_CAPTION };
		size_t i = find_table_context(g, ctx, 4);
		if (i != SIZE_MAX && g->stack[i].tag == GUMBO_TAG_TABLE) {
			pop_to(g, i);
			push(g, key, tag, 0, a, b);
			return;
		}
	}
	if (f & G_PCLOSE)
		close_p(g);
	if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6 && g->sp && !g->stack[g->sp - 1].foreign &&
	    g->stack[g->sp - 1].tag >= GUMBO_TAG_H1 && g->stack[g->sp - 1].tag <= GUMBO_TAG_H6)
		pop(g);
	switch (tag) {
	case GUMBO_TAG_A:
	case GUMBO_TAG_NOBR: {
		size_t i = find_open(g, key, G_SPECIAL);
		if (i != SIZE_MAX)
			pop_to(g, i);
		break;
	}
	case GUMBO_TAG_BUTTON: {
		size_t i = find_open(g, key, G_SCOPE);
		if (i != SIZE_MAX)
			pop_to(g, i);
		break;
	}
	case GUMBO_TAG_FORM:
		if (g->open_cnt[key % NBUCKET])
			return; /* ignored by the tree builder */
		break;
	case GUMBO_TAG_OPTION:
	case GUMBO_TAG_OPTGROUP:
		if (g->sp && g->stack[g->sp - 1].tag == GUMBO_TAG_OPTION)
			pop(g);
		if (tag == GUMBO_TAG_OPTGROUP && g->sp && g->stack[g->sp - 1].tag == GUMBO_TAG_OPTGROUP)
			pop(g);
		break;
	case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TBODY:
	case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP: {
		static const GumboTag ctx[] = { GUMBO_TAG_TR, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD,
						GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE };
		int cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
		/* rows look for a section, sections and captions for the table */
		size_t skip = cell ? 0 : tag == GUMBO_TAG_TR ? 1 : 4;
		size_t i = find_table_context(g, ctx + skip, 5 - skip);
		if (i == SIZE_MAX)
			return; /* outside a table: ignored */
		GumboTag at = (GumboTag)g->stack[i].tag;
		pop_to(g, i + 1);
		/* implied <tbody> and <tr> */
		if (at == GUMBO_TAG_TABLE && (cell || tag == GUMBO_TAG_TR))
			push(g, GUMBO_TAG_TBODY, GUMBO_TAG_TBODY, 0, a, a);
		if (cell && at != GUMBO_TAG_TR)
			push(g, GUMBO_TAG_TR, GUMBO_TAG_TR, 0, a, a);
		break;
	}
	default:
		break;
	}
	push(g, key, tag, 0, a, b);
}

static void end_tag(struct guard *g, uint32_t key, GumboTag tag, size_t a, size_t b)
{
	if (g->drop_cnt[key % NBUCKET]) {
		g->drop_cnt[key % NBUCKET]--;
		cut(g, a, b);
		return;
	}
	if (!g->open_cnt[key % NBUCKET])
		return;
	/* in foreign content an end tag closes the matching foreign element */
	for (size_t i = g->sp; i-- > 0 && g->stack[i].foreign;) {
		if (g->stack[i].key == key) {
			pop_to(g, i);
			return;
		}
	}
	unsigned f = tag_flags[tag];
	if (f & G_IGNORE)
		return;
	/* table scope (table and template) is checked in the loop */
	unsigned barrier = 0;
	if (!(f & G_TABLE))
		barrier = (f & G_SPECIAL) ? G_SCOPE : G_SPECIAL; /* G_SPECIAL: formatting and ordinary */
	for (size_t i = g->sp; i-- > 0;) {
		const struct entry *e = &g->stack[i];
		if (e->key == key && !e->foreign) {
			pop_to(g, i);
			return;
		}
		if (flags_of(e) & barrier)
			return;
		if ((f & G_TABLE) && !e->foreign && (e->tag == GUMBO_TAG_TEMPLATE ||
						     (tag != GUMBO_TAG_TABLE && e->tag == GUMBO_TAG_TABLE)))
			return;
		if (tag == GUMBO_TAG_P && !e->foreign && e->tag == GUMBO_TAG_BUTTON)
			return;
		if (tag == GUMBO_TAG_LI && !e->foreign && (e->tag == GUMBO_TAG_OL || e->tag == GUMBO_TAG_UL))
			return;
	}
}

/* End of a comment starting at "<!--" at i: after "-->" or "--!>" (or the
 * abrupt "<!-->" and "<!--->"), or the end of the input. */
static size_t skip_comment(const struct guard *g, size_t i)
{
	const char *s = g->s;
	size_t n = g->len, k = i + 4;
	if (k < n && s[k] == '>')
		return k + 1;
	if (k + 1 < n && s[k] == '-' && s[k + 1] == '>')
		return k + 2;
	for (;;) {
		const char *p = k < n ? memchr(s + k, '-', n - k) : NULL;
		if (!p)
			return n;
		k = (size_t)(p - s);
		if (k + 2 < n && s[k + 1] == '-' && s[k + 2] == '>')
			return k + 3;
		if (k + 3 < n && s[k + 1] == '-' && s[k + 2] == '!' && s[k + 3] == '>')
			return k + 4;
		k++;
	}
}

/* Position after the next '>' from k (or the end). */
static size_t skip_to_gt(const struct guard *g, size_t k)
{
	const char *p = k < g->len ? memchr(g->s + k, '>', g->len - k) : NULL;
	return p ? (size_t)(p - g->s) + 1 : g->len;
}

/* Attributes of a tag from k: returns the position after '>', or SIZE_MAX
 * when the input ends inside the tag (the tokenizer then drops it). Sets
 * *self_closing; with count_attrs, removes attributes past the limit. */
static size_t scan_attrs(struct guard *g, size_t k, int *self_closing, int count_attrs)
{
	const char *s = g->s;
	size_t n = g->len, attrs = 0;
	*self_closing = 0;
	for (;;) {
		while (k < n && ascii_is_html_space((unsigned char)s[k]))
			k++;
		if (k >= n)
			return SIZE_MAX;
		if (s[k] == '>')
			return k + 1;
		if (s[k] == '/') {
			k++;
			if (k < n && s[k] == '>') {
				*self_closing = 1;
				return k + 1;
			}
			continue;
		}
		size_t start = k++;
		while (k < n && !ascii_is_html_space((unsigned char)s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=')
			k++;
		size_t m = k;
		while (m < n && ascii_is_html_space((unsigned char)s[m]))
			m++;
		if (m < n && s[m] == '=') {
			m++;
			while (m < n && ascii_is_html_space((unsigned char)s[m]))
				m++;
			if (m < n && (s[m] == '"' || s[m] == '\'')) {
				const char *q = memchr(s + m + 1, s[m], n - m - 1);
				if (!q)
					return SIZE_MAX;
				k = (size_t)(q - s) + 1;
			} else {
				while (m < n && !ascii_is_html_space((unsigned char)s[m]) && s[m] != '>')
					m++;
				k = m;
			}
		}
		if (count_attrs && ++attrs > g->lim->max_attrs) {
			g->st->dropped_attrs++;
			cut(g, start, k);
		}
	}
}

/* Position after the raw text of element `name` that starts at k: after its
 * end tag, or the end of the input. */
static size_t skip_raw(const struct guard *g, size_t k, const char *name, size_t nlen, GumboTag tag)
{
	const char *s = g->s;
	size_t n = g->len;
	if (tag == GUMBO_TAG_PLAINTEXT)
		return n;
	for (;;) {
		const char *p = k < n ? memchr(s + k, '<', n - k) : NULL;
		if (!p)
			return n;
		k = (size_t)(p - s);
		if (k + 2 + nlen < n && s[k + 1] == '/' && strncasecmp(s + k + 2, name, nlen) == 0 &&
		    (ascii_is_html_space((unsigned char)s[k + 2 + nlen]) || s[k + 2 + nlen] == '/' || s[k + 2 + nlen] == '>'))
			return skip_to_gt(g, k + 2 + nlen);
		k++;
	}
}

static void count_node(struct guard *g)
{
	if (++g->st->nodes > g->lim->max_nodes)
		g->over = 1;
}

/* A tag at i ('<' then a letter, or "</" then a letter). Returns the
 * position after it. */
static size_t tag_at(struct guard *g, size_t i)
{
	const char *s = g->s;
	size_t n = g->len;
	int end = s[i + 1] == '/';
	size_t k = i + 1 + (size_t)end, name = k;
	while (k < n && !ascii_is_html_space((unsigned char)s[k]) && s[k] != '/' && s[k] != '>')
		k++;
	size_t nlen = k - name;
	GumboTag tag = nlen < 64 ? gumbo_tagn_enum(s + name, (unsigned)nlen) : GUMBO_TAG_UNKNOWN;
	uint32_t key = name_key(s + name, nlen, tag);
	int self_closing;
	size_t after = scan_attrs(g, k, &self_closing, !end && !g->over);
	if (after == SIZE_MAX)
		return n; /* unfinished tag at the end: the tokenizer drops it */
	if (end) {
		if (g->over)
			cut(g, i, after);
		else
			end_tag(g, key, tag, i, after);
		return after;
	}
	count_node(g);
	const struct entry *top = g->sp ? &g->stack[g->sp - 1] : NULL;
	int foreign = top && top->foreign && !is_integration_point(top);
	if (foreign && (tag_flags[tag] & G_BREAKOUT)) {
		while (g->sp && g->stack[g->sp - 1].foreign && !is_integration_point(&g->stack[g->sp - 1]))
			pop(g);
		foreign = 0;
	}
	if (!foreign && (tag_flags[tag] & G_RAW)) {
		size_t stop = skip_raw(g, after, s + name, nlen, tag);
		if (g->over) {
			g->st->dropped_nodes++;
			cut(g, i, stop);
		}
		return stop;
	}
	if (g->over) {
		g->st->dropped_nodes++;
		cut(g, i, after);
		return after;
	}
	if (foreign) {
		if (!self_closing)
			push(g, key, tag, 1, i, after);
		return after;
	}
	if (tag_flags[tag] & (G_VOID | G_IGNORE))
		return after;
	start_html(g, key, tag, i, after);
	return after;
}

static void guard_run(struct guard *g)
{
	const char *s = g->s;
	size_t n = g->len, i = 0;
	while (i < n) {
		if (s[i] != '<') {
			const char *p = memchr(s + i, '<', n - i);
			count_node(g);
			i = p ? (size_t)(p - s) : n;
			continue;
		}
		if (i + 1 >= n)
			break;
		char c = s[i + 1];
		size_t next;
		if (ascii_is_alpha((unsigned char)c) || (c == '/' && i + 2 < n && ascii_is_alpha((unsigned char)s[i + 2]))) {
			i = tag_at(g, i);
			continue;
		}
		if (c == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
			next = skip_comment(g, i);
		} else if (c == '!' && i + 8 < n && memcmp(s + i + 2, "[CDATA[", 7) == 0 && g->sp &&
			   g->stack[g->sp - 1].foreign) {
			const char *p = NULL;
			for (size_t k = i + 9; k + 2 < n && !p; k++)
				if (s[k] == ']' && s[k + 1] == ']' && s[k + 2] == '>')
					p = s + k;
			next = p ? (size_t)(p - s) + 3 : n;
		} else if (c == '!' || c == '?' || c == '/') {
			next = c == '/' && i + 2 < n && s[i + 2] == '>' ? i + 3 : skip_to_gt(g, i + 2);
		} else {
			i++; /* a '<' that starts no tag is text */
			continue;
		}
		count_node(g);
		if (g->over) {
			g->st->dropped_nodes++;
			cut(g, i, next);
		}
		i = next;
	}
}

int html_guard(char **out, size_t *out_len, struct html_guard_stats *stats,
	       const char *html, size_t len, const struct html_guard_limits *lim)
{
	*out = NULL;
	*out_len = 0;
	memset(stats, 0, sizeof *stats);
	struct guard *g = calloc(1, sizeof *g);
	size_t depth = lim->max_depth ? lim->max_depth : 1;
	if (g)
		g->stack = malloc(depth * sizeof *g->stack);
	if (!g || !g->stack) {
		if (g)
			free(g->stack);
		free(g);
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory in the markup guard");
	}
	struct html_guard_limits l = *lim;
	l.max_depth = depth;
	g->s = html;
	g->len = len;
	g->lim = &l;
	g->st = stats;
	guard_run(g);
	int rc = SCRAPE_OK;
	if (g->changed) {
		buf_put(&g->out, html + g->copied, len - g->copied);
		if (g->out.oom || !g->out.data) {
			rc = scrape_error_set(SCRAPE_ENOMEM, "out of memory in the markup guard");
			buf_free(&g->out);
		} else {
			*out = buf_detach(&g->out, out_len);
		}
	}
	free(g->stack);
	free(g);
	return rc;
}
