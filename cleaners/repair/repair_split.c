/* repair_split.c - fused words: "asthe", "helpingIraq", "AdamNeumann",
 * "CEOof", split where the tables, the bigram model or the document itself
 * say they are two (or three) words, and never a compound, brand or name
 * that reads as one. */
#include "repair_lexicon.h"
#include "scrape.h"

#include <string.h>

/* A function word that starts (or ends) this many dictionary compounds or
 * more ("up": "upset", "upsample") is not split off unless the model knows
 * the bigram. */
#define COMPOUND_FUNC 8
/* SCOWL size of the very common words (10: the commonest). */
#define VERY_COMMON 20
/* log10 P(second | first), thousandths, of two content words the model
 * puts together often. */
#define STRONG_BIGRAM (-2600)
/* ... and of two capitalised words that make a name together. */
#define NAME_BIGRAM (-2000)
/* ... and of two that make one set phrase ("Hong Kong", "United States"). */
#define SET_PHRASE (-300)
/* How often a text that lost no other space writes a word before it is
 * never split. */
#define WRITTEN_OFTEN 3
/* How much likelier (thousandths of a log10) two common words must be than
 * the rare word they spell for rare_pair() to split it ("tobe",
 * "afteryears"); less when the model never heard the word at all ("itas",
 * "feltlike", SCOWL size 80), whose score is only the model's floor. */
#define RARE_PAIR_LIFT 3000
#define RARE_PAIR_LIFT_UNHEARD 1500
/* A common content word this long beside a function word makes no
 * compound the dictionaries miss, whatever compounds the function word
 * starts or ends ("forcertifications", "lenderslike"); and one of the
 * commonest words this long is no code name ("ifadditional", not
 * "upsample"). */
#define LONG_PART 6
#define LONG_COMMON 7
/* Longest word the fused-word search looks at. */
#define MAX_FUSED 40
/* How many times the document must write two words apart for each time it
 * writes them fused, when it writes the fused form twice or more. */
#define SPACED_PER_FUSED 3
/* How often a fused form must be written to count as a word of the
 * document: twice when it is two content words ("filesystem", "frontend",
 * "localhost"); three times when one is a function word, since a phrase
 * a page writes with U+00A0 again and again ("for\u00a0nearly") loses its
 * spaces the same way each time. */
#define HABIT_FUSED 3
#define HABIT_FUSED_CONTENT 2

/* A part of a fused word that lost its apostrophe: certain damage, or a
 * negation the model knows far better with it ("cantbring": "can't",
 * "cant" alone is a word). */
static int part_apos(const struct rdata *d, const struct repair_table_entry *e, const struct repair_table_entry *a)
{
	if (repair_apos_certain(d, e, a))
		return 1;
	const char *f = rdata_text(d, a);
	size_t fl = strlen(f);
	return fl > 3 && memcmp(f + fl - 3, "n't", 3) == 0 && e->lm_id >= 0 && a->lm_id >= 0 &&
	       d->uni_prob[a->lm_id] > d->uni_prob[e->lm_id] + 1000;
}

/* Emits part w[0..n) of a split, with its apostrophe repaired. */
int repair_split_put_part(struct buf *out, const struct words_ctx *c, const char *w, size_t n)
{
	const struct repair_table_entry *e = lookup(c, w, n);
	const struct repair_table_entry *a = rdata_apos(c->d, e);
	char tmp[REPAIR_MAX_WORD + 4];
	size_t l;
	/* lowercase, or "I" ("Imgoing": "I'm going") */
	if (a && part_apos(c->d, e, a) && (!is_upper((unsigned char)w[0]) || rdata_text(c->d, a)[1] == '\'') &&
	    (l = repair_apos_insert(tmp, sizeof tmp, w, n, rdata_text(c->d, a))) > 0)
		return buf_put(out, tmp, l);
	return buf_put(out, w, n);
}

/* Emits w[0..n), the last part of a fused word whose part before is
 * first[0..fn), with its apostrophe repaired in context: the word after
 * the token follows it ("southernSyrias al-Tanf", "NewJerseys epic"). */
int repair_split_put_last(struct buf *out, const struct words_ctx *c, const char *first, size_t fn, const char *w,
			  size_t n, const struct around *ar)
{
	struct around al = *ar;
	al.prev = word_id(c, first, fn);
	al.have_self = 0;
	around_set_before(&al, c, first, fn);
	char tmp[REPAIR_MAX_WORD + 4];
	size_t l = n < REPAIR_MAX_WORD && only_letters(w, n) ? repair_apos_fix(c, tmp, sizeof tmp, w, n, &al) : 0;
	if (l)
		return buf_put(out, tmp, l);
	return repair_split_put_part(out, c, w, n);
}

/* Two content words that read as one compound ("gameplay", "backlit",
 * "underdelivering"): the first starts many dictionary compounds, or the
 * two together are productive. */
static int compound_like(const struct repair_table_entry *l, const struct repair_table_entry *r)
{
	int head = l->compound & 15, tail = r->compound >> 4;
	return head >= 15 || head + tail >= 16;
}

/* w ends as an inflected form of a dictionary word: "-ly", "-ed", "-ing",
 * or a plural "s" of a stem the dictionaries know. */
