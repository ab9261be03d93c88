/* page_type_features - the page-type features and type of each page, one
 * JSON line per page, for fitting and checking the weights of
 * cleaners/extract/page_type.c (bench/page_type_fit.py):
 *
 *   build/page_type_features PAGE... >features.jsonl
 *
 * A page is read as scrape_html reads it (decoded to UTF-8, limits applied,
 * parsed); its URL is the canonical one the page names, as scrape gives a
 * page read from a file. PAGE may be gzip-compressed. */
#include "arena.h"
#include "buf.h"
#include "decode.h"
#include "dom.h"
#include "json.h"
#include "limits.h"
#include "meta.h"
#include "page_type.h"
#include "scrape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static char *read_gz(const char *path, size_t *len)
{
	gzFile f = gzopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 20, n = 0;
	char *data = malloc(cap);
	int r;
	while (data && (r = gzread(f, data + n, (unsigned)(cap - n))) > 0) {
		n += (size_t)r;
		if (n == cap) {
			char *bigger = realloc(data, cap *= 2);
			if (!bigger)
				free(data);
			data = bigger;
		}
	}
	gzclose(f);
	*len = n;
	return data;
}

int main(int argc, char **argv)
{
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	struct arena *arena = arena_thread_local();
	for (int a = 1; a < argc && arena; a++) {
		size_t len = 0, ulen = 0;
		char *raw = read_gz(argv[a], &len), *utf8 = NULL;
		struct buf notes = BUF_INIT, line = BUF_INIT;
		struct dom d;
		struct meta m;
		if (!raw || decode_to_utf8(&utf8, &ulen, NULL, raw, len, NULL) != SCRAPE_OK ||
		    limits_guard_html(&utf8, &ulen, &notes, &opts) != SCRAPE_OK ||
		    dom_parse(&d, utf8, ulen, opts.max_depth, arena) != SCRAPE_OK) {
			fprintf(stderr, "page_type_features: %s: cannot read or parse\n", argv[a]);
			goto next;
		}
		meta_extract(&m, &d);
		struct page_features pf;
		page_type_features(&pf, &d, m.url);
		const char *base = strrchr(argv[a], '/');
		base = base ? base + 1 : argv[a];
		buf_puts(&line, "{\"id\":");
		json_put_string(&line, base, strcspn(base, "."));
		buf_puts(&line, ",\"url\":");
		json_put_string(&line, m.url ? m.url : "", m.url ? strlen(m.url) : 0);
		buf_printf(&line, ",\"pred\":\"%s\"", page_type_name(page_type_classify(&pf, NULL)));
		for (int f = 0; f < PF_COUNT; f++)
			buf_printf(&line, ",\"%s\":%u", page_feature_name((enum page_feature)f), pf.f[f]);
		buf_puts(&line, "}\n");
		fwrite(line.data, 1, line.len, stdout);
		meta_free(&m);
		dom_free(&d);
	next:
		arena_reset(arena);
		buf_free(&line);
		buf_free(&notes);
		free(utf8);
		free(raw);
	}
	return 0;
}
