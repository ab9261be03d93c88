/* repair.h - the text repair stage: mojibake, HTML entities, lost
 * apostrophes, fused words, and (in scrape_repair) boilerplate lines.
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

/* Whole-text repair (the public scrape_repair() of scrape.h, repeated here
 * so the library does not depend on the header's current state): builds a
 * context from all lines, repairs line by line keeping the line structure,
 * and drops whole-line boilerplate (boilerplate_is_line()). Caller frees
 * *out with free(); *out is NUL-terminated. */
int scrape_repair(char **out, size_t *out_len, const char *text, size_t len);

/* Source packages and versions of the built-in tables. */
const char *repair_data_versions(void);

#endif
