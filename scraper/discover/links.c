/* links.c - links and feed announcements of an HTML page, through Gumbo. */
#include "links.h"
#include "error.h"
#include "scrape.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* 1 when the space-separated list `list` holds `word` (ASCII case-insensitive). */
static int has_token(const char *list, const char *word)
{
	size_t wn = strlen(word);
	const char *p = list;
	while (p && *p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == ',')
			p++;
		size_t n = strcspn(p, " \t\n\r\f,");
		if (n == wn && strncasecmp(p, word, n) == 0)
			return 1;
		p += n;
	}
	return 0;
}

static const char *attr(const GumboElement *e, const char *name)
{
	const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
	return a ? a->value : NULL;
}

/* The first <base href> and whether a <meta name=robots> forbids following. */
static void scan_head(const GumboNode *n, const char **base, int *nofollow, int depth)
{
	if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE && n->type != GUMBO_NODE_DOCUMENT)
		return;
	if (depth > 256)
		return;
	const GumboVector *kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
								 : &n->v.element.children;
	if (n->type == GUMBO_NODE_ELEMENT) {
		const GumboElement *e = &n->v.element;
		const char *v;
		if (e->tag == GUMBO_TAG_BASE && !*base && (v = attr(e, "href")))
			*base = v;
		if (e->tag == GUMBO_TAG_META && (v = attr(e, "name")) && strcasecmp(v, "robots") == 0 &&
		    (v = attr(e, "content")) && (has_token(v, "nofollow") || has_token(v, "none")))
			*nofollow = 1;
		if (e->tag == GUMBO_TAG_BODY)
			return; /* <base> and <meta> belong to the head */
	}
	for (unsigned i = 0; i < kids->length; i++)
		scan_head(kids->data[i], base, nofollow, depth + 1);
}

struct walk {
	struct discover_list *out;
	const char *base;
	int flags;
	char **seen;          /* this page's links so far (at most LINKS_MAX_PER_PAGE) */
	size_t nseen, capseen;
	int rc;
};

static int seen_add(struct walk *w, char *u)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (strcmp(w->seen[i], u) == 0)
			return 0;
	if (w->nseen == w->capseen) {
		size_t cap = w->capseen ? w->capseen * 2 : 64;
		char **v = realloc(w->seen, cap * sizeof *v);
		if (!v)
			return -1;
		w->seen = v;
		w->capseen = cap;
	}
	w->seen[w->nseen++] = u;
	return 1;
}

static void add(struct walk *w, const char *href)
{
	char *u = NULL;
	int rc = discover_normalize(&u, href, strlen(href), w->base);
	if (rc == SCRAPE_ENOMEM) {
		w->rc = rc;
		return;
	}
	if (rc != SCRAPE_OK)
		return; /* not http(s), or not a URL: nothing to follow */
	if (w->nseen >= LINKS_MAX_PER_PAGE) {
		free(u);
		return;
	}
	int fresh = seen_add(w, u);
	if (fresh < 0) {
		free(u);
		w->rc = SCRAPE_ENOMEM;
		return;
	}
	if (!fresh) {
		free(u);
		return;
	}
	if (discover_list_add(w->out, u, strlen(u), DISCOVER_NO_DATE) == SCRAPE_ENOMEM)
		w->rc = SCRAPE_ENOMEM;
}

static int feed_type(const char *t)
{
	if (!t)
		return 0;
	size_t n = strcspn(t, ";");
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	while (n && (*t == ' ' || *t == '\t')) {
		t++;
		n--;
	}
	static const char *const types[] = { "application/rss+xml", "application/atom+xml",
					     "application/rdf+xml" };
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (n == strlen(types[i]) && strncasecmp(t, types[i], n) == 0)
			return 1;
	return 0;
}

