#include "repair_vocab.h"
#include "repair_table.h"
#include "scrape.h"

#include <stdlib.h>
#include <string.h>

/* Folds s[0..n) to lowercase into dst. */
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
		size_t j = w->hash & (n_slots - 1);
		while (slots[j])
			j = (j + 1) & (n_slots - 1);
		slots[j] = (uint32_t)(i + 1);
	}
	free(vb->slots);
	vb->slots = slots;
	vb->n_slots = n_slots;
	return SCRAPE_OK;
}

/* The lowercase key k equals w[0..n) folded to lowercase. Keys are ASCII
 * letters only, and c | 32 is a lowercase letter only when c is that
 * letter in either case. */
static int same_folded(const char *k, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (k[i] != (char)(w[i] | 32))
			return 0;
	return 1;
}

/* The entry of w[0..n) (any case; vocab_hash() `hash`), or NULL with *slot
 * the empty slot where it goes. */
static struct vocab_word *find_slot(const struct vocab *vb, const char *w, size_t n, uint32_t hash, size_t *slot)
{
	size_t j = hash & (vb->n_slots - 1);
	while (vb->slots[j]) {
		struct vocab_word *e = &vb->v[vb->slots[j] - 1];
		if (e->hash == hash && e->key_len == n && same_folded(vb->keys + e->key_off, w, n))
			return e;
		j = (j + 1) & (vb->n_slots - 1);
	}
	*slot = j;
	return NULL;
}

/* The entry of w[0..n) (vocab_hash() `hash`), added if new; NULL when out
 * of memory or too long. */
static struct vocab_word *get_hashed(struct vocab *vb, const char *w, size_t n, uint32_t hash)
{
	if (n == 0 || n >= REPAIR_MAX_WORD)
		return NULL;
	if ((vb->n + 1) * 2 > vb->n_slots && rehash(vb, vb->n_slots ? vb->n_slots * 2 : 1024) != SCRAPE_OK)
		return NULL;
	size_t slot = 0;
	struct vocab_word *e = find_slot(vb, w, n, hash, &slot);
	if (e)
		return e;
	char low[REPAIR_MAX_WORD];
	fold(low, w, n);
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
	e->hash = hash;
	e->count = 0;
	e->cap = 0;
	e->cache = NULL;
	e->cached = 0;
	e->no_split = 0;
	e->no_split_cap = 0;
	e->poss = 0;
	e->apos = 0;
	e->glued = 0;
	e->at_stop = 0;
	vb->keys_len += n;
	vb->slots[slot] = (uint32_t)++vb->n;
	return e;
}

static struct vocab_word *get(struct vocab *vb, const char *w, size_t n)
{
	return get_hashed(vb, w, n, vocab_hash(w, n));
}

static int is_letter(unsigned char c)
{
	return ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* A word s[st..i) followed by one apostrophe and more letters ("we're",
 * "it’s"): counts the apostrophe form under its letters ("were", "its"). */
static int count_apos(struct vocab *vb, const char *s, size_t n, size_t st, size_t i)
{
	size_t a = 0;
	if (i + 1 < n && s[i] == '\'')
		a = 1;
	else if (i + 3 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0)
		a = 3;
	if (a == 0 || !is_letter((unsigned char)s[i + a]))
		return SCRAPE_OK;
	size_t j = i + a;
	while (j < n && is_letter((unsigned char)s[j]))
		j++;
	char key[REPAIR_MAX_WORD];
	size_t l1 = i - st, l2 = j - i - a;
	/* one apostrophe only, and a word on both sides of the token */
	if (l1 + l2 >= sizeof key || (j < n && (s[j] == '\'' || (unsigned char)s[j] >= 0x80 ||
						(s[j] >= '0' && s[j] <= '9'))))
		return SCRAPE_OK;
	memcpy(key, s + st, l1);
	memcpy(key + l1, s + i + a, l2);
	struct vocab_word *e = get(vb, key, l1 + l2);
	if (!e)
		return SCRAPE_ENOMEM;
	e->apos++;
	return SCRAPE_OK;
}

static size_t pair_hash(uint32_t a, uint32_t b)
{
	/* the high half of the product mixes both words */
	uint64_t h = ((uint64_t)a << 32 | b) * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 32);
}

