/* error.h - setting the thread-local "last error" message. */
#ifndef SCRAPE_ERROR_H
#define SCRAPE_ERROR_H

/* Records a message for scrape_error_last() and returns `code`. */
int scrape_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void scrape_error_clear(void);

#endif
