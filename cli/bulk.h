/* bulk.h - cleaning many saved pages on every core: `scrape -o OUTDIR PATH...`
 * and `scrape --jsonl PATH...`. */
#ifndef SCRAPE_BULK_H
#define SCRAPE_BULK_H

#include "cli.h"

/* Collects the inputs under paths, runs them on o->jobs threads, writes
 * outputs (atomically) or JSONL in input order, prints a summary. Returns an
 * exit code: 0 when every page succeeded. */
int bulk_run(const struct cli_opts *o, char **paths, int npaths);

#endif
