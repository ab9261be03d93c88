#include "error.h"
#include "scrape.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_message[512];

int scrape_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_message, sizeof last_message, fmt, ap);
	va_end(ap);
	return code;
}

void scrape_error_clear(void)
{
	last_message[0] = '\0';
}

const char *scrape_error_last(void)
{
	return last_message;
}

const char *scrape_strerror(int error)
{
	switch (error) {
	case SCRAPE_OK: return "success";
	case SCRAPE_EUSAGE: return "invalid usage";
	case SCRAPE_ENOMEM: return "out of memory";
	case SCRAPE_EIO: return "input/output error";
	case SCRAPE_EFETCH: return "fetch failed";
	case SCRAPE_EHTTP: return "HTTP error";
	case SCRAPE_ELIMIT: return "limit exceeded";
	case SCRAPE_EBINARY: return "not an HTML or text document";
	case SCRAPE_ENOCONTENT: return "no main content found";
	case SCRAPE_EENCODING: return "character encoding error";
	}
	return "unknown error";
}
