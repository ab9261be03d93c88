#include "blocks.h"
#include "scrape.h"

#include <stdlib.h>
#include <string.h>

int blocks_add(struct block_list *l, enum block_kind kind, int level, unsigned group,
	       const char *s, size_t len)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct block *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return SCRAPE_ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	size_t off = l->text.len;
	if (buf_put(&l->text, s, len) || buf_putc(&l->text, '\0'))
		return SCRAPE_ENOMEM;
	l->v[l->n++] = (struct block){ kind, level, group, off, len, 0 };
	return SCRAPE_OK;
}

void blocks_remove(struct block_list *l, size_t i)
{
	if (i >= l->n)
		return;
	memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof *l->v);
	l->n--;
}

void blocks_clear(struct block_list *l)
{
	l->n = 0;
	buf_clear(&l->text);
}

void blocks_free(struct block_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
	buf_free(&l->text);
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void textbuf_add(struct textbuf *t, const char *s, size_t len)
{
	struct buf *b = &t->b;
	if (buf_grow(b, len + 1))
		return;
	char *o = b->data + b->len;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_space(c)) {
			t->pending_space = 1;
			continue;
		}
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			t->pending_space = 1; /* no-break space */
			i++;
			continue;
		}
		if (t->pending_space) {
			/* a soft separator (a dropped inline element) gives way to
			 * closing punctuation: "Ruth Anand[card], families" */
			int soft = t->pending_space == 2 && strchr(",.;:!?)]}", (char)c);
			t->pending_space = 0;
			if (!soft && o > b->data && o[-1] != ' ' && o[-1] != '\n')
				*o++ = ' ';
		}
		*o++ = (char)c;
	}
	b->len = (size_t)(o - b->data);
	b->data[b->len] = '\0';
}

void textbuf_add_raw(struct textbuf *t, const char *s, size_t len)
{
	t->pending_space = 0;
	buf_put(&t->b, s, len);
}

void textbuf_space(struct textbuf *t)
{
	t->pending_space = 1;
}

void textbuf_soft_space(struct textbuf *t)
{
	if (!t->pending_space)
		t->pending_space = 2;
}

int textbuf_newline(struct textbuf *t)
{
	struct buf *b = &t->b;
	while (b->len && b->data[b->len - 1] == ' ')
		b->len--;
	t->pending_space = 0;
	if (b->len == 0)
		return 0;
	if (b->data[b->len - 1] == '\n')
		return 1;
	buf_putc(b, '\n');
	return 0;
}

const char *textbuf_trimmed(struct textbuf *t, size_t *len)
{
	const char *s = t->b.data;
	size_t n = t->b.len;
	if (!s) {
		*len = 0;
		return "";
	}
	while (n && is_space((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && is_space((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

void textbuf_clear(struct textbuf *t)
{
	buf_clear(&t->b);
	t->pending_space = 0;
}
