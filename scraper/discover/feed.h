/* feed.h - web feeds: RSS 2.0, Atom 1.0, RSS 1.0 (RDF). */
#ifndef SCRAPE_FEED_H
#define SCRAPE_FEED_H

#include "discover.h"

enum feed_kind { FEED_RSS2, FEED_ATOM, FEED_RSS1 };

/* Reads a feed fetched from url (the base of relative links, the name in
 * messages) and adds each entry's page to entries, in feed order: RSS 2.0
 * <item><link> (else a permalink <guid>), Atom <entry><link href> with
 * rel "alternate" or none, RSS 1.0 <item><link> (else rdf:about); with
 * <pubDate>/<updated>/<dc:date> as lastmod when it is a W3C date. At most
 * max_bytes are read (more: SCRAPE_ELIMIT). Sets *kind. 0;
 * SCRAPE_ENOCONTENT when the root is no feed's (<rss>, <feed>, <rdf:RDF>);
 * SCRAPE_EENCODING for XML that is not well-formed; SCRAPE_ENOMEM. */
int feed_parse(struct discover_list *entries, enum feed_kind *kind, const char *data, size_t len,
	       const char *url, size_t max_bytes);

#endif
