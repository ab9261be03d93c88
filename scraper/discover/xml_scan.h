/* xml_scan.h - a bounded walk over an XML document with expat, for the
 * sitemap and feed readers: element local names (namespaces stripped),
 * attributes, and the text of the elements a reader asks for. */
#ifndef SCRAPE_XML_SCAN_H
#define SCRAPE_XML_SCAN_H

#include <stddef.h>

#define XML_SCAN_MAX_DEPTH 64      /* deeper elements are walked past */
#define XML_SCAN_MAX_TEXT 16384    /* captured text is cut there */

struct xml_scan {
	void *ctx;
	/* An element opens: depth (root 0), its local name, its attributes
	 * (local name, value pairs, NULL-ended). Returns 1 to capture its text. */
	int (*start)(void *ctx, int depth, const char *name, const char **attrs);
	/* It closes; text (NUL-terminated) when captured, else NULL. Returns
	 * 0, or a scrape_error that stops the walk. */
	int (*end)(void *ctx, int depth, const char *name, const char *text, size_t len);
};

/* Walks data[0..len) with s's callbacks. DOCTYPE declarations with
 * entities and external entities are refused (no entity expansion at all:
 * billion laughs and external files are out of reach). 0; SCRAPE_EENCODING
 * with a message naming `name`, the line and expat's reason for XML that is
 * not well-formed; the first error a callback returned; SCRAPE_ENOMEM. */
int xml_scan(const struct xml_scan *s, const char *data, size_t len, const char *name);

/* The local part of an expat namespaced name ("URI local" -> "local"). */
const char *xml_local(const char *name);

#endif