/* Iterative pre-order walk: a deep page cannot exhaust the stack. */
static void walk_tree(struct walk *w, const GumboNode *root)
{
	size_t cap = 256, top = 0;
	const GumboNode **stack = malloc(cap * sizeof *stack);
	if (!stack) {
		w->rc = SCRAPE_ENOMEM;
		return;
	}
	stack[top++] = root;
	while (top && w->rc == SCRAPE_OK) {
		const GumboNode *n = stack[--top];
		const GumboVector *kids;
		if (n->type == GUMBO_NODE_DOCUMENT) {
			kids = &n->v.document.children;
		} else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
			const GumboElement *e = &n->v.element;
			const char *href = attr(e, "href"), *rel = attr(e, "rel");
			if (href && (w->flags & LINKS_FOLLOW) && (e->tag == GUMBO_TAG_A || e->tag == GUMBO_TAG_AREA) &&
			    !(rel && has_token(rel, "nofollow")))
				add(w, href);
			if (href && (w->flags & LINKS_FEEDS) && e->tag == GUMBO_TAG_LINK && rel &&
			    has_token(rel, "alternate") && feed_type(attr(e, "type")))
				add(w, href);
			kids = &e->children;
		} else {
			continue;
		}
		if (top + kids->length > cap) {
			size_t nc = (top + kids->length) * 2;
			const GumboNode **s = realloc(stack, nc * sizeof *s);
			if (!s) {
				w->rc = SCRAPE_ENOMEM;
				break;
			}
			stack = s;
			cap = nc;
		}
		for (unsigned i = kids->length; i-- > 0;)
			stack[top++] = kids->data[i]; /* reversed: popped in document order */
	}
	free(stack);
}

int links_extract(struct discover_list *out, int *nofollow, const char *html, size_t len,
		  const char *url, int flags)
{
	int nf = 0;
	if (nofollow)
		*nofollow = 0;
	GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
	if (!g)
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	const char *base_href = NULL;
	scan_head(g->document, &base_href, &nf, 0);
	char *base = NULL;
	if (base_href && discover_normalize(&base, base_href, strlen(base_href), url) == SCRAPE_ENOMEM) {
		gumbo_destroy_output(&kGumboDefaultOptions, g);
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	}
	struct walk w;
	memset(&w, 0, sizeof w);
	w.out = out;
	w.base = base ? base : url;
	w.flags = nf ? flags & ~LINKS_FOLLOW : flags;
	w.rc = SCRAPE_OK;
	walk_tree(&w, g->document);
	for (size_t i = 0; i < w.nseen; i++)
		free(w.seen[i]);
	free(w.seen);
	free(base);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	if (nofollow)
		*nofollow = nf;
	return w.rc == SCRAPE_OK ? SCRAPE_OK : scrape_error_set(w.rc, "%s: out of memory", url);
}

int links_not_page(const char *url)
{
	static const char *const exts[] = {
		"jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif",
		"mp3", "ogg", "wav", "flac", "m4a", "mp4", "m4v", "webm", "avi", "mov", "mkv", "wmv",
		"zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "pdf", "doc", "docx", "xls",
		"xlsx", "ppt", "pptx", "odt", "ods", "epub", "exe", "dmg", "iso", "apk", "bin",
		"woff", "woff2", "ttf", "otf", "eot", "css", "js", "json", "xml", "rss", "atom",
		"csv", "txt", "ics",
	};
	const char *s = strstr(url, "://");
	s = s ? strchr(s + 3, '/') : NULL;
	if (!s)
		return 0;
	size_t plen = strcspn(s, "?#");
	const char *slash = s;
	for (const char *c = s; c < s + plen; c++)
		if (*c == '/')
			slash = c;
	const char *dot = NULL;
	for (const char *c = slash; c < s + plen; c++)
		if (*c == '.')
			dot = c;
	if (!dot)
		return 0;
	size_t en = (size_t)(s + plen - dot - 1);
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
		if (en == strlen(exts[i]) && strncasecmp(dot + 1, exts[i], en) == 0)
			return 1;
	return 0;
}
