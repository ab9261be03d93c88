/* repair_words.c - the word repairs over a text: tokens, their context, and
 * which repair each token gets (apostrophes, fused words, glue); the
 * document checks that gate them. */
#include "repair_lexicon.h"
#include "scrape.h"

#include <string.h>

struct tok {
	size_t st, en;    /* token in the text */
	size_t cst, cen;  /* its core, without surrounding punctuation */
};

#define TOK_BATCH 256

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

/* "my6senses proprietary": a name with digits inside, whose last letters
 * the document writes after a digit again and again ("my6sense"), with an
 * "s" before a word that is not a function word. Plurals of model names
 * end in a digit ("PS4s", "MP3s") and stay. */
static int digit_brand_poss(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	if (n < 4 || n >= REPAIR_MAX_WORD || !is_alpha((unsigned char)w[0]) || w[n - 1] != 's' ||
	    !is_alpha((unsigned char)w[n - 2]) || w[n - 2] == 's')
		return 0;
	size_t tail = n; /* the letters after the last digit */
	for (size_t i = 0; i < n; i++) {
		if (is_digit((unsigned char)w[i]))
			tail = i + 1;
		else if (!is_alpha((unsigned char)w[i]))
			return 0;
	}
	if (tail == n || n - tail < 4 || ar->after_the || !ar->next_word || ar->next_func)
		return 0;
	/* the vocabulary counts the letters after the digits ("sense" of
	 * "my6sense") as glued to a number */
	const struct vocab_word *v = vocab_find(c->vb, w + tail, n - tail - 1);
	return v && v->glued >= 2;
}

/* Repairs one token's core; *last gets the model word it ends with. */
static int repair_core(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
		       const struct around *ar, int32_t *last)
{
	*last = -1;
	if (n == 0)
		return SCRAPE_OK;
	size_t art = repair_split_seam(c, w, n, ar);
	if (art) {
		/* the word after the article is repaired on its own ("theNSClegal") */
		struct around aw = *ar;
		aw.have_self = 0;
		aw.prev = word_id(c, w, art);
		around_set_before(&aw, c, w, art);
		if (buf_put(out, w, art) || buf_putc(out, ' '))
			return SCRAPE_ENOMEM;
		return repair_core(out, c, w + art, n - art, &aw, last);
	}
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
		if (c->apostrophes && c->ambiguous && digit_brand_poss(c, w, n, ar))
			return repair_apos_put_possessive(out, w, n);
		int rc = 0;
		if (c->spaces && (memchr(w, '(', n) || memchr(w, ')', n)))
			rc = repair_glue_paren(out, c, w, n, ar->open_before, last);
		if (rc == 0 && c->spaces)
			rc = repair_glue_comma(out, c, w, n, last);
		if (rc == 0 && (c->spaces || c->ambiguous) && repair_glue_hyphenated(w, n))
			rc = repair_glue_hyphen(out, c, w, n, ar, last);
		if (rc == 0 && c->spaces)
			rc = repair_glue_number(out, c, w, n, ar, last);
		if (rc < 0)
			return rc;
		return rc ? SCRAPE_OK : buf_put(out, w, n);
	}
	if (punct) {
		if (!c->spaces)
			return buf_put(out, w, n);
		int rc = repair_glue_punct(out, c, w, n, ar, last);
		if (rc < 0)
			return rc;
		return rc ? SCRAPE_OK : buf_put(out, w, n);
	}
	return repair_words_plain(out, c, w, n, ar, last);
}

/* Punctuation after a token that ends a sentence, or a clause that may
 * start with a capital ("Disclaimer: The views"). */
static int sentence_end(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ':')
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

/* A piece that reads as program code ("int x = 0; while (x < 10) x++;"):
 * an operator or brace, and several code symbols; or a line that ends a
 * call with ";". */
