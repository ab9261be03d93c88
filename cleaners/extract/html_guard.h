/* html_guard.h - a linear pre-pass over decoded HTML that removes the markup
 * on which Gumbo 0.10 goes quadratic (deep nesting, huge attribute lists)
 * or runs out of memory (millions of nodes), before Gumbo sees it. */
#ifndef SCRAPE_HTML_GUARD_H
#define SCRAPE_HTML_GUARD_H

#include <stddef.h>

struct html_guard_limits {
	size_t max_depth;  /* open elements kept (excess start tags dropped) */
	size_t max_nodes;  /* tags, comments and text runs kept (later tags dropped) */
	size_t max_attrs;  /* attributes kept per tag (later ones dropped) */
};

struct html_guard_stats {
	size_t depth_max;      /* deepest estimated nesting, drops not counted */
	size_t nodes;          /* estimated nodes in the input */
	size_t dropped_depth;  /* start tags dropped for depth */
	size_t dropped_nodes;  /* tags and comments dropped past max_nodes */
	size_t dropped_attrs;  /* attributes dropped past max_attrs */
};

/* Scans html[0..len) once. When no limit is hit, *out is NULL and the input
 * is to be parsed as it is; otherwise *out (NUL-terminated, caller frees) is
 * the input with the excess tags, comments and attributes removed. *stats
 * says what was found and dropped. Returns 0 or SCRAPE_ENOMEM. */
int html_guard(char **out, size_t *out_len, struct html_guard_stats *stats,
	       const char *html, size_t len, const struct html_guard_limits *lim);

#endif
