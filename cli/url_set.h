/* url_set.h - a set of strings (URLs already seen), open addressing. */
#ifndef SCRAPE_URL_SET_H
#define SCRAPE_URL_SET_H

#include <stddef.h>

struct url_set {
	char **slot;       /* owned copies, NULL for empty */
	size_t cap, n;
};

#define URL_SET_INIT { NULL, 0, 0 }

/* Adds a copy of s: 1 when it was new, 0 when already there, -1 when out
 * of memory. */
int url_set_add(struct url_set *set, const char *s);
/* 1 when s is in the set. */
int url_set_has(const struct url_set *set, const char *s);
void url_set_free(struct url_set *set);

#endif
