/* filter.c - whole-block furniture after extraction: form labels and widget
 * lines, gallery counters, the headline repeated above the text, bylines,
 * reading times, and end notes after the text. */
#include "filter.h"
#include "boilerplate.h"

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

/* Drops whole-block furniture and the headline repeated at the top. */
void filter_blocks(struct block_list *l, const char *title)
{
	for (size_t i = 0; i < l->n;) {
		if (is_furniture_block(l, &l->v[i], i, title))
			blocks_remove(l, i);
		else
			i++;
	}
	filter_tail(l);
}

int filter_leaves_text(const struct block_list *l, const char *title)
{
	size_t kept = 0;
	for (size_t i = 0; i < l->n; i++)
		if (!is_furniture_block(l, &l->v[i], kept, title))
			kept++;
	return kept > 0;
}
