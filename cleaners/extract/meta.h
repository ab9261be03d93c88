/* meta.h - document metadata: title, author, date, site name, language,
 * description, canonical URL, from meta tags, JSON-LD, <time> and <title>. */
#ifndef SCRAPE_META_H
#define SCRAPE_META_H

#include "dom.h"

struct meta {
	char *title, *author, *date, *sitename, *language, *description, *url;
	char *jsonld_body;  /* JSON-LD articleBody, when the page gives one */
	char *jsonld_text;  /* JSON-LD Product description, when the page gives one */
};

/* Fills m (all fields malloc'd or NULL; free with meta_free). */
int meta_extract(struct meta *m, const struct dom *d);
void meta_free(struct meta *m);
/* Makes every field valid UTF-8 (see utf8.h). Returns 0 or SCRAPE_ENOMEM. */
int meta_make_valid(struct meta *m);

/* Text of the subtree at node i, whitespace collapsed; caller frees. */
char *meta_node_text(const struct dom *d, size_t i);

#endif
