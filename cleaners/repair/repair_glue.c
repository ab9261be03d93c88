/* repair_glue.c - words glued at punctuation ("end.Next", "however,the",
 * "again(and"), to numbers ("pointsin2016", "October2018", "15,2019") and
 * to the ends of hyphenated words ("anti-governmentprotests"). */
#include "repair_lexicon.h"
#include "scrape.h"

#include <string.h>
#include <strings.h>

/* A lowercase word of no more letters than this before a full stop, that
 * no list knows, is a name in program code ("myapp.Camera"). */
#define IDENT_MAX 7

/* Length of the letters at the start of w[0..n) ("There" of "There's"). */
static size_t letters_len(const char *w, size_t n)
{
	size_t i = 0;
	while (i < n && is_alpha((unsigned char)w[i]))
		i++;
	return i;
}

/*
 * "end.Next", "said.\"The", "however,the": two words glued at punctuation.
 * Returns 1 when it split (and emitted), 0 to leave the core alone.
 */
int repair_glue_punct(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
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
	/* "tokio::sync", "std::vector": a path of program code */
	if (q >= p + 2 && w[p] == ':' && w[p + 1] == ':')
		return 0;
	/* "M.Ford", "PA.The", "HAYWARD,Calif.", "Q:Most", "A:I": an initial
	 * or capitals, then a capitalised word */
	/* (capitals and a full stop before a word that starts no sentence
	 * are a file or a name: "README.Bugs", "README.Debian") */
	/* (capitals of four or more and a colon are the label of a log:
	 * "DEBUG:This", "INFO:So") */
	if (p >= 1 && upper_run(w, p) && q == p + 1 && (w[p] == '.' || w[p] == ',' || (w[p] == ':' && p <= 3)) &&
	    is_upper((unsigned char)w[q]) && (n - q >= 2 || (w[p] == ':' && w[q] == 'I')) && plain_case(w + q, n - q) &&
	    (p >= 2 || w[p] != ',') && known_or_doc(c, lookup(c, w + q, n - q), w + q, n - q) &&
	    (p == 1 || w[p] != '.' || is_func(lookup(c, w + q, n - q))))
		return put_split(out, c, w, q, n, last);
	if (p < 2)
		return 0;
	const char *l = w, *r = w + q;
	size_t ln = p, rn = n - q;
	const struct repair_table_entry *le = lookup(c, l, ln);
	const struct repair_table_entry *re = lookup(c, r, rn);
	if (!is_lower((unsigned char)w[p - 1])) {
		/* "FL,the", "COBRA;browsing": capitals, a comma or semicolon, and
		 * a common lowercase word */
		if (!(upper_run(l, ln) && soft && q == p + 1 && w[p] != ':' && lower_run(r, rn) && common_word(re)))
			return 0;
	} else if (stop) {
		/* a new sentence: a capitalised word after a word */
		if (!is_upper((unsigned char)r[0]) || (rn > 1 && !is_lower((unsigned char)r[1])) ||
		    (rn == 1 && r[0] != 'I' && r[0] != 'A'))
			return 0;
		if (!known_or_doc(c, le, l, ln) || !known_or_doc(c, re, r, rn))
			return 0;
		/* a name in program code, not two sentences: a word with
		 * capitals inside after the stop ("logging.StreamHandler",
		 * "ContainerStatus.ImageID"), the same word twice
		 * ("decimal.Decimal", "context.Context"), or a short lowercase
		 * word no list knows before it ("myapp.Camera", "asyncio.Task";
		 * a longer one may be words fused: "replacementslater.Investing") */
		if (!plain_case(r, letters_len(r, rn)) || (ln == rn && strncasecmp(l, r, ln) == 0) ||
		    (is_lower((unsigned char)l[0]) && !is_known(le) && ln <= IDENT_MAX))
			return 0;
		/* "Florian.Weimer" where the document writes "Florian Weimer":
		 * a name as an address, not two sentences */
		uint32_t pair_cap;
		if (is_upper((unsigned char)l[0]) && vocab_pair_count(c->vb, l, ln, r, rn, &pair_cap) > 0)
			return 0;
	} else if (soft && is_upper((unsigned char)r[0])) {
		/* "Fortunately,Randall", "Palace:Jang": a capitalised word after a
		 * comma or colon alone (no quote: "said,\"I" may open or close one) */
		/* ... or capitals the tables or the document know ("clubs,FC",
		 * "City,UT") after a comma */
		int acronym = w[p] == ',' && rn >= 2 && upper_run(r, rn) && plain_case(l, ln);
		if (q != p + 1 || (w[p] != ',' && w[p] != ':') || (rn > 1 && !plain_case(r, rn) && !acronym) ||
		    (rn == 1 && r[0] != 'I'))
			return 0;
		if (!known_or_doc(c, le, l, ln) || !known_or_doc(c, re, r, rn))
			return 0;
	} else if (soft) {
		/* "however,the", "ICUs,each", "Boesky,a": a common word after a
		 * comma or semicolon (the word before may be a name); after a
		 * colon two words the tables know ("image:artists"), not the
		 * names of code or of an address ("root:root", "nginx:stable") */
		if (!is_lower((unsigned char)r[0]))
			return 0;
		if (w[p] == ':' && (!is_known(le) || !re || (ln == rn && strncasecmp(l, r, ln) == 0)))
			return 0;
		/* ... or words fused themselves ("them,asthe"), split below */
		int fused = !is_known(re) && rn >= 4 && (is_dict(le) || is_known(le));
		if (!fused && !lower_word(re))
			return 0;
		if (!fused && !is_dict(le) && !(rn == 1 ? r[0] == 'a' : is_func(re) || re->level <= 35))
			return 0;
	} else {
		return 0;
	}
	int32_t mid;
	struct around al = *ar, arr = *ar;
	around_drop_next(&al);
	al.next = stop ? c->d->eos : re ? re->lm_id : -1;
	al.next_lower = is_lower((unsigned char)r[0]);
	al.apos_after = 0;
	arr.have_self = 0;
	if (repair_words_plain(out, c, l, ln, &al, &mid) || buf_put(out, w + p, q - p) || buf_putc(out, ' '))
		return SCRAPE_ENOMEM;
	arr.prev = stop ? c->d->bos : mid;
	around_set_before(&arr, c, stop ? NULL : l, ln);
	if (repair_words_plain(out, c, r, rn, &arr, last))
		return SCRAPE_ENOMEM;
	return 1;
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
	return IN_LIST(w, n, mag);
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

/* w[0..4) is a year: 1900 to 2099. */
static int year_at(const char *w)
{
	return (memcmp(w, "19", 2) == 0 || memcmp(w, "20", 2) == 0) && is_digit((unsigned char)w[2]) &&
	       is_digit((unsigned char)w[3]);
}

/* A lowercase word that can stand beside a number: a common dictionary
 * word (a function word when it is short). */
static int number_side_word(const struct words_ctx *c, const char *w, size_t n)
{
	if (!lower_run(w, n))
		return 0;
	const struct repair_table_entry *e = lookup(c, w, n);
	if (n == 1)
		return w[0] == 'a';
	return lower_word(e) && e->level <= 50 && (n >= 3 || is_func(e));
}

/* w[0..n) is the plural of a common word, capitalised as in a title
 * ("4Months", "101Blockchains"), that the document glues to a number only
 * here: what the number counts. A brand after a number is singular
 * ("4Motion", "360Reach") or written again and again ("8000Kicks"). */
static int capitalised_plural(const struct words_ctx *c, const char *w, size_t n)
{
	if (n < 4 || !is_upper((unsigned char)w[0]) || w[n - 1] != 's' || w[n - 2] == 's' || !lower_run(w + 1, n - 1))
		return 0;
	const struct vocab_word *g = vocab_find(c->vb, w, n);
	const struct repair_table_entry *e = lookup(c, w, n - 1);
	return lower_word(e) && e->level <= 50 && !(g && g->glued > 1);
}

/* w[0..q) is a number of up to four digits, then a full stop and a word
 * that starts with a capital ("3.Emerging", "12.Tinybird", "2024.Over"):
 * a numbered item or a sentence glued to the next at the stop. Decimals
 * ("3.5GHz") and one letter ("1.A", a section) are no such glue. */
static int list_number_glued(const char *w, size_t q, size_t n)
{
	if (q > 4 || q + 3 > n || w[q] != '.' || !is_upper((unsigned char)w[q + 1]))
		return 0;
	for (size_t i = 0; i < q; i++)
		if (!is_digit((unsigned char)w[i]))
			return 0;
	return only_letters(w + q + 1, n - q - 1);
}

/* Where a model name or a measure glued to a common word ends: "RAV4small",
 * "Web3has", "B2Bsellers", "IPv6connectivity", "B12Factor" (a capitalised
 * word when the lists know it so). The name has a digit and a capital and
 * ends in either; the word is a common one (SCOWL 35 or less, or a
 * function word) the document does not glue to numbers again and again
 * ("my6sense"). Names in lowercase are identifiers of code ("html5lib",
 * "sha256sum", "i18next", "iso6523Code") and stay. 0 if none. */
static size_t model_then_word(const struct words_ctx *c, const char *w, size_t n)
{
	size_t t = n;
	while (t > 0 && is_lower((unsigned char)w[t - 1]))
		t--;
	if (t < 2 || n - t < 3 || !is_alpha((unsigned char)w[0]) || is_lower((unsigned char)w[t - 1]))
		return 0;
	if (t >= 3 && is_upper((unsigned char)w[t - 1]) && is_known(lookup(c, w + t - 1, n - t + 1)))
		t--;
	/* ... the name still ends in a digit or a capital ("Ssl3HttpAdapter"
	 * is a class of code) */
	if (is_lower((unsigned char)w[t - 1]))
		return 0;
	int digit = 0, upper = 0;
	for (size_t i = 0; i < t; i++) {
		if (!is_alnum((unsigned char)w[i]))
			return 0;
		digit |= is_digit((unsigned char)w[i]);
		upper |= is_upper((unsigned char)w[i]);
	}
	const struct repair_table_entry *e = lookup(c, w + t, n - t);
	const struct vocab_word *g = vocab_find(c->vb, w + t, n - t);
	if (!digit || !upper || !lower_word(e) || !common_word(e) || (g && g->glued > 1))
		return 0;
	return t;
}

/* w[0..n) is an abbreviation of single lowercase letters, each after the
 * first behind a full stop ("a.m.", "p.m", "e.g."). */
static int dotted_letters(const char *w, size_t n)
{
	size_t letters = 0, i = 0;
	while (i < n && is_lower((unsigned char)w[i])) {
		letters++;
		if (++i < n && w[i] == '.')
			i++;
		else
			break;
	}
	return letters >= 2 && i == n;
}

/* Where a word glued to a measure the document writes again and again
 * ends: "native4K", "Samsung4K" ("4K" and "8K" elsewhere). The word is a
 * common one (SCOWL 50 or less) or a name the document writes alone
 * again and again, no common word capitalised ("Scale1D" names a class);
 * the measure a number and capitals that the document glues to numbers
 * twice or more. A model name ("Pixel4", "Series3") has no such capitals.
 * 0 if none. */
static size_t word_then_measure(const struct words_ctx *c, const char *w, size_t n)
{
	size_t k = is_upper((unsigned char)w[0]);
	while (k < n && is_lower((unsigned char)w[k]))
		k++;
	size_t d = k;
	while (d < n && is_digit((unsigned char)w[d]))
		d++;
	if (k < 3 || d == k || d == n || !upper_run(w + d, n - d))
		return 0;
	const struct vocab_word *g = vocab_find(c->vb, w + d, n - d);
	const struct repair_table_entry *l = lookup(c, w, k);
	int word = is_upper((unsigned char)w[0]) ? doc_name(c, w, k) && doc_count(c, w, k) >= 2 && !lower_word(l)
						 : lower_word(l) && l->level <= 50;
	return word && g && g->glued >= 2 ? k : 0;
}

/* w[0..n) ends like a verb form or an adverb: "-ed", "-ing", "-ly". */
static int verb_or_adverb_form(const char *w, size_t n)
{
	return (n >= 5 && (memcmp(w + n - 2, "ed", 2) == 0 || memcmp(w + n - 2, "ly", 2) == 0)) ||
	       (n >= 6 && memcmp(w + n - 3, "ing", 3) == 0);
}

/*
 * A word glued to a number: "like300", "a$7,500", "pointsin2016",
 * "10per", "20%more", "2022,an". Only lowercase words, so model names
 * ("RAV4", "PS4", "Solo3") and units ("30fps", "5mm") stay. Returns 1 when
 * it split (and emitted), 0 to leave w alone.
 */
static int glue_number(struct buf *out, const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
		       int32_t *last, int in_hyphenated);

/* A function word w[0..p) glued to a number that is glued to what it
 * counts in turn, a plural or a magnitude: "than3years",
 * "about$44.2million". Splits both seams when the number and its word
 * split on their own, and the document glues that word to a number only
 * here. A name with a digit inside stays: "my6sense" counts no plural,
 * and a brand is written again and again. */
static int function_word_number_word(struct buf *out, const struct words_ctx *c, const char *w, size_t p, size_t n,
				     const struct around *ar, int32_t *last)
{
	size_t t = n;
	while (t > p && is_alpha((unsigned char)w[t - 1]))
		t--;
	if (t == n || !is_func(lookup(c, w, p)))
		return 0;
	const struct vocab_word *g = vocab_find(c->vb, w + t, n - t);
	int counted = magnitude_word(w + t, n - t) ||
		      (n - t >= 4 && w[n - 1] == 's' && lower_word(lookup(c, w + t, n - t - 1)));
	if (!counted || (g && g->glued > 1))
		return 0;
	struct buf rest = BUF_INIT;
	struct around al = *ar;
	al.prev = word_id(c, w, p);
	al.have_self = 0;
	around_set_before(&al, c, w, p);
	int rc = glue_number(&rest, c, w + p, n - p, &al, last, 0);
	if (rc == 1 && (buf_put(out, w, p) || buf_putc(out, ' ') || buf_put(out, rest.data, rest.len)))
		rc = SCRAPE_ENOMEM;
	buf_free(&rest);
	return rc;
}

int repair_glue_number(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
			const struct around *ar, int32_t *last)
{
	return glue_number(out, c, w, n, ar, last, 0);
}

/* repair_glue_number(); in_hyphenated: w is the first part of a
 * hyphenated measure ("new16-inch"), where the number is no identifier's. */
static int glue_number(struct buf *out, const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
		       int32_t *last, int in_hyphenated)
{
	size_t m = month_len(w, n);
	/* "October2018", "Aug.14" */
	if (m && number_len(w + m, n - m) == n - m && n - m <= 4)
		return put_split(out, c, w, m, n, last);
	if (c->apostrophes && n == 5 && year_at(w) && w[3] != '0' && w[4] == 's' && ar->next_word && !ar->next_func) {
		/* "2016s election": a year's possessive ("the 1970s" are a decade) */
		*last = -1;
		if (buf_put(out, w, 4) || buf_put(out, "'s", 2))
			return SCRAPE_ENOMEM;
		return 1;
	}
	if (n >= 5 && year_at(w) && is_upper((unsigned char)w[4])) {
		/* "2019MacBook", "2014I": a year, then a capitalised word
		 * ("1900R" is a measure) */
		int letters = n - 4 >= 3 || (n == 5 && w[4] == 'I');
		for (size_t i = 4; i < n && letters; i++)
			letters = is_alpha((unsigned char)w[i]);
		if (letters)
			return put_split(out, c, w, 4, n, last);
	}
	if (n == 7 || n == 6) {
		/* "15,2019": a day, then a year */
		size_t d = n - 5;
		int day = w[d] == ',' && year_at(w + d + 1);
		for (size_t i = 0; i < d && day; i++)
			day = is_digit((unsigned char)w[i]);
		if (day)
			return put_split(out, c, w, d + 1, n, last);
	}
	size_t mt = model_then_word(c, w, n);
	/* "native4Kwith": the measure may have a word before it too */
	size_t wm = word_then_measure(c, w, mt ? mt : n);
	if (wm && mt) {
		*last = word_id(c, w + mt, n - mt);
		if (buf_put(out, w, wm) || buf_putc(out, ' ') || buf_put(out, w + wm, mt - wm) || buf_putc(out, ' ') ||
		    buf_put(out, w + mt, n - mt))
			return SCRAPE_ENOMEM;
		return 1;
	}
	if (mt || wm)
		return put_split(out, c, w, mt ? mt : wm, n, last);
	size_t p = 0;
	while (p < n && is_lower((unsigned char)w[p]))
		p++;
	if (p > 0) {
		/* word, then number */
		if (p == n)
			return 0;
		if (number_len(w + p, n - p) != n - p)
			return function_word_number_word(out, c, w, p, n, ar, last);
		/* a noun with a number is an identifier ("user42", "win32",
		 * "base64", "type1"): the glue is damage before a year or a
		 * sum ("pointsin2016", "a$7,500"), or after a function word
		 * ("like300") or a verb or adverb ("reached50", "roughly400") */
		int sum = w[p] == '$' || (n - p == 4 && year_at(w + p));
		for (size_t i = p; i < n && !sum; i++)
			sum = w[i] == ',' || w[i] == '.' || w[i] == '%';
		if (!sum && !in_hyphenated && !is_func(lookup(c, w, p)) && !verb_or_adverb_form(w, p))
			return 0;
		struct around al = *ar;
		around_drop_next(&al);
		if (number_side_word(c, w, p)) {
			if (buf_put(out, w, p))
				return SCRAPE_ENOMEM;
		} else {
			/* "pointsin2016": the word part may be fused itself */
			int rc = p >= 3 ? repair_split_fused(out, c, w, p, &al, last) : 0;
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
	if (list_number_glued(w, q, n))
		return put_split(out, c, w, q + 1, n, last);
	/* "2a.m.", "5p.m": a number glued to a dotted abbreviation */
	if (dotted_letters(w + q, n - q))
		return put_split(out, c, w, q, n, last);
	size_t r = q;
	if (ch_is(w[r], CH_SOFT))
		r++;
	if (r == n || !(number_side_word(c, w + r, n - r) || (r == q && capitalised_plural(c, w + r, n - r))))
		return 0;
	/* a short unit or a magnitude the document glues to numbers more
	 * than once ("64bit", "128bit", "£71.6million" and "£38million") is
	 * its style, not damage, unless it writes the word apart more often;
	 * a longer word glued twice ("16feet", "5.3feet"), or a magnitude
	 * glued once ("$5.9million") is damage */
	const struct vocab_word *g = vocab_find(c->vb, w + r, n - r);
	int magnitude = magnitude_word(w + r, n - r);
	if (r == q && g && g->glued > 1 && (magnitude || n - r < 4) && g->count <= g->glued)
		return 0;
	/* "10in" is ten inches: a word glued straight on is three letters or
	 * more, or a short function word ("2015or", "$0.10by") */
	if (r == q && n - r < 3 && !(n - r == 2 && is_func(lookup(c, w + r, 2)) && memcmp(w + r, "in", 2) != 0))
		return 0;
	return put_split(out, c, w, r, n, last);
}

/* w[0..k) ends with a parenthesis and a mark, w[k..n) is a word after
 * them: split there when the word reads as the next one of prose. */
static int paren_mark(struct buf *out, const struct words_ctx *c, const char *w, size_t k, size_t n, int32_t *last)
{
	const char *r = w + k;
	size_t rn = n - k;
	char mark = w[k - 1];
	if (!plain_case(r, rn))
		return 0;
	const struct repair_table_entry *re = lookup(c, r, rn);
	if (is_upper((unsigned char)r[0]) ? !known_or_doc(c, re, r, rn)
					   : (mark == '.' || !common_word(re)))
		return 0;
	return put_split(out, c, w, k, n, last);
}

/*
 * A parenthesis glued to the words around it: "again(and", "units(30%",
 * "($78,770)with", "(SHCOMP)slumped". A plural marker ("item(s)") and
 * anything with more parentheses (code: "f(g(x))") stay. Returns 1 when it
 * split (and emitted), 0 to leave w alone.
 */
int repair_glue_paren(struct buf *out, const struct words_ctx *c, const char *w, size_t n, int open_before,
		      int32_t *last)
{
	const char *o = memchr(w, '(', n), *cl = memchr(w, ')', n);
	if (o && !cl && !memchr(o + 1, '(', n - (size_t)(o - w) - 1)) {
		size_t i = (size_t)(o - w), rn = n - i - 1;
		const char *r = o + 1;
		/* "time.(For", "verifiable.(And": a sentence's end, then one in
		 * parentheses */
		if (i >= 3 && rn >= 2 && (w[i - 1] == '.' || w[i - 1] == ';') &&
		    only_letters(w, i - 1) && is_upper((unsigned char)r[0]) && only_letters(r, rn))
			return put_split(out, c, w, i, n, last);
		int left_word = i >= 2;
		for (size_t k = 0; k < i && left_word; k++)
			left_word = is_alnum((unsigned char)w[k]);
		if (!left_word || rn == 0 || !(is_alnum((unsigned char)r[0]) || r[0] == '@' || r[0] == '$'))
			return 0;
		/* "item(s", "match(es": a plural marker; "adduser(8": a manual
		 * page; "fooBar(x", "foo_bar(x": a function call */
		if (rn <= 2 && is_lower((unsigned char)r[0]))
			return 0;
		if (r[0] >= '1' && r[0] <= '9' && (rn == 1 || (rn == 2 && is_lower((unsigned char)r[1]))))
			return 0;
		for (size_t k = 1; k < i; k++)
			if ((is_lower((unsigned char)w[k - 1]) && is_upper((unsigned char)w[k])) || w[k] == '_')
				return 0;
		/* "range(10", "float(num_str", "isinstance(obj": a call, whose
		 * argument is a number or a name of code, or a lowercase word
		 * after a function no list knows */
		size_t digits = 0;
		for (size_t k = 0; k < rn; k++) {
			if (r[k] == '_')
				return 0;
			digits += is_digit((unsigned char)r[k]);
		}
		if (lower_run(w, i) && (digits == rn || (!is_known(lookup(c, w, i)) && lower_run(r, rn))))
			return 0;
		*last = -1;
		if (buf_put(out, w, i) || buf_putc(out, ' ') || buf_put(out, o, rn + 1))
			return SCRAPE_ENOMEM;
		return 1;
	}
	if (cl && !memchr(cl + 1, ')', n - (size_t)(cl - w) - 1) && !memchr(cl + 1, '(', n - (size_t)(cl - w) - 1)) {
		size_t j = (size_t)(cl - w), rn = n - j - 1;
		const char *r = cl + 1;
		/* "(ICUs).This", "(AGI),progressing", "A):Seventh": a mark
		 * after the parenthesis, then a word that starts a sentence
		 * or goes on with the clause */
		if (rn >= 3 && (ch_is(r[0], CH_SOFT) || r[0] == '.'))
			return paren_mark(out, c, w, j + 2, n, last);
		/* "(s)he": one letter in the parentheses ("9 to 5)serves" is
		 * a number's) */
		if (j < 1 || (j < 2 && !is_digit((unsigned char)w[0])) || rn < 2 || (o && cl - o < 3))
			return 0;
		for (size_t k = 0; k < rn; k++)
			if (!is_alpha((unsigned char)r[k]))
				return 0;
		/* "(multi)media": a prefix in parentheses, one word without them;
		 * "(fake)root" at the start of a token is one too ("(SHCOMP)
		 * slumped" is not) */
		size_t st = o ? (size_t)(o - w) + 1 : 0;
		if ((o == w && j > 1 && lower_run(w + 1, j - 1)) || (!o && open_before && j > 0 && lower_run(w, j)))
			return 0;
		char joined[REPAIR_MAX_WORD];
		if (j - st + rn < sizeof joined) {
			memcpy(joined, w + st, j - st);
			memcpy(joined + (j - st), r, rn);
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
int repair_glue_hyphenated(const char *w, size_t n)
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
		      int32_t *last, int measure)
{
	size_t digits = 0, lowers = 0;
	for (size_t i = 0; i < n; i++) {
		digits += is_digit((unsigned char)w[i]);
		lowers += is_lower((unsigned char)w[i]);
	}
	int rc = 0;
	/* "Rose-Lynns husband": the last part of a hyphenated name, which the
	 * document writes alone again and again, with an "s" before a word
	 * (only the last part has a word after it) */
	if (c->apostrophes && c->ambiguous && n >= 4 && digits == 0 && lowers == n - 1 && is_upper((unsigned char)w[0]) &&
	    w[n - 1] == 's' && w[n - 2] != 's' && ar->next_word && !ar->next_func && !is_known(lookup(c, w, n)) &&
	    doc_name(c, w, n - 1) && doc_count(c, w, n - 1) >= 2) {
		char tmp[REPAIR_MAX_WORD + 4];
		size_t l = n < REPAIR_MAX_WORD ? repair_apos_put_poss(tmp, sizeof tmp, w, n) : 0;
		if (l)
			return buf_put(out, tmp, l) ? SCRAPE_ENOMEM : 0;
	}
	if (!c->spaces)
		rc = 0;
	else if (digits == 0 && lowers == n && n >= 4 && !is_known(lookup(c, w, n)))
		rc = repair_split_fused(out, c, w, n, ar, last);
	else if (digits > 0 && lowers > 0 && is_lower((unsigned char)w[0]))
		rc = glue_number(out, c, w, n, ar, last, measure);
	if (rc == 0)
		rc = buf_put(out, w, n) ? SCRAPE_ENOMEM : 0;
	return rc < 0 ? rc : 0;
}

/*
 * A hyphenated word with a word glued to its first or last part:
 * "electricall-wheel" ("electric all-wheel"), "anti-governmentprotests",
 * "new16-inch". The parts between stay as they are.
 */
int repair_glue_hyphen(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
			const struct around *ar, int32_t *last)
{
	const char *h = memchr(w, '-', n);
	size_t i = (size_t)(h - w), j = n;
	while (j > 0 && w[j - 1] != '-')
		j--;
	struct around al = *ar, at = *ar;
	around_drop_next(&al);
	at.have_self = 0;
	at.prev = -1;
	around_set_before(&at, c, NULL, 0);
	int32_t ignore;
	/* "new16-inch": a number before a word after the hyphen is a measure
	 * ("win32-i386" is a name) */
	int measure = i + 1 < n && only_letters(w + i + 1, (j > i + 1 ? j - 1 : n) - (i + 1));
	if (hyphen_end(out, c, w, i, &al, &ignore, measure) || buf_put(out, w + i, j - i) ||
	    hyphen_end(out, c, w + j, n - j, &at, last, 0))
		return SCRAPE_ENOMEM;
	return 1;
}

/* w[0..n) is runs of characters of one class (is_part) joined by single
 * hyphens, or one such run: digits of a number, a score or a range
 * ("2019", "45-17"), letters of words ("plant-based"). */
static int hyphen_joined(const char *w, size_t n, int (*is_part)(int))
{
	if (n == 0 || !is_part((unsigned char)w[0]) || !is_part((unsigned char)w[n - 1]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_part((unsigned char)w[i]) && !(w[i] == '-' && is_part((unsigned char)w[i + 1])))
			return 0;
	return 1;
}

static int alpha_char(int ch)
{
	return is_alpha((unsigned char)ch);
}

static int digit_char(int ch)
{
	return is_digit((unsigned char)ch);
}

/* w[0..n) is words of letters joined by hyphens ("plant-based",
 * "K-snacks"). */
static int hyphenated_words(const char *w, size_t n)
{
	return n >= 3 && memchr(w, '-', n) && hyphen_joined(w, n, alpha_char);
}

/*
 * Words glued at a comma or semicolon where a side holds a hyphen or a
 * number, which repair_glue_punct() does not read: "plant-based,non-toxic",
 * "K-snacks,and", "45-17,on" (a hyphenated word or a score, then a
 * lowercase word or hyphenated word), "recovery,2", "Millennials,43%" (a
 * word the tables know, then a number). Numbers on both sides ("1,000",
 * "2,5") are one number, and a capitalised word before a hyphenated one
 * may be a list of code ("Arial,sans-serif"). Returns 1 when it split.
 */
int repair_glue_comma(struct buf *out, const struct words_ctx *c, const char *w, size_t n, int32_t *last)
{
	const char *p = NULL;
	for (size_t i = 0; i < n; i++) {
		if (w[i] != ',' && w[i] != ';')
			continue;
		if (p)
			return 0;
		p = w + i;
	}
	if (!p)
		return 0;
	size_t ln = (size_t)(p - w), rn = n - ln - 1;
	const char *r = p + 1;
	if (ln < 2 || rn == 0)
		return 0;
	const struct repair_table_entry *re = lower_run(r, rn) ? lookup(c, r, rn) : NULL;
	int r_word = common_word(re);
	int r_hyphen = is_lower((unsigned char)r[0]) && hyphenated_words(r, rn);
	int l_hyphen = hyphenated_words(w, ln);
	const struct repair_table_entry *le = plain_case(w, ln) ? lookup(c, w, ln) : NULL;
	int l_word = is_dict(le) && ln >= 3;
	int r_num = number_len(r, rn) == rn && is_digit((unsigned char)r[0]);
	if (((l_hyphen || hyphen_joined(w, ln, digit_char)) && (r_word || r_hyphen)) || ((l_hyphen || l_word) && r_num) ||
	    (l_word && lower_word(le) && r_hyphen))
		return put_split(out, c, w, ln + 1, n, last);
	return 0;
}
