#include "classify.h"
#include "node.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Words in class and id values that mark page furniture. Matched against
 * whole words ("share-bar" -> "share", "bar") or as a prefix where marked '*'. */
static const char *const boiler_words[] = {
	"share*", "sharing", "social*", "sociable", "comment*", "disqus", "respond",
	"related*", "newsletter*", "subscribe*", "subscription*", "cookie*", "consent",
	"gdpr", "ad", "ads", "adv", "advert*", "adslot*", "adunit*", "dfp", "banner*",
	"promo*", "sponsor*", "sidebar*", "nav", "navbar", "navigation", "menu*",
	"breadcrumb*", "footer*", "masthead", "popular", "mostread", "most-read",
	"trending", "recommend*", "outbrain", "taboola", "pagination", "pager",
	"toolbar", "print", "byline*", "author-bio", "bio", "tags", "tag-list", "taglist",
	"tagcloud", "caption*", "credit*", "figcaption", "popup", "modal", "overlay",
	"signup", "sign-up", "login", "paywall", "widget*", "skip", "sr-only",
	"visually-hidden", "screen-reader-text", "readmore",
	"read-more", "more-stories", "morestories", "sharethis", "addthis", "rss",
	"jump", "toc", "subnav", "topbar", "header-nav", "site-header", "site-footer",
	"pullquote", "pull-quote", "inline-related", "rail", "dateline", "timestamp",
	"meta", "post-meta", "entry-meta", "article-meta", "kicker", "disclaimer",
	"date", "dates", "posted", "postedon", "author", "authors", "published",
	"tooltip*", "popover*", "hovercard*", "rollover*",
};

/* dnode.boiler_word holds 1 + an index of this list in a byte */
_Static_assert(sizeof boiler_words / sizeof *boiler_words < 255, "boiler_words must fit a byte");

/* Words that keep an element whatever else its names say. */
static const char *const content_words[] = {
	"article", "articlebody", "article-body", "article-content", "body", "content",
	"entry", "entry-content", "main", "post", "post-body", "post-content", "story",
	"story-body", "storycontent", "text", "blog-post", "prose", "page-content",
};

/* 1 + the index in list of the word w[0..n), 0 if it is not there. */
static int word_in(const char *w, size_t n, const char *const *list, size_t count)
{
	if (n == 0)
		return 0;
	/* the lists are lower case: the first letter rules most entries out */
	char first = (char)tolower((unsigned char)w[0]);
	for (size_t i = 0; i < count; i++) {
		const char *p = list[i];
		if (p[0] != first)
			continue;
		size_t pl = strlen(p);
		if (p[pl - 1] == '*') {
			if (n >= pl - 1 && strncasecmp(w, p, pl - 1) == 0)
				return (int)i + 1;
		} else if (n == pl && strncasecmp(w, p, n) == 0) {
			return (int)i + 1;
		}
	}
	return 0;
}

/* 1 + the index in list of the first whitespace-separated token of value
 * (or, with split_words, a run of letters and digits inside one:
 * "share-bar" -> "share", "bar") that is in list; 0 if none is. */
static int names_match(const char *value, const char *const *list, size_t count, int split_words,
		       int (*ignore)(unsigned word))
{
	const char *s = value;
	while (*s) {
		while (*s && isspace((unsigned char)*s))
			s++;
		const char *tok = s;
		while (*s && !isspace((unsigned char)*s))
			s++;
		size_t tl = (size_t)(s - tok);
		/* "js-tooltip": a hook for the page's script, not a name of what
		 * the element is */
		if (!tl || (tl > 3 && tok[0] == 'j' && tok[1] == 's' && (tok[2] == '-' || tok[2] == '_')))
			continue;
		int k = word_in(tok, tl, list, count);
		if (k && !(ignore && ignore((unsigned)k)))
			return k;
		if (!split_words)
			continue;
		const char *w = tok;
		while (w < tok + tl) {
			const char *e = w;
			/* words end at punctuation and at camelCase humps ("newsCaption") */
			while (e < tok + tl && isalnum((unsigned char)*e) &&
			       !(e > w && isupper((unsigned char)*e) && islower((unsigned char)e[-1])))
				e++;
			int kw = e > w ? word_in(w, (size_t)(e - w), list, count) : 0;
			if (kw && !(ignore && ignore((unsigned)kw)))
				return kw;
			w = e < tok + tl && isalnum((unsigned char)*e) ? e : e + 1;
		}
	}
	return 0;
}

