/* sniff.h - refusing inputs that are not text before any work is done. */
#ifndef SCRAPE_SNIFF_H
#define SCRAPE_SNIFF_H

#include <stddef.h>

/* 0 when data looks like an HTML or text document; SCRAPE_EIO for an empty
 * one, SCRAPE_EBINARY (with a message naming the type) for PDF, images,
 * archives, executables and other binary data. */
int sniff_check(const char *data, size_t len);

#endif
