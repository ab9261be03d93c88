/* repair_apostrophe.c - lost apostrophes: certain damage ("dont",
 * "countrys"), words decided by context ("its", "were"), and possessives of
 * names the document writes ("Neumanns", "Fords", "WeWorks"). */
#include "repair_lexicon.h"
#include "scrape.h"

#include <string.h>

/* A context repair ("were" -> "we're") needs the apostrophe form to be this
 * much likelier (thousandths of a log10) than the word as written. */
#define AMBIGUOUS_MARGIN 700
/* ... or this much when the document writes the apostrophe form itself. */
#define EVIDENCE_MARGIN 500
/* ... or this much for a noun's or a name's possessive ("the moons frigid
 * climate", "your organizations needs"): owner_before() and the verb test
 * have already ruled out a plural before a function word or a verb, which
 * a contraction ("were", "its") has no such test for. */
#define POSSESSIVE_MARGIN 400
/* "its" is a possessive determiner: the word after it is an open-class
 * word the model rarely lists after either form, so the choice falls back
 * on the unigram ratio of "it's" to "its", which a model of speech
 * overstates for written text. It needs a wider margin. */
#define ITS_MARGIN 1500
#define ITS_EVIDENCE_MARGIN 1000
/* ... but before a function word that starts no noun phrase, it needs
 * only not to be 1.5 log10 less likely. */
#define ITS_FUNC_MARGIN (-1500)
/* A capitalised "s" form the dictionaries list as a name of its own
 * ("Edmunds", "Browns", "Peoples") needs as much. */
#define NAME_MARGIN 1500
/* ... and this much more when the word after it is unknown. */
#define ONE_SIDED_MARGIN 1000
/* How much likelier (thousandths of a log10) a verb is after "will" than
 * alone, and than after "well", for "well" before it to be "we'll". */
#define WILL_LIFT 700
/* How often a document must write "the state" before "the states" before
 * what it owns reads as "the state's" (or "his staff" for "his staffs"). */
#define SINGULAR_EVIDENCE 1
/* How often a name must be written alone before its "s" form counts as
 * evidence of lost apostrophes. */
#define NAME_EVIDENCE 3

/*
 * A word that is damage for sure when its apostrophe form exists: no
 * dictionary lists it ("dont", "countrys"; see below for words only the
 * model knows), or only as a rare word (SCOWL size 50 and up: "theres",
 * "chinas") the model does not know while it knows the apostrophe form; or
 * a function word's "'s" the model does not know ("hes", "shes").
 */