int classify_names_content(const char *value)
{
	return value && names_match(value, content_words, sizeof content_words / sizeof *content_words, 0, NULL);
}

/* Names that mark furniture when small but wrap the article itself when it
 * is long: a "paywall" div around the paragraphs behind the meter. */
static const char *const soft_words[] = { "paywall*" };

int classify_names_soft(const char *value)
{
	return value && names_match(value, soft_words, sizeof soft_words / sizeof *soft_words, 1, NULL);
}

/* Comment sections can hold most of a page's text, yet are never the article. */
static const char *const comment_words[] = { "comment*", "disqus", "respond" };

int classify_names_comments(const char *value)
{
	return value && names_match(value, comment_words, sizeof comment_words / sizeof *comment_words, 1, NULL);
}

/* On a product page, what stands beside the product rather than describing
 * it: customer reviews and the carousels of other products. Words of class
 * and id values, which are code, not the page's language. */
static const char *const product_aside_words[] = {
	"review*", "carousel*", "upsell*", "crosssell*", "similar*", "recently*",
};

int classify_names_product_aside(const char *value)
{
	return value && names_match(value, product_aside_words,
				    sizeof product_aside_words / sizeof *product_aside_words, 1, NULL);
}

/* Tabs and accordions: panels a product page keeps hidden until clicked. */
static const char *const panel_words[] = {
	"tab", "tabs", "tabpanel", "tabcontent", "accordion*", "collapse*", "collapsible*",
};

int classify_is_panel(const GumboNode *n)
{
	const char *role = dom_attr(n, "role");
	if (role && strcasecmp(role, "tabpanel") == 0)
		return 1;
	const char *v[2] = { dom_attr(n, "class"), dom_attr(n, "id") };
	for (int k = 0; k < 2; k++)
		if (v[k] && names_match(v[k], panel_words, sizeof panel_words / sizeof *panel_words, 1, NULL))
			return 1;
	return 0;
}

int classify_names_boilerplate(const char *value)
{
	return value && names_match(value, boiler_words, sizeof boiler_words / sizeof *boiler_words, 1, NULL);
}

/* 1 when boilerplate word number `word` (names_match's 1-based index) is
 * one of list. */
