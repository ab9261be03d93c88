#include "repair.h"
#include "error.h"
#include "repair_data.h"
#include "repair_entities.h"
#include "repair_mojibake.h"
#include "repair_vocab.h"
#include "repair_words.h"
#include "scrape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Certain apostrophe damage ("dont", "Irans") a document must show before
 * words that are also correct ("its", "were") are judged by context; one
 * ("dont", not a name's "Epsteins") is enough when the document writes no
 * apostrophe at all. */
#define EVIDENCE_AMBIGUOUS 2
/* ... unless it writes far more apostrophes than it lost: a few odd words
 * ("dont" in a quoted tweet) in a text that kept them are no evidence. */
#define KEPT_PER_LOST 4
/* ... and before any word repair runs on text from correctly decoded HTML,
 * with the other signs a scraper leaves (html_damaged()). */
#define EVIDENCE_HTML 2
/* English prose writes about one word in fifty with an apostrophe (the
 * dev originals: 1 in 52); a text this long (five expected) with none at
 * all lost them. */
#define SILENT_WORDS 250

/* ... and a text of plain ASCII (a scraper that drops curly apostrophes
 * drops every other non-ASCII character too) that keeps fewer than one
 * apostrophe in this many words, a quarter of what prose has, lost the
 * others: when it keeps none, or shows a second sign of that scraper
 * (certain damage, lost spaces). Formal and technical writing keeps a few
 * apostrophes on its own (release notes, licences). */
#define ASCII_WORDS_PER_KEPT 150
/* ... or one in this many (half what prose keeps) when it shows a second
 * sign of that scraper: certain damage or lost spaces. */
#define ASCII_WORDS_PER_KEPT_SIGNED 100

/* A text that lost spaces shows it: two function words fused ("ofthe"),
 * which correct text never has, or many words no list knows that are a
 * function word fused with a common word ("reactto", "targetthe") and
 * sentences glued at their full stop ("flag.She"): at least one in this
 * many words (a text that lost one space in a hundred has five or more
 * in a thousand; correct prose has none, technical text a few
 * identifiers such as "nocommon" in thousands of words). */
#define WORDS_PER_JOINED 333
/* One pair of function words fused is a word of some texts ("noone",
 * "inbetween", French "tous", "soit"): it counts as one sign among the
 * others; two or more are sure. */
#define FUSED_SURE 2

static int lost_spaces(const struct words_survey *sv)
{
	size_t signs = sv->joined + sv->glued + sv->fused;
	return sv->fused >= FUSED_SURE || (signs > 0 && signs * WORDS_PER_JOINED >= sv->words);
}

/* Enough certain apostrophe damage, and not far more apostrophes kept. */
static int certain_damage(const struct words_survey *sv)
{
	return sv->damage >= EVIDENCE_AMBIGUOUS && sv->kept <= sv->damage * KEPT_PER_LOST;
}

/* Whether the document lost its apostrophes: enough certain damage, and
 * not far more apostrophes kept than lost; one non-name damage in a text
 * with none kept; a long text with none kept, or, in plain ASCII, with
 * very few. */
static int lost_apostrophes(const struct words_survey *sv, int ascii)
{
	if (certain_damage(sv))
		return 1;
	if (ascii && sv->kept == 0 && sv->words >= ASCII_WORDS_PER_KEPT)
		return 1;
	if (ascii && (sv->damage > 0 || lost_spaces(sv)) && sv->words >= ASCII_WORDS_PER_KEPT_SIGNED * (sv->kept + 1))
		return 1;
	return sv->kept == 0 && (sv->damage > sv->names || sv->words >= SILENT_WORDS);
}

/* Whether text from correctly decoded HTML shows the damage of a scraper
 * that saved it before (the seed page): every non-ASCII character gone
 * (curly apostrophes, no-break spaces), so certain lost apostrophes
 * ("Irans", "dont") and words fused where a no-break space was ("asthe",
 * which correct text never has), and not far more apostrophes kept than
 * lost. An author's own "dont" or "im" in a page that writes curly quotes,
 * dashes or accents, or one with no fused function words, is the author's
 * style: word repairs there contradict the page. */
static int html_damaged(const struct words_survey *sv, int ascii)
{
	return ascii && sv->fused > 0 && sv->damage >= EVIDENCE_HTML && sv->kept <= sv->damage * KEPT_PER_LOST;
}

/* s[0..n) is all ASCII. */
static int all_ascii(const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		if (x & 0x8080808080808080ull)
			return 0;
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

struct repair {
	struct rdata d;
	struct vocab vb;
	struct words_ctx wc;
	struct buf tmp, tmp2;
	int markup;  /* plain text that holds HTML markup: its entities stay */
};

/* s[0..n) holds an HTML tag ("<a href=", "</code>", "<li>", "<PRE>"; not
 * a title in angle brackets, "<The Palace>"): plain text with markup is
 * HTML source, whose entities are written on purpose. */
static int has_tag(const char *s, size_t n)
{
	for (const char *p = memchr(s, '<', n); p; p = memchr(p + 1, '<', (size_t)(s + n - p - 1))) {
		size_t i = (size_t)(p - s) + 1;
		if (i < n && s[i] == '/')
			i++;
		size_t st = i, lower = 0, upper = 0;
		for (; i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '1' && s[i] <= '6'));
		     i++) {
			lower += s[i] >= 'a' && s[i] <= 'z';
			upper += s[i] >= 'A' && s[i] <= 'Z';
		}
		if (i == st || i >= n || (lower && upper) || s[st] <= '9')
			continue;
		if (s[i] == '>')
			return 1;
		/* an attribute: "<a href=" */
		size_t j = i + 1;
		while (j < n && s[j] >= 'a' && s[j] <= 'z')
			j++;
		if (s[i] == ' ' && lower && j > i + 1 && j < n && s[j] == '=')
			return 1;
	}
	return 0;
}