int repair_apos_certain(const struct rdata *d, const struct repair_table_entry *e,
			const struct repair_table_entry *a)
{
	/* a word only the model knows is damage when the apostrophe form is
	 * far likelier ("arent", "im"), not when it is a plural of its own
	 * ("spectrums", "Kennedys") */
	if (!is_dict(e))
		return !a || e->lm_id < 0 || a->lm_id < 0 || d->uni_prob[a->lm_id] > d->uni_prob[e->lm_id] + 1000;
	if (!a || a->lm_id < 0)
		return 0;
	/* a rare word the model knows, far rarer there than its apostrophe
	 * form ("todays", "cant") */
	if (e->lm_id >= 0)
		return e->level >= 50 && d->uni_prob[a->lm_id] > d->uni_prob[e->lm_id] + 1000;
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
size_t repair_apos_insert(char *dst, size_t cap, const char *w, size_t n, const char *form)
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

/* The two-sided bigram score of word x between prev and next. */
static int context_score(const struct words_ctx *c, int32_t prev, int32_t x, int32_t next)
{
	int s = rdata_score(c->d, prev, x);
	if (next >= 0)
		s += rdata_score(c->d, x, next);
	return s;
}

/* The verb a pronoun's contraction stands for ("we're": "are", "it's":
 * "is"), as an index into rdata.aux; -1 for anything else. */
static int contraction_aux(const struct rdata *d, const char *form)
{
	const char *q = strchr(form, '\'');
	if (!q || q == form || !is_func(rdata_lookup(d, form, (size_t)(q - form))))
		return -1;
	static const char *const suffix[RDATA_AUX] = {"re", "ll", "ve", "m", "d", "s"};
	for (int i = 0; i < RDATA_AUX; i++)
		if (strcmp(q + 1, suffix[i]) == 0)
			return i;
	return -1;
}

/* context_score() of a contraction: the model lists few words after
 * "we'll", so a lowercase word after may speak through "will" instead
 * (a name after it is no verb's complement: "NASA its Blue Moon"), when
 * the model knows the contraction after the word before ("that we'll",
 * not "inquiry we're"). */
static int contraction_score(const struct words_ctx *c, const struct around *ar, const struct repair_table_entry *a)
{
	int32_t prev = ar->prev, next = ar->next;
	int s = context_score(c, prev, a->lm_id, next);
	int k = contraction_aux(c->d, rdata_text(c->d, a));
	if (k < 0 || next < 0 || !(ar->next_lower || next == c->d->eos) || c->d->aux[k] < 0 ||
	    !rdata_has_bigram(c->d, prev, a->lm_id))
		return s;
	int via = rdata_score(c->d, prev, a->lm_id) + rdata_score(c->d, c->d->aux[k], next);
	return via > s ? via : s;
}

/* A word before a noun that may own something: "the", "his", "their". */
static int possessor_det(const char *w, size_t n)
{
	static const char *const words[] = { "the", "his", "her", "their", "our", "my", "your" };
	return IN_LIST_FOLDED(w, n, words);
}

/* A word only the largest word lists have, none of the spelling
 * dictionaries: "Taylors" is listed, "Andrews" is a name of its own. */
static int rare_listing(const struct repair_table_entry *e)
{
	return !(e->flags & RT_HUNSPELL) && e->level >= 70;
}

/* A word after which "well" is an adverb: "as well", "may well". */
static int well_adverb_before(const char *w, size_t n)
{
	static const char *const words[] = { "as", "may", "might", "could", "would", "should", "can", "will",
					     "must", "very", "pretty", "just", "quite", "too", "so" };
	return IN_LIST_FOLDED(w, n, words);
}

/* A noun of time whose possessive names a time ("last week's game"). */
static int time_noun(const struct rdata *d, const struct repair_table_entry *e)
{
	if (!e)
		return 0;
	static const char *const words[] = { "day", "week", "month", "year", "night", "morning", "evening",
					     "afternoon", "weekend", "season", "decade", "century", "quarter" };
	return IN_LIST(rdata_text(d, e), e->len, words);
}

/* A day or a month, the name of a time ("Tuesday", "October"; not "May",
 * a modal verb). */
static int time_name(const struct rdata *d, const struct repair_table_entry *e)
{
	if (!e)
		return 0;
	static const char *const words[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
					     "january", "february", "march", "april", "june", "july", "august",
					     "september", "october", "november", "december" };
	return IN_LIST(rdata_text(d, e), e->len, words);
}

size_t repair_apos_put_poss(char *dst, size_t cap, const char *w, size_t n)
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
/* What follows a word can be what a possessive owns: a word or a number
 * right after it, not a function word (but "one", "other", "new" ...
 * that start a noun phrase), nor a word far rarer after "his" than alone
 * (a verb: "Republicans voted"). A conjunction, a verb, punctuation or
 * the end of a sentence after an "s" say it is a plural ("curriculums
 * and", "legislations were"). */
static int owner_before(const struct words_ctx *c, const struct around *ar)
{
	if (ar->next_num)
		return 1;
	if (!ar->next_word || (ar->next_func && !noun_phrase_start(c->d, ar->next_e)))
		return 0;
	return !poss_follower_bad(c->d, ar->next);
}

/* The model knows the "'s" form a (of stem) within 1.5 log10 of the stem:
 * a contraction of "is" ("here's", "let's"), not a possessive, which is
 * far rarer than its noun ("country's"). */
static int contraction_like(const struct rdata *d, const struct repair_table_entry *stem,
			    const struct repair_table_entry *a)
{
	return stem->lm_id >= 0 && a->lm_id >= 0 && d->uni_prob[a->lm_id] > d->uni_prob[stem->lm_id] - 1500;
}

/* How much rarer (thousandths of a log10) than the verb its contraction
 * with "'s" may be ("let's" beside "let": 0.2). */
#define VERB_CONTRACTION 500

/* The entry e, of five letters or more, ends with `suffix`: as a past
 * participle ("recommended": "ed") or a present one ("fleeing": "ing"). */
static int ends_as(const struct rdata *d, const struct repair_table_entry *e, const char *suffix)
{
	size_t sl = strlen(suffix);
	return e && e->len > 4 && memcmp(rdata_text(d, e) + e->len - sl, suffix, sl) == 0;
}

/* A subject pronoun: "I", "you", "he", "she", "it", "we", "they". */
static int subject_pronoun(const char *w, size_t n)
{
	static const char *const words[] = { "i", "you", "he", "she", "it", "we", "they" };
	return IN_LIST_FOLDED(w, n, words);
}

/*
 * Whether the contraction a (of the word w, whose "s"-less stem is stem)
 * cannot stand where w is, whatever the model says of its neighbours:
 * - a pronoun's contraction ("we're", "it's") is a subject and its verb, so
 *   no subject pronoun comes right before it ("if it were not", "we were
 *   doing"), nor, but for "'s" ("it's you"), right after it ("were you",
 *   "Were they");
 * - a verb's contraction ("let's": "let us", as common as the verb) starts a clause, so the
 *   content word or name before it is the subject of the verb with its
 *   "s" ("the market lets prices rise", "Noah lets them in").
 */
static int clause_clash(const struct words_ctx *c, const struct around *ar, const struct repair_table_entry *stem,
			const struct repair_table_entry *a, int capital)
{
	const char *form = rdata_text(c->d, a);
	size_t fl = strlen(form);
	int k = contraction_aux(c->d, form);
	if (k >= 0) {
		if (ar->prev_w && subject_pronoun(ar->prev_w, ar->prev_n))
			return 1;
		int is_s = fl >= 2 && form[fl - 1] == 's' && form[fl - 2] == '\'';
		return !is_s && ar->next_word && ar->next_e && subject_pronoun(rdata_text(c->d, ar->next_e), ar->next_e->len);
	}
	/* a verb's contraction is nearly as common as the verb itself (within
	 * VERB_CONTRACTION); a noun's possessive ("artist's") is far rarer */
	if (capital || !lower_word(stem) || is_func(stem) || fl < 3 || form[fl - 2] != '\'' || form[fl - 1] != 's' ||
	    stem->lm_id < 0 || a->lm_id < 0 || c->d->uni_prob[a->lm_id] < c->d->uni_prob[stem->lm_id] - VERB_CONTRACTION)
		return 0;
	return ar->prev_w && !is_func(lookup(c, ar->prev_w, ar->prev_n));
}

/* Up to max words after the word in the same clause: runs of letters
 * separated by spaces, up to the first other character (the word it
 * touches is the last). Fills ents[] (NULL when unknown); the count. */
static size_t words_after(const struct words_ctx *c, const struct around *ar, const struct repair_table_entry **ents,
			  const char **ws, size_t *ns, size_t max, int *stop)
{
	const char *p = ar->rest, *end = ar->rest + ar->rest_n;
	size_t k = 0;
	while (k < max && p < end && *p == ' ') {
		while (p < end && *p == ' ')
			p++;
		const char *q = p;
		while (q < end && is_alpha((unsigned char)*q))
			q++;
		if (q == p)
			break;
		ws[k] = p;
		ns[k] = (size_t)(q - p);
		ents[k] = lookup(c, p, ns[k]);
		k++;
		p = q;
	}
	*stop = k > 0 && p == ws[k - 1] + ns[k - 1] && (p == end || strchr(".,;:!?", *p));
	return k;
}

/* A verb a noun can be the subject of, in a form that is no participle
 * ("keeps", "include", "is", "might"; not "used", "found", "using"): the
 * model lifts it after "he", "she" or "they", and not after "is" or
 * "have". */
static int finite_verb(const struct rdata *d, int32_t w)
{
	return subject_verb(d, w) && lm_lift(d, d->aux[5], w) < 0 && lm_lift(d, d->aux[2], w) < 0;
}

/* The model id of word e read as a verb: a word that lost the apostrophe
 * of a contraction is that contraction ("isnt": "isn't"); -1 if none. */
static int32_t verb_id(const struct words_ctx *c, const struct repair_table_entry *e)
{
	if (!e)
		return -1;
	const struct repair_table_entry *a = rdata_apos(c->d, e);
	if (a && a->lm_id >= 0 && repair_apos_certain(c->d, e, a))
		return a->lm_id;
	return e->lm_id;
}

/* "Its compact design keeps", "its larger sibling holds": the words after
 * "its" are a noun phrase that is the subject of a verb right after it.
 * "It's" already has its verb; what follows it takes no second one without
 * a word that opens a new clause ("it's time to start", "it's the one that
 * is"), and an adverb ("it's often used") or a participle ("it's primarily
 * found") is no subject. */
static int its_subject_of_verb(const struct words_ctx *c, const struct repair_table_entry *const *e,
			       const char *const *ws, size_t k)
{
	/* a participle first is an adjective of the noun after it ("its
	 * lowered forecast isn't"), where "it's" ("it has lowered") would
	 * take an object and no verb after it; the verb comes after that
	 * noun */
	int participle = k >= 3 && ends_as(c->d, e[0], "ed");
	for (size_t j = 1; j < k; j++) {
		const struct repair_table_entry *x = e[j - 1];
		int adjective = participle && j == 1;
		if (!is_dict(x) || is_func(x) || !is_lower((unsigned char)ws[j - 1][0]) ||
		    (!adjective && x->lm_id >= 0 && subject_verb(c->d, x->lm_id)))
			return 0;
		if (adjective)
			continue;
		int32_t verb = verb_id(c, e[j]);
		if (verb >= 0 && is_lower((unsigned char)ws[j][0]) && finite_verb(c->d, verb))
			return 1;
	}
	return 0;
}

/* "a package and its dependencies.", "each of its uniquely designed
 * pieces.": after a word the model gives "its" at least as readily as
 * "it's" ("and", "of"; not "whether", "that", a sentence start), the one
 * to four words up to the clause's end are content words, none an
 * adverb, the last a noun (the model lifts it after "the", not after
 * "is"): a noun phrase alone, which "it's" takes only with a determiner ("it's a ..."), while
 * its adjective or participle ends the clause ("it's largely
 * inconsequential.", "it's brewed differently"). */
static int its_noun_phrase(const struct words_ctx *c, const struct around *ar, const struct repair_table_entry *its,
			   const struct repair_table_entry *its_apos, const struct repair_table_entry *const *e,
			   const char *const *ws, size_t k)
{
	int lift = lm_lift(c->d, ar->prev, its->lm_id);
	if (k == 0 || lift == INT16_MIN || lift < lm_lift(c->d, ar->prev, its_apos->lm_id))
		return 0;
	for (size_t j = 0; j < k; j++)
		if (!is_dict(e[j]) || is_func(e[j]) || !is_lower((unsigned char)ws[j][0]) ||
		    (e[j]->lm_id >= 0 && subject_verb(c->d, e[j]->lm_id)))
			return 0;
	int32_t head = e[k - 1]->lm_id;
	return lm_lift(c->d, c->d->the, head) > 0 && lm_lift(c->d, c->d->aux[5], head) < 0;
}

/* "its" (entry its, its apostrophe form its_apos) that owns what follows
 * it: its_subject_of_verb() or its_noun_phrase() on the next few words. */
static int its_owns_what_follows(const struct words_ctx *c, const struct around *ar, const struct repair_table_entry *its,
				 const struct repair_table_entry *its_apos)
{
	const struct repair_table_entry *e[4];
	const char *ws[4];
	size_t ns[4];
	int stop;
	size_t k = words_after(c, ar, e, ws, ns, 4, &stop);
	return its_subject_of_verb(c, e, ws, k) || (stop && its_noun_phrase(c, ar, its, its_apos, e, ws, k));
}

/* "the numbers reach the hundreds", "Custom Hooks offer the": the word
 * after a plural the dictionaries list is a verb (finite_verb()) and a
 * determiner starts its object; the noun a possessive owns is followed by
 * a preposition or a verb ("the caller's claim to", "Man's reach must"),
 * seldom by a determiner. */
static int plural_subject(const struct words_ctx *c, const struct around *ar)
{
	const struct repair_table_entry *e[2];
	const char *ws[2];
	size_t ns[2];
	int stop;
	size_t k = words_after(c, ar, e, ws, ns, 2, &stop);
	return k == 2 && e[0] && e[0]->lm_id >= 0 && is_lower((unsigned char)ws[0][0]) && finite_verb(c->d, e[0]->lm_id) &&
	       e[1] && determiner(c->d, e[1]);
}

/* After an opening phrase and the sentence's first comma ("In this guide,
 * were going", "Starting today, well compare") a clause starts with its
 * subject, which a pronoun's contraction brings with it: it needs only not
 * to be far less likely than the word as written. */
#define LONE_COMMA_MARGIN (-1500)
/* ... "its" there is "it's" but before what a possessive owns ("Finally,
 * its gaming division"): before a function word or a word the model does
 * not list after "his", "their" or "the", it needs less than ITS_MARGIN. */
#define ITS_LONE_COMMA_MARGIN 700

/* The margin of a context repair of the word with apostrophe form `form`
 * after the sentence's first comma, before a lowercase word. */
static int lone_comma_margin(const struct words_ctx *c, const struct around *ar, const char *form, int margin)
{
	int k = contraction_aux(c->d, form);
	/* "'s" may be a possessive's, or "is" of a name, not a pronoun's */
	if (k >= 0 && k != RDATA_AUX - 1)
		return margin < LONE_COMMA_MARGIN ? margin : LONE_COMMA_MARGIN;
	if (strcmp(form, "it's") == 0 && (ar->next_func || !owned_follower(c->d, ar->next)) && margin > ITS_LONE_COMMA_MARGIN)
		return ITS_LONE_COMMA_MARGIN;
	return margin;
}

/* Repair of w by its table entries and the model (repair_apos_fix()). */
static size_t apos_fix_listed(const struct words_ctx *c, char *dst, size_t cap, const char *w, size_t n,
			      const struct around *ar)
{
	if (!c->apostrophes || n < 2 || ar->apos_after)
		return 0;
	int capital = is_upper((unsigned char)w[0]);
	const struct repair_table_entry *e = lookup(c, w, n);
	const struct repair_table_entry *a = rdata_apos(c->d, e);
	/* the word without its "s", for possessives */
	const struct repair_table_entry *stem = w[n - 1] == 's' ? lookup(c, w, n - 1) : NULL;
	const char *form = a ? rdata_text(c->d, a) : NULL;
	size_t fl = form ? strlen(form) : 0;
	if (form && fl >= 2 && form[fl - 1] != '\'') {
		int poss = fl >= 3 && form[fl - 2] == '\'' && form[fl - 1] == 's';
		/* "ns" (nanoseconds) is no "n's": a possessive has a word */
		if (poss && n < 3)
			return 0;
		/* a noun's or a name's "s" needs something owned after it;
		 * "that's", "here's", "let's" are contractions: a function
		 * word's, or one the model knows nearly as well as its stem */
		if (poss && !(stem && (is_func(stem) || contraction_like(c->d, stem, a))) && !owner_before(c, ar))
			return 0;
		/* ... and a verb after it ("Edmunds expects", "Democrats agree"),
		 * one the model lists after "he" or "they" far more often than
		 * alone and not as what "his" or "the" start, says it is a name
		 * or a plural and that verb's subject; a participle may be an
		 * adjective of what is owned ("Stadia's recommended setup"); so
		 * does a listed plural's verb and object (plural_subject()) */
		int noun_poss = poss && stem && !is_func(stem) && !(lower_word(stem) && contraction_like(c->d, stem, a));
		if (noun_poss && ((is_dict(e) && plural_subject(c, ar)) ||
				  (ar->next_word && ar->next_lower && ar->next_e && !ends_as(c->d, ar->next_e, "ed") &&
				   subject_verb(c->d, ar->next) && !owned_follower(c->d, ar->next))))
			return 0;
		/* "Tuesdays networking gathering", "Octobers Money 20/20": a
		 * day's or a month's "s" before what it owns (a word that is no
		 * verb of which it is the subject, or a name or a number); the
		 * plural is a time of habit, after "on" or "the" or before a
		 * function word ("on Mondays", "Tuesdays and Fridays") */
		if (poss && capital && c->ambiguous && time_name(c->d, stem) && !ar->after_the &&
		    !(ar->prev_w && word_is(ar->prev_w, ar->prev_n, "on")) &&
		    ((ar->next_word && !ar->next_func && (!ar->next_lower || (!poss_follower_bad(c->d, ar->next) &&
		      !subject_verb(c->d, ar->next)))) || ar->next_num))
			return repair_apos_insert(dst, cap, w, n, form);
		/* "Irans": a name's possessive needs the document's word for it
		 * ("Thats" is no name: its stem is a common word) */
		const struct repair_table_entry *st = poss ? stem : NULL;
		int common_stem = lower_word(st) && st->level <= 20;
		int name_poss = poss && capital && !common_stem && (!(e->flags & RT_LOWER) || !is_dict(e));
		/* ... or a name (every dictionary writes it capitalised, or the
		 * document does) which the document writes alone too, whose "s"
		 * form no list knows, before a lowercase word that can follow a
		 * possessive ("Europes population", "Canadas exciting win"; not
		 * "Flos since") */
		int known_name = ((cap_only(st) && st->level <= 50) || doc_name(c, w, n - 1)) && !is_known(e) &&
				 ar->next_word && ar->next_lower && !ar->next_func && !poss_follower_bad(c->d, ar->next);
		if (name_poss && !c->ambiguous && doc_poss(c, w, n - 1) == 0 && !known_name)
			return 0;
		/* "the Bidens", "Bidens." are plurals; "Disneys $6.99 service"
		 * is no plural; "Flos since 2013" owns nothing */
		if (name_poss && doc_poss(c, w, n - 1) == 0 &&
		    (ar->after_the || !(ar->next_word || ar->next_num) || (ar->next_lower && poss_follower_bad(c->d, ar->next))))
			return 0;
		/* "the states meth epidemic", "his staffs prior contacts": a
		 * plural and a possessive read alike to the model; a document
		 * that writes "the state" or "his staff" means one, before a
		 * word that starts what it owns */
		uint32_t pair_cap;
		if (poss && !capital && c->ambiguous && ar->prev_w && possessor_det(ar->prev_w, ar->prev_n) &&
		    ar->next_word && ar->next_lower && !ar->next_func && a->lm_id >= 0 && lower_word(st) && !is_func(st) &&
		    owned_follower(c->d, ar->next) &&
		    vocab_pair_count(c->vb, ar->prev_w, ar->prev_n, w, n - 1, &pair_cap) >= SINGULAR_EVIDENCE)
			return repair_apos_insert(dst, cap, w, n, form);
		/* "last weeks game", "Monday nights loss": a time's "s" after
		 * "the", "last" or a name, before what it owns; a plural of time
		 * comes after a number or an adjective ("three years early",
		 * "recent years"), or before a function word ("the last weeks
		 * of") */
		if (poss && !capital && c->ambiguous && ar->next_word && ar->next_lower && !ar->next_func && a->lm_id >= 0 &&
		    time_noun(c->d, st) && (ar->after_the || ar->after_cap || ar->prev == c->d->last) &&
		    owned_follower(c->d, ar->next) && !poss_follower_bad(c->d, ar->next))
			return repair_apos_insert(dst, cap, w, n, form);
		/* "Well be performing": "well" before a verb "will" takes, far
		 * likelier after "will" than after "well" ("well known", "well
		 * over"), is "we'll"; not after "as" or a modal ("may well be") */
		if (c->ambiguous && word_is(w, n, "well") && ar->next_word &&
		    ar->next_lower && !(ar->prev_w && well_adverb_before(ar->prev_w, ar->prev_n))) {
			int will = lm_lift(c->d, c->d->aux[1], ar->next), well = lm_lift(c->d, e->lm_id, ar->next);
			if (will >= WILL_LIFT && will > well + WILL_LIFT)
				return repair_apos_insert(dst, cap, w, n, form);
		}
		/* not a dictionary word ("dont", "countrys", "Im"), or a rare one
		 * ("theres"): certain damage */
		if (repair_apos_certain(c->d, e, a))
			return repair_apos_insert(dst, cap, w, n, form);
		/* forms far rarer than the word ("as" -> "a's") need not be scored */
		int rare = e->lm_id >= 0 && c->d->uni_prob[a->lm_id] + 4000 < c->d->uni_prob[e->lm_id];
		/* "Fords are", "presidents have": a possessive is followed by
		 * what it owns, not by a function word (a speech model likes
		 * "Ford's" as "Ford is" more than written text does); "let's"
		 * is no possessive */
		int plural_before_func = poss && st && !is_func(st) && strcmp(rdata_text(c->d, st), "let") != 0 &&
					 ar->next_func && !noun_phrase_start(c->d, ar->next_e);
		if (c->ambiguous && a->lm_id >= 0 && !rare && !plural_before_func && !clause_clash(c, ar, stem, a, capital)) {
			/* a word the model does not know ("theres") scores as rare */
			int keep = context_score(c, ar->prev, e->lm_id, ar->next);
			int change = contraction_score(c, ar, a);
			int evidence = doc_apos(c, w, n) > 0;
			int margin = evidence ? EVIDENCE_MARGIN : AMBIGUOUS_MARGIN;
			if (poss && !evidence && contraction_aux(c->d, form) < 0 && !word_is(w, n, "its"))
				margin = POSSESSIVE_MARGIN;
			if (word_is(w, n, "its")) {
				margin = evidence ? ITS_EVIDENCE_MARGIN : ITS_MARGIN;
				/* "its a", "its not", "its about": a possessive
				 * determiner starts a noun phrase, so before a
				 * function word that starts none and that no owner
				 * takes ("its own", "its time" do), "its" is
				 * "it's" unless the model finds that far less
				 * likely */
				if (ar->next_word && ar->next_func && !noun_phrase_start(c->d, ar->next_e) &&
				    !owned_follower(c->d, ar->next))
					margin = ITS_FUNC_MARGIN;
				/* "its Blue Moon lander": a name after it reads to
				 * the model as an adjective */
				if (ar->next_word && !ar->next_lower)
					margin += ONE_SIDED_MARGIN;
				/* after a content word it is what that word acts on
				 * ("book its spot", "replacing its"); "it's" follows
				 * function words, punctuation and sentence starts */
				if (ar->prev_w && !is_func(lookup(c, ar->prev_w, ar->prev_n)))
					margin += ONE_SIDED_MARGIN;
				if (its_owns_what_follows(c, ar, e, a))
					return 0;
				/* "what sets it apart is its design": right after
				 * "is" or "are", "it's" would be a second verb with
				 * no clause between ("is it is"); after a comma it
				 * may start one ("the problem is, it's") */
				if (ar->prev_w && (ar->prev == c->d->aux[5] || ar->prev == c->d->aux[0]))
					return 0;
			}
			if (ar->after_lone_comma && ar->next_word && ar->next_lower)
				margin = lone_comma_margin(c, ar, form, margin);
			/* "Edmunds", "Browns": a name of its own in the dictionaries */
			if (capital && (e->flags & RT_CAP) && margin < NAME_MARGIN)
				margin = NAME_MARGIN;
			/* no known word after it: only the word before speaks */
			if (ar->next < 0)
				margin += ONE_SIDED_MARGIN;
			if (change - keep > margin)
				return repair_apos_insert(dst, cap, w, n, form);
		}
		if (!(capital && poss))
			return 0;
	}
	/* possessive "s" the tables do not list */
	if (n < 3 || w[n - 1] != 's' || w[n - 2] == 's' || w[n - 2] == '\'')
		return 0;
	if (!owner_before(c, ar))
		return 0;
	if (!is_known(e)) {
		/* "Dehqans" when the text has "Dehqan's"; "countrys" */
		if (doc_poss(c, w, n - 1) > 0 ||
		    (c->ambiguous && !capital && stem && (stem->flags & RT_POSS) && is_dict(stem) && ar->next_word &&
		     !ar->next_func))
			return repair_apos_put_poss(dst, cap, w, n);
	}
	/* "Neumanns", "Fords": a name of the document with an "s", in a text
	 * that lost its apostrophes or before a lowercase word, or a number
	 * ("WeWorks 2025 bond"); "the Bidens" is a plural, "the Sentras
	 * interior" is not */
	if (capital && (c->ambiguous || ar->next_lower) && !is_known(e) && (!ar->after_the || ar->next_lower) &&
	    (ar->next_word || ar->next_num) && !ar->next_func && doc_name(c, w, n - 1))
		return repair_apos_put_poss(dst, cap, w, n);
	/* "Fords", "Apples": a name of the document that is also a word (or
	 * one the model alone knows with an "s": "Toyotas", "Mayers"), with an
	 * "s" before a word that is not a function word ("Ford's Mustang");
	 * a plural comes after "the", or after a capitalised word it goes with
	 * ("United States", "Fox News"), unless a name follows ("than Apples
	 * AirPods"), or before a function word ("Fords are") */
	if (capital && c->ambiguous && is_known(e) && !ar->after_the && (ar->next_word || ar->next_num) && !ar->next_func &&
	    doc_name(c, w, n - 1) && doc_count(c, w, n - 1) >= 2 && !doc_lower(c, w, n) &&
	    (!is_dict(e) || !is_dict(stem) || (stem->flags & RT_LOWER) || rare_listing(e)) &&
	    (!ar->after_cap || !ar->next_lower || !rdata_has_bigram(c->d, ar->prev, e->lm_id)))
		return repair_apos_put_poss(dst, cap, w, n);
	/* "Hillary Clintons campaign", "Jason Zuckers goal": a first
	 * name, then a surname with an "s" that is no name of its own
	 * ("Bernie Sanders"), and a word it can own; its stem is a name of
	 * the dictionaries, one only the model knows ("Zucker"), or a word
	 * the document writes as a name ("Kyrgios", "Tsitsipas", "American
	 * Airlines" stay); after any capitalised word ("Van Goghs famous
	 * painting") when the stem is a name every dictionary capitalises, no
	 * list knows the "s" form ("Mantis" is a word) and the document does
	 * not write it before a stop or a comma ("Mr. Rowlands, a designer": a
	 * name of its own) */
	if (capital && n >= 4 && c->ambiguous && (ar->after_name || (ar->after_cap && cap_only(stem) && !is_dict(e) && !doc_at_stop(c, w, n))) &&
	    (!is_dict(e) || !(e->flags & RT_CAP)) &&
	    (cap_only(stem) || (is_known(stem) && (!is_dict(stem) || doc_name(c, w, n - 1)))) &&
	    ((ar->next_word && !ar->next_func && (!ar->next_lower || !poss_follower_bad(c->d, ar->next))) || ar->next_num))
		return repair_apos_put_poss(dst, cap, w, n);
	return 0;
}

/* The determiners that take a singular count noun only. */
static const char *const singular_dets[] = { "a", "an", "each", "every", "another", "this" };

static int singular_det(const char *w, size_t n)
{
	return IN_LIST_FOLDED(w, n, singular_dets);
}

/* The document writes w[0..n) after "the" or a determiner of a singular
 * noun ("the shape", "a shape"): a noun there, whatever else it is. */
static int written_after_det(const struct words_ctx *c, const char *w, size_t n)
{
	uint32_t cap;
	if (vocab_pair_count(c->vb, "the", 3, w, n, &cap) > 0)
		return 1;
	for (size_t i = 0; i < sizeof singular_dets / sizeof singular_dets[0]; i++)
		if (vocab_pair_count(c->vb, singular_dets[i], strlen(singular_dets[i]), w, n, &cap) > 0)
			return 1;
	return 0;
}

/* w[0..n) (entry e, stem its "s"-less entry) is the "s" form of a
 * lowercase common noun the model knows: no function word, no "ss". */
static int common_noun_s_form(const char *w, size_t n, const struct repair_table_entry *e,
			      const struct repair_table_entry *stem)
{
	return n >= 4 && w[n - 1] == 's' && w[n - 2] != 's' && !is_upper((unsigned char)w[0]) && e && e->lm_id >= 0 &&
	       lower_word(stem) && !is_func(stem);
}

/* A lowercase common noun's "s" form w (entry e, stem its "s"-less
 * entry), both known to the model, before a lowercase word that can
 * start what it owns: a word after it, no verb it could be the subject
 * of ("every parts needed"), none that does not follow a possessive. */
static int noun_s_before_owned(const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
			       const struct repair_table_entry *e, const struct repair_table_entry *stem)
{
	if (!common_noun_s_form(w, n, e, stem) || stem->lm_id < 0)
		return 0;
	return ar->next_word && ar->next_lower && owner_before(c, ar) && ar->next >= 0 &&
	       !subject_verb(c->d, ar->next);
}

/*
 * "an astronauts basic metabolic rate", "every parents worst nightmare",
 * "each vehicles specifications": a determiner that takes a singular noun
 * only, so the "s" form after it is a possessive, unless English writes
 * that pair (the model lists it: "a sales pitch", "a sports car", "this
 * works", "This falls apart"). "This" is a pronoun too, the subject of a
 * verb in its "s" form ("This spans design", "This rounds all of",
 * "This shapes opinion"): after it no function word may follow, and the
 * document must write the noun without its "s" after a determiner.
 */
static int poss_after_singular_det(const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
				   const struct repair_table_entry *e, const struct repair_table_entry *stem)
{
	/* a capitalised "A" inside a sentence is a letter or a name ("If A
	 * equals success") */
	if (!ar->prev_w || !singular_det(ar->prev_w, ar->prev_n) || ar->prev < 0 ||
	    (is_upper((unsigned char)ar->prev_w[0]) && ar->prev2_w) ||
	    !noun_s_before_owned(c, w, n, ar, e, stem) || rdata_has_bigram(c->d, ar->prev, e->lm_id))
		return 0;
	return !word_is(ar->prev_w, ar->prev_n, "this") || (!ar->next_func && written_after_det(c, w, n - 1));
}

/*
 * "the", a possessive determiner, or one of them and a word (letters, no
 * function word) that modifies the noun ("the Indian markets", "the pop stars", "the Trump
 * administrations") right before the "s" form w (entry e). After such a
 * word the "s" form may be its verb ("The conference features", "the book
 * pairs"): it must be none the model lifts after "it", and the word after
 * it no function word, adverb in "-ly" or participle in "-ed", which
 * start a clause or a predicate ("the common mistakes many runners make",
 * "the tense moments heavily armed", "the location directives defined").
 */
static int possessor_before(const struct words_ctx *c, const struct around *ar, const struct repair_table_entry *e)
{
	if (!ar->prev_w)
		return 0;
	if (possessor_det(ar->prev_w, ar->prev_n))
		return 1;
	if (!ar->prev2_w || !possessor_det(ar->prev2_w, ar->prev2_n) || !e || !only_letters(ar->prev_w, ar->prev_n) ||
	    is_func(lookup(c, ar->prev_w, ar->prev_n)))
		return 0;
	if (c->d->it < 0 || lm_lift(c->d, c->d->it, e->lm_id) > 0)
		return 0;
	return !ar->next_func && !(ar->next_e && determiner(c->d, ar->next_e)) && !ends_as(c->d, ar->next_e, "ly") &&
	       !ends_as(c->d, ar->next_e, "ed");
}

/* A superlative: a word in "-est" the model lifts after "the" whose
 * stem is a word ("strongest", "largest"). */
static int superlative(const struct words_ctx *c, const struct repair_table_entry *e)
{
	if (!ends_as(c->d, e, "est") || lm_lift(c->d, c->d->the, e->lm_id) <= 0)
		return 0;
	const char *t = rdata_text(c->d, e);
	return is_dict(lookup(c, t, e->len - 3)) || is_dict(lookup(c, t, e->len - 2));
}

/*
 * "the studios innovative artworks", "my brothers hot cocoa": after "the"
 * or a possessive determiner, an "s" form, then an adjective (the model
 * lifts it after "very", or a superlative: "the narratives strongest
 * elements"; not after "they": no verb or adverb that starts
 * a predicate, "our eyes physically change") and a noun (lifted after
 * "the"). A plural that modifies a noun stands right before it ("the
 * sales team"), and a plural subject takes a verb, so the adjective says
 * the "s" form owns the noun phrase.
 */
static int poss_before_adjective_noun(const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
				      const struct repair_table_entry *e, const struct repair_table_entry *stem)
{
	if (!possessor_before(c, ar, e) || !noun_s_before_owned(c, w, n, ar, e, stem) || ar->next_func ||
	    !(lm_lift(c->d, c->d->very, ar->next) > 0 || superlative(c, ar->next_e)) ||
	    lm_lift(c->d, c->d->subject[2], ar->next) > 0)
		return 0;
	const struct repair_table_entry *after[2];
	const char *ws[2];
	size_t ns[2];
	int stop;
	if (words_after(c, ar, after, ws, ns, 2, &stop) < 2)
		return 0;
	return after[1] && !is_func(after[1]) && lm_lift(c->d, c->d->the, after[1]->lm_id) > 0;
}

/* A noun w[0..n) whose plural is no "s" form: "man", "woman",
 * "chairman" make "men", "women", "chairmen" (a dictionary word). */
static int plural_in_men(const struct words_ctx *c, const char *w, size_t n)
{
	char men[REPAIR_MAX_WORD];
	if (n < 3 || n >= sizeof men || !word_is(w + n - 3, 3, "man"))
		return 0;
	memcpy(men, w, n);
	men[n - 2] = 'e';
	return is_dict(lookup(c, men, n));
}

/* "the mans lungs", "a chairmans vote": after a determiner, the "s" form
 * of a noun whose plural is not in "s" is no plural; before what it owns
 * it is a possessive. */
static int poss_of_irregular_plural(const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
				    const struct repair_table_entry *e, const struct repair_table_entry *stem)
{
	return ar->prev_w && (possessor_det(ar->prev_w, ar->prev_n) || singular_det(ar->prev_w, ar->prev_n)) &&
	       noun_s_before_owned(c, w, n, ar, e, stem) && plural_in_men(c, w, n - 1);
}

/* How often a document may write a noun's "s" form for it to be read as a
 * possessive on weaker evidence of the model; a plural that makes a term
 * with the noun after it recurs ("homeowners insurance", "sales team"). */
#define RARE_S_FORM 5
/* ... how much less likely (thousandths of a log10) than the plural the
 * model may find the possessive then. */
#define RARE_S_MARGIN (-1000)

/*
 * "the doctors willingness to", "the hosts defenses", "The models
 * attention to detail": after "the" or a possessive determiner, a common
 * noun's "s" form the document writes at most RARE_S_FORM times, before a
 * word the model lists after "his" at least as often as alone (what a
 * possessive owns) and that is no verb after "they" ("The projects cover
 * still life"): the possessive (the table's apostrophe form, not the
 * plural's "s'") needs only not to be RARE_S_MARGIN less likely than the
 * plural, instead of POSSESSIVE_MARGIN more.
 */
static int poss_of_rare_s_form(const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
			       const struct repair_table_entry *e, const struct repair_table_entry *stem)
{
	if (!possessor_before(c, ar, e) || !noun_s_before_owned(c, w, n, ar, e, stem) ||
	    doc_count(c, w, n) > RARE_S_FORM)
		return 0;
	const struct repair_table_entry *a = rdata_apos(c->d, e);
	if (!a || a->lm_id < 0 || a->len != n + 1 || rdata_text(c->d, a)[n - 1] != '\'')
		return 0;
	if (lm_lift(c->d, c->d->his, ar->next) < 0 || lm_lift(c->d, c->d->subject[2], ar->next) > 0)
		return 0;
	int diff = context_score(c, ar->prev, a->lm_id, ar->next) - context_score(c, ar->prev, e->lm_id, ar->next);
	return diff >= RARE_S_MARGIN;
}

/*
 * "the state's $2 billion", "the band's 50th anniversary", "the group's
 * 18-year insurgency": after "the" or a possessive determiner, a common
 * noun's "s" form the document writes at most RARE_S_FORM times before a
 * sum, an ordinal or a measure.
 */
static int poss_before_number(const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
			      const struct repair_table_entry *e, const struct repair_table_entry *stem)
{
	if (!ar->next_num || !common_noun_s_form(w, n, e, stem) || doc_count(c, w, n) > RARE_S_FORM)
		return 0;
	if (!ar->prev_w || !possessor_det(ar->prev_w, ar->prev_n))
		return 0;
	/* the number's text: a sum ("$2 billion"), an ordinal ("50th") or a
	 * measure ("18-year"), not a bare number or a range, which name
	 * the members of a plural ("the numbers 0-6", "the years 2010") */
	const char *p = ar->rest, *end = ar->rest + ar->rest_n;
	while (p < end && *p == ' ')
		p++;
	if (p < end && !is_digit((unsigned char)*p))
		return 1;
	while (p < end && is_digit((unsigned char)*p))
		p++;
	if (p < end && *p == '-')
		p++;
	/* "the years 1990s": a decade is a plural of its own */
	if (p < end && *p == 's' && (p + 1 == end || !is_alpha((unsigned char)p[1])))
		return 0;
	return p < end && is_alpha((unsigned char)*p);
}

/*
 * The word after the word is a lowercase compound of letters joined by
 * hyphens ("twin-touchscreen", "cost-effectiveness", "wood-paneled") whose
 * first part is a content word of the dictionaries, no plural
 * ("apples-to-apples") and no function word ("well-suited", "in-house",
 * or one fused to the next word: "ofnon-compliance").
 */
static int compound_after(const struct words_ctx *c, const struct around *ar)
{
	const char *p = ar->rest, *end = ar->rest + ar->rest_n;
	if (p >= end || *p != ' ')
		return 0;
	while (p < end && *p == ' ')
		p++;
	const char *q = p, *hyphen = NULL;
	while (q < end && (is_lower((unsigned char)*q) || (*q == '-' && q > p && q + 1 < end && is_lower((unsigned char)q[1])))) {
		if (*q == '-' && !hyphen)
			hyphen = q;
		q++;
	}
	if (!hyphen || (q < end && is_alnum((unsigned char)*q)))
		return 0;
	size_t fn = (size_t)(hyphen - p);
	const struct repair_table_entry *first = lookup(c, p, fn);
	return lower_word(first) && !is_func(first) && p[fn - 1] != 's';
}

/* "the automaker's twin-touchscreen infotainment", "the grant's
 * cost-effectiveness": after "the" or a possessive determiner, a common
 * noun's "s" form the document writes at most RARE_S_FORM times before a
 * hyphenated compound (compound_after()), which a plural subject does
 * not take for its verb nor a plural modifier for its noun. */
static int poss_before_compound(const struct words_ctx *c, const char *w, size_t n, const struct around *ar,
				const struct repair_table_entry *e, const struct repair_table_entry *stem)
{
	if (!common_noun_s_form(w, n, e, stem) || doc_count(c, w, n) > RARE_S_FORM)
		return 0;
	return ar->prev_w && possessor_det(ar->prev_w, ar->prev_n) && compound_after(c, ar);
}

size_t repair_apos_fix(const struct words_ctx *c, char *dst, size_t cap, const char *w, size_t n,
		       const struct around *ar)
{
	size_t l = apos_fix_listed(c, dst, cap, w, n, ar);
	if (l || !c->apostrophes || ar->apos_after || n < 4)
		return l;
	const struct repair_table_entry *e = lookup(c, w, n), *stem = lookup(c, w, n - 1);
	/* no correct text writes "the mans": damage in any text the
	 * repair reads */
	if (poss_of_irregular_plural(c, w, n, ar, e, stem) ||
	    (c->ambiguous && (poss_after_singular_det(c, w, n, ar, e, stem) ||
			      poss_before_adjective_noun(c, w, n, ar, e, stem) || poss_of_rare_s_form(c, w, n, ar, e, stem) ||
			      poss_before_number(c, w, n, ar, e, stem) || poss_before_compound(c, w, n, ar, e, stem))))
		return repair_apos_put_poss(dst, cap, w, n);
	return 0;
}

/* How often a document must write a name on its own (and at least twice
 * as often as with its "s") before its "s" form before what it can own
 * reads as the name's possessive. */
#define NAME_POSS_EVIDENCE 2

/*
 * "Andrews interview", "GateHouses parent", "McDonalds cameo": a name the
 * document writes on its own (NAME_POSS_EVIDENCE times, mostly capitalised,
 * at least twice as often as with its "s"), with an "s" before what it can
 * own: a number, or a lowercase word that follows possessives, is no verb
 * it could be the subject of (nor a participle: "Syrians fleeing") and no
 * word a plural's "are" takes ("Ukrainians ever"). Not for
 * - acronyms, whose "s" is mostly a plural ("APIs", "EVs");
 * - a common word written as a name ("Service", "Wild"), unless a capital
 *   inside says the name is no dictionary word ("GateHouse");
 * - a word right after a capitalised word, where the "s" form is a name
 *   of its own ("Serena Williams", "United States");
 * - after "the", an "s" form the dictionaries list ("the Ukrainians").
 */
int repair_apos_name_counted(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	if (!c->apostrophes || !c->ambiguous || n < 3 || w[n - 1] != 's' || w[n - 2] == 's' ||
	    !is_upper((unsigned char)w[0]) || ar->apos_after || (ar->after_cap && ar->prev_w))
		return 0;
	uint32_t stem_n = doc_count(c, w, n - 1);
	if (stem_n < NAME_POSS_EVIDENCE || !doc_name(c, w, n - 1) || doc_count(c, w, n) * 2 > stem_n)
		return 0;
	if (ar->after_the && is_dict(lookup(c, w, n)))
		return 0;
	size_t lowers = 0, inner_caps = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		lowers += is_lower((unsigned char)w[i]);
		inner_caps += i > 0 && is_upper((unsigned char)w[i]);
	}
	const struct repair_table_entry *stem = lookup(c, w, n - 1);
	if (lowers == 0 || is_func(stem) || (lower_word(stem) && !inner_caps))
		return 0;
	if (ar->next_num)
		return 1;
	return ar->next_word && ar->next_lower && !ar->next_func && ar->next >= 0 && !poss_follower_bad(c->d, ar->next) &&
	       !subject_verb(c->d, ar->next) && !ends_as(c->d, ar->next_e, "ing") && lm_lift(c->d, c->d->aux[0], ar->next) <= 0;
}

