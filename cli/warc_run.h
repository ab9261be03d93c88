/* warc_run.h - `scrape --warc FILE...`: the HTML responses of WARC files
 * through the pipeline on every core, one JSON line per record in input
 * order, on standard output or (with -o DIR) in DIR/shard-I-of-N.jsonl.gz,
 * written atomically. `--shard I/N` takes every N-th file from I. */
#ifndef SCRAPE_WARC_RUN_H
#define SCRAPE_WARC_RUN_H

#include "cli.h"

/* Returns an exit code: 0 when every record read was processed. */
int warc_run(const struct cli_opts *o, char **paths, int npaths);

/* Parses "I/N" (0 <= I < N <= 1000000). Returns 0 or -1. */
int warc_parse_shard(const char *s, unsigned *index, unsigned *count);

#endif
