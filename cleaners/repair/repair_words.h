/* repair_words.h - word-level repairs of text that lost characters:
 * apostrophes ("Irans" -> "Iran's", "dont" -> "don't", "its" -> "it's" when
 * the context says so) and spaces ("asthe" -> "as the", "helpingIraq" ->
 * "helping Iraq", "end.Next" -> "end. Next").
 *
 * Never touched: tokens with digits or symbols (numbers, URLs, e-mail
 * addresses, hashtags, code), all-capital words, hyphenated words, words
 * that start with a capital and have a capital inside (brands: "YouTube",
 * "MacBook"), "iPhone"-style brands, and words no dictionary or the
 * document itself supports. */
#ifndef SCRAPE_REPAIR_WORDS_H
#define SCRAPE_REPAIR_WORDS_H

#include <stddef.h>

#include "buf.h"
#include "repair_data.h"
#include "repair_vocab.h"

struct words_ctx {
	const struct rdata *d;
	struct vocab *vb;  /* also caches table look-ups per document word */
	int apostrophes;  /* restore unambiguous apostrophes ("dont", "Irans") */
	int ambiguous;    /* also decide real words by context ("its", "were") */
	int spaces;       /* split fused words */
	int lost_spaces;  /* the text shows it lost spaces: two function words
			   * fused ("ofthe"), which clean text never has */
};

/* Appends s[0..n) to out with its words repaired; whitespace and every
 * character outside the repaired words are copied as they are.
 * 0 or SCRAPE_ENOMEM. */
int repair_words(struct buf *out, const struct words_ctx *c, const char *s, size_t n);

/* What a document's vocabulary says about it, for the repairs to decide
 * which of them run. */
struct words_survey {
	size_t damage;  /* tokens that are certain apostrophe damage ("dont",
			 * "countrys", and possessives of names the document
			 * writes again and again, "Epsteins") */
	size_t names;   /* ... of which names' possessives */
	size_t kept;    /* tokens written with an apostrophe inside ("we're") */
	size_t words;   /* tokens in all */
	size_t fused;   /* words no list knows, written once in lowercase,
			 * that are two function words fused ("ofthe") */
	size_t joined;  /* ... and those that are a function word fused with
			 * a common word ("reactto", "targetthe") */
	size_t glued;   /* sentences glued to the next ("flag.She") */
	int english;    /* a quarter of its words or more are among the
			 * model's 100 most frequent, or it is too short to tell */
};

/* Surveys the document in one pass over its vocabulary. Keeps each
 * word's table entry in the vocabulary for later look-ups. */
void repair_words_survey(struct words_survey *out, const struct rdata *d, struct vocab *vb);

#endif
