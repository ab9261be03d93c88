#include "repair_data.h"
#include "error.h"
#include "scrape.h"

#include <string.h>

/* Provided by the generated repair_blob.c (cmake/repair_data.cmake). */
extern const unsigned char scrape_repair_blob[];
extern const unsigned char scrape_repair_blob_end[];

#define UNKNOWN_SCORE (-7000)

/* The model word id of w, -1 if the model lacks it. */
static int32_t model_word(const struct rdata *d, const char *w)
{
	const struct repair_table_entry *e = rdata_lookup(d, w, strlen(w));
	return e ? e->lm_id : -1;
}

int rdata_open(struct rdata *out)
{
	memset(out, 0, sizeof *out);
	size_t size = (size_t)(scrape_repair_blob_end - scrape_repair_blob);
	const struct repair_table_header *h = (const void *)scrape_repair_blob;
	if (size < sizeof *h || memcmp(h->magic, REPAIR_TABLE_MAGIC, 8) != 0 || h->total > size ||
	    h->n_slots == 0 || (h->n_slots & (h->n_slots - 1)) != 0 ||
	    h->off_bi_prob + (size_t)h->n_bi * 2 > size ||
	    h->off_slots + (size_t)h->n_slots * 4 > size ||
	    h->off_entries + (size_t)h->n_entries * sizeof(struct repair_table_entry) > size ||
	    h->off_bi_start + ((size_t)h->n_uni + 1) * 4 > size ||
	    h->off_pool + (size_t)h->pool_len > size || h->pool_len == 0 ||
	    scrape_repair_blob[h->off_pool + h->pool_len - 1] != '\0' ||
	    memchr(h->versions, '\0', sizeof h->versions) == NULL)
		return scrape_error_set(SCRAPE_EENCODING, "repair table damaged");
	const unsigned char *b = scrape_repair_blob;
	out->h = h;
	out->pool = (const char *)b + h->off_pool;
	out->slots = (const uint32_t *)(const void *)(b + h->off_slots);
	out->ent = (const struct repair_table_entry *)(const void *)(b + h->off_entries);
	out->uni_prob = (const int16_t *)(const void *)(b + h->off_uni_prob);
	out->uni_bo = (const int16_t *)(const void *)(b + h->off_uni_bo);
	out->bi_start = (const uint32_t *)(const void *)(b + h->off_bi_start);
	out->bi_hist = (const uint32_t *)(const void *)(b + h->off_bi_hist);
	out->bi_prob = (const int16_t *)(const void *)(b + h->off_bi_prob);
	out->bos = model_word(out, "<s>");
	out->eos = model_word(out, "</s>");
	out->his = model_word(out, "his");
	out->their = model_word(out, "their");
	out->the = model_word(out, "the");
	out->last = model_word(out, "last");
	out->very = model_word(out, "very");
	out->it = model_word(out, "it");
	static const char *const subj[3] = {"he", "she", "they"};
	for (int i = 0; i < 3; i++)
		out->subject[i] = model_word(out, subj[i]);
	static const char *const aux[RDATA_AUX] = {"are", "will", "have", "am", "would", "is"};
	for (int i = 0; i < RDATA_AUX; i++)
		out->aux[i] = model_word(out, aux[i]);
	return SCRAPE_OK;
}

const struct repair_table_entry *rdata_lookup(const struct rdata *d, const char *w, size_t n)
{
	return rdata_lookup_hashed(d, w, n, repair_table_hash_folded(w, n));
}

const struct repair_table_entry *rdata_lookup_hashed(const struct rdata *d, const char *w, size_t n, uint32_t hash)
{
	if (n == 0 || n >= REPAIR_MAX_WORD)
		return NULL;
	uint32_t mask = d->h->n_slots - 1;
	uint32_t j = hash & mask;
	for (uint32_t probes = 0; probes <= mask; probes++) {
		uint32_t s = d->slots[j];
		if (s == 0 || s > d->h->n_entries)
			return NULL;
		const struct repair_table_entry *e = &d->ent[s - 1];
		if (e->len == n) {
			const char *k = d->pool + e->str_off;
			size_t i = 0;
			while (i < n && k[i] == (w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] | 32) : w[i]))
				i++;
			if (i == n)
				return e;
		}
		j = (j + 1) & mask;
	}
	return NULL;
}

void rdata_prefetch(const struct rdata *d, uint32_t hash, int stage)
{
	uint32_t j = hash & (d->h->n_slots - 1);
	if (stage == 0) {
		__builtin_prefetch(&d->slots[j]);
		return;
	}
	uint32_t s = d->slots[j];
	if (s == 0 || s > d->h->n_entries)
		return;
	const struct repair_table_entry *e = &d->ent[s - 1];
	if (stage == 1)
		__builtin_prefetch(e);
	else
		__builtin_prefetch(d->pool + e->str_off);
}

const struct repair_table_entry *rdata_apos(const struct rdata *d, const struct repair_table_entry *e)
{
	if (!e || e->apos_idx == 0 || e->apos_idx > d->h->n_entries)
		return NULL;
	return &d->ent[e->apos_idx - 1];
}

/* Index of the bigram (h, w), or -1. */
static long find_bigram(const struct rdata *d, int32_t h, int32_t w)
{
	uint32_t lo = d->bi_start[w], hi = d->bi_start[w + 1];
	if (hi > d->h->n_bi || lo > hi)
		return -1;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		uint32_t v = d->bi_hist[mid];
		if (v == (uint32_t)h)
			return (long)mid;
		if (v < (uint32_t)h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int rdata_score(const struct rdata *d, int32_t h, int32_t w)
{
	if (w < 0 || (uint32_t)w >= d->h->n_uni)
		return UNKNOWN_SCORE;
	if (h < 0 || (uint32_t)h >= d->h->n_uni)
		return d->uni_prob[w];
	long k = find_bigram(d, h, w);
	if (k >= 0)
		return d->bi_prob[k];
	return d->uni_bo[h] + d->uni_prob[w];
}

int rdata_has_bigram(const struct rdata *d, int32_t h, int32_t w)
{
	if (w < 0 || h < 0 || (uint32_t)w >= d->h->n_uni || (uint32_t)h >= d->h->n_uni)
		return 0;
	return find_bigram(d, h, w) >= 0;
}

const char *rdata_versions(const struct rdata *d)
{
	return d->h->versions;
}
