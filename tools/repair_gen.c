/*
 * repair_gen.c - build-time generator of the repair tables.
 *
 * Reads the packaged word lists and language model and writes one binary
 * table (layout in cleaners/repair_table.h) that the library embeds:
 *
 *   repair_gen OUT.bin SCOWL_DIR HUNSPELL_DIC LM_BIN VERSIONS
 *
 *   SCOWL_DIR     /usr/share/dict/scowl (Debian package scowl): word lists
 *                 "<variety>-<kind>.<size>"; sizes up to 80 are read.
 *   HUNSPELL_DIC  /usr/share/hunspell/en_US.dic (hunspell-en-us): the 'M'
 *                 flag marks stems that take a possessive "'s".
 *   LM_BIN        /usr/share/pocketsphinx/model/en-us/en-us.lm.bin
 *                 (pocketsphinx-en-us): a sphinxbase "Trie Language Model";
 *                 unigrams and bigrams are kept, trigrams are not.
 *   VERSIONS      a string recorded in the table (package versions).
 *
 * The program runs at build time on trusted, packaged input, but still
 * checks every read against the file size.
 */
#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cleaners/repair/repair_table.h"

#define MAX_LEVEL 80

struct gword {
	char *key;       /* lowercase */
	int head, tail;  /* compounds it starts / ends */
	int level;       /* smallest SCOWL size listing it, 255 if none */
	int flags;
	int32_t lm_id;
	char *apos;      /* best form with apostrophes whose stripped form is key */
	double apos_p;
};

static struct gword *words;
static size_t n_words, cap_words;
static uint32_t *wslots;
static size_t n_wslots;

static void die(const char *msg, const char *arg)
{
	fprintf(stderr, "repair_gen: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(1);
}

static void *xmalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p)
		die("out of memory", NULL);
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void rehash(size_t want)
{
	free(wslots);
	n_wslots = 1;
	while (n_wslots < want * 2)
		n_wslots <<= 1;
	wslots = xmalloc(n_wslots * sizeof *wslots);
	for (size_t i = 0; i < n_words; i++) {
		uint32_t h = repair_table_hash(words[i].key, strlen(words[i].key));
		size_t j = h & (n_wslots - 1);
		while (wslots[j])
			j = (j + 1) & (n_wslots - 1);
		wslots[j] = (uint32_t)(i + 1);
	}
}

/* The entry of lowercase `key`, created when absent. */
static struct gword *word_get(const char *key, size_t len)
{
	if (n_wslots == 0 || (n_words + 1) * 2 > n_wslots)
		rehash(n_words + 1 < 1024 ? 1024 : (n_words + 1) * 2);
	uint32_t h = repair_table_hash(key, len);
	size_t j = h & (n_wslots - 1);
	while (wslots[j]) {
		struct gword *w = &words[wslots[j] - 1];
		if (strlen(w->key) == len && memcmp(w->key, key, len) == 0)
			return w;
		j = (j + 1) & (n_wslots - 1);
	}
	if (n_words == cap_words) {
		cap_words = cap_words ? cap_words * 2 : 4096;
		words = realloc(words, cap_words * sizeof *words);
		if (!words)
			die("out of memory", NULL);
	}
	struct gword *w = &words[n_words];
	memset(w, 0, sizeof *w);
	w->key = xstrndup(key, len);
	w->level = 255;
	w->lm_id = -1;
	w->apos_p = -1e9;
	wslots[j] = (uint32_t)++n_words;
	return w;
}

/* Lowercases ASCII into `out` (size >= len + 1); 0 if the word is unusable. */
static int lower_key(char *out, const char *s, size_t len)
{
	if (len == 0 || len >= REPAIR_MAX_WORD)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && !isalpha(c) && c != '\'' && c != '-' && c != '.')
			return 0;
		out[i] = (char)tolower(c);
	}
	out[len] = '\0';
	return 1;
}

static void add_word(const char *s, size_t len, int level, int flags)
{
	char key[REPAIR_MAX_WORD];
	if (!lower_key(key, s, len))
		return;
	struct gword *w = word_get(key, len);
	if (level < w->level)
		w->level = level;
	w->flags |= flags;
	if (islower((unsigned char)s[0]))
		w->flags |= RT_LOWER;
	else if (isupper((unsigned char)s[0]))
		w->flags |= RT_CAP;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die("cannot open", path);
	if (fseek(f, 0, SEEK_END) != 0)
		die("cannot seek", path);
	long n = ftell(f);
	if (n < 0)
		die("cannot size", path);
	rewind(f);
	char *p = xmalloc((size_t)n + 1);
	if (fread(p, 1, (size_t)n, f) != (size_t)n)
		die("cannot read", path);
	fclose(f);
	*len = (size_t)n;
	return p;
}