static int inflected(const struct words_ctx *c, const char *w, size_t n)
{
	if (n >= 5 && (memcmp(w + n - 2, "ly", 2) == 0 || memcmp(w + n - 2, "ed", 2) == 0))
		return 1;
	if (n >= 6 && memcmp(w + n - 3, "ing", 3) == 0)
		return 1;
	if (n >= 4 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
		return is_dict(lookup(c, w, n - 1));
	return 0;
}

/* w[0..n) is a common word with an ending that makes new words of it
 * ("backslash-ed", "jumpstart-ed", "customis(e)-able", "pixelat(e)-ed",
 * "clickbait-ing"): a word of its own, not two fused ("back slashed"),
 * unless it reads as a function word and a word ("wereable", "shesing"). */
static int inflection_of_word(const struct words_ctx *c, const char *w, size_t n)
{
	static const char *const suffix[] = { "ing", "ed", "able" };
	char tmp[REPAIR_MAX_WORD + 2];
	if (n >= REPAIR_MAX_WORD || !plain_case(w, n))
		return 0;
	for (size_t i = 1; i + 2 < n; i++)
		if (is_func(lookup(c, w, i)) && is_dict(lookup(c, w + i, n - i)))
			return 0;
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		size_t sl = strlen(suffix[i]);
		if (n < sl + 4 || memcmp(w + n - sl, suffix[i], sl) != 0)
			continue;
		size_t m = n - sl;
		if (lower_word(lookup(c, w, m)))
			return 1;
		memcpy(tmp, w, m);
		tmp[m] = 'e';
		if (lower_word(lookup(c, tmp, m + 1)))
			return 1;
		/* a doubled last consonant: "upselling" */
		if (m >= 5 && w[m - 1] == w[m - 2] && lower_word(lookup(c, w, m - 1)))
			return 1;
	}
	return 0;
}

/* Whether the split l|r of a fused word reads as two words. */
static int pair_ok(const struct words_ctx *c, const char *l, size_t ln, const char *r, size_t rn,
		   int32_t id1, int32_t id2, int once, const struct around *ar)
{
	const struct repair_table_entry *le = lookup(c, l, ln);
	const struct repair_table_entry *re = lookup(c, r, rn);
	if (!re)
		return 0;
	int listed = rdata_has_bigram(c->d, id1, id2);
	int cap = is_upper((unsigned char)l[0]);

	/* a name of the dictionaries the document does not write alone, before
	 * a word the model knows after it ("Syriaunder", "Reutersreported";
	 * a surname no list knows reads as one: "Montour", "Rubinstain") */
	if (cap && !doc_name(c, l, ln) && dict_name(le))
		return ln >= 4 && rn >= 3 && listed;
	if (cap && doc_name(c, l, ln)) {
		/* a name in a row of capitalised words ("Northwell Health",
		 * "Riverbend Music Center") reads as one, unless it ends in a
		 * function word the model knows after the name */
		if ((!listed || !is_func(re)) && id1 >= 0 && ar->next_word && !ar->next_lower)
			return 0;
		return rn > 1 && (listed || is_func(re) || (is_dict(re) && re->level <= 35));
	}
	if (!le)
		return 0;
	if (cap && !cap_start(c, le, ar))
		return rn > 1 && is_func(re);
	if (is_func(le) || is_func(re)) {
		if (listed)
			return 1;
		/* a bigram the model lacks ("from prenatal"): a common content
		 * word of four letters or more beside one function word, in a
		 * word the document writes once ("Yersinia pestis" is Latin),
		 * that does not read as a compound; beside a function word of
		 * two letters (whose compounds the tables do not count), not one
		 * of the commonest words (SCOWL 10), whose pairing the model
		 * would know if it were usual ("upsample", "soname"), unless
		 * that word is long ("ifadditional"); the compounds a function
		 * word starts or ends ("for": "forgive", "format") are short
		 * words, so a content word of LONG_PART letters or more beside it
		 * is two words ("forcertifications", "mouthwashcan") */
		const struct repair_table_entry *o = is_func(le) ? re : le;
		size_t on = is_func(le) ? rn : ln, fn = is_func(le) ? ln : rn;
		return once && !(is_func(le) && is_func(re)) && on >= 4 && lower_word(o) &&
		       (o->level > 10 || fn >= 3 || on >= LONG_COMMON) && o->level <= 50 &&
		       ((is_func(le) && determiner(c->d, le)) || on >= LONG_PART ||
			(!compound_like(le, re) &&
			 (is_func(le) ? (le->compound & 15) : (re->compound >> 4)) < COMPOUND_FUNC));
	}
	if (ln < 3 || rn < 3)
		return 0;
	/* a compound no dictionary lists starts with a plain word, not with an
	 * adverb, a participle or a plural ("completelyestranged",
	 * "stillfaces" aside, "teenagedfangirl", "marketersachieving") */
	if (inflected(c, l, ln) && le->level <= 50 && re->level <= 50 && (re->flags & RT_LOWER) &&
	    (listed || (ln >= 4 && rn >= 4)))
		return 1;
	/* two common words the model puts together often ("rear wheels",
	 * "hard work"), one of which the document writes alone, are two words
	 * whatever compounds they start or end */
	if (listed && le->level <= 35 && re->level <= 35 && rdata_score(c->d, id1, id2) >= STRONG_BIGRAM &&
	    (doc_count(c, l, ln) > 0 || doc_count(c, r, rn) > 0))
		return 1;
	/* a part read with its apostrophe ("cant" as "can't") starts no
	 * compound */
	if (compound_like(le, re) && !determiner(c->d, le) && id1 == le->lm_id)
		return 0;
	/* two content words: a bigram the model knows, or two common words */
	return listed || ((ln >= 4 || determiner(c->d, le)) && rn >= 4 && le->level <= 35 && re->level <= 35);
}

/* Part of a fused word: a common word, a name of the document (first part
 * only), or an apostrophe form ("dont"). Sets *id to its model word. */