/* How often a document must write an acronym alone for its "s" form to
 * read as a name's rather than a plural's. */
#define ACRONYM_WRITTEN 2

/*
 * "in ESAs Basic Activities", "Epstein, BBCs Emily Maitlis", "while MSCIs
 * gauge of stocks": an acronym's "s" where a noun phrase starts (with no
 * word before it in the sentence, or after a lowercase function word; see
 * below for more before a lowercase word) and before what it owns: a name,
 * a number when the document writes the acronym alone ("VWs 20.7 cubic
 * feet"), or a lowercase word that follows possessives (owned_follower())
 * and is no verb a subject takes, not even one the model lists after
 * "they" only a little more often than alone ("while EVs change"). A
 * plural acronym comes after "the", an adjective or a number ("smart TVs",
 * "two INTs"), and before its verb or a function word. Never an acronym
 * the document writes before a stop or a comma ("the new LLCs."), nor an
 * "s" form the dictionaries list ("TVs", "URLs"): a plural.
 */
int repair_apos_acronym_placed(const struct words_ctx *c, const char *w, size_t n, const struct around *ar)
{
	if (is_dict(lookup(c, w, n)) || ar->after_the || ar->next_func || doc_at_stop(c, w, n))
		return 0;
	/* before a name or a number, a capitalised function word before it is
	 * a title-case heading's ("Are EVs Safe?"); before a lowercase word it
	 * starts the sentence ("Although CBPs guidelines"), and a verb's past
	 * form ("-ed") takes the noun phrase as its object ("ended NIUs title
	 * hopes") */
	const struct repair_table_entry *pe = ar->prev_w ? lookup(c, ar->prev_w, ar->prev_n) : NULL;
	if (ar->prev_w && !(is_func(pe) && (ar->next_lower || is_lower((unsigned char)ar->prev_w[0]))) &&
	    !(ar->next_lower && is_lower((unsigned char)ar->prev_w[0]) && ends_as(c->d, pe, "ed")))
		return 0;
	/* an acronym the document writes alone is a name more often than a
	 * count noun ("VW says"): what it owns may be a number ("VWs 20.7
	 * cubic feet") or what the model lifts after "are" ("VWs engineers") */
	int written = doc_count(c, w, n - 1) >= ACRONYM_WRITTEN;
	if (ar->next_num)
		return written;
	if (!ar->next_word)
		return 0;
	if (!ar->next_lower)
		return 1;
	int32_t x = ar->next;
	return x >= 0 && (owned_follower(c->d, x) || written) && !poss_follower_bad(c->d, x) && !subject_verb(c->d, x) &&
	       lm_lift(c->d, c->d->subject[2], x) < 0;
}

