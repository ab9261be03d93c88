/* repair_lexicon.h - what the word repairs (repair_words.c,
 * repair_apostrophe.c, repair_split.c, repair_glue.c) know about a word:
 * character classes, its table entry (looked up once per document word),
 * how the document writes it, and what surrounds it in the text. Internal
 * to the repair stage. */
#ifndef SCRAPE_REPAIR_LEXICON_H
#define SCRAPE_REPAIR_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "scrape.h"
#include "repair_data.h"
#include "repair_vocab.h"
#include "repair_words.h"

/* How much rarer (thousandths of a log10) a word is after "his" than on
 * its own when it cannot follow a possessive. */
#define POSS_LIFT_BAD 1000
/* How much likelier a verb is after "he", "she" or "they" than alone. */
#define SUBJECT_VERB_LIFT 500

/* Character classes of ASCII punctuation, one bit per set the repairs use. */
enum {
	CH_LEAD = 1,    /* opens a token: " ' ( [ { * */
	CH_TRAIL = 2,   /* closes a token: . , ; : ! ? " ' ) ] } * */
	CH_JOIN = 4,    /* between two glued words: . ! ? , ; : " ' ) */
	CH_SOFT = 8,    /* , ; : */
	CH_CORE = 16,   /* punctuation a word core may hold: . ! ? , ; : " */
	CH_CODE = 32,   /* program code: { } = ; < > ( ) */
	CH_OP = 64,     /* code operators: = { } < > */
	CH_WORD = 128,  /* may be in a table word: letters ' . - */
	CH_SPACE = 256  /* ASCII white space */
};

#define CH_STOPS (CH_TRAIL | CH_JOIN | CH_CORE)
static const unsigned short ch_class[256] = {
	['"'] = CH_LEAD | CH_STOPS,
	['\''] = CH_LEAD | CH_TRAIL | CH_JOIN | CH_WORD,
	['('] = CH_LEAD | CH_CODE,
	['['] = CH_LEAD,
	['{'] = CH_LEAD | CH_CODE | CH_OP,
	['*'] = CH_LEAD | CH_TRAIL,
	['.'] = CH_STOPS | CH_WORD,
	[','] = CH_STOPS | CH_SOFT,
	[';'] = CH_STOPS | CH_SOFT | CH_CODE,
	[':'] = CH_STOPS | CH_SOFT,
	['!'] = CH_STOPS,
	['?'] = CH_STOPS,
	[')'] = CH_TRAIL | CH_JOIN | CH_CODE,
	[']'] = CH_TRAIL,
	['}'] = CH_TRAIL | CH_CODE | CH_OP,
	['='] = CH_CODE | CH_OP,
	['<'] = CH_CODE | CH_OP,
	['>'] = CH_CODE | CH_OP,
	['-'] = CH_WORD,
	[' '] = CH_SPACE, ['\t'] = CH_SPACE, ['\n'] = CH_SPACE, ['\r'] = CH_SPACE, ['\f'] = CH_SPACE, ['\v'] = CH_SPACE,
#define L2(a, b) [a] = CH_WORD, [b] = CH_WORD
	L2('a', 'A'), L2('b', 'B'), L2('c', 'C'), L2('d', 'D'), L2('e', 'E'), L2('f', 'F'), L2('g', 'G'),
	L2('h', 'H'), L2('i', 'I'), L2('j', 'J'), L2('k', 'K'), L2('l', 'L'), L2('m', 'M'), L2('n', 'N'),
	L2('o', 'O'), L2('p', 'P'), L2('q', 'Q'), L2('r', 'R'), L2('s', 'S'), L2('t', 'T'), L2('u', 'U'),
	L2('v', 'V'), L2('w', 'W'), L2('x', 'X'), L2('y', 'Y'), L2('z', 'Z'),
#undef L2
};

/* What surrounds a word: the model words before and after it, and how the
 * token goes on. */