/* Character-level repairs of text[0..len) into out: entities (unless
 * `markup`), then mojibake. */
static int repair_chars(struct buf *out, struct buf *scratch, const char *text, size_t len, int markup)
{
	int ent = !markup && memchr(text, '&', len) != NULL;
	int moji = repair_mojibake_suspect(text, len);
	if (!ent && !moji)
		return buf_put(out, text, len);
	if (!moji)
		return repair_entities(out, text, len);
	if (!ent)
		return repair_mojibake(out, text, len);
	buf_clear(scratch);
	if (repair_entities(scratch, text, len) != SCRAPE_OK)
		return SCRAPE_ENOMEM;
	return repair_mojibake(out, scratch->data ? scratch->data : "", scratch->len);
}

int repair_new(struct repair **out, const char *const *texts, const size_t *lens, size_t n, int from_html)
{
	*out = NULL;
	struct repair *r = calloc(1, sizeof *r);
	if (!r)
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	int rc = rdata_open(&r->d);
	int ascii = 1;
	for (size_t i = 0; i < n && !from_html && !r->markup; i++)
		r->markup = has_tag(texts[i], lens[i]);
	for (size_t i = 0; i < n && rc == SCRAPE_OK; i++) {
		buf_clear(&r->tmp);
		rc = repair_chars(&r->tmp, &r->tmp2, texts[i], lens[i], r->markup);
		if (rc == SCRAPE_OK && r->tmp.len) {
			ascii = ascii && all_ascii(r->tmp.data, r->tmp.len);
			rc = vocab_add_text(&r->vb, r->tmp.data, r->tmp.len);
		}
	}
	if (rc != SCRAPE_OK) {
		repair_free(r);
		return rc == SCRAPE_ENOMEM ? scrape_error_set(rc, "out of memory") : rc;
	}
	struct words_survey sv;
	repair_words_survey(&sv, &r->d, &r->vb);
	r->wc.d = &r->d;
	r->wc.vb = &r->vb;
	if (!sv.english) {
		/* the word repairs know English only */
		r->wc.apostrophes = r->wc.spaces = r->wc.ambiguous = 0;
	} else if (from_html) {
		/* correct text must come out untouched: word repairs only in a
		 * document that shows a scraper's damage, as the seed page does;
		 * entities and mojibake always */
		r->wc.apostrophes = r->wc.spaces = html_damaged(&sv, ascii);
		r->wc.ambiguous = r->wc.apostrophes && lost_apostrophes(&sv, ascii);
	} else {
		r->wc.apostrophes = 1;
		/* a scraper that dropped the apostrophes dropped no-break
		 * spaces too */
		r->wc.spaces = lost_spaces(&sv) || certain_damage(&sv) || (sv.kept == 0 && sv.damage > sv.names);
		r->wc.ambiguous = lost_apostrophes(&sv, ascii);
	}
	r->wc.lost_spaces = sv.fused > 0;
	*out = r;
	return SCRAPE_OK;
}

int repair_apply(struct repair *r, struct buf *out, const char *text, size_t len)
{
	int words = r->wc.apostrophes || r->wc.spaces;
	buf_clear(&r->tmp);
	int rc = repair_chars(words ? &r->tmp : out, &r->tmp2, text, len, r->markup);
	if (rc == SCRAPE_OK && words)
		rc = repair_words(out, &r->wc, r->tmp.data ? r->tmp.data : "", r->tmp.len);
	return rc == SCRAPE_OK ? SCRAPE_OK : scrape_error_set(rc, "out of memory");
}

void repair_free(struct repair *r)
{
	if (!r)
		return;
	vocab_free(&r->vb);
	buf_free(&r->tmp);
	buf_free(&r->tmp2);
	free(r);
}

const char *repair_data_versions(void)
{
	struct rdata d;
	return rdata_open(&d) == SCRAPE_OK ? rdata_versions(&d) : "";
}