int repair_split_part_ok(const struct words_ctx *c, const char *w, size_t n, int first, const struct around *ar,
		   int32_t *id)
{
	const struct repair_table_entry *e = lookup(c, w, n);
	*id = -1;
	if (!e) {
		/* "Gaimanput": a name of the document the tables do not know */
		return first && n >= 3 && plain_case(w, n) && is_upper((unsigned char)w[0]) && doc_name(c, w, n) &&
		       doc_count(c, w, n) >= 2;
	}
	if (n == 1) {
		/* only "a" and "I" stand alone */
		if (!(w[0] == 'a' || w[0] == 'I' ||
		      (w[0] == 'A' && first && ar->prev == c->d->bos && ar->next_lower)))
			return 0;
		*id = e->lm_id;
		return e->lm_id >= 0;
	}
	int capital = is_upper((unsigned char)w[0]);
	if (capital && !first)
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!is_lower((unsigned char)w[i]))
			return 0;
	const struct repair_table_entry *a = rdata_apos(c->d, e);
	if (a && part_apos(c->d, e, a) && (!capital || (first && rdata_text(c->d, a)[1] == '\''))) {
		/* "dont", or "Im" ("I'm") */
		*id = a->lm_id;
		return a->lm_id >= 0;
	}
	if (capital) {
		/* "Iraqor": a name; "Inthe": a capitalised word starting a
		 * sentence; "Keyboardfrom": a word the document writes
		 * capitalised (pair_ok() then wants a function word after it) */
		if (!doc_name(c, w, n) && !cap_start(c, e, ar) && doc_cap(c, w, n) == 0 && !dict_name(e))
			return 0;
		if (doc_name(c, w, n) && doc_count(c, w, n) >= 2) {
			/* a name the model may not know ("Gaiman") */
			*id = e->lm_id;
			return 1;
		}
	} else if (!(lower_word(e) && e->level <= 60)) {
		return 0;
	} else if (n == 2 && !is_func(e)) {
		/* two letters stand alone as a function word ("in", "on"),
		 * not as an abbreviation ("st") */
		return 0;
	}
	*id = e->lm_id;
	/* a common word the (American) model lacks: "criticised" */
	return e->lm_id >= 0 || (!capital && n >= 4 && e->level <= 35);
}

/*
 * A name, then what it did: "Turkeydrew Iceland", "President
 * Trumpscuttled", "Smart Keyboardfelt". The name is one of the document
 * or the dictionaries, or a common word inside a row of capitalised words
 * with no punctuation between ("Kendrick Lamar, Coldplay" is a list);
 * the verb is a common word the model lists after "he", "she" or "they"
 * far more often than alone. Returns the length of the name, 0 if none.
 */
static size_t split_subject_verb(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	if (!plain_case(w, n) || !is_upper((unsigned char)w[0]))
		return 0;
	/* "Healthcares portfolio" is a possessive */
	if (w[n - 1] == 's' && is_known(lookup(c, w, n - 1)))
		return 0;
	/* the longest verb: "Montourspoiled" is no "Montourspoi led" */
	for (size_t i = 3; i + 3 <= n; i++) {
		const struct repair_table_entry *r = lookup(c, w + i, n - i);
		if (!lower_word(r) || r->level > 35 || !subject_verb(c->d, r->lm_id))
			continue;
		const struct repair_table_entry *l = lookup(c, w, i);
		/* a short word and a verb make surnames: "Munsell", "Petrides" */
		if (doc_name(c, w, i) || dict_name(l) || (ar->after_cap && ar->prev_w && i >= 4 && lower_word(l) && l->level <= 35))
			return i;
		return 0;
	}
	return 0;
}

/*
 * A noun, then what it does: "The showopens to the public",
 * "astrobiologistsregard it". After "the", or a plural noun; both parts
 * common words of four letters or more, the second a verb (see
 * split_subject_verb()). Returns the length of the noun, 0 if none.
 */
static size_t split_noun_verb(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	for (size_t i = 4; i + 4 <= n; i++) {
		const struct repair_table_entry *r = lookup(c, w + i, n - i);
		if (!lower_word(r) || r->level > 35 || !subject_verb(c->d, r->lm_id))
			continue;
		const struct repair_table_entry *l = lookup(c, w, i);
		int plural = w[i - 1] == 's' && lower_word(lookup(c, w, i - 1));
		if (lower_word(l) && l->level <= 35 && !is_func(l) && (ar->after_the || plural))
			return i;
	}
	return 0;
}

/* A word the text writes again and again ("soname", "goto", "DECnet",
 * "Winterfell") in a text that shows no other lost space is a word of its
 * own, whatever two words it reads as. */
int repair_split_written_often(const struct words_ctx *c, const char *w, size_t n)
{
	return !c->lost_spaces && doc_count(c, w, n) >= WRITTEN_OFTEN;
}

/*
 * Whether w[0..n), split after k, is a word of the document, not damage:
 * it writes it fused again and again (HABIT_FUSED) and apart seldom. A
 * scraper that loses one space in ten still writes nine of ten pairs apart
 * ("of the" beside two "ofthe"); a word written again and again and never
 * apart ("rideshare", "Elementor", "async") is the author's, whatever two
 * words it reads as. Two function words fused ("ofthe") no text writes on
 * purpose.
 */
static int fused_by_habit(const struct words_ctx *c, const char *w, size_t k, size_t n)
{
	uint32_t fused = doc_count(c, w, n);
	if (fused < HABIT_FUSED_CONTENT)
		return 0;
	const struct repair_table_entry *l = lookup(c, w, k), *r = lookup(c, w + k, n - k);
	if (fused < (is_func(l) || is_func(r) ? HABIT_FUSED : HABIT_FUSED_CONTENT) || (is_func(l) && is_func(r)))
		return 0;
	uint32_t cap;
	return vocab_pair_count(c->vb, w, k, w + k, n - k, &cap) < SPACED_PER_FUSED * fused;
}

/* put_split() of w split after k, unless the document writes it so by
 * habit (fused_by_habit()): then 0, nothing emitted. */
static int split_unless_habit(struct buf *out, const struct words_ctx *c, const char *w, size_t k, size_t n,
			      int32_t *last)
{
	if (fused_by_habit(c, w, k, n))
		return 0;
	return put_split(out, c, w, k, n, last);
}

/* The article at the start of w[0..n): "the", "an" or "a", in lowercase
 * or capitalised ("The2018"); its length, 0 if none. */
static size_t article_len(const char *w, size_t n)
{
	if (n < 2 || (!is_lower((unsigned char)w[0]) && w[0] != 'T' && w[0] != 'A'))
		return 0;
	if (n > 3 && (w[0] | 32) == 't' && w[1] == 'h' && w[2] == 'e')
		return 3;
	if (n > 2 && (w[0] | 32) == 'a' && w[1] == 'n')
		return 2;
	return (w[0] | 32) == 'a';
}