struct around {
	int32_t prev, next;
	int next_lower;  /* the next token starts with a lowercase letter */
	int next_word;   /* a word follows in the same sentence, no punctuation between */
	int next_func;   /* ... and it is a function word */
	int next_num;    /* a number follows in the same sentence ("2025", "$6.99") */
	const struct repair_table_entry *next_e; /* the next word's entry, if known */
	int apos_after;  /* an apostrophe follows the word ("teams'", "Runnin’") */
	int after_the;   /* the word before is "the" */
	int open_before; /* the token opens with "(" before its core ("(fake)root") */
	int after_cap;   /* the word before, in the same sentence, starts with a capital */
	int after_name;  /* ... and the dictionaries write it only so ("Hillary", "Jason") */
	int after_lone_comma; /* the token before ends with the sentence's first comma, and
			       * a word follows in the same sentence ("In this guide, were going") */
	const char *prev_w; /* the word before in the same sentence, NULL if none */
	size_t prev_n;
	const char *prev2_w; /* the word before that, NULL if none */
	size_t prev2_n;
	const struct repair_table_entry *self; /* the word's own entry, if known */
	int have_self;
	const char *rest;   /* the text after the word, to the end of its piece */
	size_t rest_n;
};

/* Forgets the word's own entry and what follows it: for a part of a token
 * whose next word is not the token's. */
static inline void around_drop_next(struct around *a)
{
	a->have_self = 0;
	a->next = -1;
	a->next_word = a->next_func = a->next_lower = a->next_num = 0;
	a->next_e = NULL;
	a->rest_n = 0;
}

static inline int ch_is(char ch, unsigned bits)
{
	return (ch_class[(unsigned char)ch] & bits) != 0;
}

/* Table look-up through the document vocabulary, which keeps the result
 * per word: the table is large, the document's vocabulary is small. */
static inline const struct repair_table_entry *lookup_hashed(const struct words_ctx *c, const char *w, size_t n,
							     uint32_t hash)
{
	/* only words are in the table: skip numbers and symbols at once */
	for (size_t i = 0; i < n; i++)
		if (!ch_is(w[i], CH_WORD))
			return NULL;
	struct vocab_word *v = vocab_find_hashed(c->vb, w, n, hash);
	if (!v)
		return rdata_lookup_hashed(c->d, w, n, hash);
	if (!v->cached) {
		v->cache = rdata_lookup_hashed(c->d, w, n, hash);
		v->cached = 1;
	}
	return v->cache;
}

static inline const struct repair_table_entry *lookup(const struct words_ctx *c, const char *w, size_t n)
{
	return lookup_hashed(c, w, n, vocab_hash(w, n));
}

/* short names for the shared classes of ascii.h, used throughout repair */
static inline int is_lower(unsigned char c)
{
	return ascii_is_lower(c);
}

static inline int is_upper(unsigned char c)
{
	return ascii_is_upper(c);
}

static inline int is_alpha(unsigned char c)
{
	return ascii_is_alpha(c);
}

static inline int32_t word_id(const struct words_ctx *c, const char *w, size_t n)
{
	const struct repair_table_entry *e = lookup(c, w, n);
	return e ? e->lm_id : -1;
}

/* w[0..n) is one of the count words of list. */
static inline int in_list(const char *w, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

#define IN_LIST(w, n, list) in_list((w), (n), (list), sizeof(list) / sizeof((list)[0]))

/* in_list() of w[0..n) in any case, for short lowercase lists. */
static inline int in_list_folded(const char *w, size_t n, const char *const *list, size_t count)
{
	char low[16];
	if (n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] | 32 : w[i]);
	return in_list(low, n, list, count);
}

#define IN_LIST_FOLDED(w, n, list) in_list_folded((w), (n), (list), sizeof(list) / sizeof((list)[0]))

/* w[0..n) is the lowercase word `lit` in any case ("The", "its"). */
static inline int word_is(const char *w, size_t n, const char *lit)
{
	return ascii_word_is(w, n, lit);
}

/* A determiner, pronoun or number: it makes no new compounds ("some" +
 * "body" is listed, "somenecessary" is two words), unlike a particle
 * ("upsample"). */
static inline int determiner(const struct rdata *d, const struct repair_table_entry *e)
{
	static const char *const words[] = { "some", "any", "all", "each", "every", "many", "much", "most",
					     "other", "such", "this", "these", "those", "their", "our", "your",
					     "his", "her", "its", "my", "the", "he", "she", "they", "we", "you",
					     "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" };
	return IN_LIST(rdata_text(d, e), e->len, words);
}

/* A function word that can follow a possessive, as the start of what it
 * owns: "the company's other founder", "the state's two senators". */
static inline int noun_phrase_start(const struct rdata *d, const struct repair_table_entry *e)
{
	if (!e)
		return 0;
	static const char *const words[] = { "one", "two", "three", "other", "only", "all", "more", "most",
					     "new", "first", "own", "very", "many", "last", "next", "best" };
	return IN_LIST(rdata_text(d, e), e->len, words);
}

