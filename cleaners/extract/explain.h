/* explain.h - the --explain report (scrape.h: scrape_html_explain,
 * scrape_explain_render): every text block of the page in document order,
 * kept or dropped and why, the main container and the runner-up, the rules
 * that decided, the repair edits, and the time per stage.
 *
 * The library entry drives it: explain_attach before extraction (the
 * extraction records its decisions in dom.trace), explain_capture while the
 * DOM is alive, then explain_filtered and explain_repaired as the block list
 * moves on. Everything the report shows is copied: it outlives the page. */
#ifndef SCRAPE_EXPLAIN_H
#define SCRAPE_EXPLAIN_H

#include <stddef.h>

#include "blocks.h"
#include "dom.h"
#include "rules.h"
#include "scrape.h"

/* A new, empty report; free with scrape_explain_free. NULL when out of memory. */
struct scrape_explain *explain_new(const char *url);
/* Time a stage took, in milliseconds (kept in call order, 16 at most). */
void explain_stage(struct scrape_explain *x, const char *stage, double ms);
/* Allocates the per-node records and points d->trace at them. 0 or SCRAPE_ENOMEM. */
int explain_attach(struct scrape_explain *x, struct dom *d);
/* Builds the blocks of the report from the DOM, what extraction recorded,
 * the emitted blocks, and what the rules decided (rules and outcome may be
 * NULL). Detaches d->trace. host, title and page_type (page_type.h) may
 * be NULL. */
int explain_capture(struct scrape_explain *x, struct dom *d, const struct block_list *emitted,
		    const struct scrape_rules *rules, const struct rules_outcome *outcome,
		    const char *host, const char *title, const char *page_type, int has_jsonld_body);
/* The emitted blocks that the block filters left (in order; filtering only
 * removes), and why each of the others went. */
void explain_filtered(struct scrape_explain *x, const struct block_list *kept, const char *title);
/* The kept blocks after repair (one for one with the filtered list). */
int explain_repaired(struct scrape_explain *x, const struct block_list *repaired);
/* 1 once the report holds a parsed page (explain_capture ran). */
int explain_parsed(const struct scrape_explain *x);
/* How the page ended: 0, or the error (message from scrape_error_last). */
void explain_status(struct scrape_explain *x, int rc, const char *message);

#endif