/* Whether r[0..n) starts with a vowel sound, so takes "an": a word by its
 * first letter, capitals read letter by letter by that letter's name ("an
 * NSC", "a UK", "an iMac"). -1 when either article may go before it: a
 * word starting with "u" ("a unibody", "an update"). */
static int starts_vowel_sound(const char *r, size_t n)
{
	char ch = (char)(r[0] | 32);
	int spelled = n == 1 || is_upper((unsigned char)r[1]) || is_digit((unsigned char)r[1]);
	if (spelled)
		return strchr("aefhilmnorsx", ch) != NULL;
	if (ch == 'u')
		return -1;
	return strchr("aeio", ch) != NULL;
}

/* r[0..n) may follow a word in running text: letters, digits and the
 * marks inside words ("UK's", "Pi-Hole", "U.S."), no code or address
 * ("Object.make"). */
static int word_chars(const char *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)r[i];
		if (ch == '.' && i + 1 < n && !is_upper((unsigned char)r[i + 1]))
			return 0;
		if (!is_alnum(ch) && ch != '\'' && ch != '-' && ch != '.' && ch < 0x80)
			return 0;
	}
	return 1;
}

/* Whether r[0..n), after an article, is what an article goes before: a
 * capitalised word the lists or the document know ("Python", "Small-Class"),
 * capitals the lists or the document know on their own ("UK's", "NSClegal",
 * "SERPs") or with digits ("V8"), a brand the document writes alone ("iMac"), or after
 * "the" a number ("the3rd", "The2018"). */
static int article_follower(const struct words_ctx *c, const char *r, size_t n, int the, int cap_article)
{
	unsigned char r0 = (unsigned char)r[0], r1 = (unsigned char)r[1];
	if (is_digit(r0))
		return the;
	size_t k = 1;
	if (is_upper(r0) && is_lower(r1)) {
		/* one capitalised word: "TuTu" is a brand of its own */
		while (k < n && is_lower((unsigned char)r[k]))
			k++;
		if (k < n && is_alpha((unsigned char)r[k]))
			return 0;
		return k >= 3 && (is_known(lookup(c, r, k)) || doc_count(c, r, k) > 0);
	}
	/* "A" before capitals is mostly an acronym itself ("AIs", "ATM") */
	if (cap_article && !the)
		return 0;
	if (is_upper(r0)) {
		int digits = 0;
		while (k < n && (is_upper((unsigned char)r[k]) || is_digit((unsigned char)r[k])))
			digits |= is_digit((unsigned char)r[k++]);
		/* capitals and digits name a model ("V8", "A350") */
		return digits || is_known(lookup(c, r, k)) || doc_count(c, r, k) > 0 || doc_count(c, r, n) > 0;
	}
	return is_lower(r0) && is_upper(r1) && doc_count(c, r, n) > 0;
}

/*
 * An article fused to the word it goes before, where a capital or a digit
 * shows the seam: "theiMac", "theV8", "theUK's", "theNSClegal", "The2018",
 * "aPython", "AGlimpse". The article sounds right before the word ("a UK",
 * "an NSC"), and the document does not write the two so by habit
 * ("theCUBE", a brand written again and again). Returns the article's
 * length, 0 if none.
 */
static size_t split_article(const struct words_ctx *c, const char *w, size_t n)
{
	size_t k = article_len(w, n);
	if (k == 0 || n - k < 2 || !word_chars(w + k, n - k))
		return 0;
	int the = k == 3, cap = is_upper((unsigned char)w[0]);
	if (!article_follower(c, w + k, n - k, the, cap))
		return 0;
	if (!the && !is_digit((unsigned char)w[k])) {
		int an = starts_vowel_sound(w + k, n - k);
		if (an >= 0 && an != (k == 2))
			return 0;
	}
	return fused_by_habit(c, w, k, n) ? 0 : k;
}

/*
 * A function word fused to capitals, a model number or a brand with a
 * capital inside, where the case shows the seam: "orPOSIX", "herSUV",
 * "withB2B", "inV4", "andSEO-friendly", "asUS-based", "orJavaScript",
 * "andAliExpress", and starting a sentence "AndU.S.". The capitals are ones the lists or the document know on
 * their own (or hold a digit); the brand one the lists know or the
 * document writes alone; no habit ("myAI" written again and again).
 * Returns the function word's length, 0 if none.
 */
static size_t split_function_word(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	/* capitalised only where it starts a sentence ("AndU.S.") */
	size_t k = is_upper((unsigned char)w[0]) && ar->prev == c->d->bos;
	while (k < n && is_lower((unsigned char)w[k]))
		k++;
	if (k < 2 || n - k < 2 || !is_upper((unsigned char)w[k]) || !is_func(lookup(c, w, k)) ||
	    !word_chars(w + k, n - k))
		return 0;
	/* the letters across the seam are a word of the lists ("MySQL-centric";
	 * "inV4" is no "inv") */
	size_t l = k;
	while (l < n && is_alpha((unsigned char)w[l]))
		l++;
	if (l >= k + 2 && is_known(lookup(c, w, l)))
		return 0;
	const char *r = w + k;
	size_t rn = n - k, e = 1;
	if (is_lower((unsigned char)r[1])) {
		/* a capitalised word with capitals inside ("JavaScript"), a
		 * name of the lists or the document ("LowerCase" is the
		 * lowercase word); a plain one ("inKyiv") is the camel-case
		 * split's */
		while (e < rn && is_alpha((unsigned char)r[e]))
			e++;
		if (plain_case(r, e) || !(cap_only(lookup(c, r, e)) || doc_name(c, r, e)))
			return 0;
	} else if (!article_follower(c, r, rn, 1, 0) || is_digit((unsigned char)r[0])) {
		return 0;
	}
	return fused_by_habit(c, w, k, n) ? 0 : k;
}

/*
 * A common word fused to a hyphenated name or brand whose parts are
 * capitalised: "asAl-Ibrahim", "thePi-Hole", "supportWi-Fi",
 * "runningPi-Hole". A brand with capitals inside its first part
 * ("phpMyAdmin-Docker", "macOS-Style") or a lowercase part after the
 * hyphen ("iPhone-like") is no such seam. Returns the word's length, 0 if
 * none.
 */
