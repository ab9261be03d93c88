/* repair_plain.c - one plain word (letters and apostrophes, no glue): its
 * lost apostrophe or its split into the words fused in it. Used by the token
 * loop (repair_words.c) and for the parts that glue repairs cut out
 * (repair_glue.c). */
#include "repair_lexicon.h"
#include "scrape.h"

#include <string.h>

/* Repairs a plain word (letters and apostrophes). */
int repair_words_plain(struct buf *out, const struct words_ctx *c, const char *w, size_t n,
			const struct around *ar, int32_t *last)
{
	const struct repair_table_entry *e = ar->have_self ? ar->self : lookup(c, w, n);
	*last = e ? e->lm_id : -1;
	/* "Andrews interview" where the text names "Andrew" again and again */
	if (n < REPAIR_MAX_WORD && !memchr(w, '\'', n) && repair_apos_name_counted(c, w, n, ar)) {
		char tmp[REPAIR_MAX_WORD + 4];
		size_t l = repair_apos_put_poss(tmp, sizeof tmp, w, n);
		*last = word_id(c, tmp, l);
		return buf_put(out, tmp, l);
	}
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
	 * own ("CEOs" is a plural), or the document writes the acronym alone
	 * again and again and what follows can be owned ("VWs engineers",
	 * not "CEOs say"); never one the document also writes before a stop
	 * or a comma ("new LLCs.", "LLMs, agents"), a plural; or one that
	 * stands where a possessive does (repair_apos_acronym_placed()) */
	int acronym_s = c->apostrophes && c->ambiguous && !apos && n >= 3 && uppers == n - 1 && w[n - 1] == 's';
	if (acronym_s && !ar->after_the && ar->next_word && !ar->next_func && !doc_at_stop(c, w, n) &&
	    (doc_poss(c, w, n - 1) > 0 || (!is_dict(e) && rdata_apos(c->d, e) && rdata_apos(c->d, e)->lm_id >= 0) ||
	     (doc_count(c, w, n - 1) >= 2 && ar->next_lower && owned_follower(c->d, ar->next))))
		return repair_apos_put_possessive(out, w, n);
	if (acronym_s && repair_apos_acronym_placed(c, w, n, ar))
		return repair_apos_put_possessive(out, w, n);
	/* capitals inside: two words the document writes apart elsewhere
	 * ("HongKong", "StarWars"; a brand, "YouTube", never is), capitals
	 * glued to a word ("CEOof"), or two names fused ("AdamNeumann") */
	if (c->spaces && !apos && uppers >= 2 && !repair_split_written_often(c, w, n)) {
		int cap0 = is_upper((unsigned char)w[0]);
		size_t k = 0;
		if (cap0 && lowers > 0 && !is_known(e))
			k = repair_split_doc(c, w, n);
		if (!k && !is_known(e))
			k = repair_split_acronym(c, w, n);
		if (!k && cap0 && !is_dict(e))
			k = repair_split_names(c, w, n, ar);
		if (k) {
			*last = word_id(c, w + k, n - k);
			if (buf_put(out, w, k) || buf_putc(out, ' ') || repair_split_put_last(out, c, w, k, w + k, n - k, ar))
				return SCRAPE_ENOMEM;
			return SCRAPE_OK;
		}
	}
	/* "WeWorks core business": a brand the document writes again and
	 * again, with an "s", before a word that is not a function word, in a
	 * text that lost its apostrophes */
	if (c->apostrophes && c->ambiguous && !apos && uppers >= 2 && lowers >= 2 && is_upper((unsigned char)w[0]) &&
	    n >= 4 && w[n - 1] == 's' && w[n - 2] != 's' && !is_known(e) && doc_count(c, w, n - 1) >= 2 &&
	    doc_name(c, w, n - 1) && !ar->after_the && (ar->next_word || ar->next_num) && !ar->next_func)
		return repair_apos_put_possessive(out, w, n);
	/* a name with capitals inside ("McConnells", "ORourke", "RAVPowers")
	 * has its lost apostrophe repaired as any capitalised word, in a text
	 * that lost apostrophes (a correct text writes plurals of such names
	 * and identifiers: "EndpointSlices objects"); an acronym's "s" (one
	 * lowercase letter) only by the rules above */
	if (c->ambiguous && lowers >= 2 && uppers > 1 && is_upper((unsigned char)w[0]) && !apos) {
		char tmp[REPAIR_MAX_WORD + 4];
		size_t l = repair_apos_fix(c, tmp, sizeof tmp, w, n, ar);
		if (l) {
			*last = word_id(c, tmp, l);
			return buf_put(out, tmp, l);
		}
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
			if (!lookup(c, w, n) && repair_split_part_ok(c, w + a + 2, n - a - 2, 0, ar, &id) && is_dict(r)) {
				*last = id;
				if (buf_put(out, w, a + 2) || buf_putc(out, ' ') || repair_split_put_part(out, c, w + a + 2, n - a - 2))
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
		size_t l = repair_apos_fix(c, tmp, sizeof tmp, w, n, ar);
		if (l) {
			*last = word_id(c, tmp, l);
			return buf_put(out, tmp, l);
		}
	}
	int rc = repair_split_fused(out, c, w, n, ar, last);
	if (rc < 0)
		return rc;
	return rc == 1 ? SCRAPE_OK : buf_put(out, w, n);
}
