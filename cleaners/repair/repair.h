/* repair.h - the text repair stage: mojibake, HTML entities, lost
 * apostrophes, fused words. (scrape_repair(), the whole-text entry that also
 * drops boilerplate lines, is in src/repair_text.c.)
 *
 * A context is built once per document from all its pieces: it learns the
 * document's own vocabulary (evidence for and against repairs) and decides
 * how much repair the document needs. from_html=1 means the text came from
 * correctly decoded HTML: there, word repairs run only when the document
 * shows a scraper's damage (plain ASCII, certain lost apostrophes and
 * fused function words), so correct text comes out untouched. */
#ifndef SCRAPE_REPAIR_H
#define SCRAPE_REPAIR_H

#include <stddef.h>

#include "buf.h"

/* Document-level repair context: learns the document's own vocabulary from all its pieces. */
struct repair;

/* Builds a context from texts[0..n) (lens[i] bytes each). The caller frees
 * *out with repair_free(). 0, SCRAPE_ENOMEM or SCRAPE_EENCODING (damaged
 * built-in table). */
int repair_new(struct repair **out, const char *const *texts, const size_t *lens, size_t n, int from_html);

/* Repairs one piece (a paragraph/block or a line), appending to out. */
int repair_apply(struct repair *r, struct buf *out, const char *text, size_t len);

void repair_free(struct repair *r);

/* Source packages and versions of the built-in tables. */
const char *repair_data_versions(void);

#endif
