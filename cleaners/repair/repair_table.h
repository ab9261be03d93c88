/* repair_table.h - layout of the repair data table, shared by the build-time
 * generator (tools/repair_gen.c) and the library (repair_data.c).
 *
 * One blob, little-endian, every section 8-byte aligned, offsets from the
 * start of the blob:
 *   header | string pool | hash slots | entries | unigram prob | unigram
 *   backoff | bigram start per word | bigram history word | bigram prob
 * Words are keyed by their lowercase form. Probabilities are thousandths of
 * a log10. Bigrams of word w are bi_hist/bi_prob[bi_start[w] .. bi_start[w+1])
 * sorted by history word: P(w | h) = bi_prob when h is listed, else
 * uni_bo[h] + uni_prob[w]. */
#ifndef SCRAPE_REPAIR_TABLE_H
#define SCRAPE_REPAIR_TABLE_H

#include <stddef.h>
#include <stdint.h>

#define REPAIR_TABLE_MAGIC "SCRREP01"
#define REPAIR_MAX_WORD 64

/* entry flags */
enum {
	RT_SCOWL = 1,     /* in a SCOWL list up to size 80 (level = smallest size) */
	RT_HUNSPELL = 2,  /* in hunspell en_US */
	RT_POSS = 4,      /* hunspell: takes a possessive 's */
	RT_LM = 8,        /* in the language model vocabulary */
	RT_LOWER = 16,    /* some list writes it in lowercase */
	RT_CAP = 32,      /* some list writes it capitalised */
	RT_FUNC = 64      /* a function word: one of the 100 most frequent words
			   * of the model, or a closed-class word ("after", "its") */
};

struct repair_table_header {
	char magic[8];
	uint32_t total;
	uint32_t n_slots;     /* power of two */
	uint32_t n_entries;
	uint32_t pool_len;
	uint32_t n_uni;
	uint32_t n_bi;
	uint32_t off_pool;
	uint32_t off_slots;
	uint32_t off_entries;
	uint32_t off_uni_prob;
	uint32_t off_uni_bo;
	uint32_t off_bi_start;
	uint32_t off_bi_hist;
	uint32_t off_bi_prob;
	char versions[192];   /* source packages and versions */
};

struct repair_table_entry {
	uint32_t str_off;     /* lowercase word in the pool */
	uint32_t apos_idx;    /* 1 + entry of the apostrophe form ("dont" -> "don't"), 0 none */
	int32_t lm_id;        /* language model word, -1 none */
	uint8_t len;
	uint8_t flags;
	uint8_t level;        /* SCOWL size, 255 when not listed */
	uint8_t compound;     /* low nibble: dictionary compounds it starts ("backlog",
			       * "backfire": "back"), high nibble: compounds it ends;
			       * both saturate at 15 */
};

/* FNV-1a over the bytes of the lowercase key. */
static inline uint32_t repair_table_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* repair_table_hash() of s[0..n) with ASCII capitals folded to lowercase:
 * the key a word in any case looks up. */
static inline uint32_t repair_table_hash_folded(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 32 : s[i]);
		h *= 16777619u;
	}
	return h;
}

#endif
