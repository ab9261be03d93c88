/* outfile.h - writing output files safely, shared by bulk and crawl runs. */
#ifndef SCRAPE_OUTFILE_H
#define SCRAPE_OUTFILE_H

#include <stddef.h>

/* mkdir -p for the folders of path (not its last part); 0 or -1 (errno set). */
int outfile_make_parents(char *path);

/* Writes data to path through a temporary file in the same folder, then
 * renames it over path, so readers see the old file or the whole new one.
 * durable: fsync the file before the rename (it survives a crash once this
 * returns). 0, or -1 with *why (malloc'd, may be NULL when out of memory)
 * naming the file and the reason. */
int outfile_write_atomic(const char *path, const char *data, size_t len, int durable, char **why);

/* Seconds on a monotonic clock. */
double outfile_now(void);

#endif
