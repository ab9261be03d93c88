/* edit_script.h - the shortest edit script between two sequences (by their
 * longest common subsequence): the line and word diffs of `scrape --check`
 * and the word diff of the --explain report. */
#ifndef SCRAPE_EDIT_SCRIPT_H
#define SCRAPE_EDIT_SCRIPT_H

#include <stddef.h>

enum { EDIT_KEEP = 0, EDIT_DELETE = 1, EDIT_INSERT = 2 };

/* 1 when item i of the first sequence equals item j of the second. */
typedef int (*edit_same_fn)(const void *ctx, size_t i, size_t j);

/* Writes to *ops one op per step from a (na items) to b (nb items), a
 * deletion before an insertion where both are shortest, *nops of them; to
 * *common the number kept. *ops is the caller's to free. Returns SCRAPE_OK,
 * SCRAPE_ELIMIT when na * nb exceeds max_cells (nothing is allocated), or
 * SCRAPE_ENOMEM. */
int edit_script(unsigned char **ops, size_t *nops, size_t *common, size_t na, size_t nb,
		edit_same_fn same, const void *ctx, size_t max_cells);

#endif