/* A dictionary word (not only a language-model token). */
static inline int is_dict(const struct repair_table_entry *e)
{
	return e && (e->flags & (RT_SCOWL | RT_HUNSPELL));
}

static inline int is_known(const struct repair_table_entry *e)
{
	return e && (e->flags & (RT_SCOWL | RT_HUNSPELL | RT_LM));
}

static inline int is_func(const struct repair_table_entry *e)
{
	return e && (e->flags & RT_FUNC);
}

/* A word written in lowercase that the dictionaries know only with a
 * capital, or not at all ("ina", "toa": "in a", "to a"). */
static inline int odd_lower(const struct repair_table_entry *e, const char *w)
{
	return e && is_lower((unsigned char)w[0]) && !(e->flags & RT_LOWER);
}

/* A word that is no common word (SCOWL size 70 and up, or none): written
 * in lowercase it may be two words fused ("tobe"), ending in "s" a name's
 * possessive ("Parises"), with a capital inside two names ("HongKong"). */
static inline int rare_word(const struct repair_table_entry *e, const char *w, size_t n)
{
	if (e->level < 70)
		return 0;
	if (is_lower((unsigned char)w[0]) || w[n - 1] == 's')
		return 1;
	for (size_t i = 1; i < n; i++)
		if (is_upper((unsigned char)w[i]))
			return 1;
	return 0;
}

static inline uint32_t doc_count(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v ? v->count : 0;
}

/* Tokens the document writes as w with an apostrophe inside ("we're"). */
static inline uint32_t doc_apos(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v ? v->apos : 0;
}

static inline uint32_t doc_poss(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v ? v->poss : 0;
}

/* The document writes w on its own, mostly with a capital: a name of the
 * document (counted capitals imply the word is written). */
static inline int doc_name(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v && v->cap > 0 && v->cap * 2 > v->count;
}

/* A dictionary word some list writes in lowercase: a common word. */
static inline int lower_word(const struct repair_table_entry *e)
{
	return is_dict(e) && (e->flags & RT_LOWER);
}

/* A word that may stand on either side of glued punctuation in prose: a
 * function word, or a lowercase word of SCOWL size 35 or less. */
static inline int common_word(const struct repair_table_entry *e)
{
	return is_func(e) || (lower_word(e) && e->level <= 35);
}

/* A word the dictionaries write only capitalised: a name ("Adam"). */
static inline int cap_only(const struct repair_table_entry *e)
{
	return is_dict(e) && (e->flags & RT_CAP) && !(e->flags & RT_LOWER);
}

/* A name: a word the dictionaries write only capitalised ("Adam",
 * "Sanders"), or one the document writes on its own, mostly capitalised. */
static inline int name_word(const struct words_ctx *c, const char *w, size_t n)
{
	return cap_only(lookup(c, w, n)) || doc_name(c, w, n);
}

/* A common name the dictionaries write only capitalised ("Syria",
 * "Reuters"). */
static inline int dict_name(const struct repair_table_entry *e)
{
	return cap_only(e) && e->level <= 50;
}

/* A word that does not follow a possessive: the model lists it after
 * "his" far less often than on its own ("since", "are", "of"); a word it
 * never saw there is not judged. */
static inline int poss_follower_bad(const struct rdata *d, int32_t next)
{
	return next >= 0 && d->his >= 0 && rdata_has_bigram(d, d->his, next) &&
	       rdata_score(d, d->his, next) < d->uni_prob[next] - POSS_LIFT_BAD;
}

/* How much likelier (thousandths of a log10) the model makes word w after
 * h than on its own; INT16_MIN when it does not list the pair. */
static inline int lm_lift(const struct rdata *d, int32_t h, int32_t w)
{
	if (h < 0 || w < 0 || !rdata_has_bigram(d, h, w))
		return INT16_MIN;
	return rdata_score(d, h, w) - d->uni_prob[w];
}

/* A verb a name can be the subject of ("drew", "scored", "felt"): the
 * model lists it after "he", "she" or "they" far more often than on its
 * own. */
static inline int subject_verb(const struct rdata *d, int32_t w)
{
	for (int i = 0; i < 3; i++)
		if (lm_lift(d, d->subject[i], w) >= SUBJECT_VERB_LIFT)
			return 1;
	return 0;
}