static int pair_rehash(struct vocab *vb, size_t n_slots)
{
	struct vocab_pair *p = calloc(n_slots, sizeof *p);
	if (!p)
		return SCRAPE_ENOMEM;
	for (size_t i = 0; i < vb->pair_slots; i++) {
		const struct vocab_pair *x = &vb->pairs[i];
		if (!x->a)
			continue;
		size_t j = pair_hash(x->a, x->b) & (n_slots - 1);
		while (p[j].a)
			j = (j + 1) & (n_slots - 1);
		p[j] = *x;
	}
	free(vb->pairs);
	vb->pairs = p;
	vb->pair_slots = n_slots;
	return SCRAPE_OK;
}

static const struct vocab_pair *pair_find(const struct vocab *vb, uint32_t a, uint32_t b, size_t *slot)
{
	size_t j = pair_hash(a, b) & (vb->pair_slots - 1);
	while (vb->pairs[j].a) {
		if (vb->pairs[j].a == a && vb->pairs[j].b == b)
			return &vb->pairs[j];
		j = (j + 1) & (vb->pair_slots - 1);
	}
	*slot = j;
	return NULL;
}

/* Counts words a, b (1 + index) written one after the other. */
static int pair_add(struct vocab *vb, uint32_t a, uint32_t b, int cap)
{
	if ((vb->n_pairs + 1) * 2 > vb->pair_slots &&
	    pair_rehash(vb, vb->pair_slots ? vb->pair_slots * 2 : 1024) != SCRAPE_OK)
		return SCRAPE_ENOMEM;
	size_t slot = 0;
	struct vocab_pair *p = (struct vocab_pair *)pair_find(vb, a, b, &slot);
	if (!p) {
		p = &vb->pairs[slot];
		p->a = a;
		p->b = b;
		vb->n_pairs++;
	}
	p->count++;
	p->cap += cap != 0;
	return SCRAPE_OK;
}

/* Only spaces (ASCII or U+00A0) in s[a..b). */
static int only_spaces(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if ((unsigned char)s[i] == 0xC2 && i + 1 < b && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			continue;
		}
		return 0;
	}
	return 1;
}

uint32_t vocab_pair_count(const struct vocab *vb, const char *a, size_t an, const char *b, size_t bn, uint32_t *cap)
{
	*cap = 0;
	if (vb->pair_slots == 0)
		return 0;
	const struct vocab_word *x = vocab_find(vb, a, an);
	if (!x)
		return 0;
	const struct vocab_word *y = vocab_find(vb, b, bn);
	if (!y)
		return 0;
	size_t slot;
	const struct vocab_pair *p = pair_find(vb, (uint32_t)(x - vb->v) + 1, (uint32_t)(y - vb->v) + 1, &slot);
	if (!p)
		return 0;
	*cap = p->cap;
	return p->count;
}

/* The word s[st..en) right after ".", "!" or "?" at s[st - 1] is a
 * sentence glued to the one before: a lowercase word of three letters or
 * more before the mark, the word capitalised and then lowercase, and
 * neither part of a dotted name ("System.Initialize", "x.y.Z"). */
static int is_sentence_glue(const char *s, size_t n, size_t st, size_t en)
{
	size_t b = st - 1;
	while (b > 0 && is_letter((unsigned char)s[b - 1]))
		b--;
	if (st - 1 - b < 3 || (b > 0 && s[b - 1] == '.'))
		return 0;
	for (size_t k = b; k < st - 1; k++)
		if (s[k] < 'a' || s[k] > 'z')
			return 0;
	if (en - st < 2 || s[st] < 'A' || s[st] > 'Z')
		return 0;
	for (size_t k = st + 1; k < en; k++)
		if (s[k] < 'a' || s[k] > 'z')
			return 0;
	return en >= n || s[en] == ' ' || s[en] == ',' || s[en] == '\n';
}