static size_t split_before_hyphenated_name(const struct words_ctx *c, const char *w, size_t n)
{
	size_t k = 0;
	while (k < n && is_lower((unsigned char)w[k]))
		k++;
	if (k < 2 || k + 1 >= n || !is_upper((unsigned char)w[k]))
		return 0;
	size_t h = k + 1;
	while (h < n && is_lower((unsigned char)w[h]))
		h++;
	if (h + 1 >= n || w[h] != '-' || !is_upper((unsigned char)w[h + 1]) || !word_chars(w + h, n - h))
		return 0;
	const struct repair_table_entry *l = lookup(c, w, k);
	if (!(is_func(l) || (lower_word(l) && l->level <= 50)))
		return 0;
	return fused_by_habit(c, w, k, n) ? 0 : k;
}

/*
 * A common word fused to an acronym: "generativeAI", "technicalSEO",
 * "localDNS", "popularCRM", and at a sentence start "ButSEO". The
 * document writes the acronym alone again and again (WRITTEN_OFTEN
 * times), so this is one more of those, and the fused form is no habit.
 * A name made so ("watchOS", "macOS") is written where its acronym
 * seldom stands alone. Returns the word's length, 0 if none.
 */
static size_t split_word_acronym(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	int cap = is_upper((unsigned char)w[0]);
	size_t k = cap;
	while (k < n && is_lower((unsigned char)w[k]))
		k++;
	size_t e = k;
	while (e < n && is_upper((unsigned char)w[e]))
		e++;
	/* a plural: "RSVPs" */
	size_t end = e < n && w[e] == 's' ? e + 1 : e;
	if (k < 2 + !cap || e - k < 2 || end != n)
		return 0;
	const struct repair_table_entry *l = lookup(c, w, k);
	if (!lower_word(l) || l->level > 50 || doc_count(c, w + k, e - k) < WRITTEN_OFTEN)
		return 0;
	/* capitalised, a function word starting a sentence ("ButSEO",
	 * "AtREI"); a capitalised content word and capitals make brands
	 * ("OpenAI", "CoreDNS", "WebGPU"), and so does a function word inside
	 * a sentence ("the NoSQL store") */
	if (cap && (!is_func(l) || ar->prev != c->d->bos))
		return 0;
	return fused_by_habit(c, w, k, n) ? 0 : k;
}

size_t repair_split_seam(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	if (!c->spaces)
		return 0;
	size_t k = split_article(c, w, n);
	if (!k)
		k = split_function_word(c, w, n, ar);
	if (!k)
		k = split_word_acronym(c, w, n, ar);
	if (!k)
		k = split_before_hyphenated_name(c, w, n);
	return k;
}

/*
 * An article or another determiner fused to a lowercase word of the lists
 * the bigram model lacks or cannot split by ("apodcast", "adroid",
 * "theencoder", "theirpodcasts"; "abad" the model knows only as a name):
 * the token itself is no lowercase word of the lists ("along", "alive",
 * "thereby" are), the rest is one of three letters or more, and the
 * article sounds right before it ("anation" is "a nation").
 * Returns the determiner's length, 0 if none.
 */
static size_t determiner_before_word(const struct words_ctx *c, const char *w, size_t n)
{
	/* longest first: "their" before "the"; not "my", which names
	 * placeholders in code ("mymodule", "myapp") */
	static const char *const articles[] = { "these", "those", "their", "every", "this", "your", "some",
						"each", "such", "the", "our", "his", "her", "its", "any", "all",
						"an", "a" };
	const struct repair_table_entry *e = lookup(c, w, n);
	if (!is_lower((unsigned char)w[0]) || lower_word(e) || !lower_run(w, n))
		return 0;
	for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
		size_t k = strlen(articles[i]);
		if (n < k + 3 || memcmp(w, articles[i], k) != 0)
			continue;
		const struct repair_table_entry *a = lookup(c, w, k), *r = lookup(c, w + k, n - k);
		/* a word of the larger lists only ("pree", "piso") is no
		 * likelier than a word no list knows, unless people write it */
		if (!lower_word(r) || (r->level > 60 && r->lm_id < 0))
			continue;
		/* "a" or "an" */
		int an = w[0] == 'a' && k < 3 ? starts_vowel_sound(w + k, n - k) : -1;
		if (an >= 0 && an != (k == 2))
			continue;
		/* a token the model knows ("alot", written so on purpose) must be
		 * far less likely than the two words (as in rare_pair()) */
		if (e && e->lm_id >= 0 &&
		    (r->lm_id < 0 || c->d->uni_prob[a->lm_id] + rdata_score(c->d, a->lm_id, r->lm_id) <
					     c->d->uni_prob[e->lm_id] + RARE_PAIR_LIFT))
			continue;
		return fused_by_habit(c, w, k, n) ? 0 : k;
	}
	return 0;
}

/* A word of one letter that stands alone: "a", "I". */
static int lone_letter(char ch)
{
	return ch == 'a' || ch == 'A' || ch == 'I';
}

/*
 * Where the document itself splits w: it writes the two parts one after the
 * other elsewhere ("Hong Kong" for "HongKong", "air pollution" for
 * "airpollution"), as often as w at least, with the second part in the
 * same case. Returns the length of the first part, 0 if none.
 */
size_t repair_split_doc(const struct words_ctx *c, const char *w, size_t n)
{
	uint32_t best_n = 0;
	size_t best = 0;
	for (size_t i = 1; i < n; i++) {
		if ((i == 1 && !lone_letter(w[0])) || (n - i == 1 && !lone_letter(w[i])))
			continue;
		/* the second part one word ("Kong", "pollution"); the first may
		 * be a brand ("MacBookPro": "MacBook Pro") */
		if (!only_letters(w, i) || !plain_case(w + i, n - i))
			continue;
		uint32_t cap;
		uint32_t all = vocab_pair_count(c->vb, w, i, w + i, n - i, &cap);
		uint32_t k = is_upper((unsigned char)w[i]) ? cap : all - cap;
		if (k > best_n) {
			best_n = k;
			best = i;
		}
	}
	/* a name written both ways ("RemoteTalk", "Remote Talk") needs the
	 * two words more often */
	uint32_t fused = doc_count(c, w, n);
	if (best && is_upper((unsigned char)w[best]) && best_n <= fused)
		return 0;
	return best_n > 0 && best_n >= fused ? best : 0;
}

