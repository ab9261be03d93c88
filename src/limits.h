/* limits.h - the per-page hard limits of scrape_html and scrape_render:
 * markup depth and node count (through html_guard), processing time and
 * output size. Each hit names the limit and the option that sets it. */
#ifndef SCRAPE_LIMITS_H
#define SCRAPE_LIMITS_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "scrape.h"

/* Attributes kept per tag; Gumbo checks each against all earlier ones. */
#define LIMITS_MAX_ATTRS 256

/* Runs html_guard over the decoded page *html (malloc'd, NUL-terminated),
 * replacing it with the guarded text when a limit was hit, and appends a
 * note naming each limit hit to `notes`. Returns 0 or SCRAPE_ENOMEM. */
int limits_guard_html(char **html, size_t *len, struct buf *notes, const scrape_options *opts);

/* The start time of a page (CLOCK_MONOTONIC). */
void limits_start(struct timespec *start);
/* SCRAPE_ELIMIT naming `stage` when opts->page_timeout_ms has passed since
 * start, 0 otherwise. */
int limits_check_time(const struct timespec *start, const scrape_options *opts, const char *stage);

/* Cuts out[0..*len) to opts->max_output_bytes at a UTF-8 character
 * boundary: SCRAPE_ELIMIT when it was longer, 0 otherwise. */
int limits_cut_output(char *out, size_t *len, const scrape_options *opts);

#endif
