/* filter.c - whole-block furniture after extraction: form labels and widget
 * lines, gallery counters, the headline repeated above the text, bylines,
 * reading times, and end notes after the text. */
#include "filter.h"
#include "boilerplate.h"
#include "scrape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int filter_same_words(const char *a, const char *b)
{
	for (;;) {
		while (*a && !((unsigned char)*a >= 0x80 || (*a >= '0' && *a <= '9') ||
			       ((*a | 32) >= 'a' && (*a | 32) <= 'z')))
			a++;
		while (*b && !((unsigned char)*b >= 0x80 || (*b >= '0' && *b <= '9') ||
			       ((*b | 32) >= 'a' && (*b | 32) <= 'z')))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a | 32) : *a;
		char cb = *b >= 'A' && *b <= 'Z' ? (char)(*b | 32) : *b;
		if (ca != cb)
			return 0;
		a++;
		b++;
	}
}

/* End notes after the text: credits, follow/contact lines, newsletter
 * prompts among the last blocks, and everything after a "___" separator
 * when only a few short blocks follow it (agency copy puts its notes there;
 * the separator itself stays, as the reference texts keep it). */
static void filter_tail(struct block_list *l)
{
	size_t first = l->n > 4 ? l->n - 4 : 0;
	for (size_t i = l->n; i-- > first;) {
		const struct block *b = &l->v[i];
		if (b->kind == BLOCK_PARAGRAPH && !b->forced && boilerplate_is_endnote(block_text(l, b), b->len))
			blocks_remove(l, i);
	}
	first = l->n > 4 ? l->n - 4 : 1;
	for (size_t i = first; i < l->n; i++) {
		const struct block *b = &l->v[i];
		if (b->kind != BLOCK_PARAGRAPH || !boilerplate_is_separator(block_text(l, b), b->len))
			continue;
		size_t k = i + 1;
		while (k < l->n && l->v[k].len <= 300)
			k++;
		if (k == l->n)
			for (size_t j = l->n; j-- > i + 1;)
				if (!l->v[j].forced)
					blocks_remove(l, j);
		break;
	}
}

/* 1 when block b, at position pos of the filtered list, is furniture:
 * a boilerplate line or counter anywhere; among the first three, the
 * headline repeated (the title is printed on its own), a byline or
 * dateline, a reading time. A block a keep rule holds is never. */
static int is_furniture_block(const struct block_list *l, const struct block *b, size_t pos,
			      const char *title)
{
	const char *s = block_text(l, b);
	if (b->forced)
		return 0;
	if (b->kind != BLOCK_PRE && b->kind != BLOCK_TABLE_ROW &&
	    (boilerplate_is_line(s, b->len) || boilerplate_is_counter(s, b->len)))
		return 1;
	if (pos < 3 && b->kind != BLOCK_LIST_ITEM && b->kind != BLOCK_TABLE_ROW &&
	    ((title && filter_same_words(s, title)) || boilerplate_is_byline(s, b->len)))
		return 1;
	return pos < 3 && b->kind == BLOCK_PARAGRAPH && boilerplate_is_reading_time(s, b->len);
}

static uint64_t block_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

static int same_block(const struct block_list *l, size_t a, size_t b)
{
	const struct block *x = &l->v[a], *y = &l->v[b];
	return x->len == y->len && x->kind == y->kind && memcmp(block_text(l, x), block_text(l, y), x->len) == 0;
}

/* first[i]: the first block with the text of block i when that is an
 * earlier one, else SIZE_MAX. One hash slot per block, twice as many
 * slots as blocks. */
static int find_first_copies(const struct block_list *l, size_t *first)
{
	size_t cap = 16;
	while (cap < 2 * l->n)
		cap *= 2;
	size_t *slot = malloc(cap * sizeof *slot);
	if (!slot)
		return SCRAPE_ENOMEM;
	for (size_t i = 0; i < cap; i++)
		slot[i] = SIZE_MAX;
	for (size_t i = 0; i < l->n; i++) {
		first[i] = SIZE_MAX;
		const struct block *b = &l->v[i];
		for (size_t k = block_hash(block_text(l, b), b->len) & (cap - 1);; k = (k + 1) & (cap - 1)) {
			if (slot[k] == SIZE_MAX) {
				slot[k] = i;
				break;
			}
			if (same_block(l, slot[k], i)) {
				first[i] = slot[k];
				break;
			}
		}
	}
	free(slot);
	return SCRAPE_OK;
}

/* A page often holds its text twice: a card's caption again in its hover
 * overlay right after it, a second copy of the article for another screen
 * size, carousel clones. A run of blocks that repeats an earlier run goes
 * when it follows that run directly (A B A B) or is a whole section (4
 * blocks, 200 bytes or more, not only list items). Shorter runs far apart
 * are text the page really repeats (the fine print of every coupon, line
 * numbers of every code listing, the features every pricing tier lists)
 * and stay; so do tables and preformatted text. With every, any block
 * that repeats an earlier one goes (a product page's text is its own and
 * says each thing once: the repeats are mobile copies and tab mirrors). */
static int drop_repeats(struct block_list *l, int every)
{
	if (l->n < 2)
		return SCRAPE_OK;
	size_t n = l->n, out = 0;
	size_t *first = malloc(n * sizeof *first);
	if (!first || find_first_copies(l, first) != SCRAPE_OK) {
		free(first);
		return SCRAPE_ENOMEM;
	}
	for (size_t i = 0; i < n;) {
		size_t j = first[i], k = 0, bytes = 0, prose = 0;
		if (every && j != SIZE_MAX && !l->v[i].forced && l->v[i].kind != BLOCK_TABLE_ROW &&
		    l->v[i].kind != BLOCK_PRE) {
			i++;
			continue;
		}
		if (j != SIZE_MAX && l->v[i].kind != BLOCK_TABLE_ROW && l->v[i].kind != BLOCK_PRE)
			for (; i + k < n && j + k < i && !l->v[i + k].forced && same_block(l, i + k, j + k); k++) {
				bytes += l->v[i + k].len;
				prose += l->v[i + k].kind != BLOCK_LIST_ITEM;
			}
		if (k && (j + k == i || (k >= 4 && bytes >= 200 && prose))) {
			i += k;
			continue;
		}
		l->v[out++] = l->v[i++];
	}
	l->n = out;
	free(first);
	return SCRAPE_OK;
}

/* Drops whole-block furniture and the headline repeated at the top. */
int filter_blocks(struct block_list *l, const char *title, int every_repeat)
{
	for (size_t i = 0; i < l->n;) {
		if (is_furniture_block(l, &l->v[i], i, title))
			blocks_remove(l, i);
		else
			i++;
	}
	filter_tail(l);
	return drop_repeats(l, every_repeat);
}

int filter_leaves_text(const struct block_list *l, const char *title)
{
	size_t kept = 0;
	for (size_t i = 0; i < l->n; i++)
		if (!is_furniture_block(l, &l->v[i], kept, title))
			kept++;
	return kept > 0;
}