static int word_is_one_of(unsigned word, const char *const *list, size_t count)
{
	if (word == 0 || word > sizeof boiler_words / sizeof *boiler_words)
		return 0;
	const char *w = boiler_words[word - 1];
	for (size_t i = 0; i < count; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

int classify_word_is_comments(unsigned word)
{
	return word_is_one_of(word, comment_words, sizeof comment_words / sizeof *comment_words);
}

int classify_names_furniture(const char *value)
{
	return value && names_match(value, boiler_words, sizeof boiler_words / sizeof *boiler_words, 1,
				    classify_word_is_comments);
}

/* Names of text meant for screen readers only: a label the page shows
 * otherwise ("Regular price" beside the price), never a card's detail. */
static const char *const screen_reader_words[] = {
	"sr-only", "visually-hidden", "screen-reader-text", "skip",
};

int classify_word_is_screen_reader(unsigned word)
{
	return word_is_one_of(word, screen_reader_words, sizeof screen_reader_words / sizeof *screen_reader_words);
}

const char *classify_word_name(unsigned word)
{
	if (word == 0 || word > sizeof boiler_words / sizeof *boiler_words)
		return NULL;
	return boiler_words[word - 1];
}

/* Which boilerplate word a class/id value names (1 + its index), 0 none. */
static unsigned boiler_word(const char *value)
{
	return value ? (unsigned)names_match(value, boiler_words, sizeof boiler_words / sizeof *boiler_words, 1, NULL) : 0;
}

static int style_hides(const char *style)
{
	/* "display:none" / "visibility:hidden", spaces and case ignored */
	char compact[256];
	size_t n = 0;
	for (const char *s = style; *s && n < sizeof compact - 1; s++)
		if (!isspace((unsigned char)*s))
			compact[n++] = (char)tolower((unsigned char)*s);
	compact[n] = '\0';
	return strstr(compact, "display:none") || strstr(compact, "visibility:hidden");
}

/* 1 for a button that is a heading's text: the title of a disclosure (a
 * FAQ accordion's question, <h3><button aria-expanded>...</button></h3>),
 * read as the heading it sits in, not as a control. */
static int is_heading_button(const GumboNode *n)
{
	const GumboNode *p = n->parent;
	if (!p || p->type != GUMBO_NODE_ELEMENT)
		return 0;
	switch (p->v.element.tag) {
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_DT:
		return 1;
	default:
		return 0;
	}
}

unsigned classify_element(const GumboNode *n, unsigned *word)
{
	*word = 0;
	GumboTag tag = n->v.element.tag;
	if (tag == GUMBO_TAG_BUTTON && is_heading_button(n))
		tag = GUMBO_TAG_SPAN; /* its text, as any inline element's */
	switch (tag) {
	case GUMBO_TAG_NOSCRIPT:
	/* an <aside> left unclosed swallows the page that follows it: when it
	 * holds nearly all of the text, dom.c reveals it like <noscript> */
	case GUMBO_TAG_ASIDE:
		return DN_SKIP | DN_HIDDEN;
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV:
	case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
	case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_LABEL:
	case GUMBO_TAG_OPTION: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
	case GUMBO_TAG_MENU:
		return DN_SKIP;
	default:
		break;
	}
	if (dom_attr(n, "hidden"))
		return DN_SKIP | DN_HIDDEN;
	const char *v = dom_attr(n, "aria-hidden");
	if (v && strcasecmp(v, "true") == 0)
		return DN_SKIP;
	/* hidden by its style: often a menu, but also a page kept invisible
	 * until its script has run; dom.c reveals it when it holds the page */
	v = dom_attr(n, "style");
	if (v && style_hides(v))
		return DN_SKIP | DN_HIDDEN;
	if (n->v.element.tag == GUMBO_TAG_FORM)
		return DN_BOILER; /* soft: some sites wrap the whole page in a form */
	v = dom_attr(n, "role");
	if (v && (strcasecmp(v, "navigation") == 0 || strcasecmp(v, "complementary") == 0 ||
		  strcasecmp(v, "banner") == 0 || strcasecmp(v, "contentinfo") == 0 ||
		  strcasecmp(v, "dialog") == 0 || strcasecmp(v, "alert") == 0))
		return DN_BOILER;

	const char *cls = dom_attr(n, "class");
	const char *id = dom_attr(n, "id");
	if (!cls && !id)
		return 0;
	GumboTag t = n->v.element.tag;
	if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)
		return 0;
	if (classify_names_content(cls) || classify_names_content(id))
		return 0;
	unsigned w = boiler_word(cls);
	if (!w)
		w = boiler_word(id);
	if (w) {
		*word = w;
		return DN_BOILER;
	}
	return 0;
}

int classify_is_dialog(const GumboNode *n)
{
	const char *role = dom_attr(n, "role");
	const char *modal = dom_attr(n, "aria-modal");
	return (role && (strcasecmp(role, "dialog") == 0 || strcasecmp(role, "alertdialog") == 0)) ||
	       (modal && strcasecmp(modal, "true") == 0);
}