/* A word that starts what a possessive owns ("the state's meth epidemic",
 * "the band's entire history"): the model lists it after "his", "their"
 * or "the" at least as often as on its own, and not more often after
 * "are" (a plural's verb: "the games having been", "the tariffs imposed"). */
static inline int owned_follower(const struct rdata *d, int32_t next)
{
	if (next < 0 || lm_lift(d, d->aux[0], next) > 0)
		return 0;
	return lm_lift(d, d->his, next) >= 0 || lm_lift(d, d->their, next) >= 0 || lm_lift(d, d->the, next) >= 0;
}

/* The document writes w right before a stop or a comma somewhere ("the
 * LLCs.", "other Hooks,"), where no possessive stands: a plural. */
static inline int doc_at_stop(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v && v->at_stop > 0;
}

/* The document writes w in lowercase somewhere ("news"). */
static inline int doc_lower(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v && v->count > v->cap;
}

/* Letters in one case pattern: "word" or "Word". */
static inline int plain_case(const char *w, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (!is_lower((unsigned char)w[i]))
			return 0;
	return n > 0 && is_alpha((unsigned char)w[0]);
}

/* Tokens the document writes capitalised as w on its own. */
static inline uint32_t doc_cap(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v ? v->cap : 0;
}

static inline int is_digit(unsigned char c)
{
	return ascii_is_digit(c);
}

static inline int is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

/* w[0..n) is all ASCII letters. */
static inline int only_letters(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_alpha((unsigned char)w[i]))
			return 0;
	return n > 0;
}

/* w[0..n) is all capitals. */
static inline int upper_run(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_upper((unsigned char)w[i]))
			return 0;
	return 1;
}

/* w[0..n) is all lowercase letters. */
static inline int lower_run(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_lower((unsigned char)w[i]))
			return 0;
	return 1;
}

static inline int only_word_chars(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_alpha((unsigned char)w[i]) && w[i] != '\'')
			return 0;
	return n > 0;
}

/* A word the tables know, or one the document writes on its own. */
static inline int known_or_doc(const struct words_ctx *c, const struct repair_table_entry *e, const char *w, size_t n)
{
	return is_known(e) || doc_count(c, w, n) > 0;
}

/* A common word capitalised because it starts a sentence ("Inthe"), before
 * a lowercase word or punctuation. */
static inline int cap_start(const struct words_ctx *c, const struct repair_table_entry *e, const struct around *ar)
{
	return ar->prev == c->d->bos && (ar->next_lower || !ar->next_word) && is_dict(e) && e->level <= 35;
}

/* Emits w[0..k) and w[k..n) as two words; *last gets the second's model
 * word. 1, or SCRAPE_ENOMEM. */
static inline int put_split(struct buf *out, const struct words_ctx *c, const char *w, size_t k, size_t n,
			    int32_t *last)
{
	*last = word_id(c, w + k, n - k);
	if (buf_put(out, w, k) || buf_putc(out, ' ') || buf_put(out, w + k, n - k))
		return SCRAPE_ENOMEM;
	return 1;
}

/* The table entry of a document word, looked up once per document. */
static inline const struct repair_table_entry *vocab_entry(const struct rdata *d, struct vocab_word *v,
							   const char *keys)
{
	if (!v->cached) {
		v->cache = rdata_lookup(d, keys + v->key_off, v->key_len);
		v->cached = 1;
	}
	return v->cache;
}

/* Sets what a reads of the word before it: w[0..n) in the same sentence,
 * or nothing (w NULL: a sentence start or punctuation between). */
static inline void around_set_before(struct around *a, const struct words_ctx *c, const char *w, size_t n)
{
	a->prev_w = w;
	a->prev_n = w ? n : 0;
	a->prev2_w = NULL;
	a->prev2_n = 0;
	a->after_lone_comma = 0;
	a->after_the = w && word_is(w, n, "the");
	a->after_cap = w && n > 0 && is_upper((unsigned char)w[0]);
	a->after_name = a->after_cap && cap_only(lookup(c, w, n));
}

/* ---- repair_apostrophe.c ---- */

/* 1 if w (entry e, apostrophe form a) is damage for sure. */
int repair_apos_certain(const struct rdata *d, const struct repair_table_entry *e,
			const struct repair_table_entry *a);

/* Writes w with the apostrophes of `form` into dst; its length, 0 if the
 * letters differ or it does not fit. */
size_t repair_apos_insert(char *dst, size_t cap, const char *w, size_t n, const char *form);

