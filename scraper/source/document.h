/* document.h - the layout of scrape_document, opaque to the library's users
 * (include/scrape.h reads it through accessors); filled by the scraper's
 * readers (files, standard input, fetch). */
#ifndef SCRAPE_DOCUMENT_H
#define SCRAPE_DOCUMENT_H

#include "scrape.h"

struct scrape_document {
	char *data;             /* raw bytes, NUL-terminated (the NUL not counted) */
	size_t len;
	char *url;              /* final URL after redirects, or NULL */
	char *content_type;     /* Content-Type header, or NULL */
	long status;            /* HTTP status, 0 for files */
};

#endif
