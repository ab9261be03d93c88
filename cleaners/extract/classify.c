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

/* Words that keep an element whatever else its names say. */
static const char *const content_words[] = {
	"article", "articlebody", "article-body", "article-content", "body", "content",
	"entry", "entry-content", "main", "post", "post-body", "post-content", "story",
	"story-body", "storycontent", "text", "blog-post", "prose", "page-content",
};

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
				return 1;
		} else if (n == pl && strncasecmp(w, p, n) == 0) {
			return 1;
		}
	}
	return 0;
}

/* 1 if a whitespace-separated token of value (or, with split_words, a run
 * of letters and digits inside one: "share-bar" -> "share", "bar") is in list. */
static int names_match(const char *value, const char *const *list, size_t count, int split_words)
{
	const char *s = value;
	while (*s) {
		while (*s && isspace((unsigned char)*s))
			s++;
		const char *tok = s;
		while (*s && !isspace((unsigned char)*s))
			s++;
		size_t tl = (size_t)(s - tok);
		if (!tl)
			continue;
		if (word_in(tok, tl, list, count))
			return 1;
		if (!split_words)
			continue;
		const char *w = tok;
		while (w < tok + tl) {
			const char *e = w;
			/* words end at punctuation and at camelCase humps ("newsCaption") */
			while (e < tok + tl && isalnum((unsigned char)*e) &&
			       !(e > w && isupper((unsigned char)*e) && islower((unsigned char)e[-1])))
				e++;
			if (e > w && word_in(w, (size_t)(e - w), list, count))
				return 1;
			w = e < tok + tl && isalnum((unsigned char)*e) ? e : e + 1;
		}
	}
	return 0;
}

int classify_names_content(const char *value)
{
	return value && names_match(value, content_words, sizeof content_words / sizeof *content_words, 0);
}

/* Names that mark furniture when small but wrap the article itself when it
 * is long: a "paywall" div around the paragraphs behind the meter. */
static const char *const soft_words[] = { "paywall*" };

int classify_names_soft(const char *value)
{
	return value && names_match(value, soft_words, sizeof soft_words / sizeof *soft_words, 1);
}

/* Comment sections can hold most of a page's text, yet are never the article. */
static const char *const comment_words[] = { "comment*", "disqus", "respond" };

int classify_names_comments(const char *value)
{
	return value && names_match(value, comment_words, sizeof comment_words / sizeof *comment_words, 1);
}

int classify_names_boilerplate(const char *value)
{
	return value && names_match(value, boiler_words, sizeof boiler_words / sizeof *boiler_words, 1);
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

unsigned classify_element(const GumboNode *n)
{
	switch (n->v.element.tag) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
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
		return DN_SKIP;
	const char *v = dom_attr(n, "aria-hidden");
	if (v && strcasecmp(v, "true") == 0)
		return DN_SKIP;
	v = dom_attr(n, "style");
	if (v && style_hides(v))
		return DN_SKIP;
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
	if (classify_names_boilerplate(cls) || classify_names_boilerplate(id))
		return DN_BOILER;
	return 0;
}
