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

/* Whether line[0..len) holds more than one word. */
static int several_words(const char *line, size_t len)
{
	while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
		len--;
	size_t i = 0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	for (; i < len; i++)
		if (line[i] == ' ' || line[i] == '\t')
			return 1;
	return 0;
}

/* Whether line[0..len) holds no word at all. */
static int blank_line(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			return 0;
	return 1;
}

/*
 * Whether line i of the n lines is a form label or widget text to drop: a
 * label of several words ("Your Email Address", "Share this article"), or
 * a label of one word ("Name", "Email", "Send") beside another label or
 * after the text's last words, where widgets trail an article. A lone
 * "Name" or "Comment" inside the text is a heading or a table cell.
 */
static int label_line(const char *const *texts, const size_t *lens, size_t n, size_t i)
{
	if (!boilerplate_is_line(texts[i], lens[i]))
		return 0;
	if (several_words(texts[i], lens[i]))
		return 1;
	size_t j = i;
	while (j > 0 && blank_line(texts[j - 1], lens[j - 1]))
		j--;
	if (j > 0 && boilerplate_is_line(texts[j - 1], lens[j - 1]))
		return 1;
	j = i + 1;
	while (j < n && blank_line(texts[j], lens[j]))
		j++;
	return j == n || boilerplate_is_line(texts[j], lens[j]);
}

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
		if (label_line(texts, lens, k, i))
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