/* Writes w with its final "s" as "'s" into dst; its length, 0 if it does
 * not fit. */
size_t repair_apos_put_poss(char *dst, size_t cap, const char *w, size_t n);

/* Tokens of document word v (entry e) that are certain apostrophe damage;
 * those that are a name's possessive are added to *names too. */
size_t repair_apos_damage(const struct rdata *d, const struct vocab *vb, const struct vocab_word *v,
			 const struct repair_table_entry *e, size_t *names);

/* The apostrophe repair of a plain word into dst: its length, 0 to keep w. */
size_t repair_apos_fix(const struct words_ctx *c, char *dst, size_t cap, const char *w, size_t n,
		       const struct around *ar);

/* 1 if w is the possessive of a name the document writes on its own
 * again and again, before what it can own. */
int repair_apos_name_counted(const struct words_ctx *c, const char *w, size_t n, const struct around *ar);

/* 1 if w, an acronym with an "s", is its possessive by where it stands: at
 * a noun phrase's start, before what it owns. */
int repair_apos_acronym_placed(const struct words_ctx *c, const char *w, size_t n, const struct around *ar);

/* ---- repair_split.c ---- */

/* Splits a fused word into two or three parts and emits them: 1, 0 to keep
 * w (nothing emitted), negative on error. *last: the last part's word. */
int repair_split_fused(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last);

/* Where the document writes w as two words ("Hong Kong"): the first part's
 * length, 0 if nowhere. */
size_t repair_split_doc(const struct words_ctx *c, const char *w, size_t n);

/* Two capitalised words fused ("AdamNeumann"): the first's length, or 0. */
size_t repair_split_names(const struct words_ctx *c, const char *w, size_t n, const struct around *ar);

/* A word fused to the next where its case or a digit shows the seam, in a
 * text that lost spaces: an article ("theiMac", "aPython", "The2018"), a
 * function word before capitals or a brand ("orPOSIX", "orJavaScript"), a
 * common word before an acronym the document writes alone again and again
 * ("generativeAI") or before a hyphenated name ("asAl-Ibrahim"). The first
 * word's length, or 0. */
size_t repair_split_seam(const struct words_ctx *c, const char *w, size_t n, const struct around *ar);

/* Capitals glued to a lowercase word ("CEOof"): their length, or 0. */
size_t repair_split_acronym(const struct words_ctx *c, const char *w, size_t n);

/* Whether w can be a part of a fused word (the first part when `first`);
 * *id gets its model word. */
int repair_split_part_ok(const struct words_ctx *c, const char *w, size_t n, int first, const struct around *ar,
			 int32_t *id);

/* Emits one part of a split, its apostrophe repaired. 0 or SCRAPE_ENOMEM. */
int repair_split_put_part(struct buf *out, const struct words_ctx *c, const char *w, size_t n);

/* 1 if w[0..n) is written too often, in a text that lost no other space,
 * to be two words fused. */
int repair_split_written_often(const struct words_ctx *c, const char *w, size_t n);

/* Emits w[0..n), the last part of a fused word after first[0..fn), with
 * its apostrophe repaired in the token's context. 0 or SCRAPE_ENOMEM. */
int repair_split_put_last(struct buf *out, const struct words_ctx *c, const char *first, size_t fn, const char *w,
			  size_t n, const struct around *ar);

/* ---- repair_glue.c: words glued at punctuation, numbers, hyphens ---- */

/* Each emits the split word and returns 1, returns 0 to leave w alone, or
 * negative on error. */
int repair_glue_punct(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		      const struct around *ar, int32_t *last);
int repair_glue_number(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last);
int repair_glue_paren(struct buf *out, const struct words_ctx *c, const char *w, size_t n, int open_before,
		      int32_t *last);
int repair_glue_hyphen(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last);
int repair_glue_comma(struct buf *out, const struct words_ctx *c, const char *w, size_t n, int32_t *last);

/* Letters and digits in parts joined by single hyphens. */
int repair_glue_hyphenated(const char *w, size_t n);

/* ---- repair_words.c ---- */

/* Appends w (shorter than REPAIR_MAX_WORD) with its final "s" as "'s". */
int repair_apos_put_possessive(struct buf *out, const char *w, size_t n);

/* Repairs a plain word (letters and apostrophes) into out. 0 or
 * SCRAPE_ENOMEM; *last gets the model word it ends with. */
int repair_words_plain(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last);

#endif
