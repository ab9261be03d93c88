/* diff.c - a small unified diff of two texts, for fixture failures. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

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

static void put_line(FILE *f, char mark, const struct line *l)
{
	fputc(mark, f);
	fwrite(l->s, 1, l->len, f);
	fputc('\n', f);
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
	/* ops: 0 keep, 1 delete (from a), 2 insert (from b) */
	size_t nops = 0;
	unsigned char *ops = malloc(ma + mb + 1);
	unsigned *dp = NULL;
	if (ops && ma * mb < 4000000)
		dp = calloc((ma + 1) * (mb + 1), sizeof *dp);
	if (ops && dp) {
		for (size_t i = ma; i-- > 0;)
			for (size_t j = mb; j-- > 0;)
				dp[i * (mb + 1) + j] = same(&la[head + i], &lb[head + j])
					? dp[(i + 1) * (mb + 1) + j + 1] + 1
					: (dp[(i + 1) * (mb + 1) + j] > dp[i * (mb + 1) + j + 1]
						   ? dp[(i + 1) * (mb + 1) + j] : dp[i * (mb + 1) + j + 1]);
		size_t i = 0, j = 0;
		while (i < ma || j < mb) {
			if (i < ma && j < mb && same(&la[head + i], &lb[head + j])) {
				ops[nops++] = 0; i++; j++;
			} else if (i < ma && (j == mb || dp[(i + 1) * (mb + 1) + j] >= dp[i * (mb + 1) + j + 1])) {
				ops[nops++] = 1; i++; /* deletions first, as diff -u prints them */
			} else {
				ops[nops++] = 2; j++;
			}
		}
	} else if (ops) {
		/* too large to align: everything in the middle is replaced */
		for (size_t i = 0; i < ma; i++)
			ops[nops++] = 1;
		for (size_t j = 0; j < mb; j++)
			ops[nops++] = 2;
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
	size_t i = head, j = head;
	for (size_t k = 0; k < nops; k++) {
		if (ops[k] == 0) {
			put_line(f, ' ', &la[i++]);
			j++;
		} else if (ops[k] == 1) {
			put_line(f, '-', &la[i++]);
		} else {
			put_line(f, '+', &lb[j++]);
		}
	}
	for (size_t k = 0; k < post; k++)
		put_line(f, ' ', &la[na - tail + k]);
	if ((alen && a[alen - 1] != '\n') != (blen && b[blen - 1] != '\n'))
		fputs("\\ the two texts differ in their final newline\n", f);
	free(dp);
	free(ops);
	free(la);
	free(lb);
}
