#include "repair_words.h"
#include "scrape.h"

#include <string.h>

/* A context repair ("were" -> "we're") needs the apostrophe form to be this
 * much likelier (thousandths of a log10) than the word as written. */
#define AMBIGUOUS_MARGIN 700
/* ... or this much when the document writes the apostrophe form itself. */
#define EVIDENCE_MARGIN 500
/* "its" is a possessive determiner: the word after it is an open-class
 * word the model rarely lists after either form, so the choice falls back
 * on the unigram ratio of "it's" to "its", which a model of speech
 * overstates for written text. It needs a wider margin. */
#define ITS_MARGIN 1500
#define ITS_EVIDENCE_MARGIN 1000
/* A capitalised "s" form the dictionaries list as a name of its own
 * ("Edmunds", "Browns", "Peoples") needs as much. */
#define NAME_MARGIN 1500
/* A function word that starts (or ends) this many dictionary compounds or
 * more ("up": "upset", "upsample") is not split off unless the model knows
 * the bigram. */
#define COMPOUND_FUNC 8
/* How often a name must be written alone before its "s" form counts as
 * evidence of lost apostrophes. */
#define NAME_EVIDENCE 3
/* SCOWL size of the very common words (10: the commonest). */
#define VERY_COMMON 20
/* log10 P(second | first), thousandths, of two content words the model
 * puts together often. */
#define STRONG_BIGRAM (-2600)
/* ... and of two capitalised words that make a name together. */
#define NAME_BIGRAM (-2000)
/* Longest word the fused-word search looks at. */
#define MAX_FUSED 40

struct tok {
	size_t st, en;    /* token in the text */
	size_t cst, cen;  /* its core, without surrounding punctuation */
};

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

static int ch_is(char ch, unsigned bits)
{
	return (ch_class[(unsigned char)ch] & bits) != 0;
}

/* Table look-up through the document vocabulary, which keeps the result
 * per word: the table is large, the document's vocabulary is small. */
static const struct repair_table_entry *lookup(const struct words_ctx *c, const char *w, size_t n)
{
	/* only words are in the table: skip numbers and symbols at once */
	for (size_t i = 0; i < n; i++)
		if (!ch_is(w[i], CH_WORD))
			return NULL;
	struct vocab_word *v = vocab_find_mut(c->vb, w, n);
	if (!v)
		return rdata_lookup(c->d, w, n);
	if (!v->cached) {
		v->cache = rdata_lookup(c->d, w, n);
		v->cached = 1;
	}
	return v->cache;
}

static int is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_alpha(unsigned char c)
{
	return is_lower(c) || is_upper(c);
}

/* Length of the whitespace at s[0..n) (ASCII space or U+00A0), 0 if none. */
static size_t space_at(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	if (ch_class[c] & CH_SPACE)
		return 1;
	if (n >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}


/* Length of a leading punctuation mark at s[0..n), 0 if none. */
static size_t lead_punct(const char *s, size_t n)
{
	if (ch_is(s[0], CH_LEAD))
		return 1;
	if (n >= 3 && memcmp(s, "\xe2\x80", 2) == 0 &&
	    ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x98))
		return 3;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAB)
		return 2;
	return 0;
}

/* Length of a trailing punctuation mark ending at s[n), 0 if none. */
static size_t trail_punct(const char *s, size_t n)
{
	if (n >= 1 && ch_is(s[n - 1], CH_TRAIL))
		return 1;
	if (n >= 3 && memcmp(s + n - 3, "\xe2\x80", 2) == 0 &&
	    ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99 ||
	     (unsigned char)s[n - 1] == 0xA6))
		return 3;
	if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB)
		return 2;
	return 0;
}

static int32_t word_id(const struct words_ctx *c, const char *w, size_t n)
{
	const struct repair_table_entry *e = lookup(c, w, n);
	return e ? e->lm_id : -1;
}

/* A determiner, pronoun or number: it makes no new compounds ("some" +
 * "body" is listed, "somenecessary" is two words), unlike a particle
 * ("upsample"). */
static int determiner(const struct rdata *d, const struct repair_table_entry *e)
{
	static const char *const words[] = { "some", "any", "all", "each", "every", "many", "much", "most",
					     "other", "such", "this", "these", "those", "their", "our", "your",
					     "his", "her", "its", "my", "the", "he", "she", "they", "we", "you",
					     "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" };
	const char *t = rdata_text(d, e);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(t, words[i]) == 0)
			return 1;
	return 0;
}

/* A function word that can follow a possessive, as the start of what it
 * owns: "the company's other founder", "the state's two senators". */
static int noun_phrase_start(const struct rdata *d, const struct repair_table_entry *e)
{
	if (!e)
		return 0;
	static const char *const words[] = { "one", "two", "three", "other", "only", "all", "more", "most",
					     "new", "first", "own", "very", "many", "last", "next", "best" };
	const char *t = rdata_text(d, e);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(t, words[i]) == 0)
			return 1;
	return 0;
}

/* A dictionary word (not only a language-model token). */
static int is_dict(const struct repair_table_entry *e)
{
	return e && (e->flags & (RT_SCOWL | RT_HUNSPELL));
}

static int is_known(const struct repair_table_entry *e)
{
	return e && (e->flags & (RT_SCOWL | RT_HUNSPELL | RT_LM));
}

static int is_func(const struct repair_table_entry *e)
{
	return e && (e->flags & RT_FUNC);
}

/* A word written in lowercase that the dictionaries know only with a
 * capital, or not at all ("ina", "toa": "in a", "to a"). */
static int odd_lower(const struct repair_table_entry *e, const char *w)
{
	return e && is_lower((unsigned char)w[0]) && !(e->flags & RT_LOWER);
}

/* A word that is no common word (SCOWL size 70 and up, or none): written
 * in lowercase it may be two words fused ("tobe"), ending in "s" a name's
 * possessive ("Parises"). */
static int rare_word(const struct repair_table_entry *e, const char *w, size_t n)
{
	return e->level >= 70 && (is_lower((unsigned char)w[0]) || w[n - 1] == 's');
}

static uint32_t doc_count(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v ? v->count : 0;
}

/* Tokens the document writes as w with an apostrophe inside ("we're"). */
static uint32_t doc_apos(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v ? v->apos : 0;
}

static uint32_t doc_poss(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v ? v->poss : 0;
}

/*
 * A word that is damage for sure when its apostrophe form exists: no
 * dictionary lists it ("dont", "countrys", see below for words only the
 * model knows), or only as a rare word
 * (SCOWL size 50 and up: "theres", "chinas") the model does not know while
 * it knows the apostrophe form; or a function word's "'s" the model does
 * not know ("hes", "shes").
 */
static int apos_certain(const struct rdata *d, const struct repair_table_entry *e,
			const struct repair_table_entry *a)
{
	/* a word only the model knows is damage when the apostrophe form is
	 * far likelier ("arent", "im"), not when it is a plural of its own
	 * ("spectrums", "Kennedys") */
	if (!is_dict(e))
		return !a || e->lm_id < 0 || a->lm_id < 0 || d->uni_prob[a->lm_id] > d->uni_prob[e->lm_id] + 1000;
	if (!a || e->lm_id >= 0 || a->lm_id < 0)
		return 0;
	if (e->level >= 50)
		return 1;
	const char *f = rdata_text(d, a);
	size_t fl = strlen(f);
	if (fl < 3 || f[fl - 2] != '\'' || f[fl - 1] != 's')
		return 0;
	return is_func(rdata_lookup(d, f, fl - 2));
}

