#include "buf.h"
#include "scrape.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int buf_grow(struct buf *b, size_t extra)
{
	if (b->oom)
		return SCRAPE_ENOMEM;
	if (extra > (size_t)-1 / 2 - b->len) {
		b->oom = 1;
		return SCRAPE_ENOMEM;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return SCRAPE_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->oom = 1;
		return SCRAPE_ENOMEM;
	}
	b->data = p;
	b->cap = cap;
	return SCRAPE_OK;
}

int buf_put(struct buf *b, const char *s, size_t n)
{
	if (buf_grow(b, n) != SCRAPE_OK)
		return SCRAPE_ENOMEM;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return SCRAPE_OK;
}

int buf_puts(struct buf *b, const char *s)
{
	return buf_put(b, s, strlen(s));
}

int buf_putc(struct buf *b, char c)
{
	return buf_put(b, &c, 1);
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_grow(b, (size_t)n) != SCRAPE_OK)
		return SCRAPE_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return SCRAPE_OK;
}

void buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}

char *buf_detach(struct buf *b, size_t *len)
{
	if (b->oom) {
		buf_free(b);
		return NULL;
	}
	if (!b->data) {
		if (buf_grow(b, 0) != SCRAPE_OK)
			return NULL;
		b->data[0] = '\0';
	}
	char *p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
