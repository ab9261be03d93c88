/* source.h - reading a document from a file, a gzip file or standard input. */
#ifndef SCRAPE_SOURCE_H
#define SCRAPE_SOURCE_H

#include "scrape.h"

/* Reads a whole file (or standard input when path is "-"), gunzipping it
 * when it starts with the gzip magic. At most max_bytes after decompression:
 * more is SCRAPE_ELIMIT (a gzip bomb is refused, not expanded). The caller
 * frees *out with scrape_document_free(). */
int source_read_file(scrape_document **out, const char *path, size_t max_bytes);

/* Same, from memory already read (e.g. gzip bytes). *out_data is malloc'd
 * and NUL-terminated; the caller frees it. */
int source_gunzip(char **out_data, size_t *out_len, const char *data, size_t len,
		  size_t max_bytes, const char *name);

/* 1 for "http://" and "https://" sources (case-insensitive scheme). */
int source_is_url(const char *source);

#endif
