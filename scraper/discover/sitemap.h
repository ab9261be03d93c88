/* sitemap.h - sitemaps (sitemaps.org 0.9): XML urlset and sitemap index
 * files, gzipped or not, plain-text sitemaps, and the Sitemap: lines of
 * robots.txt. */
#ifndef SCRAPE_SITEMAP_H
#define SCRAPE_SITEMAP_H

#include "discover.h"

enum sitemap_kind { SITEMAP_URLSET, SITEMAP_INDEX, SITEMAP_TEXT };

/* Reads one sitemap fetched from url (its base for relative <loc>s, and
 * the name in messages). A body starting with the gzip magic is unpacked
 * first, to at most max_bytes (more: SCRAPE_ELIMIT, a gzip bomb is not
 * expanded). XML with root <urlset> adds each <url>'s <loc> (and
 * <lastmod>) to pages; root <sitemapindex> adds each <sitemap>'s <loc> to
 * sitemaps; a text body adds each line that is an http(s) URL to pages.
 * The lists' max caps what is added (the rest is counted in dropped).
 * Sets *kind. 0; SCRAPE_ENOCONTENT for XML whose root is neither (an HTML
 * page, a feed) or a text body without a URL; SCRAPE_EENCODING for XML that
 * is not well-formed; SCRAPE_ELIMIT; SCRAPE_ENOMEM. Messages start with url. */
int sitemap_parse(struct discover_list *pages, struct discover_list *sitemaps, enum sitemap_kind *kind,
		  const char *data, size_t len, const char *url, size_t max_bytes);

/* Adds the URLs of robots.txt's "Sitemap:" lines (any group, any case;
 * relative ones resolved against robots_url) to sitemaps. 0 or SCRAPE_ENOMEM. */
int sitemap_from_robots(struct discover_list *sitemaps, const char *text, size_t len,
			const char *robots_url);

#endif
