/* crawl_options.c - the command-line options of URL-list runs. */
#include "crawl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void crawl_opts_init(struct cli_opts *o)
{
	o->url_list = NULL;
	o->delay_ms = 1000;
	o->retries = 3;
	o->per_host = 2;
	o->ignore_robots = 0;
	o->insecure = 0;
	o->nresolve = 0;
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
