/* url_set.c - the set of URLs a run has seen. */
#include "url_set.h"

#include <stdlib.h>
#include <string.h>

static size_t hash(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

int url_set_has(const struct url_set *set, const char *s)
{
	if (!set->cap)
		return 0;
	for (size_t i = hash(s) & (set->cap - 1); set->slot[i]; i = (i + 1) & (set->cap - 1))
		if (strcmp(set->slot[i], s) == 0)
			return 1;
	return 0;
}

static int grow(struct url_set *set)
{
	size_t cap = set->cap ? set->cap * 2 : 1024;
	char **slot = calloc(cap, sizeof *slot);
	if (!slot)
		return -1;
	for (size_t k = 0; k < set->cap; k++) {
		if (!set->slot[k])
			continue;
		size_t i = hash(set->slot[k]) & (cap - 1);
		while (slot[i])
			i = (i + 1) & (cap - 1);
		slot[i] = set->slot[k];
	}
	free(set->slot);
	set->slot = slot;
	set->cap = cap;
	return 0;
}

int url_set_add(struct url_set *set, const char *s)
{
	if (url_set_has(set, s))
		return 0;
	if (2 * (set->n + 1) > set->cap && grow(set) != 0)
		return -1;
	char *c = strdup(s);
	if (!c)
		return -1;
	size_t i = hash(s) & (set->cap - 1);
	while (set->slot[i])
		i = (i + 1) & (set->cap - 1);
	set->slot[i] = c;
	set->n++;
	return 1;
}

void url_set_free(struct url_set *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	set->slot = NULL;
	set->cap = set->n = 0;
}
