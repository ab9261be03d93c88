/* service.h - card links: what pages of sections (service and landing
 * pages, shop and category pages) make of links. */
#ifndef SCRAPE_SERVICE_H
#define SCRAPE_SERVICE_H

#include "dom.h"

/* A card link is an <a> that wraps a heading or a paragraph (a feature
 * tile, a service teaser with its title and description): its text reads as
 * content, not as a link. Sets every node's card_len: the characters of its
 * subtree inside card links (a part of link_len). One pass over the tree;
 * nothing allocated. */
void card_links_measure(struct dom *d);

#endif
