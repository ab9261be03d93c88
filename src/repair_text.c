/* repair_text.c - scrape_repair(): the repair stage over a whole plain text,
 * line by line, with the text as one document; whole-line boilerplate (form
 * labels, widget text) is dropped on the way. */
#include "boilerplate.h"
#include "buf.h"
#include "error.h"
#include "repair.h"
#include "scrape.h"

#include <stdlib.h>
#include <string.h>

int scrape_repair(char **out, size_t *out_len, const char *text, size_t len)
{
	*out = NULL;
	if (out_len)
		*out_len = 0;
	/* the lines are the pieces */
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	n++;
	const char **texts = calloc(n, sizeof *texts);
	size_t *lens = calloc(n, sizeof *lens);
	if (!texts || !lens) {
		free(texts);
		free(lens);
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	size_t k = 0;
	for (size_t i = 0; i <= len && k < n;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		texts[k] = text + i;
		lens[k++] = e - i;
		i = e + 1;
	}
	struct repair *r = NULL;
	struct buf b = BUF_INIT;
	int rc = repair_new(&r, texts, lens, k, 0);
	for (size_t i = 0; i < k && rc == SCRAPE_OK; i++) {
		int has_nl = texts[i] + lens[i] < text + len;
		/* whole-line boilerplate (form labels, widget text) goes, with its newline */
		if (boilerplate_is_line(texts[i], lens[i]))
			continue;
		rc = repair_apply(r, &b, texts[i], lens[i]);
		if (rc == SCRAPE_OK && has_nl)
			rc = buf_putc(&b, '\n');
	}
	repair_free(r);
	free(texts);
	free(lens);
	if (rc == SCRAPE_OK && b.oom)
		rc = SCRAPE_ENOMEM;
	if (rc != SCRAPE_OK) {
		buf_free(&b);
		return rc == SCRAPE_ENOMEM ? scrape_error_set(rc, "out of memory") : rc;
	}
	size_t n_out = 0;
	*out = buf_detach(&b, &n_out);
	if (!*out)
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	if (out_len)
		*out_len = n_out;
	return SCRAPE_OK;
}
