/* diff.c - a small unified diff of two texts, for fixture failures. A
 * changed line (a paragraph) that still shares most of its words with the
 * line it replaces is shown once, prefixed '~', with the words that changed
 * marked inside it as git diff --word-diff does: [-removed-]{+added+}, or in
 * red and green without brackets on a terminal (NO_COLOR turns colour off). */
#include "cli.h"
#include "edit_script.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct line {
	const char *s;
	size_t len;
};

static size_t split_lines(const char *t, size_t n, struct line **out)
{
	size_t count = 0, cap = 64;
	struct line *v = malloc(cap * sizeof *v);
	size_t start = 0;
	for (size_t i = 0; v && i <= n; i++) {
		if (i == n && start == n)
			break;
		if (i == n || t[i] == '\n') {
			if (count == cap) {
				cap *= 2;
				struct line *p = realloc(v, cap * sizeof *p);
				if (!p) {
					free(v);
					v = NULL;
					break;
				}
				v = p;
			}
			v[count++] = (struct line){ t + start, i - start };
			start = i + 1;
		}
	}
	*out = v;
	return v ? count : 0;
}

static int same(const struct line *a, const struct line *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* The lines of two texts from line `head` on. */
struct line_pair {
	const struct line *a, *b;
	size_t head;
};

static int same_line_at(const void *ctx, size_t i, size_t j)
{
	const struct line_pair *p = ctx;
	return same(&p->a[p->head + i], &p->b[p->head + j]);
}

static void put_line(FILE *f, char mark, const struct line *l)
{
	fputc(mark, f);
	fwrite(l->s, 1, l->len, f);
	fputc('\n', f);
}

/* A word with the spaces before it. */
struct word {
	const char *s;
	size_t len;  /* spaces and word */
	size_t sp;   /* how many of them are spaces */
};

static size_t split_words(const struct line *l, struct word **out)
{
	size_t n = 0, cap = 16;
	struct word *v = malloc(cap * sizeof *v);
	for (size_t i = 0; v && i < l->len;) {
		size_t st = i;
		while (i < l->len && (l->s[i] == ' ' || l->s[i] == '\t'))
			i++;
		size_t sp = i - st;
		while (i < l->len && l->s[i] != ' ' && l->s[i] != '\t')
			i++;
		if (n == cap) {
			struct word *p = realloc(v, 2 * cap * sizeof *p);
			if (!p) {
				free(v);
				v = NULL;
				break;
			}
			v = p;
			cap *= 2;
		}
		v[n++] = (struct word){ l->s + st, i - st, sp };
	}
	*out = v;
	return v ? n : 0;
}

static int same_word(const struct word *a, const struct word *b)
{
	return a->len - a->sp == b->len - b->sp && memcmp(a->s + a->sp, b->s + b->sp, a->len - a->sp) == 0;
}

/* Prints a run of words of one kind (0 same, 1 removed, 2 added). */
static void put_run(FILE *f, int op, const struct word *w, size_t n, int colour, int after_removed)
{
	if (!n)
		return;
	/* "[-old-]{+new+}": the added run follows the removed one directly */
	if (!(op == 2 && after_removed))
		fwrite(w[0].s, 1, w[0].sp, f);
	if (op)
		fputs(colour ? (op == 1 ? "\033[31m" : "\033[32m") : (op == 1 ? "[-" : "{+"), f);
	fwrite(w[0].s + w[0].sp, 1, w[0].len - w[0].sp, f);
	for (size_t k = 1; k < n; k++)
		fwrite(w[k].s, 1, w[k].len, f);
	if (op)
		fputs(colour ? "\033[m" : (op == 1 ? "-]" : "+}"), f);
}

struct word_pair {
	const struct word *a, *b;
};

static int same_word_at(const void *ctx, size_t i, size_t j)
{
	const struct word_pair *p = ctx;
	return same_word(&p->a[i], &p->b[j]);
}

/* Prints a as changed into b, word by word, when they share at least half
 * of the longer one's words; returns 0 (nothing printed) otherwise. */
static int put_word_diff(FILE *f, const struct line *a, const struct line *b, int colour)
{
	struct word *wa, *wb;
	size_t na = split_words(a, &wa), nb = split_words(b, &wb);
	unsigned char *ops = NULL;
	size_t nops = 0, common = 0;
	int shown = 0;
	struct word_pair pair = { wa, wb };
	if (!wa || !wb || na == 0 || nb == 0 ||
	    edit_script(&ops, &nops, &common, na, nb, same_word_at, &pair, 1000000) != SCRAPE_OK)
		goto out;
	size_t longer = na > nb ? na : nb;
	if (common * 2 < longer)
		goto out;
	/* printed run by run */
	fputc('~', f);
	size_t i = 0, j = 0;
	int last = 0;
	for (size_t k = 0; k < nops;) {
		int op = ops[k];
		size_t n = 0;
		while (k + n < nops && ops[k + n] == op)
			n++;
		if (op == EDIT_KEEP)
			put_run(f, 0, &wb[j], n, colour, 0), i += n, j += n;
		else if (op == EDIT_DELETE)
			put_run(f, 1, &wa[i], n, colour, 0), i += n;
		else
			put_run(f, 2, &wb[j], n, colour, last == EDIT_DELETE), j += n;
		last = op;
		k += n;
	}
	fputc('\n', f);
	shown = 1;
out:
	free(ops);
	free(wa);
	free(wb);
	return shown;
}

/* Edit script by LCS over the middle part that differs (common head and tail
 * are cut first, so fixtures with small changes stay cheap). */
void cli_diff(FILE *f, const char *name_a, const char *a, size_t alen,
	      const char *name_b, const char *b, size_t blen)
{
	struct line *la, *lb;
	size_t na = split_lines(a ? a : "", alen, &la), nb = split_lines(b ? b : "", blen, &lb);
	fprintf(f, "--- %s\n+++ %s\n", name_a, name_b);
	size_t head = 0;
	while (head < na && head < nb && same(&la[head], &lb[head]))
		head++;
	size_t tail = 0;
	while (tail < na - head && tail < nb - head && same(&la[na - 1 - tail], &lb[nb - 1 - tail]))
		tail++;
	size_t ma = na - head - tail, mb = nb - head - tail;
	/* ops: 0 keep, 1 delete (from a), 2 insert (from b); deletions first, as
	 * diff -u prints them */
	size_t nops = 0, common;
	unsigned char *ops = NULL;
	struct line_pair pair = { la, lb, head };
	int rc = edit_script(&ops, &nops, &common, ma, mb, same_line_at, &pair, 3999999);
	if (rc == SCRAPE_ELIMIT && (ops = malloc(ma + mb + 1)) != NULL) {
		/* too large to align: everything in the middle is replaced */
		for (size_t i = 0; i < ma; i++)
			ops[nops++] = EDIT_DELETE;
		for (size_t j = 0; j < mb; j++)
			ops[nops++] = EDIT_INSERT;
	}
	/* one hunk with three lines of context on each side */
	size_t ctx = 3;
	size_t pre = head < ctx ? head : ctx, post = tail < ctx ? tail : ctx;
	size_t da = 0, db = 0;
	for (size_t k = 0; k < nops; k++) {
		da += ops[k] != 2;
		db += ops[k] != 1;
	}
	fprintf(f, "@@ -%zu,%zu +%zu,%zu @@\n", head - pre + 1, da + pre + post, head - pre + 1,
		db + pre + post);
	for (size_t k = head - pre; k < head; k++)
		put_line(f, ' ', &la[k]);
	const char *no_colour = getenv("NO_COLOR");
	int colour = isatty(fileno(f)) && !(no_colour && *no_colour);
	size_t i = head, j = head;
	for (size_t k = 0; k < nops;) {
		if (ops[k] == 0) {
			put_line(f, ' ', &la[i++]);
			j++;
			k++;
			continue;
		}
		/* removed lines, then the added ones: line p of each pair is
		 * shown word by word when the two are alike */
		size_t nd = 0, ni = 0;
		while (k + nd < nops && ops[k + nd] == 1)
			nd++;
		while (k + nd + ni < nops && ops[k + nd + ni] == 2)
			ni++;
		size_t pairs = nd < ni ? nd : ni;
		for (size_t p = 0; p < pairs; p++) {
			if (!put_word_diff(f, &la[i + p], &lb[j + p], colour)) {
				put_line(f, '-', &la[i + p]);
				put_line(f, '+', &lb[j + p]);
			}
		}
		for (size_t p = pairs; p < nd; p++)
			put_line(f, '-', &la[i + p]);
		for (size_t p = pairs; p < ni; p++)
			put_line(f, '+', &lb[j + p]);
		i += nd;
		j += ni;
		k += nd + ni;
	}
	for (size_t k = 0; k < post; k++)
		put_line(f, ' ', &la[na - tail + k]);
	if ((alen && a[alen - 1] != '\n') != (blen && b[blen - 1] != '\n'))
		fputs("\\ the two texts differ in their final newline\n", f);
	free(ops);
	free(la);
	free(lb);
}
