/* crawl_options.c - the command-line options of URL-list runs. */
#include "crawl.h"
#include "discover.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void crawl_usage(FILE *f)
{
	fputs("Finding the pages of a site (fetched and cleaned as with -i, same politeness):\n"
	      "  --sitemap URL       the pages of a sitemap (XML, index files followed, .xml.gz,\n"
	      "                      plain text); a home page: the sitemaps its robots.txt names,\n"
	      "                      and /sitemap.xml\n"
	      "  --lastmod-after D   only sitemap entries whose <lastmod> is after D (YYYY-MM-DD)\n"
	      "  --feed URL          the entries of an RSS 2.0, Atom or RSS 1.0 feed; a page:\n"
	      "                      the feeds its <link rel=alternate> announces\n"
	      "  --crawl URL         follow links breadth-first within URL's host and folder;\n"
	      "                      DIR/frontier.tsv keeps the pages found (--resume goes on)\n"
	      "  --max-pages N       fetch N pages at most (needed with --crawl)\n"
	      "  --max-depth D       with --crawl: follow links D steps from URL at most\n"
	      "  --list-only         print the URLs found, one a line (for -i), write nothing\n"
	      "                      (--crawl still fetches the pages, for their links)\n"
	      "\n", f);
}

void crawl_opts_init(struct cli_opts *o)
{
	o->url_list = NULL;
	o->delay_ms = 1000;
	o->retries = 3;
	o->per_host = 2;
	o->ignore_robots = 0;
	o->insecure = 0;
	o->nresolve = 0;
	o->find = FIND_NONE;
	o->start_url = NULL;
	o->lastmod_after = 0;
	o->has_lastmod_after = 0;
	o->max_pages = 0;
	o->crawl_depth = -1;
	o->list_only = 0;
}

/* --sitemap, --feed, --crawl URL; --lastmod-after DATE; --max-pages N;
 * --list-only. 1, 0 (none of them), -1 after a usage error. */
static int find_option(struct cli_opts *o, int argc, char **argv, int *i, const char *where)
{
	const char *a = argv[*i];
	if (strcmp(a, "--list-only") == 0) {
		o->list_only = 1;
		return 1;
	}
	int find = strcmp(a, "--sitemap") == 0 ? FIND_SITEMAP : strcmp(a, "--feed") == 0 ? FIND_FEED :
		   strcmp(a, "--crawl") == 0 ? FIND_CRAWL : FIND_NONE;
	int is_date = strcmp(a, "--lastmod-after") == 0, is_max = strcmp(a, "--max-pages") == 0;
	if (find == FIND_NONE && !is_date && !is_max)
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "scrape: %s%s needs a value\n", where, a);
		return -1;
	}
	const char *v = argv[++*i];
	if (find != FIND_NONE) {
		if (o->find != FIND_NONE) {
			fprintf(stderr, "scrape: %s--sitemap, --feed and --crawl take one URL, and only one of them\n",
				where);
			return -1;
		}
		if (strncasecmp(v, "http://", 7) != 0 && strncasecmp(v, "https://", 8) != 0) {
			fprintf(stderr, "scrape: %s%s wants an http(s) URL, got '%s'\n", where, a, v);
			return -1;
		}
		o->find = find;
		o->start_url = v;
	} else if (is_date) {
		if (discover_parse_date(v, strlen(v), &o->lastmod_after) != 0) {
			fprintf(stderr, "scrape: %s--lastmod-after wants a date (YYYY-MM-DD, or "
				"YYYY-MM-DDThh:mm:ssZ), got '%s'\n", where, v);
			return -1;
		}
		o->has_lastmod_after = 1;
	} else {
		char *end;
		errno = 0;
		unsigned long long n = strtoull(v, &end, 10);
		if (errno || end == v || *end || v[0] == '-' || n == 0 || n > 100000000ULL) {
			fprintf(stderr, "scrape: %s--max-pages wants a number from 1 to 100000000, got '%s'\n",
				where, v);
			return -1;
		}
		o->max_pages = (size_t)n;
	}
	return 1;
}

static const char *value(int argc, char **argv, int *i, const char *where)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "scrape: %s%s needs a value\n", where, argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

/* A whole number in [lo, hi]. */
static int whole(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return 0;
	*out = v;
	return 1;
}

int crawl_parse_option(struct cli_opts *o, int argc, char **argv, int *i, const char *where)
{
	const char *a = argv[*i], *v;
	long n;
	int found = find_option(o, argc, argv, i, where);
	if (found != 0)
		return found;
	if (strcmp(a, "--ignore-robots") == 0) {
		o->ignore_robots = 1;
		return 1;
	}
	if (strcmp(a, "--insecure") == 0) {
		o->insecure = 1;
		return 1;
	}
	int is_list = strcmp(a, "-i") == 0 || strcmp(a, "--input-list") == 0;
	int is_delay = strcmp(a, "--delay") == 0;
	int is_retries = strcmp(a, "--retries") == 0;
	int is_per_host = strcmp(a, "--per-host") == 0;
	int is_resolve = strcmp(a, "--resolve") == 0;
	if (!is_list && !is_delay && !is_retries && !is_per_host && !is_resolve)
		return 0;
	if (!(v = value(argc, argv, i, where)))
		return -1;
	if (is_list) {
		o->url_list = v;
	} else if (is_delay) {
		char *end;
		errno = 0;
		double d = strtod(v, &end);
		if (errno || end == v || *end || !(d >= 0) || d > 3600) {
			fprintf(stderr, "scrape: %s--delay wants seconds from 0 to 3600, got '%s'\n", where, v);
			return -1;
		}
		o->delay_ms = (long)(d * 1000 + 0.5);
	} else if (is_retries || is_per_host) {
		long lo = is_retries ? 0 : 1, hi = is_retries ? 100 : 64;
		if (!whole(v, lo, hi, &n)) {
			fprintf(stderr, "scrape: %s%s wants a number from %ld to %ld, got '%s'\n", where, a,
				lo, hi, v);
			return -1;
		}
		if (is_retries)
			o->retries = (int)n;
		else
			o->per_host = (int)n;
	} else {
		/* HOST:PORT:ADDR, checked by libcurl when used; the shape here */
		const char *c1 = strchr(v, ':');
		const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c1 || c1 == v || !c2 || c2 == c1 + 1 || !c2[1]) {
			fprintf(stderr, "scrape: %s--resolve wants HOST:PORT:ADDRESS, got '%s'\n", where, v);
			return -1;
		}
		if (o->nresolve >= (int)(sizeof o->resolve / sizeof o->resolve[0])) {
			fprintf(stderr, "scrape: %stoo many --resolve options (at most %zu)\n", where,
				sizeof o->resolve / sizeof o->resolve[0]);
			return -1;
		}
		o->resolve[o->nresolve++] = v;
	}
	return 1;
}