static void read_scowl(const char *dir)
{
	static const char *const varieties[] = {
		"english", "american", "british", "british_z", "canadian", "australian",
	};
	static const char *const kinds[] = {
		"words", "upper", "proper-names", "contractions", "abbreviations",
	};
	DIR *d = opendir(dir);
	if (!d)
		die("cannot open directory", dir);
	struct dirent *e;
	size_t files = 0;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		const char *dot = strrchr(name, '.');
		if (!dot || !isdigit((unsigned char)dot[1]))
			continue;
		int level = atoi(dot + 1);
		if (level > MAX_LEVEL)
			continue;
		int ok = 0;
		for (size_t v = 0; v < sizeof varieties / sizeof *varieties && !ok; v++)
			for (size_t k = 0; k < sizeof kinds / sizeof *kinds && !ok; k++) {
				char want[128];
				snprintf(want, sizeof want, "%s-%s", varieties[v], kinds[k]);
				ok = strlen(want) == (size_t)(dot - name) && memcmp(want, name, (size_t)(dot - name)) == 0;
			}
		if (!ok)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, name);
		size_t len;
		char *text = read_file(path, &len);
		for (char *line = text; line < text + len;) {
			char *nl = memchr(line, '\n', (size_t)(text + len - line));
			size_t n = nl ? (size_t)(nl - line) : (size_t)(text + len - line);
			while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
				n--;
			if (n)
				add_word(line, n, level, RT_SCOWL);
			line = nl ? nl + 1 : text + len;
		}
		free(text);
		files++;
	}
	closedir(d);
	if (files == 0)
		die("no SCOWL word lists found in", dir);
}