/*
 * Two capitalised words fused: a name and a name ("AdamNeumann",
 * "BernieSanders"), or a common word starting a sentence and a name
 * ("WhileChina"). A brand made of two ordinary words ("PlayStation",
 * "FaceTime", "MinnesotaCare") is never split: its second part is no
 * name. Returns the length of the first word, 0 if none.
 */
size_t repair_split_names(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	size_t k = 1;
	while (k < n && is_lower((unsigned char)w[k]))
		k++;
	if (k < 2 || k >= n || n - k < 3)
		return 0;
	if (!plain_case(w + k, n - k)) {
		/* a name and a brand the document writes on their own, each
		 * again and again, fused once ("AppleAirPods") */
		if (k >= 3 && only_letters(w + k, n - k) && doc_count(c, w, n) <= 1 && doc_name(c, w, k) &&
		    doc_cap(c, w, k) >= 2 && doc_name(c, w + k, n - k) && doc_cap(c, w + k, n - k) >= 2)
			return k;
		return 0;
	}
	const struct repair_table_entry *x = lookup(c, w, k);
	const struct repair_table_entry *y = lookup(c, w + k, n - k);
	/* written so again and again: a name of the text ("SetResolution",
	 * "EndSection"), unless a set phrase below ("HongKong") */
	int repeated = doc_count(c, w, n) > 1;
	/* a common name, then a word no list knows or knows only as a name:
	 * a first name and a surname ("DanielElahi", "EllenKushner") */
	if (k >= 3 && !repeated && dict_name(x) &&
	    (!is_known(y) || !(y->flags & RT_LOWER)))
		return k;
	/* two capitalised words the model puts together very often ("Vice
	 * President", "Middle East", "Orange County"), fused once; brands of
	 * two words are rarer pairs ("PlayStation", "FaceTime") */
	if (k >= 3 && is_dict(x) && is_dict(y) && x->lm_id >= 0 && y->lm_id >= 0 &&
	    rdata_has_bigram(c->d, x->lm_id, y->lm_id)) {
		int s = rdata_score(c->d, x->lm_id, y->lm_id);
		/* ... written fused again and again only when the second word
		 * nearly always follows the first ("HongKong") */
		if ((s >= NAME_BIGRAM && doc_count(c, w, n) <= 1) || s >= SET_PHRASE)
			return k;
	}
	/* a common word is a name when the document writes it capitalised,
	 * on its own, more than once ("Apple") */
	if (repeated || !name_word(c, w + k, n - k) || (y && (y->flags & RT_LOWER) && doc_count(c, w + k, n - k) < 2))
		return 0;
	if (k >= 3 && name_word(c, w, k) && !(x && (x->flags & RT_LOWER)))
		return k;
	/* a sentence starting with a common word, glued to a name */
	if (ar->prev == c->d->bos && lower_word(x) && (is_func(x) || (k >= 3 && x->level <= 35)))
		return k;
	return 0;
}

/*
 * Capitals glued to a lowercase word: "CEOof", "NASAits", "VOTEon". The
 * capitals are written alone elsewhere in the document (or are a word
 * themselves), and the word after is a function word or a common word, so
 * plurals ("CEOs", "NGOs") and brands ("JPMorgan", "SaaS") stay. Returns
 * the length of the capitals, 0 if none.
 */
size_t repair_split_acronym(const struct words_ctx *c, const char *w, size_t n)
{
	size_t k = 0;
	while (k < n && is_upper((unsigned char)w[k]))
		k++;
	if (k < 2 || n - k < 2)
		return 0;
	for (size_t i = k; i < n; i++)
		if (!is_lower((unsigned char)w[i]))
			return 0;
	const struct repair_table_entry *r = lookup(c, w + k, n - k);
	if (!lower_word(r) || !(is_func(r) || (n - k >= 3 && r->level <= 35)))
		return 0;
	const struct repair_table_entry *a = lookup(c, w, k);
	return doc_count(c, w, k) > 0 || (k >= 3 && is_dict(a)) ? k : 0;
}

/* w[0..k) w[k..n): two very common words the model knows together
 * ("financial services"), so a fused form written twice is still two words
 * in a text that lost spaces (in one that did not, "filesystem" written
 * again and again is a word of its own). */
static int very_common_pair(const struct words_ctx *c, const char *w, size_t k, size_t n)
{
	const struct repair_table_entry *l = lookup(c, w, k), *r = lookup(c, w + k, n - k);
	return l && r && l->level <= VERY_COMMON && r->level <= VERY_COMMON && k >= 3 && n - k >= 3 &&
	       rdata_has_bigram(c->d, l->lm_id, r->lm_id);
}

/*
 * A rare word that is far likelier two common words fused: "tobe" (SCOWL
 * size 80) is "to be", "afteryears" "after years". Only when the word is
 * no common word (SCOWL size 70 and up, or no SCOWL size), the document
 * writes it once, both parts are common words the model puts together,
 * and the pair is a thousand times likelier than the word (thirty times
 * when the model never heard the word: "itas", "feltlike"). Returns the
 * length of the first part, 0 if none.
 */
