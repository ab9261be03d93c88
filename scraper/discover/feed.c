/* feed.c - RSS and Atom feeds through expat (xml_scan). */
#include "feed.h"
#include "error.h"
#include "scrape.h"
#include "xml_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reader {
	const char *url;
	struct discover_list *entries;
	enum feed_kind kind;
	int root_ok;
	char root[64];
	int entry_depth;        /* depth of the open <item>/<entry>, or -1 */
	char *link, *guid, *about;
	int guid_permalink;
	long long date;
};

static void clear(struct reader *r)
{
	free(r->link);
	free(r->guid);
	free(r->about);
	r->link = r->guid = r->about = NULL;
	r->guid_permalink = 1;
	r->date = DISCOVER_NO_DATE;
}

static const char *attr(const char **attrs, const char *name)
{
	for (size_t i = 0; attrs[i]; i += 2)
		if (strcmp(attrs[i], name) == 0)
			return attrs[i + 1];
	return NULL;
}

/* *slot = the normalised url when it is still empty; ENOMEM only fails. */
static int keep(struct reader *r, char **slot, const char *text, size_t len)
{
	if (*slot)
		return SCRAPE_OK;
	int rc = discover_normalize(slot, text, len, r->url);
	return rc == SCRAPE_ENOMEM ? scrape_error_set(rc, "%s: out of memory", r->url) : SCRAPE_OK;
}

static int on_start(void *ctx, int depth, const char *name, const char **attrs)
{
	struct reader *r = ctx;
	if (depth == 0) {
		snprintf(r->root, sizeof r->root, "%s", name);
		r->root_ok = 1;
		if (strcmp(name, "rss") == 0)
			r->kind = FEED_RSS2;
		else if (strcmp(name, "feed") == 0)
			r->kind = FEED_ATOM;
		else if (strcmp(name, "RDF") == 0)
			r->kind = FEED_RSS1;
		else
			r->root_ok = 0;
		return 0;
	}
	if (!r->root_ok)
		return 0;
	if (r->entry_depth < 0) {
		if (strcmp(name, r->kind == FEED_ATOM ? "entry" : "item") == 0) {
			r->entry_depth = depth;
			clear(r);
			const char *about = attr(attrs, "about");
			if (about && keep(r, &r->about, about, strlen(about)) != SCRAPE_OK)
				return 0;
		}
		return 0;
	}
	if (depth != r->entry_depth + 1)
		return 0;
	if (r->kind == FEED_ATOM && strcmp(name, "link") == 0) {
		const char *rel = attr(attrs, "rel"), *href = attr(attrs, "href");
		if (href && (!rel || strcmp(rel, "alternate") == 0))
			keep(r, &r->link, href, strlen(href));
		return 0;
	}
	if (strcmp(name, "guid") == 0) {
		const char *p = attr(attrs, "isPermaLink");
		r->guid_permalink = !p || strcmp(p, "false") != 0;
		return 1;
	}
	return strcmp(name, "link") == 0 || strcmp(name, "pubDate") == 0 || strcmp(name, "updated") == 0 ||
	       strcmp(name, "published") == 0 || strcmp(name, "date") == 0;
}

/* RFC 822 dates of RSS 2.0 ("Tue, 10 Jun 2003 04:00:00 GMT"). */
static int rfc822_date(const char *s, long long *out)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int d, y, h, mi, sec = 0;
	char mon[4], zone[8] = "GMT";
	const char *comma = strchr(s, ',');
	if (comma)
		s = comma + 1;
	if (sscanf(s, "%d %3s %d %d:%d:%d %7s", &d, mon, &y, &h, &mi, &sec, zone) < 5 || d < 1 || d > 31 ||
	    y < 0 || y > 9999 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
		return -1;
	const char *m = strstr(months, mon);
	if (!m || strlen(mon) != 3 || (m - months) % 3)
		return -1;
	char iso[96];
	int off_h = 0, off_m = 0, sign = 1;
	if ((zone[0] == '+' || zone[0] == '-') && strlen(zone) == 5) {
		sign = zone[0] == '-' ? -1 : 1;
		off_h = (zone[1] - '0') * 10 + (zone[2] - '0');
		off_m = (zone[3] - '0') * 10 + (zone[4] - '0');
	}
	if (y < 100)
		y += y < 70 ? 2000 : 1900;
	snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, (int)((m - months) / 3) + 1,
		 d, h, mi, sec, sign < 0 ? '-' : '+', off_h, off_m);
	return discover_parse_date(iso, strlen(iso), out);
}

static int on_end(void *ctx, int depth, const char *name, const char *text, size_t len)
{
	struct reader *r = ctx;
	if (!r->root_ok || r->entry_depth < 0)
		return SCRAPE_OK;
	if (depth == r->entry_depth + 1 && text) {
		if (strcmp(name, "link") == 0)
			return keep(r, &r->link, text, len);
		if (strcmp(name, "guid") == 0)
			return r->guid_permalink ? keep(r, &r->guid, text, len) : SCRAPE_OK;
		long long t;
		if (r->date == DISCOVER_NO_DATE &&
		    (discover_parse_date(text, len, &t) == 0 || rfc822_date(text, &t) == 0))
			r->date = t;
		return SCRAPE_OK;
	}
	if (depth == r->entry_depth) {
		r->entry_depth = -1;
		const char *u = r->link ? r->link : r->guid ? r->guid : r->about;
		int rc = u ? discover_list_add(r->entries, u, strlen(u), r->date) : SCRAPE_OK;
		clear(r);
		if (rc == SCRAPE_ENOMEM)
			return scrape_error_set(rc, "%s: out of memory", r->url);
	}
	return SCRAPE_OK;
}

int feed_parse(struct discover_list *entries, enum feed_kind *kind, const char *data, size_t len,
	       const char *url, size_t max_bytes)
{
	if (len > max_bytes)
		return scrape_error_set(SCRAPE_ELIMIT, "%s: feed larger than %zu bytes", url, max_bytes);
	struct reader r;
	memset(&r, 0, sizeof r);
	r.url = url;
	r.entries = entries;
	r.entry_depth = -1;
	clear(&r);
	struct xml_scan s = { &r, on_start, on_end };
	int rc = xml_scan(&s, data, len, url);
	clear(&r);
	if (rc == SCRAPE_OK && !r.root_ok)
		rc = scrape_error_set(SCRAPE_ENOCONTENT, "%s: not a feed (root element <%s>, not <rss>, "
				      "<feed> or <rdf:RDF>)", url, r.root);
	*kind = r.kind;
	return rc;
}
