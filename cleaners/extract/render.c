#include "render.h"

#include <stdio.h>
#include <string.h>

/* Blocks of the same list or table follow each other without a blank line. */
static int continues_group(const struct block *prev, const struct block *b)
{
	return prev && prev->kind == b->kind && b->group && prev->group == b->group &&
	       (b->kind == BLOCK_LIST_ITEM || b->kind == BLOCK_TABLE_ROW);
}

/* Table cells are tab-separated inside a row block. */
static void put_row(struct buf *out, const char *s, size_t len, const char *sep)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\t')
			buf_puts(out, sep);
		else
			buf_putc(out, s[i]);
	}
}

int render_text_body(struct buf *out, const struct block_list *l)
{
	const struct block *prev = NULL;
	for (size_t i = 0; i < l->n; i++) {
		const struct block *b = &l->v[i];
		const char *s = block_text(l, b);
		if (prev)
			buf_puts(out, continues_group(prev, b) ? "\n" : "\n\n");
		switch (b->kind) {
		case BLOCK_LIST_ITEM:
			buf_puts(out, "- ");
			buf_put(out, s, b->len);
			break;
		case BLOCK_TABLE_ROW:
			put_row(out, s, b->len, " | ");
			break;
		default:
			buf_put(out, s, b->len);
			break;
		}
		prev = b;
	}
	if (l->n)
		buf_putc(out, '\n');
	return out->oom ? SCRAPE_ENOMEM : SCRAPE_OK;
}

/* Backslash-escapes characters that Markdown would read as markup. */
static void put_md_escaped(struct buf *out, const char *s, size_t len, int line_start)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		int at_start = line_start || (i > 0 && s[i - 1] == '\n');
		if (strchr("\\`*_[]<>|", c) ||
		    (at_start && (c == '#' || c == '>' || c == '-' || c == '+')))
			buf_putc(out, '\\');
		/* "1. " or "1) " at the start of a line would open an ordered list */
		if (at_start && c >= '0' && c <= '9') {
			size_t k = i;
			while (k < len && k - i < 9 && s[k] >= '0' && s[k] <= '9')
				k++;
			if (k < len && (s[k] == '.' || s[k] == ')') && (k + 1 == len || s[k + 1] == ' ')) {
				buf_put(out, s + i, k - i);
				buf_putc(out, '\\');
				i = k - 1;
				line_start = 0;
				continue;
			}
		}
		buf_putc(out, c);
		line_start = 0;
		if (c == '\n' && i + 1 < len) {
			/* a hard line break inside the block */
			out->len--;
			buf_puts(out, "  \n");
		}
	}
}

int render_markdown_body(struct buf *out, const struct block_list *l)
{
	const struct block *prev = NULL;
	int ordinal = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct block *b = &l->v[i];
		const char *s = block_text(l, b);
		int cont = continues_group(prev, b);
		if (prev)
			buf_puts(out, cont ? "\n" : "\n\n");
		switch (b->kind) {
		case BLOCK_HEADING:
			for (int k = 0; k < (b->level ? b->level : 2); k++)
				buf_putc(out, '#');
			buf_putc(out, ' ');
			put_md_escaped(out, s, b->len, 0);
			break;
		case BLOCK_LIST_ITEM:
			ordinal = cont ? ordinal + 1 : 1;
			if (b->level)
				buf_printf(out, "%d. ", ordinal);
			else
				buf_puts(out, "- ");
			put_md_escaped(out, s, b->len, 1);
			break;
		case BLOCK_QUOTE:
			buf_puts(out, "> ");
			for (size_t k = 0; k < b->len; k++) {
				if (s[k] == '\n') {
					buf_puts(out, "\n> ");
					continue;
				}
				put_md_escaped(out, s + k, 1, k == 0);
			}
			break;
		case BLOCK_PRE: {
			/* a fence longer than any backtick run inside */
			size_t run = 0, longest = 0;
			for (size_t k = 0; k < b->len; k++) {
				run = s[k] == '`' ? run + 1 : 0;
				if (run > longest)
					longest = run;
			}
			size_t fence = longest >= 3 ? longest + 1 : 3;
			for (size_t k = 0; k < fence; k++)
				buf_putc(out, '`');
			buf_putc(out, '\n');
			buf_put(out, s, b->len);
			buf_putc(out, '\n');
			for (size_t k = 0; k < fence; k++)
				buf_putc(out, '`');
			break;
		}
		case BLOCK_TABLE_ROW: {
			buf_puts(out, "| ");
			size_t cells = 1;
			for (size_t k = 0; k < b->len; k++) {
				if (s[k] == '\t') {
					buf_puts(out, " | ");
					cells++;
				} else if (s[k] == '|') {
					buf_puts(out, "\\|");
				} else if (s[k] == '\n') {
					buf_putc(out, ' ');
				} else {
					buf_putc(out, s[k]);
				}
			}
			buf_puts(out, " |");
			if (!cont) {
				/* Markdown tables need a delimiter row after the first */
				buf_putc(out, '\n');
				for (size_t k = 0; k < cells; k++)
					buf_puts(out, "| --- ");
				buf_putc(out, '|');
			}
			break;
		}
		default:
			put_md_escaped(out, s, b->len, 1);
			break;
		}
		prev = b;
	}
	if (l->n)
		buf_putc(out, '\n');
	return out->oom ? SCRAPE_ENOMEM : SCRAPE_OK;
}
