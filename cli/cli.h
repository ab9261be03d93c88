/* cli.h - the command line: options, exit codes, running sources. */
#ifndef SCRAPE_CLI_H
#define SCRAPE_CLI_H

#include <stdio.h>

#include "scrape.h"

/* Exit codes (documented in --help and the README). */
enum {
	EXIT_OK_ = 0,
	EXIT_DIFF = 1,      /* --check: some fixture differs */
	EXIT_USAGE = 2,
	EXIT_INPUT = 3,     /* missing, unreadable, empty, binary, too large, undecodable */
	EXIT_FETCH = 4,     /* network failure or HTTP status >= 400 */
	EXIT_NOCONTENT = 5, /* no main content found */
	EXIT_INTERNAL = 6   /* out of memory or another internal failure */
};

enum cli_mode { MODE_EXTRACT, MODE_REPAIR, MODE_CHECK };

enum cli_find { FIND_NONE, FIND_SITEMAP, FIND_FEED, FIND_CRAWL };

struct cli_opts {
	scrape_options lib;
	enum cli_mode mode;
	int update;        /* --check --update */
	int quiet;
	const char *outdir; /* -o: bulk mode, one output file per input */
	int jsonl;         /* --jsonl: bulk mode, one JSON line per input on stdout */
	int jobs;          /* -j: worker threads (0: number of cores) */
	int resume;        /* --resume: skip outputs newer than their inputs */
	int warc;          /* --warc: sources are WARC files (JSONL out) */
	unsigned shard_index, shard_count; /* --shard I/N (count 0: no sharding) */
	const char *files_from; /* --files-from LIST: more WARC files, one a line */
	/* fetching URL lists (crawl.c, crawl_options.c) */
	const char *url_list; /* -i FILE: URLs one a line ("-": standard input) */
	long delay_ms;     /* --delay: between request starts on one host (1000) */
	int retries;       /* --retries (3) */
	int per_host;      /* --per-host: transfers at once on one host (2) */
	int ignore_robots; /* --ignore-robots */
	int insecure;      /* --insecure: no TLS verification */
	const char *resolve[64]; /* --resolve HOST:PORT:ADDR */
	int nresolve;
	/* per-site rules and reports (rules_cli.c) */
	scrape_rules *rules; /* --rules FILE or the default file; lib.rules points here */
	int rules_mine;    /* this struct loaded `rules` and frees it (rules_cli_release) */
	int rules_set;     /* --rules or --no-rules given: no default file */
	const char *explain; /* --explain REPORT.html, or - for plain text on stderr */
	/* finding the pages of a site (crawl.c, crawl_options.c) */
	int find;          /* FIND_NONE, or which of --sitemap, --feed, --crawl */
	const char *start_url; /* their URL */
	long long lastmod_after; /* --lastmod-after, seconds since the epoch */
	int has_lastmod_after;
	size_t max_pages;  /* --max-pages (0: no cap; --crawl needs one) */
	long crawl_depth;  /* --max-depth with --crawl: link depth (-1: none given) */
	int list_only;     /* --list-only: print the URLs found, fetch no page */
	const char *doc_url; /* --url: where a file's or stdin's page came from */
	char charset[64];  /* storage for lib.charset */
	char user_agent[256];
};

/* Parses argv[*pos..argc): options until the first non-option (or "--").
 * Sources stay at argv[*pos..]. Returns 0, or EXIT_USAGE after printing
 * a message naming the problem. with_sources=0 refuses sources (fixture .opts). */
int cli_parse(struct cli_opts *o, int argc, char **argv, int *pos, const char *where);
void cli_opts_init(struct cli_opts *o);
void cli_usage(FILE *f);

/* Prints "scrape: SOURCE: MSG" (or "scrape: MSG" when MSG names SOURCE). */
void cli_print_error(const char *source, const char *msg);

/* Maps a library error to an exit code. */
int cli_exit_code(int scrape_error);

/* Loads SOURCE and renders it (or, with repair_mode, repairs its text):
 * *out is the output (caller frees), *doc_bytes (optional) the document size.
 * Returns a scrape_error; scrape_error_last() says why. */
int cli_render_source(char **out, size_t *out_len, size_t *doc_bytes, const scrape_options *lib, const char *url,
		      const char *source, int repair_mode);
/* Runs one source (extract or repair by o->mode), output to `out`, errors
 * reported on stderr; returns an exit code. */
int cli_run_one(const struct cli_opts *o, const char *source, FILE *out);
/* Runs the fixtures in dir; returns an exit code. */
int cli_check(const struct cli_opts *o, const char *dir);

/* Prints a unified diff of two texts (line-based) to f. */
void cli_diff(FILE *f, const char *name_a, const char *a, size_t alen,
	      const char *name_b, const char *b, size_t blen);

#endif