/* Writes w with an apostrophe inserted where `form` (lowercase, same
 * letters plus apostrophes) has them. Returns the length, 0 if they do not
 * match or do not fit. */
static size_t insert_apos(char *dst, size_t cap, const char *w, size_t n, const char *form)
{
	size_t o = 0, i = 0;
	for (const char *f = form; *f; f++) {
		if (o + 1 >= cap)
			return 0;
		if (*f == '\'') {
			dst[o++] = '\'';
			continue;
		}
		if (i >= n || (char)(w[i] | 32) != *f)
			return 0;
		dst[o++] = w[i++];
	}
	if (i != n)
		return 0;
	/* "im" -> "I'm": the pronoun is always a capital */
	if (o >= 2 && dst[0] == 'i' && dst[1] == '\'')
		dst[0] = 'I';
	dst[o] = '\0';
	return o;
}

/* What surrounds a word: the model words before and after it, and how the
 * token goes on. */
struct around {
	int32_t prev, next;
	int next_lower;  /* the next token starts with a lowercase letter */
	int next_word;   /* a word follows in the same sentence, no punctuation between */
	int next_func;   /* ... and it is a function word */
	const struct repair_table_entry *next_e; /* the next word's entry, if known */
	int apos_after;  /* an apostrophe follows the word ("teams'", "Runnin’") */
	int after_the;   /* the word before is "the" */
	const struct repair_table_entry *self; /* the word's own entry, if known */
	int have_self;
};

/* The two-sided bigram score of word x between prev and next. */
static int context_score(const struct words_ctx *c, int32_t prev, int32_t x, int32_t next)
{
	int s = rdata_score(c->d, prev, x);
	if (next >= 0)
		s += rdata_score(c->d, x, next);
	return s;
}

/* The document writes w mostly with a capital: a name. */
static int doc_name(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v && v->cap > 0 && v->cap * 2 > v->count;
}

/* A name: a word the dictionaries write only capitalised ("Adam",
 * "Sanders"), or one the document writes on its own, mostly capitalised. */
static int name_word(const struct words_ctx *c, const char *w, size_t n)
{
	const struct repair_table_entry *e = lookup(c, w, n);
	if (e && (e->flags & RT_CAP) && !(e->flags & RT_LOWER) && is_dict(e))
		return 1;
	return doc_name(c, w, n) && doc_count(c, w, n) > 0;
}

/* The document writes w in lowercase somewhere ("news"). */
static int doc_lower(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v && v->count > v->cap;
}

/* A proper noun of this document: written on its own, mostly capitalised. */
static int is_name(const struct words_ctx *c, const struct repair_table_entry *e, const char *w, size_t n)
{
	(void)e;
	return doc_name(c, w, n);
}

static size_t put_poss(char *dst, size_t cap, const char *w, size_t n)
{
	if (n + 2 > cap)
		return 0;
	memcpy(dst, w, n - 1);
	dst[n - 1] = '\'';
	dst[n] = 's';
	dst[n + 1] = '\0';
	return n + 1;
}

/*
 * Apostrophe repair of a plain word w[0..n) (letters only). Writes the
 * repaired word to dst and returns its length, or 0 to keep w.
 */
static size_t fix_apostrophe(const struct words_ctx *c, char *dst, size_t cap, const char *w, size_t n,
			     const struct around *ar)
{
	if (!c->apostrophes || n < 2 || ar->apos_after)
		return 0;
	int capital = is_upper((unsigned char)w[0]);
	const struct repair_table_entry *e = lookup(c, w, n);
	const struct repair_table_entry *a = rdata_apos(c->d, e);
	const char *form = a ? rdata_text(c->d, a) : NULL;
	size_t fl = form ? strlen(form) : 0;
	if (form && fl >= 2 && form[fl - 1] != '\'') {
		int poss = fl >= 3 && form[fl - 2] == '\'' && form[fl - 1] == 's';
		/* "Irans": a name's possessive needs the document's word for it
		 * ("Thats" is no name: its stem is a common word) */
		const struct repair_table_entry *st = poss ? lookup(c, w, n - 1) : NULL;
		int common_stem = st && is_dict(st) && (st->flags & RT_LOWER) && st->level <= 20;
		int name_poss = poss && capital && !common_stem && (!(e->flags & RT_LOWER) || !is_dict(e));
		/* ... or a name (every dictionary writes it capitalised, or the
		 * document does) which the document writes alone too, whose "s"
		 * form no list knows, before a lowercase word ("Europes
		 * population"; "Flos" is a brand) */
		int known_name = ((st && is_dict(st) && (st->flags & RT_CAP) && !(st->flags & RT_LOWER)) ||
				  doc_name(c, w, n - 1)) && !is_known(e) &&
				 doc_count(c, w, n - 1) > 0 && ar->next_word && ar->next_lower && !ar->next_func;
		if (name_poss && !c->ambiguous && doc_poss(c, w, n - 1) == 0 && !known_name)
			return 0;
		/* "the Bidens", "Bidens." are plurals */
		if (name_poss && doc_poss(c, w, n - 1) == 0 && (ar->after_the || !ar->next_word))
			return 0;
		/* not a dictionary word ("dont", "countrys", "Im"), or a rare one
		 * ("theres"): certain damage */
		if (apos_certain(c->d, e, a))
			return insert_apos(dst, cap, w, n, form);
		/* forms far rarer than the word ("as" -> "a's") need not be scored */
		int rare = e->lm_id >= 0 && c->d->uni_prob[a->lm_id] + 4000 < c->d->uni_prob[e->lm_id];
		/* "Fords are", "presidents have": a possessive is followed by
		 * what it owns, not by a function word (a speech model likes
		 * "Ford's" as "Ford is" more than written text does) */
		int plural_before_func = poss && !is_func(st) && ar->next_func && !noun_phrase_start(c->d, ar->next_e);
		if (c->ambiguous && a->lm_id >= 0 && !rare && !plural_before_func) {
			/* a word the model does not know ("theres") scores as rare */
			int keep = context_score(c, ar->prev, e->lm_id, ar->next);
			int change = context_score(c, ar->prev, a->lm_id, ar->next);
			int evidence = doc_apos(c, w, n) > 0;
			int margin = evidence ? EVIDENCE_MARGIN : AMBIGUOUS_MARGIN;
			if (n == 3 && (w[0] | 32) == 'i' && w[1] == 't' && w[2] == 's')
				margin = evidence ? ITS_EVIDENCE_MARGIN : ITS_MARGIN;
			/* "Edmunds", "Browns": a name of its own in the dictionaries */
			if (capital && (e->flags & RT_CAP) && margin < NAME_MARGIN)
				margin = NAME_MARGIN;
			if (change - keep > margin)
				return insert_apos(dst, cap, w, n, form);
		}
		if (!(capital && poss))
			return 0;
	}
	/* possessive "s" the tables do not list */
	if (n < 3 || w[n - 1] != 's' || w[n - 2] == 's' || w[n - 2] == '\'')
		return 0;
	const struct repair_table_entry *stem = lookup(c, w, n - 1);
	if (!is_known(e)) {
		/* "Dehqans" when the text has "Dehqan's"; "countrys" */
		if (doc_poss(c, w, n - 1) > 0 ||
		    (c->ambiguous && !capital && stem && (stem->flags & RT_POSS) && is_dict(stem) && ar->next_word &&
		     !ar->next_func))
			return put_poss(dst, cap, w, n);
	}
	/* "Neumanns", "Fords": a name of the document with an "s", in a text
	 * that lost its apostrophes or before a lowercase word; "the Bidens"
	 * is a plural */
	if (capital && (c->ambiguous || ar->next_lower) && !is_known(e) && !ar->after_the && ar->prev != c->d->bos &&
	    ar->next_word && !ar->next_func && is_name(c, stem, w, n - 1) && doc_count(c, w, n - 1) > 0)
		return put_poss(dst, cap, w, n);
	/* "Fords", "Apples": a name of the document that is also a word, with
	 * an "s" before a word that is not a function word ("Ford's Mustang");
	 * a plural comes after "the" or a word it goes with ("United States"),
	 * unless a name follows ("than Apples AirPods"), or before a function
	 * word ("Fords are") */
	if (capital && c->ambiguous && is_known(e) && !ar->after_the && ar->next_word && !ar->next_func &&
	    is_name(c, stem, w, n - 1) && doc_count(c, w, n - 1) >= 2 && !doc_lower(c, w, n) &&
	    !(is_dict(stem) && !(stem->flags & RT_LOWER)) &&
	    (ar->prev == c->d->bos || !ar->next_lower || !rdata_has_bigram(c->d, ar->prev, e->lm_id)))
		return put_poss(dst, cap, w, n);
	return 0;
}

