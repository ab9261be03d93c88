/* sitemap.c - sitemaps through expat (xml_scan). */
#include "sitemap.h"
#include "error.h"
#include "scrape.h"
#include "source.h"
#include "xml_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct reader {
	const char *url;
	struct discover_list *pages, *sitemaps;
	enum sitemap_kind kind;
	int root_ok;
	char root[64];
	char *loc;             /* the current entry's <loc>, resolved */
	long long lastmod;
};

static int on_start(void *ctx, int depth, const char *name, const char **attrs)
{
	struct reader *r = ctx;
	(void)attrs;
	if (depth == 0) {
		snprintf(r->root, sizeof r->root, "%s", name);
		if (strcmp(name, "urlset") == 0) {
			r->kind = SITEMAP_URLSET;
			r->root_ok = 1;
		} else if (strcmp(name, "sitemapindex") == 0) {
			r->kind = SITEMAP_INDEX;
			r->root_ok = 1;
		}
		return 0;
	}
	if (!r->root_ok)
		return 0;
	if (depth == 1) {
		free(r->loc);
		r->loc = NULL;
		r->lastmod = DISCOVER_NO_DATE;
		return 0;
	}
	return depth == 2 && (strcmp(name, "loc") == 0 || strcmp(name, "lastmod") == 0);
}

static int on_end(void *ctx, int depth, const char *name, const char *text, size_t len)
{
	struct reader *r = ctx;
	if (!r->root_ok)
		return SCRAPE_OK;
	if (depth == 2 && text) {
		if (strcmp(name, "loc") == 0 && !r->loc) {
			int rc = discover_normalize(&r->loc, text, len, r->url);
			if (rc == SCRAPE_ENOMEM)
				return rc; /* an invalid <loc> skips its entry */
		} else if (strcmp(name, "lastmod") == 0) {
			long long t;
			if (discover_parse_date(text, len, &t) == 0)
				r->lastmod = t;
		}
		return SCRAPE_OK;
	}
	if (depth == 1 && r->loc) {
		int entry = r->kind == SITEMAP_URLSET ? strcmp(name, "url") == 0 : strcmp(name, "sitemap") == 0;
		int rc = SCRAPE_OK;
		if (entry)
			rc = discover_list_add(r->kind == SITEMAP_URLSET ? r->pages : r->sitemaps, r->loc,
					       strlen(r->loc), r->lastmod);
		free(r->loc);
		r->loc = NULL;
		return rc == SCRAPE_ENOMEM ? scrape_error_set(rc, "%s: out of memory", r->url) : SCRAPE_OK;
	}
	return SCRAPE_OK;
}

/* The next line of [*p, end): its start after leading blanks, its end in
 * *line_end; *p moves past it. */
static const char *next_line(const char **p, const char *end, const char **line_end)
{
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	const char *e = nl ? nl : end;
	const char *s = *p;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	*p = nl ? nl + 1 : end;
	*line_end = e;
	return s;
}

/* Adds the URL s[0..n), resolved against base (may be NULL) and normalized,
 * to l. Returns SCRAPE_OK (*added 1 when it was a URL, listed before or
 * not; 0 when it was not a URL) or SCRAPE_ENOMEM. */
static int add_url(struct discover_list *l, const char *s, size_t n, const char *base, int *added)
{
	char *u = NULL;
	*added = 0;
	int rc = discover_normalize(&u, s, n, base);
	if (rc == SCRAPE_ENOMEM)
		return rc;
	if (rc != SCRAPE_OK)
		return SCRAPE_OK;
	rc = discover_list_add(l, u, strlen(u), DISCOVER_NO_DATE);
	free(u);
	if (rc == SCRAPE_ENOMEM)
		return rc;
	*added = 1; /* a URL, new or already listed */
	return SCRAPE_OK;
}

/* A plain-text sitemap: one URL a line. */
static int parse_text(struct discover_list *pages, const char *data, size_t len, const char *url)
{
	size_t found = 0;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *e;
		const char *s = next_line(&p, end, &e);
		size_t n = (size_t)(e - s);
		int added = 0;
		if (n >= 7 && (strncasecmp(s, "http://", 7) == 0 || (n >= 8 && strncasecmp(s, "https://", 8) == 0)) &&
		    add_url(pages, s, n, NULL, &added) == SCRAPE_ENOMEM)
			return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
		found += (size_t)added;
	}
	if (!found)
		return scrape_error_set(SCRAPE_ENOCONTENT, "%s: not a sitemap (neither XML nor lines of URLs)", url);
	return SCRAPE_OK;
}

int sitemap_parse(struct discover_list *pages, struct discover_list *sitemaps, enum sitemap_kind *kind,
		  const char *data, size_t len, const char *url, size_t max_bytes)
{
	char *unpacked = NULL;
	int rc = SCRAPE_OK;
	if (len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b) {
		size_t n = 0;
		rc = source_gunzip(&unpacked, &n, data, len, max_bytes, url);
		if (rc != SCRAPE_OK)
			return rc;
		data = unpacked;
		len = n;
	} else if (len > max_bytes) {
		return scrape_error_set(SCRAPE_ELIMIT, "%s: sitemap larger than %zu bytes", url, max_bytes);
	}
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i < len && data[i] == '<') {
		struct reader r;
		memset(&r, 0, sizeof r);
		r.url = url;
		r.pages = pages;
		r.sitemaps = sitemaps;
		struct xml_scan s = { &r, on_start, on_end };
		rc = xml_scan(&s, data, len, url);
		free(r.loc);
		if (rc == SCRAPE_OK && !r.root_ok)
			rc = scrape_error_set(SCRAPE_ENOCONTENT, "%s: not a sitemap (root element <%s>, not "
					      "<urlset> or <sitemapindex>)", url, r.root);
		*kind = r.kind;
	} else {
		*kind = SITEMAP_TEXT;
		rc = parse_text(pages, data, len, url);
	}
	free(unpacked);
	return rc;
}

int sitemap_from_robots(struct discover_list *sitemaps, const char *text, size_t len,
			const char *robots_url)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *e;
		const char *s = next_line(&p, end, &e);
		if (e - s <= 8 || strncasecmp(s, "sitemap", 7) != 0)
			continue;
		const char *v = s + 7;
		while (v < e && (*v == ' ' || *v == '\t'))
			v++;
		if (v == e || *v != ':')
			continue;
		v++;
		const char *ve = memchr(v, '#', (size_t)(e - v));
		int added;
		if (add_url(sitemaps, v, (size_t)((ve ? ve : e) - v), robots_url, &added) == SCRAPE_ENOMEM)
			return SCRAPE_ENOMEM;
	}
	return SCRAPE_OK;
}
