/* buf.h - a growable, always NUL-terminated byte buffer.
 * The owner of a struct buf frees it with buf_free(); buf_detach() hands the
 * bytes to the caller, who then frees them with free(). */
#ifndef SCRAPE_BUF_H
#define SCRAPE_BUF_H

#include <stddef.h>

struct buf {
	char *data;  /* NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
	int oom;     /* set once an allocation failed; later appends are no-ops */
};

#define BUF_INIT { NULL, 0, 0, 0 }

int buf_grow(struct buf *b, size_t extra);             /* 0 or SCRAPE_ENOMEM */
int buf_put(struct buf *b, const char *s, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void buf_clear(struct buf *b);                         /* keeps capacity */
void buf_free(struct buf *b);
char *buf_detach(struct buf *b, size_t *len);          /* caller frees */

#endif
