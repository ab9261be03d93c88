/* fuzz_discover.c - the discovery readers on one input: sitemap_parse
 * (XML, gzip, text), feed_parse, sitemap_from_robots and links_extract
 * (links and feed links). Every URL that comes out must be an absolute
 * http(s) URL, and the lists must keep their caps. */
#include "discover.h"
#include "feed.h"
#include "links.h"
#include "scrape.h"
#include "sitemap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check(const struct discover_list *l)
{
	if (l->max && l->n > l->max)
		abort();
	for (size_t i = 0; i < l->n; i++) {
		const char *u = l->v[i].url;
		if (strncmp(u, "http://", 7) != 0 && strncmp(u, "https://", 8) != 0)
			abort();
		if (strchr(u, '#'))
			abort(); /* fragments are dropped */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *d = (const char *)data;
	const char *base = "http://example.com/dir/page.html";
	struct discover_list a = DISCOVER_LIST_INIT, b = DISCOVER_LIST_INIT;
	a.max = 1000;
	b.max = 100;
	enum sitemap_kind sk;
	if (sitemap_parse(&a, &b, &sk, d, size, base, 1 << 20) == SCRAPE_OK && sk != SITEMAP_URLSET &&
	    sk != SITEMAP_INDEX && sk != SITEMAP_TEXT)
		abort();
	check(&a);
	check(&b);
	discover_list_free(&a);
	discover_list_free(&b);
	a.max = 1000;
	enum feed_kind fk;
	feed_parse(&a, &fk, d, size, base, 1 << 20);
	check(&a);
	discover_list_free(&a);
	sitemap_from_robots(&a, d, size, base);
	check(&a);
	discover_list_free(&a);
	int nofollow = 0;
	links_extract(&a, &nofollow, d, size, base, LINKS_FOLLOW | LINKS_FEEDS);
	check(&a);
	if (nofollow != 0 && nofollow != 1)
		abort();
	discover_list_free(&a);
	return 0;
}
