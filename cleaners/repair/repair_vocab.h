/* repair_vocab.h - the document's own vocabulary: how often each word is
 * written, and whether it is written with a possessive "'s". Repairs use it
 * as evidence ("Iran's" once supports "Irans" -> "Iran's"; a word written
 * several times as it is is not two fused words). */
#ifndef SCRAPE_REPAIR_VOCAB_H
#define SCRAPE_REPAIR_VOCAB_H

#include <stddef.h>
#include <stdint.h>

struct vocab_word {
	uint32_t key_off;  /* lowercase key in the key store */
	uint32_t key_len;
	uint32_t hash;     /* repair_table_hash() of the key */
	uint32_t count;    /* tokens written exactly as this word (any case) */
	uint32_t cap;      /* ... of which start with a capital */
	uint32_t poss;     /* tokens written as this word + "'s" / "’s" */
	uint32_t glued;    /* tokens written right after a digit ("64bit") */
	uint32_t apos;     /* tokens written as this word with an apostrophe
			    * inside ("we're" for "were", "it's" for "its") */
	uint32_t at_stop;  /* tokens of this word right before a stop or a
			    * comma ("LLCs,", "Hooks."): where no possessive is */
	const void *cache; /* for the caller: a look-up result kept per word */
	int cached;
	int no_split;      /* for the caller: the word is known not to split */
	int no_split_cap;  /* ... nor its capitalised form inside a sentence */
};

/* Two words written one after the other, only spaces between ("Hong Kong"). */
struct vocab_pair {
	uint32_t a, b;     /* 1 + index into v; a == 0: empty slot */
	uint32_t count;
	uint32_t cap;      /* ... of which the second word starts with a capital */
};

struct vocab {
	struct vocab_pair *pairs;
	size_t n_pairs, pair_slots;
	struct vocab_word *v;
	uint32_t *slots;   /* 1 + index into v, 0 empty */
	size_t n, cap, n_slots;
	char *keys;
	size_t keys_len, keys_cap;
	size_t glued_sentences; /* a sentence glued to the next, as tags
				 * stripped without a space leave it: a
				 * lowercase word, ".", "!" or "?", and a
				 * capitalised word ("flag.She said") */
};

#define VOCAB_INIT { NULL, 0, 0, NULL, NULL, 0, 0, 0, NULL, 0, 0 }

/* Counts the words of s[0..n). 0 or SCRAPE_ENOMEM. */
int vocab_add_text(struct vocab *vb, const char *s, size_t n);

/* The entry of a word (ASCII case folded), or NULL. */
const struct vocab_word *vocab_find(const struct vocab *vb, const char *w, size_t n);

/* The same, writable (for its cache fields). */
struct vocab_word *vocab_find_mut(struct vocab *vb, const char *w, size_t n);

/* The same, given vocab_hash(w, n). */
struct vocab_word *vocab_find_hashed(const struct vocab *vb, const char *w, size_t n, uint32_t hash);

/* How often the document writes a[0..an) b[0..bn) as two words; *cap gets
 * how many of those have b capitalised. */
uint32_t vocab_pair_count(const struct vocab *vb, const char *a, size_t an, const char *b, size_t bn, uint32_t *cap);

/* repair_table_hash() of w[0..n) folded to lowercase. */
uint32_t vocab_hash(const char *w, size_t n);

/* Prefetches what a look-up of the word with this hash reads: its slot
 * (stage 0), then its entry and key (stage 1). A run of look-ups prefetched
 * stage by stage overlaps their cache misses. */
void vocab_prefetch(const struct vocab *vb, uint32_t hash, int stage);

void vocab_free(struct vocab *vb);

#endif