static size_t rare_pair(const struct words_ctx *c, const char *w, size_t n, const struct repair_table_entry *e)
{
	if (e->level < 70 || !(e->flags & RT_LOWER) || doc_count(c, w, n) > 1 || !plain_case(w, n) ||
	    is_upper((unsigned char)w[0]))
		return 0;
	int self = e->lm_id >= 0 ? c->d->uni_prob[e->lm_id] : -7000;
	size_t best = 0;
	int best_s = self + (e->lm_id >= 0 ? RARE_PAIR_LIFT : RARE_PAIR_LIFT_UNHEARD);
	/* "a" is the one word of one letter that starts such pairs ("ahigh",
	 * "agood": archaic words, "a high", "a good" in running text), before
	 * a consonant */
	size_t from = w[0] == 'a' && starts_vowel_sound(w + 1, n - 1) != 1 ? 1 : 2;
	for (size_t i = from; i + 1 <= n; i++) {
		const struct repair_table_entry *l = lookup(c, w, i), *r = lookup(c, w + i, n - i);
		/* the one-letter word is "a", after a function word ("fora") */
		if (i + 1 == n && !(w[i] == 'a' && is_func(l)))
			continue;
		if (!lower_word(l) || !lower_word(r) ||
		    !(is_func(l) || l->level <= 35) || !(is_func(r) || r->level <= 35) || l->lm_id < 0 || r->lm_id < 0 ||
		    !rdata_has_bigram(c->d, l->lm_id, r->lm_id))
			continue;
		int s = c->d->uni_prob[l->lm_id] + rdata_score(c->d, l->lm_id, r->lm_id);
		if (s > best_s) {
			best_s = s;
			best = i;
		}
	}
	return best;
}

/*
 * "theencoder", "andsyncing", "withvectorised": a function word, then a
 * word of LONG_PART letters or more that the dictionaries list, however
 * rare, for a fused word no two common words spell. Not after a particle
 * that makes new words ("upskilling", "outsource", "overclocking"), nor
 * after a capitalised function word of four letters, which may be a
 * prefix of a term ("Ontopsychology"), and only when one function word
 * reads so. Returns the length of the function word, 0 if none.
 */
static size_t function_word_then_word(const struct words_ctx *c, const char *w, size_t n)
{
	static const char *const particles[] = { "up", "out", "down", "off", "over", "under" };
	size_t found = 0;
	for (size_t i = 2; i <= 4 && i + LONG_PART <= n; i++) {
		const struct repair_table_entry *f = lookup(c, w, i), *r = lookup(c, w + i, n - i);
		if (!is_func(f) || !lower_word(f) || f->lm_id < 0 || !lower_word(r) || is_func(r) ||
		    IN_LIST_FOLDED(w, i, particles) || (i == 4 && is_upper((unsigned char)w[0])))
			continue;
		if (found)
			return 0;
		found = i;
	}
	return found;
}

/* A common dictionary word written in lowercase, or the stripped form of
 * an apostrophe word ("werent"). */
static int one_word(const struct words_ctx *c, const char *w, size_t n)
{
	const struct repair_table_entry *e = lookup(c, w, n);
	const struct repair_table_entry *a = rdata_apos(c->d, e);
	return (lower_word(e) && e->level <= 50) || (a && repair_apos_certain(c->d, e, a));
}

/*
 * Splits a fused word w[0..n) into two or three parts when it is no word
 * itself. Emits the parts and returns 1, or returns 0 to keep w (nothing
 * emitted); negative on error. *last gets the last part's model word.
 */