static int looks_like_code(const char *s, size_t n)
{
	/* a statement: a call that ends with ";" ("memcpy(dst, src, n);") */
	size_t e = n;
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
		e--;
	if (e >= 3 && s[e - 1] == ';' && memchr(s, '(', e) && memchr(s, ')', e))
		return 1;
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

/* s[0..n) is a number that goes with a word after it ("2025", "$6.99",
 * "12,000", "12-inch"), not a score or a time ("2:", "4,"). */
static int number_word(const char *s, size_t n)
{
	size_t i = n > 1 && s[0] == '$';
	if (i >= n || !is_digit((unsigned char)s[i]) || !is_alnum((unsigned char)s[n - 1]))
		return 0;
	for (; i < n; i++)
		if (!is_alnum((unsigned char)s[i]) && s[i] != ',' && s[i] != '.' && s[i] != '-')
			return 0;
	return 1;
}

/* The model word of the first word of a token glued at punctuation
 * ("crucial,actually": "crucial"), -1 if none: the word after a token is
 * its context before the glue is repaired. */
static int32_t glued_head(const struct words_ctx *c, const char *w, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++) {
		if (ch_is(w[i], CH_JOIN)) {
			const struct repair_table_entry *e = lookup(c, w, i);
			return e ? e->lm_id : -1;
		}
		if (!is_alpha((unsigned char)w[i]))
			return -1;
	}
	return -1;
}

/* A word every repair leaves as it is: all letters, known, with no
 * apostrophe form (repair_words_plain()'s first test). */
static int unchanged(const struct repair_table_entry *e, const char *w, size_t n)
{
	if (!is_known(e) || e->apos_idx || n == 0 || odd_lower(e, w) || rare_word(e, w, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_alpha((unsigned char)w[i]))
			return 0;
	return 1;
}

/* Whether the piece s[0..n) starts a sentence: not when its first word
 * is lowercase, as in a text wrapped at a fixed width, whose line goes on
 * from the line before ("if it\nwere not"): that word's context is
 * unknown, not a sentence start. */
static int piece_start(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_alpha((unsigned char)s[i]))
			return !is_lower((unsigned char)s[i]);
	return 1;
}

int repair_words(struct buf *out, const struct words_ctx *c, const char *s, size_t n)
{
	if (looks_like_code(s, n))
		return buf_put(out, s, n);
	struct tok t[TOK_BATCH];
	size_t done = 0;
	int32_t prev = piece_start(s, n) ? c->d->bos : -1;
	int prev_the = 0, prev_cap = 0, prev_name = 0;
	const char *prev_w = NULL, *prev2_w = NULL;
	size_t prev_n = 0, prev2_n = 0;
	unsigned commas = 0; /* in the sentence so far */
	int prev_comma = 0;  /* the token before ends with a comma */
	while (done < n) {
		size_t used;
		size_t k = tokenize(t, TOK_BATCH, s + done, n - done, &used);
		/* each token's word is looked up: overlap the cache misses */
		uint32_t hs[TOK_BATCH];
		for (size_t i = 0; i < k; i++) {
			hs[i] = vocab_hash(s + done + t[i].cst, t[i].cen - t[i].cst);
			vocab_prefetch(c->vb, hs[i], 0);
		}
		for (size_t i = 0; i < k; i++)
			vocab_prefetch(c->vb, hs[i], 1);
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
			ar.next_word = ar.next_func = ar.next_num = 0;
			ar.next_e = NULL;
			const char *w = b + x->cst;
			size_t wn = x->cen - x->cst;
			ar.self = have_next ? next_e : lookup_hashed(c, w, wn, hs[i]);
			ar.have_self = 1;
			have_next = 0;
			if (i + 1 < k) {
				next_e = lookup_hashed(c, b + t[i + 1].cst, t[i + 1].cen - t[i + 1].cst, hs[i + 1]);
				have_next = 1;
				if (!ends) {
					ar.next = next_e ? next_e->lm_id
							 : glued_head(c, b + t[i + 1].cst, t[i + 1].cen - t[i + 1].cst);
					ar.next_lower = t[i + 1].cen > t[i + 1].cst && is_lower((unsigned char)b[t[i + 1].cst]);
					ar.next_word = x->en == x->cen && t[i + 1].cst == t[i + 1].st &&
						       t[i + 1].cen > t[i + 1].cst && is_alpha((unsigned char)b[t[i + 1].cst]);
					const char *nx = b + t[i + 1].st;
					size_t nn = t[i + 1].en - t[i + 1].st;
					ar.next_num = x->en == x->cen && number_word(nx, nn);
					ar.next_func = is_func(next_e);
					ar.next_e = next_e;
				}
			}
			ar.apos_after = x->en > x->cen && (b[x->cen] == '\'' ||
				(x->en - x->cen >= 3 && memcmp(b + x->cen, "\xe2\x80\x99", 3) == 0));
			ar.after_the = prev_the;
			ar.open_before = x->cst > x->st && b[x->cst - 1] == '(';
			ar.after_cap = prev_cap;
			ar.after_name = prev_name;
			ar.prev_w = prev_w;
			ar.prev_n = prev_n;
			ar.prev2_w = prev2_w;
			ar.prev2_n = prev2_n;
			ar.rest = b + x->cen;
			ar.rest_n = (size_t)(s + n - ar.rest);
			ar.after_lone_comma = prev_comma && commas == 1;
			int32_t last;
			if (unchanged(ar.self, w, wn)) {
				/* the common case: copied later with the text around it */
				last = ar.self->lm_id;
			} else {
				if (buf_put(out, b + at, x->cst - at) || repair_core(out, c, w, wn, &ar, &last))
					return SCRAPE_ENOMEM;
				at = x->cen;
			}
			prev_the = word_is(w, wn, "the");
			prev_cap = !ends && wn > 0 && is_upper((unsigned char)w[0]);
			prev_name = prev_cap && x->en == x->cen && plain_case(w, wn) && cap_only(ar.self);
			/* a token split in parts has no one word before the next */
			const char *before = prev_w;
			size_t before_n = prev_n;
			prev_w = ends || x->en != x->cen || last != (ar.self ? ar.self->lm_id : -1) ? NULL : w;
			prev2_w = prev_w ? before : NULL;
			prev2_n = prev_w ? before_n : 0;
			prev_n = wn;
			prev = ends ? c->d->bos : last;
			prev_comma = !ends && x->en > x->cen && b[x->en - 1] == ',';
			commas = ends ? 0 : commas + (memchr(b + x->cen, ',', x->en - x->cen) != NULL);
		}
		if (buf_put(out, b + at, used - at))
			return SCRAPE_ENOMEM;
		done += used;
		if (used == 0)
			break;
	}
	return SCRAPE_OK;
}

