#include "repair_vocab.h"
#include "repair_table.h"
#include "scrape.h"

#include <stdlib.h>
#include <string.h>

static void fold(char *dst, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 32 : s[i]);
}

static int rehash(struct vocab *vb, size_t n_slots)
{
	uint32_t *slots = calloc(n_slots, sizeof *slots);
	if (!slots)
		return SCRAPE_ENOMEM;
	for (size_t i = 0; i < vb->n; i++) {
		const struct vocab_word *w = &vb->v[i];
		size_t j = repair_table_hash(vb->keys + w->key_off, w->key_len) & (n_slots - 1);
		while (slots[j])
			j = (j + 1) & (n_slots - 1);
		slots[j] = (uint32_t)(i + 1);
	}
	free(vb->slots);
	vb->slots = slots;
	vb->n_slots = n_slots;
	return SCRAPE_OK;
}

static struct vocab_word *find_slot(const struct vocab *vb, const char *low, size_t n, size_t *slot)
{
	size_t j = repair_table_hash(low, n) & (vb->n_slots - 1);
	while (vb->slots[j]) {
		struct vocab_word *w = &vb->v[vb->slots[j] - 1];
		if (w->key_len == n && memcmp(vb->keys + w->key_off, low, n) == 0)
			return w;
		j = (j + 1) & (vb->n_slots - 1);
	}
	*slot = j;
	return NULL;
}

static struct vocab_word *get(struct vocab *vb, const char *w, size_t n)
{
	char low[REPAIR_MAX_WORD];
	if (n == 0 || n >= sizeof low)
		return NULL;
	fold(low, w, n);
	if ((vb->n + 1) * 2 > vb->n_slots && rehash(vb, vb->n_slots ? vb->n_slots * 2 : 1024) != SCRAPE_OK)
		return NULL;
	size_t slot = 0;
	struct vocab_word *e = find_slot(vb, low, n, &slot);
	if (e)
		return e;
	if (vb->n == vb->cap) {
		size_t cap = vb->cap ? vb->cap * 2 : 256;
		struct vocab_word *v = realloc(vb->v, cap * sizeof *v);
		if (!v)
			return NULL;
		vb->v = v;
		vb->cap = cap;
	}
	if (vb->keys_len + n > vb->keys_cap) {
		size_t cap = vb->keys_cap ? vb->keys_cap * 2 : 4096;
		while (cap < vb->keys_len + n)
			cap *= 2;
		char *k = realloc(vb->keys, cap);
		if (!k)
			return NULL;
		vb->keys = k;
		vb->keys_cap = cap;
	}
	memcpy(vb->keys + vb->keys_len, low, n);
	e = &vb->v[vb->n];
	e->key_off = (uint32_t)vb->keys_len;
	e->key_len = (uint32_t)n;
	e->count = 0;
	e->cap = 0;
	e->cache = NULL;
	e->cached = 0;
	e->no_split = 0;
	e->poss = 0;
	vb->keys_len += n;
	vb->slots[slot] = (uint32_t)++vb->n;
	return e;
}

static int is_letter(unsigned char c)
{
	return ((c | 32) >= 'a' && (c | 32) <= 'z');
}

int vocab_add_text(struct vocab *vb, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		while (i < n && !is_letter((unsigned char)s[i]))
			i++;
		size_t st = i;
		while (i < n && is_letter((unsigned char)s[i]))
			i++;
		if (i == st)
			break;
		/* a word glued to digits or other symbols is not counted */
		if ((st > 0 && ((unsigned char)s[st - 1] >= 0x80 || (s[st - 1] >= '0' && s[st - 1] <= '9'))) ||
		    (i < n && s[i] >= '0' && s[i] <= '9'))
			continue;
		size_t len = i - st;
		if (len >= REPAIR_MAX_WORD)
			continue;
		int poss = 0;
		if (i + 1 < n && s[i] == '\'' && (s[i + 1] == 's' || s[i + 1] == 'S') &&
		    (i + 2 >= n || !is_letter((unsigned char)s[i + 2])))
			poss = 1;
		else if (i + 3 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0 && (s[i + 3] == 's' || s[i + 3] == 'S') &&
			 (i + 4 >= n || !is_letter((unsigned char)s[i + 4])))
			poss = 1;
		struct vocab_word *e = get(vb, s + st, len);
		if (!e)
			return SCRAPE_ENOMEM;
		if (poss)
			e->poss++;
		else if (!(i < n && (s[i] == '\'' || (unsigned char)s[i] >= 0x80))) {
			e->count++;
			e->cap += s[st] >= 'A' && s[st] <= 'Z';
		}
	}
	return SCRAPE_OK;
}

const struct vocab_word *vocab_find(const struct vocab *vb, const char *w, size_t n)
{
	char low[REPAIR_MAX_WORD];
	if (n == 0 || n >= sizeof low || vb->n_slots == 0)
		return NULL;
	fold(low, w, n);
	size_t slot;
	return find_slot(vb, low, n, &slot);
}

struct vocab_word *vocab_find_mut(struct vocab *vb, const char *w, size_t n)
{
	char low[REPAIR_MAX_WORD];
	if (n == 0 || n >= sizeof low || vb->n_slots == 0)
		return NULL;
	fold(low, w, n);
	size_t slot;
	return find_slot(vb, low, n, &slot);
}

void vocab_free(struct vocab *vb)
{
	free(vb->v);
	free(vb->slots);
	free(vb->keys);
	memset(vb, 0, sizeof *vb);
}
