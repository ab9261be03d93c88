/* warc.h - reading WARC/1.0 and WARC/1.1 files as a stream: uncompressed,
 * gzip per record (the Common Crawl layout: one gzip member per record) or
 * gzip over the whole file. Memory stays bounded by the largest record
 * loaded; a damaged record is reported and reading resyncs on the next one.
 * Also: the HTTP message stored in a `response` record (status line,
 * headers, chunked transfer coding). */
#ifndef SCRAPE_WARC_H
#define SCRAPE_WARC_H

#include <stdint.h>
#include <stdio.h>

#define WARC_HEADER_MAX (64 * 1024)  /* a record header larger than this is corrupt */
#define WARC_FIELDS_MAX 256          /* fields in one record header */

/* The fields of a record header that scrape uses; values point into the
 * parsed text (NUL-terminated in place), NULL when absent. */
struct warc_header {
	int minor;                 /* 0 for WARC/1.0, 1 for WARC/1.1 */
	const char *type;          /* WARC-Type */
	const char *target_uri;    /* WARC-Target-URI (angle brackets removed) */
	const char *date;          /* WARC-Date */
	const char *record_id;     /* WARC-Record-ID */
	const char *content_type;  /* Content-Type */
	uint64_t content_length;   /* Content-Length (required) */
};

/* Parses a record header: the version line and the named fields, without
 * the blank line that ends it. Lines end in CRLF (a bare LF is accepted);
 * a line starting with a space or tab continues the previous field. `text`
 * (with room for a NUL at text[len]) is modified in place and must stay
 * alive as long as *h is used. Returns 0,
 * or -1 with *why set to a static reason. */
int warc_header_parse(struct warc_header *h, char *text, size_t len, const char **why);

/* One record as warc_next() hands it out. */
struct warc_record {
	struct warc_header h;
	char *block;        /* the record block (malloc'd, NUL-terminated), or NULL when not loaded */
	size_t block_len;
	uint64_t offset;    /* where the record starts and its length: bytes of the file, or */
	uint64_t length;    /* of the gzip member holding it exactly (per-record gzip) ... */
	int decompressed;   /* ... or 1: of the decompressed stream (whole-file gzip) */
	const char *error;  /* static reason when the record is damaged (then `h` may be partial) */
	char *header_text;  /* storage for h's strings */
};

struct warc_reader;

/* Opens path ("-" for standard input). Records whose WARC-Type is
 * `load_type` (e.g. "response") and whose block is at most max_block bytes
 * have their block loaded; other blocks are skipped as they stream past.
 * Returns 0 or a scrape_error (message set). */
int warc_open(struct warc_reader **out, const char *path, const char *load_type, size_t max_block);
/* The same over an open stream, which the reader does not close. */
int warc_open_stream(struct warc_reader **out, FILE *f, const char *name, const char *load_type,
		     size_t max_block);
void warc_close(struct warc_reader *r);

/* The next record: 1 and *rec filled (free it with warc_record_free), or 0
 * at the end of the input. A damaged record comes out with rec->error set;
 * the next call goes on after it. */
int warc_next(struct warc_reader *r, struct warc_record *rec);
void warc_record_free(struct warc_record *rec);

/* Why reading stopped early (read error, out of memory), or NULL. */
const char *warc_failure(const struct warc_reader *r);

/* Bytes read from the file so far (compressed bytes for gzip input). */
uint64_t warc_bytes_read(const struct warc_reader *r);

/* The HTTP response stored in a record block. */
struct warc_http {
	int status;                /* 0 when the status line is not HTTP */
	char *content_type;        /* Content-Type value (malloc'd) or NULL */
	char *content_encoding;    /* Content-Encoding value (malloc'd) or NULL */
	char *content_language;    /* Content-Language value (malloc'd) or NULL */
	int chunked;               /* Transfer-Encoding: chunked */
	size_t body_offset;        /* where the body starts in the block */
};

/* Parses the status line and headers at the start of block (at most
 * WARC_HEADER_MAX bytes of them). Returns 0, or -1 with *why set. */
int warc_http_parse(struct warc_http *out, const char *block, size_t len, const char **why);
void warc_http_free(struct warc_http *h);

/* Decodes a chunked body in place; *len becomes the decoded length. A
 * missing final chunk is accepted (the data so far is kept). Returns 0, or
 * -1 when the data is not chunked at all (then it is left unchanged). */
int warc_dechunk(char *data, size_t *len);

#endif