/* w[0..n) is two function words of two letters or more fused ("ofthe"). */
static int two_function_words(const struct rdata *d, const char *w, size_t n)
{
	for (size_t i = 2; i + 2 <= n; i++)
		if (is_func(rdata_lookup(d, w, i)) && is_func(rdata_lookup(d, w + i, n - i)))
			return 1;
	return 0;
}

/* w[0..n) is a function word fused with a common word of three letters
 * or more ("reactto", "targetthe", "asearch", "onJuly"). */
static int function_word_fused(const struct rdata *d, const char *w, size_t n)
{
	for (size_t i = 1; i + 2 <= n; i++) {
		const struct repair_table_entry *a = rdata_lookup(d, w, i), *b = rdata_lookup(d, w + i, n - i);
		if ((is_func(a) && n - i >= 3 && is_dict(b) && b->level <= 50) ||
		    (is_func(b) && i >= 3 && lower_word(a) && a->level <= 50))
			return 1;
	}
	return 0;
}

void repair_words_survey(struct words_survey *out, const struct rdata *d, struct vocab *vb)
{
	memset(out, 0, sizeof *out);
	size_t func = 0;
	/* every word is looked up: overlap the cache misses (the first probe
	 * of each; collisions still wait) */
	for (int stage = 0; stage < 3; stage++)
		for (size_t i = 0; i < vb->n; i++)
			if (!vb->v[i].cached)
				rdata_prefetch(d, vb->v[i].hash, stage);
	for (size_t i = 0; i < vb->n; i++) {
		struct vocab_word *v = &vb->v[i];
		const struct repair_table_entry *e = vocab_entry(d, v, vb->keys);
		out->words += v->count;
		out->kept += v->apos;
		if (is_func(e))
			func += v->count;
		out->damage += repair_apos_damage(d, vb, v, e, &out->names);
		if (!is_known(e) && v->count == 1) {
			if (v->cap == 0 && two_function_words(d, vb->keys + v->key_off, v->key_len))
				out->fused++;
			else if (function_word_fused(d, vb->keys + v->key_off, v->key_len))
				out->joined++;
		}
	}
	out->glued = vb->glued_sentences;
	/* English prose has about four function words in ten (the dev texts:
	 * 23 % and up, lists of places included); other languages, about one
	 * in ten or fewer */
	out->english = out->words < 20 || func * 6 >= out->words;
}