int repair_split_fused(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last)
{
	if (!c->spaces || n < 3 || n > MAX_FUSED || repair_split_written_often(c, w, n))
		return 0;
	const struct repair_table_entry *e = lookup(c, w, n);
	/* "ina", "toa": a short odd word splits into two function words only */
	int odd = odd_lower(e, w);
	if (is_known(e) && !(odd && n <= 5)) {
		size_t k = rare_pair(c, w, n, e);
		if (!k)
			return 0;
		return split_unless_habit(out, c, w, k, n, last);
	}
	if (rdata_apos(c->d, e))
		return 0;
	if (inflection_of_word(c, w, n))
		return 0;
	/* a word that did not split will not split elsewhere either, unless
	 * it starts a sentence (a capitalised first part may then split off) */
	int capital = is_upper((unsigned char)w[0]);
	struct vocab_word *vw = vocab_find_mut(c->vb, w, n);
	int *failed = !vw || (capital && ar->prev == c->d->bos) ? NULL : capital ? &vw->no_split_cap : &vw->no_split;
	if (failed && *failed)
		return 0;
	/* written so more than once: a word of the document, unless it reads
	 * as a function word glued to another ("withthe") */
	int repeated = vw && vw->count > 1;
	size_t ds = odd ? 0 : repair_split_doc(c, w, n);
	if (ds) {
		*last = word_id(c, w + ds, n - ds);
		if (repair_split_put_part(out, c, w, ds) || buf_putc(out, ' ') ||
		    repair_split_put_last(out, c, w, ds, w + ds, n - ds, ar))
			return SCRAPE_ENOMEM;
		return 1;
	}
	/* "thatI", "withCBP": a function word, then "I" or capitals the
	 * document writes on their own */
	size_t lo = 0;
	while (lo < n && is_lower((unsigned char)w[lo]))
		lo++;
	if (lo >= 2 && lo < n && is_func(lookup(c, w, lo))) {
		size_t k = lo;
		while (k < n && is_upper((unsigned char)w[k]))
			k++;
		if (k == n && ((n - lo == 1 && w[lo] == 'I') || (n - lo >= 2 && doc_count(c, w + lo, n - lo) > 0)))
			return split_unless_habit(out, c, w, lo, n, last);
	}
	size_t sv = capital ? split_subject_verb(c, w, n, ar) : 0;
	if (sv)
		return split_unless_habit(out, c, w, sv, n, last);
	/* "Auditoriumon", "Franciscoand": a capitalised word, then a function
	 * word the model knows after it; the word is a common one, a name of
	 * the dictionaries, or one the document writes alone */
	if (capital && plain_case(w, n)) {
		for (size_t i = n - 2; i >= 3 && i + 3 >= n; i--) {
			const struct repair_table_entry *f = lookup(c, w + i, n - i);
			const struct repair_table_entry *x = lookup(c, w, i);
			if (!is_func(f) || !(f->flags & RT_LOWER))
				continue;
			if (!((is_dict(x) && x->level <= 50) || doc_count(c, w, i) > 0))
				continue;
			/* a short common word and a function word make first
			 * names ("Juston") */
			if (lower_word(x) && i < 5)
				continue;
			if (x && x->lm_id >= 0 && !rdata_has_bigram(c->d, x->lm_id, f->lm_id))
				continue;
			return split_unless_habit(out, c, w, i, n, last);
		}
	}
	/* camel case: "helpingIraq" (a lowercase word, then a capitalised one) */
	for (size_t i = 2; i + 1 < n; i++) {
		if (!(is_lower((unsigned char)w[i - 1]) && is_upper((unsigned char)w[i])))
			continue;
		if (!is_lower((unsigned char)w[0]) || !is_lower((unsigned char)w[i + 1]))
			return 0;
		for (size_t k = i + 1; k < n; k++)
			if (!is_lower((unsigned char)w[k]))
				return 0;
		const struct repair_table_entry *l = lookup(c, w, i);
		const struct repair_table_entry *r = lookup(c, w + i, n - i);
		if (repeated || !(lower_word(l) && l->level <= 60))
			return 0;
		/* the second part is a known word, or one of the document, or
		 * any name after a function word ("inKyiv", "byRakuten") */
		if (!(known_or_doc(c, r, w + i, n - i) || (is_func(l) && n - i >= 3)))
			return 0;
		if (fused_by_habit(c, w, i, n))
			return 0;
		*last = r ? r->lm_id : -1;
		if (repair_split_put_part(out, c, w, i) || buf_putc(out, ' ') ||
		    repair_split_put_last(out, c, w, i, w + i, n - i, ar))
			return SCRAPE_ENOMEM;
		return 1;
	}
	for (size_t i = 1; i < n; i++)
		if (!is_lower((unsigned char)w[i]))
			return 0;
	size_t nv = capital || repeated ? 0 : split_noun_verb(c, w, n, ar);
	if (nv)
		return split_unless_habit(out, c, w, nv, n, last);
	/* best split into two or three parts by the bigram model; the parts
	 * that can start or end the word are found first */
	int32_t pre[MAX_FUSED + 1], suf[MAX_FUSED + 1];
	int pre_ok[MAX_FUSED + 1], suf_ok[MAX_FUSED + 1];
	for (size_t i = 1; i < n; i++) {
		pre_ok[i] = repair_split_part_ok(c, w, i, 1, ar, &pre[i]);
		suf_ok[i] = repair_split_part_ok(c, w + i, n - i, 0, ar, &suf[i]);
	}
	int best = -1000000;
	size_t b1 = 0, b2 = 0;
	int32_t best_last = -1;
	for (size_t i = 1; i < n; i++) {
		if (!pre_ok[i])
			continue;
		int32_t id1 = pre[i];
		if (suf_ok[i] && pair_ok(c, w, i, w + i, n - i, id1, suf[i], !repeated && !odd, ar) &&
		    (!odd || rdata_has_bigram(c->d, id1, suf[i]))) {
			int s = rdata_score(c->d, ar->prev, id1) + rdata_score(c->d, id1, suf[i]) +
				(ar->next >= 0 ? rdata_score(c->d, suf[i], ar->next) : 0);
			if (s > best) {
				best = s;
				b1 = i;
				b2 = 0;
				best_last = suf[i];
			}
		}
	}
	/* three parts only when no two do; and two parts that are one word
	 * together are that word: "someillicit" is "some illicit", not
	 * "so me illicit", "timeasleep" "time asleep" */
	int two = b1 != 0;
	for (size_t i = 1; i < n && !two && n >= 8; i++) {
		if (!pre_ok[i])
			continue;
		int32_t id1 = pre[i], id2;
		for (size_t j = i + 1; j < n; j++) {
			if (!suf_ok[j] || !repair_split_part_ok(c, w + i, j - i, 0, ar, &id2))
				continue;
			int32_t id3 = suf[j];
			if (!pair_ok(c, w, i, w + i, j - i, id1, id2, !repeated, ar) ||
			    !pair_ok(c, w + i, j - i, w + j, n - j, id2, id3, !repeated, ar))
				continue;
			/* a third part costs: prefer two when both read */
			int s = rdata_score(c->d, ar->prev, id1) + rdata_score(c->d, id1, id2) +
				rdata_score(c->d, id2, id3) + (ar->next >= 0 ? rdata_score(c->d, id3, ar->next) : 0) - 2000;
			if (s > best) {
				best = s;
				b1 = i;
				b2 = j;
				best_last = id3;
			}
		}
	}
	if (b1 == 0 && !odd && !repeated && (b1 = function_word_then_word(c, w, n)) != 0)
		best_last = word_id(c, w + b1, n - b1);
	if (b2 && one_word(c, w, b2))
		b1 = b2, b2 = 0;
	else if (b2 && one_word(c, w + b1, n - b1))
		b2 = 0, best_last = word_id(c, w + b1, n - b1);
	if (b1 == 0 || (odd && (b2 || !is_func(lookup(c, w, b1)) || !is_func(lookup(c, w + b1, n - b1)) ||
				 (b1 * 2 == n && memcmp(w, w + b1, b1) == 0)))) {
		size_t k = determiner_before_word(c, w, n);
		if (k)
			return put_split(out, c, w, k, n, last);
		if (failed)
			*failed = 1;
		return 0;
	}
	if (repeated && (b2 || is_upper((unsigned char)w[0]) ||
			 !(is_func(lookup(c, w, b1)) || is_func(lookup(c, w + b1, n - b1)) ||
			   (c->lost_spaces && very_common_pair(c, w, b1, n)))))
		return 0;
	if (fused_by_habit(c, w, b1, n))
		return 0;
	*last = best_last;
	if (repair_split_put_part(out, c, w, b1) || buf_putc(out, ' '))
		return SCRAPE_ENOMEM;
	if (b2) {
		if (repair_split_put_part(out, c, w + b1, b2 - b1) || buf_putc(out, ' ') ||
		    repair_split_put_last(out, c, w + b1, b2 - b1, w + b2, n - b2, ar))
			return SCRAPE_ENOMEM;
	} else if (repair_split_put_last(out, c, w, b1, w + b1, n - b1, ar)) {
		return SCRAPE_ENOMEM;
	}
	return 1;
}
