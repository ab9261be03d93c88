/* fuzz_robots.c - robots.txt: robots_parse for our agent, then
 * robots_allowed on the input's first line (a path) and on fixed paths,
 * and robots_crawl_delay_ms. Input: PATH "\n" ROBOTS.TXT (no newline: the
 * whole input is the robots.txt and only the fixed paths are tried). */
#include "robots.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const paths[] = {
	"/", "", "/a/b?c=d", "/robots.txt", "/index.html", "/%7Euser/%e4%b8%ad?q=%2F",
	"/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z$",
};

/* Both answers must be 0 or 1; /robots.txt is always allowed. */
static void check(const struct robots *r, const char *path)
{
	int a = robots_allowed(r, path);
	if (a != 0 && a != 1)
		abort();
	if (strcmp(path, "/robots.txt") == 0 && !a)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const uint8_t *nl = memchr(data, '\n', size);
	char *path = NULL;
	if (nl) {
		size_t pn = (size_t)(nl - data);
		path = malloc(pn + 1);
		if (!path)
			return 0;
		memcpy(path, data, pn);
		path[pn] = '\0'; /* a NUL inside cuts it short, as a C string would */
		text += pn + 1;
		size -= pn + 1;
	}
	/* "scrape" is the agent the crawler uses; "*" parses only the * groups */
	static const char *const agents[] = { "scrape", "*" };
	for (size_t k = 0; k < sizeof agents / sizeof *agents; k++) {
		struct robots *r = NULL;
		if (robots_parse(&r, text, size, agents[k]) != 0)
			continue;
		if (path)
			check(r, path);
		for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
			check(r, paths[i]);
		long d = robots_crawl_delay_ms(r);
		if (d < -1 || d > 86400L * 1000)
			abort();
		robots_free(r);
	}
	free(path);
	return 0;
}
