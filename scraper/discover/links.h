/* links.h - what an HTML page points at: the links a crawl follows and the
 * feeds it announces (Gumbo). */
#ifndef SCRAPE_LINKS_H
#define SCRAPE_LINKS_H

#include "discover.h"

#define LINKS_FOLLOW 1    /* flags: <a>/<area> links, rel=nofollow skipped */
#define LINKS_FEEDS 2     /* <link rel=alternate> of a feed type */
#define LINKS_MAX_PER_PAGE 5000 /* distinct links kept from one page */

/* Parses html (UTF-8 or ASCII-compatible bytes) of the page at url and adds
 * to out, normalised (discover_normalize) against <base href> when the page
 * has one, else url, in document order, without repeats within the page, the first
 * LINKS_MAX_PER_PAGE of them:
 * with LINKS_FOLLOW, the href of every <a> and <area> whose rel does not
 * hold "nofollow" (none at all when <meta name=robots> says nofollow or
 * none); with LINKS_FEEDS, the href of every <link> whose rel holds
 * "alternate" and whose type is application/rss+xml, application/atom+xml
 * or application/rdf+xml. Links that are not http(s) are left out.
 * *nofollow (optional) is set to 1 when the meta robots forbade following.
 * 0, or SCRAPE_ENOMEM. */
int links_extract(struct discover_list *out, int *nofollow, const char *html, size_t len,
		  const char *url, int flags);

/* 1 when url's path ends in an extension of a file that is no page
 * (images, audio, video, archives, documents, fonts, style sheets,
 * scripts, feeds...), compared case-insensitively. */
int links_not_page(const char *url);

#endif
