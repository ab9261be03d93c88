/* selector.h - a small subset of CSS selectors, matched over the flat DOM
 * (dom.h): type (`p`, `*`), `.class`, `#id`, `[attr]`, `[attr=value]`
 * (value bare or quoted), the descendant (space) and child (`>`)
 * combinators, and comma lists. Used by per-site rules (rules.h). */
#ifndef SCRAPE_SELECTOR_H
#define SCRAPE_SELECTOR_H

#include <stddef.h>

#include "dom.h"

#define SELECTOR_MAX_COMPOUNDS 32 /* per comma-separated part */
#define SELECTOR_MAX_PARTS 64     /* comma-separated parts */

enum sel_test { SEL_CLASS, SEL_ID, SEL_ATTR, SEL_ATTR_EQ };

struct sel_simple {
	enum sel_test test;
	char *name;   /* class, id or attribute name (attribute names lower case) */
	char *value;  /* SEL_ATTR_EQ: the value, else NULL */
};

struct sel_compound {
	char *type;             /* lower-case tag name, or NULL for any (`*` or none) */
	struct sel_simple *v;
	size_t n;
	int child;              /* combinator before this compound: 1 '>', 0 descendant */
};

struct sel_complex {
	struct sel_compound *v;
	size_t n;
};

struct selector {
	struct sel_complex *v;
	size_t n;
};

/* Parses s[0..len) into *out (which the caller frees with selector_free,
 * also after an error). Returns 0; or SCRAPE_EUSAGE with *err_at set to the
 * byte offset in s where the problem is and *err_msg to a static message;
 * or SCRAPE_ENOMEM. */
int selector_parse(struct selector *out, const char *s, size_t len, size_t *err_at, const char **err_msg);
void selector_free(struct selector *sel);

/* Sets match[i] = 1 for every element of d that sel matches (match holds
 * d->n bytes; other entries are left as they are). One pass over the nodes
 * per comma-separated part, whatever the selector: no backtracking.
 * Returns 0 or SCRAPE_ENOMEM. */
int selector_match_all(const struct selector *sel, const struct dom *d, unsigned char *match);

#endif
