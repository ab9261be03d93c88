/* discover.h - finding the pages of a site: the URL lists that sitemaps,
 * feeds and links give, URL normalisation and W3C dates. */
#ifndef SCRAPE_DISCOVER_H
#define SCRAPE_DISCOVER_H

#include <stddef.h>
#include <time.h>

/* No <lastmod> (or one that is not a W3C date). */
#define DISCOVER_NO_DATE (-(1LL << 62))

struct discover_url {
	char *url;              /* absolute, normalised (discover_normalize) */
	long long lastmod;      /* seconds since the epoch (UTC), or DISCOVER_NO_DATE */
};

/* A growable list of URLs; the list owns its strings. Start it zeroed
 * (DISCOVER_LIST_INIT) and free it with discover_list_free(). */
struct discover_list {
	struct discover_url *v;
	size_t n, cap;
	size_t max;             /* 0: no limit; else discover_list_add refuses more */
	size_t dropped;         /* URLs refused because the list was full */
};

#define DISCOVER_LIST_INIT { NULL, 0, 0, 0, 0 }

/* Appends a copy of url (len bytes) with its lastmod. 0; 1 when the list
 * is full (counted in dropped, nothing added); SCRAPE_ENOMEM. */
int discover_list_add(struct discover_list *l, const char *url, size_t len, long long lastmod);
void discover_list_free(struct discover_list *l);

/* Resolves ref (a link as written: relative, absolute, with blanks around)
 * against base (absolute; NULL when ref must be absolute) and normalises
 * it so one page has one spelling: scheme and host in lower case, the
 * scheme's default port dropped, "." and ".." segments resolved, an empty
 * path made "/", the fragment dropped, percent-escapes in upper-case hex.
 * Only http and https come out. *out is malloc'd: the caller frees it.
 * 0, SCRAPE_EUSAGE (not an http(s) URL, naming ref and why), SCRAPE_ENOMEM. */
int discover_normalize(char **out, const char *ref, size_t ref_len, const char *base);

/* "scheme://host[:port]" of an absolute URL into out (size bytes), the
 * port only when not the scheme's default. 0, or -1 when url cannot be parsed
 * or the origin does not fit. */
int discover_origin(char *out, size_t size, const char *url);

/* Parses a W3C datetime (the sitemap <lastmod> format): YYYY, YYYY-MM,
 * YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s...]]TZD with TZD Z or +hh:mm / -hh:mm
 * (a time without zone is read as UTC); blanks around allowed. Sets *out
 * to seconds since the epoch (UTC) and returns 0, or returns -1. */
int discover_parse_date(const char *s, size_t len, long long *out);

#endif
