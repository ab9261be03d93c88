/* crawl.h - fetching lists of URLs into a folder: `scrape -i LIST -o DIR`,
 * `scrape -o DIR URL...`. */
#ifndef SCRAPE_CRAWL_H
#define SCRAPE_CRAWL_H

#include "cli.h"

/* The --help lines of --sitemap, --feed, --crawl and their options. */
void crawl_usage(FILE *f);

/* Sets the fetching options' defaults (delay 1 s, 3 retries, 2 per host). */
void crawl_opts_init(struct cli_opts *o);

/* Parses the fetching option at argv[*i] (and its value, advancing *i):
 * 1 when it was one, 0 when argv[*i] is no fetching option, -1 after
 * printing a usage error. */
int crawl_parse_option(struct cli_opts *o, int argc, char **argv, int *i, const char *where);

/* 1 when the run fetches a URL list: -i was given, or -o with an http(s) URL. */
int crawl_wanted(const struct cli_opts *o, char **sources, int nsources);

/* Fetches the URLs (sources and -i LIST) into o->outdir; returns an exit
 * code: 0 when no URL failed (disallowed and non-HTML ones are not failures). */
int crawl_run(const struct cli_opts *o, char **sources, int nsources);

#endif