size_t repair_apos_damage(const struct rdata *d, const struct vocab *vb, const struct vocab_word *v,
			 const struct repair_table_entry *e, size_t *names)
{
	const struct repair_table_entry *a = rdata_apos(d, e);
	if (!a || !repair_apos_certain(d, e, a) || v->key_len < 3)
		return 0;
	const char *form = rdata_text(d, a);
	size_t fl = strlen(form);
	if (fl >= 2 && form[fl - 1] == '\'')
		return 0;
	if (fl < 3 || form[fl - 2] != '\'' || form[fl - 1] != 's')
		return v->count;
	/* a possessive counts when its stem is an ordinary word written in
	 * lowercase ("countrys"), not a name ("Edmunds") */
	const struct repair_table_entry *stem = rdata_lookup(d, form, fl - 2);
	if (lower_word(stem))
		return v->count - v->cap;
	/* "Epsteins" where the text names "Epstein" again and again: a name's
	 * possessive, as plurals of names ("the Bidens") are rare */
	const struct vocab_word *sv = vocab_find(vb, form, fl - 2);
	if (sv && sv->count >= NAME_EVIDENCE && sv->cap * 2 > sv->count) {
		*names += v->cap;
		return v->cap;
	}
	return 0;
}

int repair_apos_put_possessive(struct buf *out, const char *w, size_t n)
{
	char tmp[REPAIR_MAX_WORD + 4];
	size_t l = repair_apos_put_poss(tmp, sizeof tmp, w, n);
	return buf_put(out, tmp, l);
}
