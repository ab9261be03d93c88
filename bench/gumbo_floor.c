/*
 * The floor for any Gumbo-based pipeline: reads every page into memory, then
 * (timed) parses each with Gumbo, optionally walks every node, and frees the
 * tree. Pages: files given on the command line (.gz decompressed), each
 * repeated --repeat times.
 *
 *   gumbo_floor [--walk] [--repeat N] FILE...
 *
 * Prints: pages, MB, seconds, MB/s.
 */
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static char *read_page(const char *path, size_t *len)
{
	gzFile f = gzopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *data = malloc(cap);
	int got;
	while (data && (got = gzread(f, data + n, (unsigned)(cap - n - 1))) > 0) {
		n += (size_t)got;
		if (cap - n < 4096) {
			char *p = realloc(data, cap *= 2);
			if (!p) {
				free(data);
				data = NULL;
			}
			data = p;
		}
	}
	gzclose(f);
	if (data)
		data[n] = '\0';
	*len = n;
	return data;
}

/* Visits every node with an explicit stack; returns the node count. */
static size_t walk(GumboNode *root)
{
	size_t cap = 1024, sp = 0, count = 0;
	GumboNode **stack = malloc(cap * sizeof *stack);
	stack[sp++] = root;
	while (sp) {
		GumboNode *n = stack[--sp];
		count++;
		if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE && n->type != GUMBO_NODE_DOCUMENT)
			continue;
		GumboVector *ch = n->type != GUMBO_NODE_DOCUMENT ? &n->v.element.children : &n->v.document.children;
		if (sp + ch->length > cap) {
			while (sp + ch->length > cap)
				cap *= 2;
			stack = realloc(stack, cap * sizeof *stack);
		}
		for (unsigned i = 0; i < ch->length; i++)
			stack[sp++] = ch->data[i];
	}
	free(stack);
	return count;
}

int main(int argc, char **argv)
{
	int do_walk = 0, repeat = 1, first = 1;
	for (; first < argc && argv[first][0] == '-'; first++) {
		if (strcmp(argv[first], "--walk") == 0)
			do_walk = 1;
		else if (strcmp(argv[first], "--repeat") == 0 && first + 1 < argc)
			repeat = atoi(argv[++first]);
	}
	int n = argc - first;
	char **pages = calloc((size_t)n, sizeof *pages);
	size_t *lens = calloc((size_t)n, sizeof *lens);
	double mb = 0;
	for (int i = 0; i < n; i++) {
		pages[i] = read_page(argv[first + i], &lens[i]);
		if (!pages[i]) {
			fprintf(stderr, "gumbo_floor: cannot read %s\n", argv[first + i]);
			return 1;
		}
		mb += (double)lens[i] / 1e6;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	size_t nodes = 0;
	for (int r = 0; r < repeat; r++)
		for (int i = 0; i < n; i++) {
			GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, pages[i], lens[i]);
			if (do_walk)
				nodes += walk(out->document);
			gumbo_destroy_output(&kGumboDefaultOptions, out);
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("pages %d  MB %.1f  seconds %.3f  MB/s %.1f  pages/s %.1f%s\n", n * repeat, mb * repeat, s,
	       mb * repeat / s, n * repeat / s, do_walk ? "  (parse+walk)" : "  (parse)");
	(void)nodes;
	for (int i = 0; i < n; i++)
		free(pages[i]);
	free(pages);
	free(lens);
	return 0;
}
