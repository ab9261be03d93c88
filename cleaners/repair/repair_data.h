/* repair_data.h - the embedded repair table: dictionary look-up and bigram
 * language model scores. The table is generated at build time
 * (tools/repair_gen.c, cmake/repair_data.cmake) and linked into the library,
 * so "loading" it is a header check. */
#ifndef SCRAPE_REPAIR_DATA_H
#define SCRAPE_REPAIR_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "repair_table.h"

struct rdata {
	const struct repair_table_header *h;
	const char *pool;
	const uint32_t *slots;
	const struct repair_table_entry *ent;
	const int16_t *uni_prob, *uni_bo;
	const uint32_t *bi_start, *bi_hist;
	const int16_t *bi_prob;
	int32_t bos, eos;   /* "<s>" and "</s>" in the model, -1 if absent */
	int32_t his, their; /* possessives, whose followers in the model show
			     * what can follow one */
	int32_t the, last;
	int32_t very;       /* what follows it is an adjective or an adverb */
	int32_t it;         /* what follows it is its verb */
	int32_t subject[3]; /* "he", "she", "they": what follows them are verbs */
	/* The verbs a contraction stands for ("'re", "'ll", "'ve", "'m",
	 * "'d", "'s"): what follows "we're" follows "are" too. */
#define RDATA_AUX 6
	int32_t aux[RDATA_AUX];
};

/* Fills `out` with a view of the embedded table; SCRAPE_EENCODING if the
 * table is damaged. Nothing to free. */
int rdata_open(struct rdata *out);

/* The entry of a word (any case, ASCII letters folded), or NULL. */
const struct repair_table_entry *rdata_lookup(const struct rdata *d, const char *w, size_t n);

/* The same, given repair_table_hash() of the word folded to lowercase. */
const struct repair_table_entry *rdata_lookup_hashed(const struct rdata *d, const char *w, size_t n, uint32_t hash);

/* The lowercase text of an entry (NUL-terminated, in the table). */
static inline const char *rdata_text(const struct rdata *d, const struct repair_table_entry *e)
{
	return d->pool + e->str_off;
}

/* Look-ups in the table miss the cache three times each (slot, entry,
 * text). Many look-ups at once go faster in stages: prefetch every slot,
 * then every entry, then every text, then look them up. `hash` is
 * repair_table_hash() of the lowercase word. */
void rdata_prefetch(const struct rdata *d, uint32_t hash, int stage);

/* The apostrophe form of an entry ("dont" -> "don't"), or NULL. */
const struct repair_table_entry *rdata_apos(const struct rdata *d, const struct repair_table_entry *e);

/* log10 P(w | h) in thousandths; h < 0 gives the unigram, w < 0 (unknown
 * word) a fixed floor. */
int rdata_score(const struct rdata *d, int32_t h, int32_t w);

/* 1 if a bigram (h, w) is listed in the model. */
int rdata_has_bigram(const struct rdata *d, int32_t h, int32_t w);

/* Source packages and versions the table was built from. */
const char *rdata_versions(const struct rdata *d);

#endif