static void read_hunspell(const char *path)
{
	size_t len;
	char *text = read_file(path, &len);
	int first = 1;
	for (char *line = text; line < text + len;) {
		char *nl = memchr(line, '\n', (size_t)(text + len - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(text + len - line);
		if (first) {
			first = 0; /* the word count */
		} else {
			char *slash = memchr(line, '/', n);
			size_t wl = slash ? (size_t)(slash - line) : n;
			while (wl && (line[wl - 1] == '\r' || line[wl - 1] == ' ' || line[wl - 1] == '\t'))
				wl--;
			int flags = RT_HUNSPELL;
			if (slash && memchr(slash, 'M', n - wl))
				flags |= RT_POSS;
			if (wl)
				add_word(line, wl, 255, flags);
		}
		line = nl ? nl + 1 : text + len;
	}
	free(text);
}

/* ---- the sphinxbase trie language model ---- */

struct lm {
	uint32_t n_uni, n_bi;
	int16_t *uni_prob, *uni_bo;
	uint32_t *bi_start, *bi_hist;
	int16_t *bi_prob;
	char **vocab;
};

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static float get_f32(const unsigned char *p)
{
	uint32_t u = get_u32(p);
	float f;
	memcpy(&f, &u, sizeof f);
	return f;
}

static int required_bits(uint32_t max)
{
	int r = 0;
	while (max) {
		r++;
		max >>= 1;
	}
	return r;
}

/* Reads `bits` (<= 25) bits at bit offset `off` of `base` (little-endian). */
static uint32_t read_bits(const unsigned char *base, size_t size, uint64_t off, int bits)
{
	uint64_t byte = off >> 3;
	uint64_t v = 0;
	for (int i = 0; i < 5; i++)
		if (byte + (uint64_t)i < size)
			v |= (uint64_t)base[byte + (uint64_t)i] << (8 * i);
	return (uint32_t)((v >> (off & 7)) & ((1ULL << bits) - 1));
}

/* sphinxbase stores log probabilities in logmath units (base 1.0001); the
 * table keeps thousandths of a log10. */
static int16_t to_milli_log10(float v)
{
	double x = (double)v * log10(1.0001) * 1000.0;
	if (x < -32000.0 || isnan(x))
		x = -32000.0;
	if (x > 32000.0)
		x = 32000.0;
	return (int16_t)lrint(x);
}

static void read_lm(struct lm *lm, const char *path)
{
	size_t len;
	unsigned char *d = (unsigned char *)read_file(path, &len);
	static const char hdr[] = "Trie Language Model";
	size_t o = sizeof hdr - 1;
	if (len < o + 1 + 12 || memcmp(d, hdr, o) != 0)
		die("not a sphinxbase trie language model", path);
	int order = d[o++];
	if (order < 2 || order > 5)
		die("unexpected n-gram order", path);
	uint32_t counts[5];
	for (int i = 0; i < order; i++, o += 4)
		counts[i] = get_u32(d + o);
	o += 4; /* quantiser type */
	size_t table = (size_t)65536 * 4;
	size_t quant = (size_t)(order - 2) * 2 * table + table;
	if (o + quant > len)
		die("truncated quantiser", path);
	const unsigned char *bi_prob_bins = d + o; /* middle order 2: prob bins, then backoff bins */
	o += quant;
	lm->n_uni = counts[0];
	size_t uni_size = ((size_t)counts[0] + 1) * 12;
	if (o + uni_size > len)
		die("truncated unigrams", path);
	const unsigned char *uni = d + o;
	o += uni_size;
	/* middle (bigram) array: word, 16-bit backoff, 16-bit prob, next */
	int word_bits = required_bits(counts[0]);
	int next_bits = order > 2 ? required_bits(counts[2]) : 0;
	int total_bits = word_bits + 32 + next_bits;
	if (order == 2)
		total_bits = word_bits + 16;
	size_t mid_size = (((size_t)1 + counts[1]) * (size_t)total_bits + 7) / 8 + 8;
	if (o + mid_size > len)
		die("truncated bigrams", path);
	const unsigned char *mid = d + o;
	o += mid_size;
	for (int i = 2; i < order; i++) {
		int tb = word_bits + (i + 1 < order ? 32 + required_bits(counts[i + 1]) : 16);
		o += (((size_t)1 + counts[i]) * (size_t)tb + 7) / 8 + 8;
	}
	if (o + 4 > len)
		die("truncated vocabulary", path);
	uint32_t vlen = get_u32(d + o);
	o += 4;
	if (o + vlen > len)
		die("truncated vocabulary", path);
	lm->vocab = xmalloc((size_t)counts[0] * sizeof *lm->vocab);
	size_t p = o;
	for (uint32_t i = 0; i < counts[0]; i++) {
		const unsigned char *z = memchr(d + p, '\0', o + vlen - p);
		if (!z)
			die("bad vocabulary", path);
		lm->vocab[i] = xstrndup((const char *)d + p, (size_t)(z - (d + p)));
		p = (size_t)(z - d) + 1;
	}
	lm->uni_prob = xmalloc(counts[0] * sizeof(int16_t));
	lm->uni_bo = xmalloc(counts[0] * sizeof(int16_t));
	lm->bi_start = xmalloc(((size_t)counts[0] + 1) * sizeof(uint32_t));
	lm->bi_hist = xmalloc((size_t)counts[1] * sizeof(uint32_t));
	lm->bi_prob = xmalloc((size_t)counts[1] * sizeof(int16_t));
	uint32_t nb = 0;
	for (uint32_t w = 0; w < counts[0]; w++) {
		lm->uni_prob[w] = to_milli_log10(get_f32(uni + (size_t)w * 12));
		lm->uni_bo[w] = to_milli_log10(get_f32(uni + (size_t)w * 12 + 4));
		uint32_t b = get_u32(uni + (size_t)w * 12 + 8);
		uint32_t e = get_u32(uni + ((size_t)w + 1) * 12 + 8);
		lm->bi_start[w] = nb;
		if (order < 3 || e < b || e > counts[1])
			continue;
		for (uint32_t k = b; k < e; k++) {
			uint64_t off = (uint64_t)k * (uint64_t)total_bits;
			uint32_t h = read_bits(mid, mid_size, off, word_bits);
			uint32_t pc = read_bits(mid, mid_size, off + (uint64_t)word_bits + 16, 16);
			if (h >= counts[0])
				die("bad bigram", path);
			lm->bi_hist[nb] = h;
			lm->bi_prob[nb] = to_milli_log10(get_f32(bi_prob_bins + (size_t)pc * 4));
			nb++;
		}
	}
	lm->bi_start[counts[0]] = nb;
	lm->n_bi = nb;
	free(d);
}

/* ---- output ---- */

static void put(FILE *f, const void *p, size_t n, size_t *at)
{
	if (n && fwrite(p, 1, n, f) != n)
		die("cannot write the table", NULL);
	*at += n;
}

static void pad(FILE *f, size_t *at)
{
	static const char zero[8];
	put(f, zero, (8 - *at % 8) % 8, at);
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: repair_gen OUT.bin SCOWL_DIR HUNSPELL_DIC LM_BIN VERSIONS\n");
		return 2;
	}
	read_scowl(argv[2]);
	read_hunspell(argv[3]);
	struct lm lm;
	memset(&lm, 0, sizeof lm);
	read_lm(&lm, argv[4]);
	for (uint32_t i = 0; i < lm.n_uni; i++) {
		const char *v = lm.vocab[i];
		char key[REPAIR_MAX_WORD];
		if (strcmp(v, "<s>") == 0 || strcmp(v, "</s>") == 0) {
			struct gword *w = word_get(v, strlen(v));
			w->lm_id = (int32_t)i;
			continue;
		}
		if (v[0] == '<' || !lower_key(key, v, strlen(v)))
			continue;
		struct gword *w = word_get(key, strlen(key));
		w->lm_id = (int32_t)i;
		w->flags |= RT_LM;
	}
	/* apostrophe forms: "don't" is reachable from "dont" */
	size_t before = n_words;
	for (size_t i = 0; i < before; i++) {
		const char *k = words[i].key;
		if (!strchr(k, '\'') || k[0] == '\'')
			continue;
		if (!(words[i].flags & (RT_SCOWL | RT_HUNSPELL)) && words[i].lm_id < 0)
			continue;
		char s[REPAIR_MAX_WORD];
		size_t n = 0;
		for (const char *c = k; *c; c++)
			if (*c != '\'')
				s[n++] = *c;
		s[n] = '\0';
		if (n < 2 || strchr(k, '.'))
			continue;
		double p = words[i].lm_id >= 0 ? lm.uni_prob[words[i].lm_id] : -20000.0;
		char *ak = words[i].key;
		struct gword *w = word_get(s, n); /* may move `words` */
		if (p > w->apos_p) {
			w->apos_p = p;
			w->apos = ak;
		}
	}

	/* the most frequent words of the model are function words */
	{
		uint32_t top[100];
		size_t nt = 0;
		for (uint32_t i = 0; i < lm.n_uni; i++) {
			if (lm.vocab[i][0] == '<')
				continue;
			size_t k = nt < 100 ? nt++ : 100;
			if (k == 100 && lm.uni_prob[i] <= lm.uni_prob[top[99]])
				continue;
			if (k == 100)
				k = 99;
			while (k > 0 && lm.uni_prob[top[k - 1]] < lm.uni_prob[i]) {
				top[k] = top[k - 1];
				k--;
			}
			top[k] = i;
		}
		for (size_t i = 0; i < nt; i++) {
			char key[REPAIR_MAX_WORD];
			const char *v = lm.vocab[top[i]];
			if (lower_key(key, v, strlen(v)))
				word_get(key, strlen(key))->flags |= RT_FUNC;
		}
		/* closed-class words a model of speech ranks lower: prepositions,
		 * conjunctions, determiners, pronouns and modal verbs; not the
		 * particles that start compounds ("overpriced", "underdelivering",
		 * "downgrade", "offload"), nor "per" and "via", common in other
		 * languages */
		static const char *const closed[] = {
			"above", "across", "after", "against", "along", "although", "among", "any", "around",
			"before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "both",
			"despite", "during", "each", "either", "every", "few", "he", "her", "hers",
			"herself", "him", "himself", "into", "its", "itself", "may", "might", "mine", "most",
			"must", "neither", "nor", "onto", "our", "ours", "ourselves",
			"shall", "should", "since", "such", "these", "those", "though", "through", "throughout",
			"toward", "towards", "unless", "until", "upon", "us", "whereas",
			"whether", "which", "while", "whom", "whose", "within", "without", "yet", "yours",
			"where", "why", "however", "perhaps", "thus", "therefore", "maybe", "also"
		};
		for (size_t i = 0; i < sizeof closed / sizeof closed[0]; i++)
			word_get(closed[i], strlen(closed[i]))->flags |= RT_FUNC;
	}
	/* compound productivity: "backlog" = "back" + "log" */
	for (size_t i = 0; i < n_words; i++) {
		const char *k = words[i].key;
		size_t n = strlen(k);
		if (n < 6 || !(words[i].flags & RT_SCOWL) || !(words[i].flags & RT_LOWER))
			continue;
		int letters = 1;
		for (size_t j = 0; j < n; j++)
			letters &= islower((unsigned char)k[j]) != 0;
		if (!letters)
			continue;
		for (size_t j = 3; j + 3 <= n; j++) {
			struct gword *a = NULL, *b = NULL;
			/* look-ups only: both parts must exist already */
			uint32_t h = repair_table_hash(k, j);
			for (size_t s = h & (n_wslots - 1); wslots[s]; s = (s + 1) & (n_wslots - 1))
				if (strlen(words[wslots[s] - 1].key) == j && memcmp(words[wslots[s] - 1].key, k, j) == 0) {
					a = &words[wslots[s] - 1];
					break;
				}
			h = repair_table_hash(k + j, n - j);
			for (size_t s = h & (n_wslots - 1); wslots[s]; s = (s + 1) & (n_wslots - 1))
				if (strcmp(words[wslots[s] - 1].key, k + j) == 0) {
					b = &words[wslots[s] - 1];
					break;
				}
			if (!a || !b || a->level > 60 || b->level > 60 || !(a->flags & RT_LOWER) || !(b->flags & RT_LOWER))
				continue;
			a->head++;
			b->tail++;
		}
	}

	/* the string pool: offset 0 is the empty string */
	size_t pool_len = 1;
	for (size_t i = 0; i < n_words; i++)
		pool_len += strlen(words[i].key) + 1;
	char *pool = xmalloc(pool_len);
	struct repair_table_entry *ent = xmalloc(n_words * sizeof *ent);
	size_t at = 1;
	for (size_t i = 0; i < n_words; i++) {
		size_t n = strlen(words[i].key);
		memcpy(pool + at, words[i].key, n + 1);
		ent[i].str_off = (uint32_t)at;
		ent[i].len = (uint8_t)n;
		ent[i].flags = (uint8_t)words[i].flags;
		ent[i].level = (uint8_t)words[i].level;
		ent[i].lm_id = words[i].lm_id;
		ent[i].compound = (uint8_t)((words[i].head > 15 ? 15 : words[i].head) |
					    (words[i].tail > 15 ? 15 : words[i].tail) << 4);
		at += n + 1;
	}
	for (size_t i = 0; i < n_words; i++) {
		if (!words[i].apos)
			continue;
		struct gword *a = word_get(words[i].apos, strlen(words[i].apos));
		size_t ai = (size_t)(a - words);
		ent[i].apos_idx = (uint32_t)(ai + 1);
	}
	rehash(n_words);

	struct repair_table_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, REPAIR_TABLE_MAGIC, sizeof h.magic);
	h.n_slots = (uint32_t)n_wslots;
	h.n_entries = (uint32_t)n_words;
	h.pool_len = (uint32_t)pool_len;
	h.n_uni = lm.n_uni;
	h.n_bi = lm.n_bi;
	snprintf(h.versions, sizeof h.versions, "%s", argv[5]);

	FILE *f = fopen(argv[1], "wb");
	if (!f)
		die("cannot create", argv[1]);
	size_t pos = 0;
	put(f, &h, sizeof h, &pos);
	pad(f, &pos);
	h.off_pool = (uint32_t)pos;
	put(f, pool, pool_len, &pos);
	pad(f, &pos);
	h.off_slots = (uint32_t)pos;
	put(f, wslots, n_wslots * sizeof *wslots, &pos);
	pad(f, &pos);
	h.off_entries = (uint32_t)pos;
	put(f, ent, n_words * sizeof *ent, &pos);
	pad(f, &pos);
	h.off_uni_prob = (uint32_t)pos;
	put(f, lm.uni_prob, lm.n_uni * sizeof(int16_t), &pos);
	pad(f, &pos);
	h.off_uni_bo = (uint32_t)pos;
	put(f, lm.uni_bo, lm.n_uni * sizeof(int16_t), &pos);
	pad(f, &pos);
	h.off_bi_start = (uint32_t)pos;
	put(f, lm.bi_start, ((size_t)lm.n_uni + 1) * sizeof(uint32_t), &pos);
	pad(f, &pos);
	h.off_bi_hist = (uint32_t)pos;
	put(f, lm.bi_hist, (size_t)lm.n_bi * sizeof(uint32_t), &pos);
	pad(f, &pos);
	h.off_bi_prob = (uint32_t)pos;
	put(f, lm.bi_prob, (size_t)lm.n_bi * sizeof(int16_t), &pos);
	pad(f, &pos);
	h.total = (uint32_t)pos;
	if (fseek(f, 0, SEEK_SET) != 0 || fwrite(&h, sizeof h, 1, f) != 1 || fclose(f) != 0)
		die("cannot write", argv[1]);
	fprintf(stderr, "repair_gen: %zu words, %u unigrams, %u bigrams, %zu bytes\n",
		n_words, lm.n_uni, lm.n_bi, pos);
	for (size_t i = 0; i < n_words; i++)
		free(words[i].key);
	for (uint32_t i = 0; i < lm.n_uni; i++)
		free(lm.vocab[i]);
	free(words);
	free(wslots);
	free(pool);
	free(ent);
	free(lm.vocab);
	free(lm.uni_prob);
	free(lm.uni_bo);
	free(lm.bi_start);
	free(lm.bi_hist);
	free(lm.bi_prob);
	return 0;
}