/* Letters in one case pattern: "word" or "Word". */
static int plain_case(const char *w, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (!is_lower((unsigned char)w[i]))
			return 0;
	return n > 0 && is_alpha((unsigned char)w[0]);
}

/* A common word capitalised because it starts a sentence ("Inthe"), before
 * a lowercase word or punctuation. */
static int cap_start(const struct words_ctx *c, const struct repair_table_entry *e, const struct around *ar)
{
	return ar->prev == c->d->bos && (ar->next_lower || !ar->next_word) && is_dict(e) && e->level <= 35;
}

/* Tokens the document writes capitalised as w on its own. */
static uint32_t doc_cap(const struct words_ctx *c, const char *w, size_t n)
{
	const struct vocab_word *v = vocab_find(c->vb, w, n);
	return v ? v->cap : 0;
}

/* Part of a fused word: a common word, a name of the document (first part
 * only), or an apostrophe form ("dont"). Sets *id to its model word. */
static int part_ok(const struct words_ctx *c, const char *w, size_t n, int first, const struct around *ar,
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
	if (a && apos_certain(c->d, e, a) && (!capital || (first && rdata_text(c->d, a)[1] == '\''))) {
		/* "dont", or "Im" ("I'm") */
		*id = a->lm_id;
		return a->lm_id >= 0;
	}
	if (capital) {
		/* "Iraqor": a name; "Inthe": a capitalised word starting a
		 * sentence; "Keyboardfrom": a word the document writes
		 * capitalised (pair_ok() then wants a function word after it) */
		if (!is_name(c, e, w, n) && !cap_start(c, e, ar) && doc_cap(c, w, n) == 0)
			return 0;
		if (is_name(c, e, w, n) && doc_count(c, w, n) >= 2) {
			/* a name the model may not know ("Gaiman") */
			*id = e->lm_id;
			return 1;
		}
	} else if (!(is_dict(e) && e->level <= 60 && (e->flags & RT_LOWER))) {
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

/* Emits part w[0..n) of a split, with its apostrophe repaired. */
static int put_part(struct buf *out, const struct words_ctx *c, const char *w, size_t n)
{
	const struct repair_table_entry *e = lookup(c, w, n);
	const struct repair_table_entry *a = rdata_apos(c->d, e);
	char tmp[REPAIR_MAX_WORD + 4];
	size_t l;
	/* lowercase, or "I" ("Imgoing": "I'm going") */
	if (a && apos_certain(c->d, e, a) && (!is_upper((unsigned char)w[0]) || rdata_text(c->d, a)[1] == '\'') &&
	    (l = insert_apos(tmp, sizeof tmp, w, n, rdata_text(c->d, a))) > 0)
		return buf_put(out, tmp, l);
	return buf_put(out, w, n);
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

/* Whether the split l|r of a fused word reads as two words. */
static int pair_ok(const struct words_ctx *c, const char *l, size_t ln, const char *r, size_t rn,
		   int32_t id1, int32_t id2, int once, const struct around *ar)
{
	const struct repair_table_entry *le = lookup(c, l, ln);
	const struct repair_table_entry *re = lookup(c, r, rn);
	if (!re)
		return 0;
	int listed = rdata_has_bigram(c->d, id1, id2);
	if (is_upper((unsigned char)l[0]) && is_name(c, le, l, ln)) {
		/* a name in a row of capitalised words ("Northwell Health",
		 * "Riverbend Music Center") reads as one, unless the model
		 * knows the two words together */
		if (!listed && id1 >= 0 && ar->next_word && !ar->next_lower)
			return 0;
		return rn > 1 && (listed || is_func(re) || (is_dict(re) && re->level <= 35));
	}
	if (!le)
		return 0;
	if (is_upper((unsigned char)l[0]) && !cap_start(c, le, ar))
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
		 * would know if it were usual ("upsample", "soname") */
		const struct repair_table_entry *o = is_func(le) ? re : le;
		size_t on = is_func(le) ? rn : ln, fn = is_func(le) ? ln : rn;
		return once && !(is_func(le) && is_func(re)) && on >= 4 && is_dict(o) && (o->flags & RT_LOWER) &&
		       (o->level > 10 || fn >= 3) && o->level <= 50 &&
		       ((is_func(le) && determiner(c->d, le)) ||
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
	if (compound_like(le, re) && !(le && determiner(c->d, le)))
		return 0;
	/* two content words: a bigram the model knows, or two common words */
	return listed || (ln >= 4 && rn >= 4 && le->level <= 35 && re->level <= 35);
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
static size_t doc_split(const struct words_ctx *c, const char *w, size_t n)
{
	uint32_t best_n = 0;
	size_t best = 0;
	for (size_t i = 1; i < n; i++) {
		if ((i == 1 && !lone_letter(w[0])) || (n - i == 1 && !lone_letter(w[i])))
			continue;
		if (!plain_case(w, i) || !plain_case(w + i, n - i))
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
static size_t split_names(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	size_t k = 1;
	while (k < n && is_lower((unsigned char)w[k]))
		k++;
	if (k < 2 || k >= n || n - k < 3 || !plain_case(w + k, n - k))
		return 0;
	const struct repair_table_entry *x = lookup(c, w, k);
	const struct repair_table_entry *y = lookup(c, w + k, n - k);
	/* a common name, then a word no list knows or knows only as a name:
	 * a first name and a surname ("DanielElahi", "EllenKushner") */
	if (k >= 3 && is_dict(x) && (x->flags & RT_CAP) && !(x->flags & RT_LOWER) && x->level <= 50 &&
	    (!is_known(y) || !(y->flags & RT_LOWER)))
		return k;
	/* two capitalised words the model puts together very often ("Vice
	 * President", "Middle East", "Orange County"), fused once; brands of
	 * two words are rarer pairs ("PlayStation", "FaceTime") */
	if (k >= 3 && is_dict(x) && is_dict(y) && x->lm_id >= 0 && y->lm_id >= 0 && doc_count(c, w, n) <= 1 &&
	    rdata_has_bigram(c->d, x->lm_id, y->lm_id) && rdata_score(c->d, x->lm_id, y->lm_id) >= NAME_BIGRAM)
		return k;
	/* a common word is a name when the document writes it capitalised,
	 * on its own, more than once ("Apple") */
	if (!name_word(c, w + k, n - k) || (y && (y->flags & RT_LOWER) && doc_count(c, w + k, n - k) < 2))
		return 0;
	if (k >= 3 && name_word(c, w, k) && !(x && (x->flags & RT_LOWER)))
		return k;
	/* a sentence starting with a common word, glued to a name */
	if (ar->prev == c->d->bos && is_dict(x) && (x->flags & RT_LOWER) && (is_func(x) || (k >= 3 && x->level <= 35)))
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
static size_t split_acronym(const struct words_ctx *c, const char *w, size_t n)
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
	if (!is_dict(r) || !(r->flags & RT_LOWER) || !(is_func(r) || (n - k >= 3 && r->level <= 35)))
		return 0;
	const struct repair_table_entry *a = lookup(c, w, k);
	return doc_count(c, w, k) > 0 || (k >= 3 && is_dict(a)) ? k : 0;
}

/* w[0..k) w[k..n): two very common words the model knows together
 * ("financial services"), so a fused form written twice is still two words. */
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
 * and the pair is a thousand times likelier than the word. Returns the
 * length of the first part, 0 if none.
 */
static size_t rare_pair(const struct words_ctx *c, const char *w, size_t n, const struct repair_table_entry *e)
{
	if (e->level < 70 || !(e->flags & RT_LOWER) || doc_count(c, w, n) > 1 || !plain_case(w, n) ||
	    is_upper((unsigned char)w[0]))
		return 0;
	int self = e->lm_id >= 0 ? c->d->uni_prob[e->lm_id] : -7000;
	size_t best = 0;
	int best_s = self + 3000;
	for (size_t i = 2; i + 2 <= n; i++) {
		const struct repair_table_entry *l = lookup(c, w, i), *r = lookup(c, w + i, n - i);
		if (!is_dict(l) || !is_dict(r) || !(l->flags & RT_LOWER) || !(r->flags & RT_LOWER) ||
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

/* A common dictionary word written in lowercase, or the stripped form of
 * an apostrophe word ("werent"). */
static int one_word(const struct words_ctx *c, const char *w, size_t n)
{
	const struct repair_table_entry *e = lookup(c, w, n);
	return (is_dict(e) && (e->flags & RT_LOWER) && e->level <= 50) || (e && apos_certain(c->d, e, rdata_apos(c->d, e)) && rdata_apos(c->d, e));
}

/*
 * Splits a fused word w[0..n) into two or three parts when it is no word
 * itself. Emits the parts and returns 1, or returns 0 to keep w (nothing
 * emitted); negative on error. *last gets the last part's model word.
 */
static int split_fused(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last)
{
	if (!c->spaces || n < 3 || n > MAX_FUSED)
		return 0;
	const struct repair_table_entry *e = lookup(c, w, n);
	/* "ina", "toa": a short odd word splits into two function words only */
	int odd = odd_lower(e, w);
	if (is_known(e) && !(odd && n <= 5)) {
		size_t k = rare_pair(c, w, n, e);
		if (!k)
			return 0;
		*last = word_id(c, w + k, n - k);
		if (buf_put(out, w, k) || buf_putc(out, ' ') || buf_put(out, w + k, n - k))
			return SCRAPE_ENOMEM;
		return 1;
	}
	if (rdata_apos(c->d, e))
		return 0;
	/* written so more than once: a word of the document, unless it reads
	 * as a function word glued to another ("withthe") */
	/* a word that did not split will not split elsewhere either, unless
	 * it starts a sentence (a capitalised first part may then split off) */
	int capital = is_upper((unsigned char)w[0]);
	struct vocab_word *vw = vocab_find_mut(c->vb, w, n);
	int *failed = !vw || (capital && ar->prev == c->d->bos) ? NULL : capital ? &vw->no_split_cap : &vw->no_split;
	if (failed && *failed)
		return 0;
	int repeated = vw && vw->count > 1;
	size_t ds = odd ? 0 : doc_split(c, w, n);
	if (ds) {
		*last = word_id(c, w + ds, n - ds);
		if (put_part(out, c, w, ds) || buf_putc(out, ' ') || put_part(out, c, w + ds, n - ds))
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
		if (k == n && ((n - lo == 1 && w[lo] == 'I') || (n - lo >= 2 && doc_count(c, w + lo, n - lo) > 0))) {
			*last = word_id(c, w + lo, n - lo);
			if (buf_put(out, w, lo) || buf_putc(out, ' ') || buf_put(out, w + lo, n - lo))
				return SCRAPE_ENOMEM;
			return 1;
		}
	}
	/* "Auditoriumon", "Franciscoand": a capitalised word, then a function
	 * word the model knows after it; the word is a common one, a name of
	 * the dictionaries, or one the document writes alone */
	if (is_upper((unsigned char)w[0]) && plain_case(w, n)) {
		for (size_t i = n - 2; i >= 3 && i + 3 >= n; i--) {
			const struct repair_table_entry *f = lookup(c, w + i, n - i);
			const struct repair_table_entry *x = lookup(c, w, i);
			if (!is_func(f) || !(f->flags & RT_LOWER))
				continue;
			if (!((is_dict(x) && x->level <= 50) || doc_count(c, w, i) > 0))
				continue;
			/* a short common word and a function word make first
			 * names ("Juston") */
			if (is_dict(x) && (x->flags & RT_LOWER) && i < 5)
				continue;
			if (x && x->lm_id >= 0 && !rdata_has_bigram(c->d, x->lm_id, f->lm_id))
				continue;
			*last = f->lm_id;
			if (buf_put(out, w, i) || buf_putc(out, ' ') || buf_put(out, w + i, n - i))
				return SCRAPE_ENOMEM;
			return 1;
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
		if (repeated || !(is_dict(l) && (l->flags & RT_LOWER) && l->level <= 60))
			return 0;
		/* the second part is a known word, or one of the document, or
		 * any name after a function word ("inKyiv", "byRakuten") */
		if (!(is_known(r) || doc_count(c, w + i, n - i) > 0 || (is_func(l) && n - i >= 3)))
			return 0;
		*last = r ? r->lm_id : -1;
		if (put_part(out, c, w, i) || buf_putc(out, ' ') || buf_put(out, w + i, n - i))
			return SCRAPE_ENOMEM;
		return 1;
	}
	for (size_t i = 1; i < n; i++)
		if (!is_lower((unsigned char)w[i]))
			return 0;
	/* best split into two or three parts by the bigram model; the parts
	 * that can start or end the word are found first */
	int32_t pre[MAX_FUSED + 1], suf[MAX_FUSED + 1];
	int pre_ok[MAX_FUSED + 1], suf_ok[MAX_FUSED + 1];
	for (size_t i = 1; i < n; i++) {
		pre_ok[i] = part_ok(c, w, i, 1, ar, &pre[i]);
		suf_ok[i] = part_ok(c, w + i, n - i, 0, ar, &suf[i]);
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
	for (size_t i = 1; i < n && !two; i++) {
		if (!pre_ok[i])
			continue;
		int32_t id1 = pre[i], id2;
		for (size_t j = i + 1; j < n && n >= 8; j++) {
			if (!suf_ok[j] || !part_ok(c, w + i, j - i, 0, ar, &id2))
				continue;
			int32_t id3 = suf[j];
			if (!pair_ok(c, w, i, w + i, j - i, id1, id2, !repeated, ar) || !pair_ok(c, w + i, j - i, w + j, n - j, id2, id3, !repeated, ar))
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
	if (b2 && one_word(c, w, b2))
		b1 = b2, b2 = 0;
	else if (b2 && one_word(c, w + b1, n - b1))
		b2 = 0;
	if (b1 == 0 || (odd && (b2 || !is_func(lookup(c, w, b1)) || !is_func(lookup(c, w + b1, n - b1)) ||
				 (b1 * 2 == n && memcmp(w, w + b1, b1) == 0)))) {
		if (failed)
			*failed = 1;
		return 0;
	}
	if (repeated && (b2 || is_upper((unsigned char)w[0]) ||
			 !(is_func(lookup(c, w, b1)) || is_func(lookup(c, w + b1, n - b1)) ||
			   very_common_pair(c, w, b1, n))))
		return 0;
	*last = best_last;
	if (put_part(out, c, w, b1) || buf_putc(out, ' '))
		return SCRAPE_ENOMEM;
	if (b2) {
		if (put_part(out, c, w + b1, b2 - b1) || buf_putc(out, ' ') || put_part(out, c, w + b2, n - b2))
			return SCRAPE_ENOMEM;
	} else if (put_part(out, c, w + b1, n - b1)) {
		return SCRAPE_ENOMEM;
	}
	return 1;
}

/* Repairs a plain word (letters and apostrophes). */
static int repair_plain(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
			const struct around *ar, int32_t *last)
{
	const struct repair_table_entry *e = ar->have_self ? ar->self : lookup(c, w, n);
	*last = e ? e->lm_id : -1;
	/* the common case: a known word with no apostrophe form */
	if (n >= REPAIR_MAX_WORD || (is_known(e) && !e->apos_idx && !odd_lower(e, w) && !rare_word(e, w, n)))
		return buf_put(out, w, n);
	size_t uppers = 0, lowers = 0;
	const char *apos = memchr(w, '\'', n);
	for (size_t i = 0; i < n; i++) {
		uppers += is_upper((unsigned char)w[i]);
		lowers += is_lower((unsigned char)w[i]);
	}
	/* "NASAs" before a word: an acronym's possessive, when the document
	 * writes "NASA's" too, or the model knows "NASA's" as a word of its
	 * own ("CEOs" is a plural) */
	if (c->apostrophes && c->ambiguous && !apos && n >= 3 && uppers == n - 1 && w[n - 1] == 's' &&
	    !ar->after_the && ar->next_word && !ar->next_func &&
	    (doc_poss(c, w, n - 1) > 0 || (!is_dict(e) && rdata_apos(c->d, e) && rdata_apos(c->d, e)->lm_id >= 0))) {
		char tmp[REPAIR_MAX_WORD + 4];
		size_t l = put_poss(tmp, sizeof tmp, w, n);
		if (l)
			return buf_put(out, tmp, l);
	}
	/* "HongKong", "StarWars": capitals inside, but the document writes
	 * the two words apart elsewhere (a brand, "YouTube", never is) */
	if (c->spaces && !apos && uppers > 1 && lowers > 0 && is_upper((unsigned char)w[0]) && !is_known(e)) {
		size_t ds = doc_split(c, w, n);
		if (ds) {
			*last = word_id(c, w + ds, n - ds);
			if (buf_put(out, w, ds) || buf_putc(out, ' ') || buf_put(out, w + ds, n - ds))
				return SCRAPE_ENOMEM;
			return SCRAPE_OK;
		}
	}
	if (c->spaces && !apos && uppers >= 2 && !is_known(e)) {
		size_t k = split_acronym(c, w, n);
		if (k) {
			*last = word_id(c, w + k, n - k);
			if (buf_put(out, w, k) || buf_putc(out, ' ') || buf_put(out, w + k, n - k))
				return SCRAPE_ENOMEM;
			return SCRAPE_OK;
		}
	}
	if (c->spaces && !apos && uppers == 2 && is_upper((unsigned char)w[0]) && !is_known(e)) {
		size_t k = split_names(c, w, n, ar);
		if (k) {
			*last = word_id(c, w + k, n - k);
			if (buf_put(out, w, k) || buf_putc(out, ' ') || buf_put(out, w + k, n - k))
				return SCRAPE_ENOMEM;
			return SCRAPE_OK;
		}
	}
	/* "WeWorks core business": a brand the document writes again and
	 * again, with an "s", before a word that is not a function word, in a
	 * text that lost its apostrophes */
	if (c->apostrophes && c->ambiguous && !apos && uppers >= 2 && lowers > 0 && is_upper((unsigned char)w[0]) &&
	    n >= 4 && w[n - 1] == 's' && w[n - 2] != 's' && lowers >= 2 && !is_known(e) && doc_count(c, w, n - 1) >= 2 &&
	    doc_name(c, w, n - 1) && !ar->after_the && ar->next_word && !ar->next_func) {
		char tmp[REPAIR_MAX_WORD + 4];
		size_t l = put_poss(tmp, sizeof tmp, w, n);
		if (l)
			return buf_put(out, tmp, l);
	}
	/* all capitals ("ISIL"), or capitals inside a capitalised word ("YouTube") */
	if (lowers == 0 || (uppers > 1 && is_upper((unsigned char)w[0])))
		return buf_put(out, w, n);
	if (apos) {
		/* "nation'sdevelopment": a possessive glued to the next word */
		size_t a = (size_t)(apos - w);
		if (c->spaces && a >= 2 && a + 3 < n && w[a + 1] == 's' && !memchr(apos + 1, '\'', n - a - 1)) {
			const struct repair_table_entry *r = lookup(c, w + a + 2, n - a - 2);
			int32_t id;
			if (!lookup(c, w, n) && part_ok(c, w + a + 2, n - a - 2, 0, ar, &id) && is_dict(r)) {
				*last = id;
				if (buf_put(out, w, a + 2) || buf_putc(out, ' ') || put_part(out, c, w + a + 2, n - a - 2))
					return SCRAPE_ENOMEM;
				return SCRAPE_OK;
			}
		}
		return buf_put(out, w, n);
	}
	/* a capital inside a lowercase word ("helpingIraq", "iPhone") can only
	 * be a fused word, never a lost apostrophe */
	if (uppers == 0 || is_upper((unsigned char)w[0])) {
		char tmp[REPAIR_MAX_WORD + 4];
		size_t l = fix_apostrophe(c, tmp, sizeof tmp, w, n, ar);
		if (l) {
			*last = word_id(c, tmp, l);
			return buf_put(out, tmp, l);
		}
	}
	int rc = split_fused(out, c, w, n, ar, last);
	if (rc < 0)
		return rc;
	return rc == 1 ? SCRAPE_OK : buf_put(out, w, n);
}

static int only_word_chars(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_alpha((unsigned char)w[i]) && w[i] != '\'')
			return 0;
	return n > 0;
}

/* w[0..n) is all capitals. */
static int upper_run(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_upper((unsigned char)w[i]))
			return 0;
	return 1;
}

/*
 * "end.Next", "said.\"The", "however,the": two words glued at punctuation.
 * Returns 1 when it split (and emitted), 0 to leave the core alone.
 */
static int split_punct(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last)
{
	size_t p = 0;
	while (p < n && (is_alpha((unsigned char)w[p]) || w[p] == '\''))
		p++;
	size_t q = p;
	int stop = 0, soft = 0;
	while (q < n && ch_is(w[q], CH_JOIN)) {
		stop |= w[q] == '.' || w[q] == '!' || w[q] == '?';
		soft |= w[q] == ',' || w[q] == ';' || w[q] == ':';
		q++;
	}
	if (q == p || q >= n || !only_word_chars(w + q, n - q))
		return 0;
	/* "M.Ford", "PA.The", "HAYWARD,Calif.", "Q:Most": an initial or
	 * capitals, then a capitalised word */
	if (p >= 1 && upper_run(w, p) && q == p + 1 && (w[p] == '.' || w[p] == ',' || w[p] == ':') &&
	    is_upper((unsigned char)w[q]) && n - q >= 2 && plain_case(w + q, n - q) &&
	    (p >= 2 || w[p] != ',') && (is_known(lookup(c, w + q, n - q)) || doc_count(c, w + q, n - q) > 0)) {
		*last = word_id(c, w + q, n - q);
		if (buf_put(out, w, q) || buf_putc(out, ' ') || buf_put(out, w + q, n - q))
			return SCRAPE_ENOMEM;
		return 1;
	}
	if (p < 2 || !is_lower((unsigned char)w[p - 1]))
		return 0;
	const char *l = w, *r = w + q;
	size_t ln = p, rn = n - q;
	const struct repair_table_entry *le = lookup(c, l, ln);
	const struct repair_table_entry *re = lookup(c, r, rn);
	if (stop) {
		/* a new sentence: a capitalised word after a word */
		if (!is_upper((unsigned char)r[0]) || (rn > 1 && !is_lower((unsigned char)r[1])) ||
		    (rn == 1 && r[0] != 'I' && r[0] != 'A'))
			return 0;
		if (!(is_known(le) || doc_count(c, l, ln) > 0) || !(is_known(re) || doc_count(c, r, rn) > 0))
			return 0;
	} else if (soft && is_upper((unsigned char)r[0])) {
		/* "Fortunately,Randall", "Palace:Jang": a capitalised word after a
		 * comma or colon alone (no quote: "said,\"I" may open or close one) */
		if (q != p + 1 || (w[p] != ',' && w[p] != ':') || (rn > 1 && !plain_case(r, rn)) ||
		    (rn == 1 && r[0] != 'I'))
			return 0;
		if (!(is_known(le) || doc_count(c, l, ln) > 0) || !(is_known(re) || doc_count(c, r, rn) > 0))
			return 0;
	} else if (soft) {
		/* "however,the", "ICUs,each", "Boesky,a": a common word after a
		 * comma or semicolon (the word before may be a name) */
		if (!is_lower((unsigned char)r[0]))
			return 0;
		/* ... or words fused themselves ("them,asthe"), split below */
		int fused = !is_known(re) && rn >= 4 && (is_dict(le) || is_known(le));
		if (!fused && (!is_dict(re) || !(re->flags & RT_LOWER)))
			return 0;
		if (!fused && !is_dict(le) && !(rn == 1 ? r[0] == 'a' : is_func(re) || re->level <= 35))
			return 0;
	} else {
		return 0;
	}
	int32_t mid;
	struct around al = *ar, arr = *ar;
	al.have_self = arr.have_self = 0;
	al.next = stop ? c->d->eos : re ? re->lm_id : -1;
	al.next_lower = is_lower((unsigned char)r[0]);
	al.next_word = 0;
	al.next_func = 0;
	al.next_e = NULL;
	al.apos_after = 0;
	if (repair_plain(out, c, l, ln, &al, &mid) || buf_put(out, w + p, q - p) || buf_putc(out, ' '))
		return SCRAPE_ENOMEM;
	arr.prev = stop ? c->d->bos : mid;
	arr.after_the = !stop && ln == 3 && (l[0] | 32) == 't' && l[1] == 'h' && l[2] == 'e';
	if (repair_plain(out, c, r, rn, &arr, last))
		return SCRAPE_ENOMEM;
	return 1;
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Length of a number at the start of s[0..n): an optional "$", digits with
 * "," or "." between digits, an optional "%"; 0 if none. */
static size_t number_len(const char *s, size_t n)
{
	size_t i = n > 0 && s[0] == '$';
	size_t d0 = i;
	while (i < n && (is_digit((unsigned char)s[i]) ||
			 ((s[i] == ',' || s[i] == '.') && i > d0 && i + 1 < n && is_digit((unsigned char)s[i + 1]))))
		i++;
	if (i == d0)
		return 0;
	return i < n && s[i] == '%' ? i + 1 : i;
}

/* Words written glued to a number in ordinary text ("£38million"). */
static int magnitude_word(const char *w, size_t n)
{
	static const char *const mag[] = { "hundred", "thousand", "million", "billion", "trillion" };
	for (size_t i = 0; i < sizeof mag / sizeof mag[0]; i++)
		if (strlen(mag[i]) == n && memcmp(mag[i], w, n) == 0)
			return 1;
	return 0;
}

/* Length of a month name at the start of w[0..n) ("October", "Aug."),
 * 0 if none. */
static size_t month_len(const char *w, size_t n)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.",
		"Sep.", "Oct.", "Nov.", "Dec.",
	};
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
		size_t l = strlen(months[i]);
		if (l < n && memcmp(w, months[i], l) == 0)
			return l;
	}
	return 0;
}

/* A lowercase word that can stand beside a number: a common dictionary
 * word (a function word when it is short). */
static int number_side_word(const struct words_ctx *c, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_lower((unsigned char)w[i]))
			return 0;
	const struct repair_table_entry *e = lookup(c, w, n);
	if (n == 1)
		return w[0] == 'a';
	return is_dict(e) && (e->flags & RT_LOWER) && e->level <= 50 && (n >= 3 || is_func(e));
}

/*
 * A word glued to a number: "like300", "a$7,500", "pointsin2016",
 * "10per", "20%more", "2022,an". Only lowercase words, so model names
 * ("RAV4", "PS4", "Solo3") and units ("30fps", "5mm") stay. Returns 1 when
 * it split (and emitted), 0 to leave w alone.
 */
static int split_number(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
			const struct around *ar, int32_t *last)
{
	size_t m = month_len(w, n);
	if (m && number_len(w + m, n - m) == n - m && n - m <= 4) {
		/* "October2018", "Aug.14" */
		*last = -1;
		if (buf_put(out, w, m) || buf_putc(out, ' ') || buf_put(out, w + m, n - m))
			return SCRAPE_ENOMEM;
		return 1;
	}
	if (n >= 5 && (memcmp(w, "19", 2) == 0 || memcmp(w, "20", 2) == 0) && is_digit((unsigned char)w[2]) &&
	    is_digit((unsigned char)w[3]) && is_upper((unsigned char)w[4])) {
		/* "2019MacBook", "2014I": a year, then a capitalised word
		 * ("1900R" is a measure) */
		int letters = n - 4 >= 3 || (n == 5 && w[4] == 'I');
		for (size_t i = 4; i < n && letters; i++)
			letters = is_alpha((unsigned char)w[i]);
		if (letters) {
			*last = word_id(c, w + 4, n - 4);
			if (buf_put(out, w, 4) || buf_putc(out, ' ') || buf_put(out, w + 4, n - 4))
				return SCRAPE_ENOMEM;
			return 1;
		}
	}
	if (n == 7 || n == 6) {
		/* "15,2019": a day, then a year */
		size_t d = n - 5;
		int year = w[d] == ',' && (memcmp(w + d + 1, "19", 2) == 0 || memcmp(w + d + 1, "20", 2) == 0);
		for (size_t i = 0; i < n && year; i++)
			year = i == d || is_digit((unsigned char)w[i]);
		if (year) {
			*last = -1;
			if (buf_put(out, w, d + 1) || buf_putc(out, ' ') || buf_put(out, w + d + 1, 4))
				return SCRAPE_ENOMEM;
			return 1;
		}
	}
	size_t p = 0;
	while (p < n && is_lower((unsigned char)w[p]))
		p++;
	if (p > 0) {
		/* word, then number */
		if (p == n || number_len(w + p, n - p) != n - p)
			return 0;
		struct around al = *ar;
		al.have_self = 0;
		al.next = -1;
		al.next_word = al.next_func = al.next_lower = 0;
		al.next_e = NULL;
		if (number_side_word(c, w, p)) {
			if (buf_put(out, w, p))
				return SCRAPE_ENOMEM;
		} else {
			/* "pointsin2016": the word part may be fused itself */
			int rc = p >= 3 ? split_fused(out, c, w, p, &al, last) : 0;
			if (rc != 1)
				return rc;
		}
		*last = -1;
		if (buf_putc(out, ' ') || buf_put(out, w + p, n - p))
			return SCRAPE_ENOMEM;
		return 1;
	}
	/* number, then word ("10per", "20%more") or ",word" ("2022,an") */
	size_t q = number_len(w, n);
	if (q == 0 || q == n)
		return 0;
	size_t r = q;
	if (ch_is(w[r], CH_SOFT))
		r++;
	if (r == n || !number_side_word(c, w + r, n - r))
		return 0;
	/* a unit the document glues to numbers more than once ("64bit",
	 * "128bit"), or a magnitude it glues at all ("£38million"), is its
	 * style, not damage, unless it writes the word apart more often */
	const struct vocab_word *g = vocab_find(c->vb, w + r, n - r);
	int magnitude = magnitude_word(w + r, n - r);
	if (r == q && (magnitude || (g && g->glued > 1)) && (!g || g->count <= g->glued))
		return 0;
	/* "10in" is ten inches: a word glued straight on is three letters or
	 * more, or a short function word ("2015or", "$0.10by") */
	if (r == q && n - r < 3 && !(n - r == 2 && is_func(lookup(c, w + r, 2)) && memcmp(w + r, "in", 2) != 0))
		return 0;
	*last = word_id(c, w + r, n - r);
	if (buf_put(out, w, r) || buf_putc(out, ' ') || buf_put(out, w + r, n - r))
		return SCRAPE_ENOMEM;
	return 1;
}

static int is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

/*
 * A parenthesis glued to the words around it: "again(and", "units(30%",
 * "($78,770)with", "(SHCOMP)slumped". A plural marker ("item(s)") and
 * anything with more parentheses (code: "f(g(x))") stay. Returns 1 when it
 * split (and emitted), 0 to leave w alone.
 */
static int split_paren(struct buf *out, const struct words_ctx *c, const char *w, size_t n, int32_t *last)
{
	const char *o = memchr(w, '(', n), *cl = memchr(w, ')', n);
	if (o && !cl && !memchr(o + 1, '(', n - (size_t)(o - w) - 1)) {
		size_t i = (size_t)(o - w), rn = n - i - 1;
		const char *r = o + 1;
		int left_word = i >= 2;
		for (size_t k = 0; k < i && left_word; k++)
			left_word = is_alnum((unsigned char)w[k]);
		if (!left_word || rn == 0 || !(is_alnum((unsigned char)r[0]) || r[0] == '@' || r[0] == '$'))
			return 0;
		/* "item(s", "match(es": a plural marker */
		if (rn <= 2 && is_lower((unsigned char)r[0]))
			return 0;
		*last = -1;
		if (buf_put(out, w, i) || buf_putc(out, ' ') || buf_put(out, o, rn + 1))
			return SCRAPE_ENOMEM;
		return 1;
	}
	if (cl && !memchr(cl + 1, ')', n - (size_t)(cl - w) - 1) && !memchr(cl + 1, '(', n - (size_t)(cl - w) - 1)) {
		size_t j = (size_t)(cl - w), rn = n - j - 1;
		const char *r = cl + 1;
		/* "(s)he": one letter in the parentheses */
		if (j < 2 || rn < 2 || (o && cl - o < 3))
			return 0;
		for (size_t k = 0; k < rn; k++)
			if (!is_alpha((unsigned char)r[k]))
				return 0;
		/* "(multi)media": a prefix in parentheses, one word without them */
		size_t st = o ? (size_t)(o - w) + 1 : 0;
		char joined[REPAIR_MAX_WORD];
		if (j - st + rn < sizeof joined) {
			memcpy(joined, w + st, j - st);
			memcpy(joined + j - st, r, rn);
			if (is_known(lookup(c, joined, j - st + rn)))
				return 0;
		}
		*last = -1;
		if (buf_put(out, w, j + 1) || buf_putc(out, ' ') || buf_put(out, r, rn))
			return SCRAPE_ENOMEM;
		return 1;
	}
	return 0;
}

/* Letters and digits in parts joined by single hyphens ("all-wheel",
 * "15.6-inch"); nothing else. */
static int hyphenated(const char *w, size_t n)
{
	if (n < 3 || w[0] == '-' || w[n - 1] == '-' || !memchr(w, '-', n))
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '-' && w[i + 1] == '-')
			return 0;
		if (!is_alnum((unsigned char)w[i]) && w[i] != '-' && !(w[i] == '.' && i > 0 && is_digit((unsigned char)w[i - 1])))
			return 0;
	}
	return 1;
}

/* One end of a hyphenated word, repaired when it is two words fused:
 * letters are split like any fused word, a word and a number apart. */
static int hyphen_end(struct buf *out, const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
		      int32_t *last)
{
	size_t digits = 0, lowers = 0;
	for (size_t i = 0; i < n; i++) {
		digits += is_digit((unsigned char)w[i]);
		lowers += is_lower((unsigned char)w[i]);
	}
	int rc = 0;
	if (digits == 0 && lowers == n && n >= 4 && !is_known(lookup(c, w, n)))
		rc = split_fused(out, c, w, n, ar, last);
	else if (digits > 0 && lowers > 0 && is_lower((unsigned char)w[0]))
		rc = split_number(out, c, w, n, ar, last);
	if (rc == 0)
		rc = buf_put(out, w, n) ? SCRAPE_ENOMEM : 0;
	return rc < 0 ? rc : 0;
}

/*
 * A hyphenated word with a word glued to its first or last part:
 * "electricall-wheel" ("electric all-wheel"), "anti-governmentprotests",
 * "new16-inch". The parts between stay as they are.
 */
static int split_hyphen(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
			const struct around *ar, int32_t *last)
{
	const char *h = memchr(w, '-', n);
	size_t i = (size_t)(h - w), j = n;
	while (j > 0 && w[j - 1] != '-')
		j--;
	struct around al = *ar, at = *ar;
	al.have_self = at.have_self = 0;
	al.next = -1;
	al.next_word = al.next_func = al.next_lower = 0;
	al.next_e = NULL;
	at.prev = -1;
	at.after_the = 0;
	int32_t ignore;
	if (hyphen_end(out, c, w, i, &al, &ignore) || buf_put(out, w + i, j - i) ||
	    hyphen_end(out, c, w + j, n - j, &at, last))
		return SCRAPE_ENOMEM;
	return 1;
}

/* Repairs one token's core; *last gets the model word it ends with. */
static int repair_core(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last)
{
	*last = -1;
	if (n == 0)
		return SCRAPE_OK;
	int letters = 1, punct = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)w[i];
		if (is_alpha(ch) || ch == '\'')
			continue;
		if (ch_is((char)ch, CH_CORE)) {
			punct = 1;
			continue;
		}
		letters = 0; /* digits, symbols, non-ASCII, hyphens: left alone */
		break;
	}
	if (!letters) {
		int rc = 0;
		if (c->spaces && (memchr(w, '(', n) || memchr(w, ')', n)))
			rc = split_paren(out, c, w, n, last);
		if (rc == 0 && c->spaces && hyphenated(w, n))
			rc = split_hyphen(out, c, w, n, ar, last);
		if (rc == 0 && c->spaces)
			rc = split_number(out, c, w, n, ar, last);
		if (rc < 0)
			return rc;
		return rc ? SCRAPE_OK : buf_put(out, w, n);
	}
	if (punct) {
		if (!c->spaces)
			return buf_put(out, w, n);
		int rc = split_punct(out, c, w, n, ar, last);
		if (rc < 0)
			return rc;
		return rc ? SCRAPE_OK : buf_put(out, w, n);
	}
	return repair_plain(out, c, w, n, ar, last);
}

static int sentence_end(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '.' || s[i] == '!' || s[i] == '?')
			return 1;
	return 0;
}

/* Splits s[0..n) into tokens; *count is set. Stops at `cap` tokens. */
static size_t tokenize(struct tok *t, size_t cap, const char *s, size_t n, size_t *consumed)
{
	size_t k = 0, i = 0;
	while (i < n && k < cap) {
		size_t sp;
		while (i < n && (sp = space_at(s + i, n - i)) > 0)
			i += sp;
		if (i >= n)
			break;
		size_t st = i;
		while (i < n && !(ch_class[(unsigned char)s[i]] & CH_SPACE) &&
		       !((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0))
			i++;
		struct tok *x = &t[k++];
		x->st = st;
		x->en = i;
		x->cst = st;
		x->cen = i;
		size_t l;
		while (x->cst < x->cen && (l = lead_punct(s + x->cst, x->cen - x->cst)) > 0)
			x->cst += l;
		while (x->cen > x->cst && (l = trail_punct(s + x->cst, x->cen - x->cst)) > 0)
			x->cen -= l;
	}
	*consumed = i;
	return k;
}

#define TOK_BATCH 256

/* A piece that reads as program code ("int x = 0; while (x < 10) x++;"):
 * an operator or brace, and several code symbols. */
static int looks_like_code(const char *s, size_t n)
{
	/* prose has no operator at all: a quick answer */
	if (!memchr(s, '=', n) && !memchr(s, '{', n) && !memchr(s, '}', n) && !memchr(s, '<', n) &&
	    !memchr(s, '>', n))
		return 0;
	size_t sym = 0, op = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned k = ch_class[(unsigned char)s[i]];
		op += (k & CH_OP) != 0;
		sym += (k & CH_CODE) != 0;
	}
	return op > 0 && sym >= 4;
}

/* A word every repair leaves as it is: all letters, known, with no
 * apostrophe form (repair_plain()'s first test). */
static int unchanged(const struct repair_table_entry *e, const char *w, size_t n)
{
	if (!is_known(e) || e->apos_idx || n == 0 || odd_lower(e, w) || rare_word(e, w, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_alpha((unsigned char)w[i]))
			return 0;
	return 1;
}

int repair_words(struct buf *out, const struct words_ctx *c, const char *s, size_t n)
{
	if (looks_like_code(s, n))
		return buf_put(out, s, n);
	struct tok t[TOK_BATCH];
	size_t done = 0;
	int32_t prev = c->d->bos;
	int prev_the = 0;
	while (done < n) {
		size_t used;
		size_t k = tokenize(t, TOK_BATCH, s + done, n - done, &used);
		const struct repair_table_entry *next_e = NULL;
		int have_next = 0;
		const char *b = s + done;
		size_t at = 0;
		for (size_t i = 0; i < k; i++) {
			const struct tok *x = &t[i];
			int ends = sentence_end(b + x->cen, x->en - x->cen);
			struct around ar;
			ar.prev = prev;
			ar.next = ends ? c->d->eos : -1;
			ar.next_lower = 0;
			ar.next_word = ar.next_func = 0;
			ar.next_e = NULL;
			const char *w = b + x->cst;
			size_t wn = x->cen - x->cst;
			ar.self = have_next ? next_e : lookup(c, w, wn);
			ar.have_self = 1;
			have_next = 0;
			if (i + 1 < k) {
				next_e = lookup(c, b + t[i + 1].cst, t[i + 1].cen - t[i + 1].cst);
				have_next = 1;
				if (!ends) {
					ar.next = next_e ? next_e->lm_id : -1;
					ar.next_lower = t[i + 1].cen > t[i + 1].cst && is_lower((unsigned char)b[t[i + 1].cst]);
					ar.next_word = x->en == x->cen && t[i + 1].cst == t[i + 1].st &&
						       t[i + 1].cen > t[i + 1].cst && is_alpha((unsigned char)b[t[i + 1].cst]);
					ar.next_func = is_func(next_e);
					ar.next_e = next_e;
				}
			}
			ar.apos_after = x->en > x->cen && (b[x->cen] == '\'' ||
				(x->en - x->cen >= 3 && memcmp(b + x->cen, "\xe2\x80\x99", 3) == 0));
			ar.after_the = prev_the;
			int32_t last;
			if (unchanged(ar.self, w, wn)) {
				/* the common case: copied later with the text around it */
				last = ar.self->lm_id;
			} else {
				if (buf_put(out, b + at, x->cst - at) || repair_core(out, c, w, wn, &ar, &last))
					return SCRAPE_ENOMEM;
				at = x->cen;
			}
			prev_the = wn == 3 && (w[0] | 32) == 't' && w[1] == 'h' && w[2] == 'e';
			prev = ends ? c->d->bos : last;
		}
		if (buf_put(out, b + at, used - at))
			return SCRAPE_ENOMEM;
		done += used;
		if (used == 0)
			break;
	}
	return SCRAPE_OK;
}

/* The table entry of a document word, looked up once per document. */
static const struct repair_table_entry *vocab_entry(const struct rdata *d, struct vocab_word *v, const char *keys)
{
	if (!v->cached) {
		v->cache = rdata_lookup(d, keys + v->key_off, v->key_len);
		v->cached = 1;
	}
	return v->cache;
}

int repair_words_english(const struct rdata *d, struct vocab *vb)
{
	size_t all = 0, func = 0;
	for (size_t i = 0; i < vb->n; i++) {
		struct vocab_word *v = &vb->v[i];
		const struct repair_table_entry *e = vocab_entry(d, v, vb->keys);
		all += v->count;
		if (is_func(e))
			func += v->count;
	}
	/* English prose has about four function words in ten */
	return all < 20 || func * 4 >= all;
}

size_t repair_words_damage(const struct rdata *d, struct vocab *vb, size_t *names)
{
	size_t n = 0;
	*names = 0;
	for (size_t i = 0; i < vb->n; i++) {
		struct vocab_word *v = &vb->v[i];
		const struct repair_table_entry *e = vocab_entry(d, v, vb->keys);
		const struct repair_table_entry *a = rdata_apos(d, e);
		if (!a || !apos_certain(d, e, a) || v->key_len < 3)
			continue;
		const char *form = rdata_text(d, a);
		size_t fl = strlen(form);
		if (fl >= 2 && form[fl - 1] == '\'')
			continue;
		if (fl >= 3 && form[fl - 2] == '\'' && form[fl - 1] == 's') {
			/* a possessive counts when its stem is an ordinary word
			 * written in lowercase ("countrys"), not a name ("Edmunds") */
			const struct repair_table_entry *stem = rdata_lookup(d, form, fl - 2);
			const struct vocab_word *sv = vocab_find(vb, form, fl - 2);
			if (stem && is_dict(stem) && (stem->flags & RT_LOWER))
				n += v->count - v->cap;
			else if (sv && sv->count >= NAME_EVIDENCE && sv->cap * 2 > sv->count)
				/* "Epsteins" where the text names "Epstein" again and
				 * again: a name's possessive, as plurals of names
				 * ("the Bidens") are rare */
				*names += v->cap;
		} else {
			n += v->count;
		}
	}
	return n + *names;
}
