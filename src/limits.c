/* limits.c - per-page hard limits: markup (via html_guard), time, output. */
#include "limits.h"
#include "error.h"
#include "html_guard.h"

#include <stdlib.h>

int limits_guard_html(char **html, size_t *len, struct buf *notes, const scrape_options *opts)
{
	struct html_guard_limits lim = { opts->max_depth, opts->max_nodes, LIMITS_MAX_ATTRS };
	struct html_guard_stats st;
	char *guarded = NULL;
	size_t glen = 0;
	int rc = html_guard(&guarded, &glen, &st, *html, *len, &lim);
	if (rc != SCRAPE_OK)
		return rc;
	if (!guarded)
		return SCRAPE_OK;
	free(*html);
	*html = guarded;
	*len = glen;
	if (st.dropped_depth)
		buf_printf(notes, "%snesting deeper than the depth limit of %zu (--max-depth): "
			   "%zu start tags dropped, their content flattened",
			   notes->len ? "; " : "", opts->max_depth, st.dropped_depth);
	if (st.dropped_nodes)
		buf_printf(notes, "%smore than the node limit of %zu (--max-nodes): "
			   "markup of the last %zu tags and comments dropped, their text kept",
			   notes->len ? "; " : "", opts->max_nodes, st.dropped_nodes);
	if (st.dropped_attrs)
		buf_printf(notes, "%smore than %d attributes in a tag: %zu attributes dropped",
			   notes->len ? "; " : "", LIMITS_MAX_ATTRS, st.dropped_attrs);
	return notes->oom ? scrape_error_set(SCRAPE_ENOMEM, "out of memory") : SCRAPE_OK;
}

void limits_start(struct timespec *start)
{
	clock_gettime(CLOCK_MONOTONIC, start);
}

int limits_check_time(const struct timespec *start, const scrape_options *opts, const char *stage)
{
	if (opts->page_timeout_ms <= 0)
		return SCRAPE_OK;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (long)(now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
	if (ms <= opts->page_timeout_ms)
		return SCRAPE_OK;
	return scrape_error_set(SCRAPE_ELIMIT, "page time limit of %ld ms (--page-timeout) exceeded after %s (%ld ms)",
				opts->page_timeout_ms, stage, ms);
}

int limits_cut_output(char *out, size_t *len, const scrape_options *opts)
{
	if (!opts->max_output_bytes || *len <= opts->max_output_bytes)
		return SCRAPE_OK;
	size_t full = *len, n = opts->max_output_bytes;
	/* back off to the start of a character */
	while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80)
		n--;
	out[n] = '\0';
	*len = n;
	return scrape_error_set(SCRAPE_ELIMIT, "output of %zu bytes cut to the output limit of %zu bytes (--max-output)",
				full, opts->max_output_bytes);
}