int vocab_add_text(struct vocab *vb, const char *s, size_t n)
{
	size_t i = 0;
	/* the word before (1 + index) when it stood alone, and where it ended */
	uint32_t prev = 0;
	size_t prev_end = 0;
	while (i < n) {
		while (i < n && !is_letter((unsigned char)s[i]))
			i++;
		size_t st = i;
		uint32_t hash = 2166136261u; /* vocab_hash() of the word, as it is read */
		while (i < n && is_letter((unsigned char)s[i])) {
			hash ^= (unsigned char)(s[i] | 32);
			hash *= 16777619u;
			i++;
		}
		if (i == st)
			break;
		if (st >= 4 && (s[st - 1] == '.' || s[st - 1] == '!' || s[st - 1] == '?') && is_sentence_glue(s, n, st, i))
			vb->glued_sentences++;
		uint32_t before = prev && only_spaces(s, prev_end, st) ? prev : 0;
		prev = 0;
		size_t len = i - st;
		if (len >= REPAIR_MAX_WORD)
			continue;
		/* a word glued to digits or other symbols is not counted; one
		 * written right after a number is ("64bit", "128bit") */
		if (st > 0 && s[st - 1] >= '0' && s[st - 1] <= '9' && !(i < n && s[i] >= '0' && s[i] <= '9')) {
			struct vocab_word *g = get(vb, s + st, len);
			if (!g)
				return SCRAPE_ENOMEM;
			g->glued++;
			continue;
		}
		if ((st > 0 && (unsigned char)s[st - 1] >= 0x80) || (i < n && s[i] >= '0' && s[i] <= '9'))
			continue;
		int poss = 0;
		if (i + 1 < n && s[i] == '\'' && (s[i + 1] == 's' || s[i + 1] == 'S') &&
		    (i + 2 >= n || !is_letter((unsigned char)s[i + 2])))
			poss = 1;
		else if (i + 3 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0 && (s[i + 3] == 's' || s[i + 3] == 'S') &&
			 (i + 4 >= n || !is_letter((unsigned char)s[i + 4])))
			poss = 1;
		/* first: a new entry may move the others */
		if (count_apos(vb, s, n, st, i) != SCRAPE_OK)
			return SCRAPE_ENOMEM;
		struct vocab_word *e = get_hashed(vb, s + st, len, hash);
		if (!e)
			return SCRAPE_ENOMEM;
		uint32_t self = (uint32_t)(e - vb->v) + 1;
		int upper = s[st] >= 'A' && s[st] <= 'Z';
		if (poss)
			e->poss++;
		else if (!(i < n && (s[i] == '\'' || (unsigned char)s[i] >= 0x80))) {
			e->count++;
			e->cap += upper;
			e->at_stop += i < n && (s[i] == '.' || s[i] == ',' || s[i] == ';' || s[i] == ':' || s[i] == '!' ||
						s[i] == '?' || s[i] == ')');
			prev = self;
			prev_end = i;
		}
		if (before && (poss || prev) && pair_add(vb, before, self, upper) != SCRAPE_OK)
			return SCRAPE_ENOMEM;
	}
	return SCRAPE_OK;
}

struct vocab_word *vocab_find_hashed(const struct vocab *vb, const char *w, size_t n, uint32_t hash)
{
	size_t slot;
	if (n == 0 || n >= REPAIR_MAX_WORD || vb->n_slots == 0)
		return NULL;
	return find_slot(vb, w, n, hash, &slot);
}

/* The entry of w (case folded), or NULL. */
static struct vocab_word *find(const struct vocab *vb, const char *w, size_t n)
{
	return vocab_find_hashed(vb, w, n, vocab_hash(w, n));
}

struct vocab_word *vocab_find_mut(struct vocab *vb, const char *w, size_t n)
{
	return find(vb, w, n);
}

const struct vocab_word *vocab_find(const struct vocab *vb, const char *w, size_t n)
{
	return find(vb, w, n);
}

uint32_t vocab_hash(const char *w, size_t n)
{
	return repair_table_hash_folded(w, n);
}

void vocab_prefetch(const struct vocab *vb, uint32_t hash, int stage)
{
	if (vb->n_slots == 0)
		return;
	size_t j = hash & (vb->n_slots - 1);
	if (stage == 0) {
		__builtin_prefetch(&vb->slots[j]);
		return;
	}
	if (vb->slots[j]) {
		const struct vocab_word *w = &vb->v[vb->slots[j] - 1];
		__builtin_prefetch(w);
		__builtin_prefetch(vb->keys + w->key_off);
	}
}

void vocab_free(struct vocab *vb)
{
	free(vb->v);
	free(vb->slots);
	free(vb->keys);
	free(vb->pairs);
	memset(vb, 0, sizeof *vb);
}
