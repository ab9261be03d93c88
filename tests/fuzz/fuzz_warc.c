/* fuzz_warc.c - the streaming WARC reader as scrape --warc drives it
 * (cli/warc_run.c): warc_open_stream over the input, warc_next to the end,
 * and on every loaded block warc_http_parse and warc_dechunk. Input that
 * does not start with the gzip magic is read twice: as it is, and gzipped
 * one member per record (cut before each "WARC/1."), the Common Crawl
 * layout, so that the member bookkeeping sees valid members too (the
 * fuzzer rarely makes a gzip stream whose CRC holds). The size of the
 * input picks the block limit, so the skip-a-large-block path runs too. */
#include "warc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* The HTTP message of a loaded block, and its body dechunked in a copy. */
static void http_block(const struct warc_record *rec)
{
	struct warc_http http;
	const char *why = NULL;
	size_t body = 0;
	if (warc_http_parse(&http, rec->block, rec->block_len, &why) == 0) {
		if (http.body_offset > rec->block_len)
			abort();
		body = http.body_offset;
		warc_http_free(&http);
	} else if (!why) {
		abort(); /* a failure always says why */
	}
	size_t n = rec->block_len - body;
	char *copy = malloc(n + 1); /* warc_dechunk writes a NUL after the data */
	if (!copy)
		return;
	memcpy(copy, rec->block + body, n);
	copy[n] = '\0';
	size_t len = n;
	if (warc_dechunk(copy, &len) == 0 && (len > n || copy[len] != '\0'))
		abort();
	free(copy);
}

/* Reads every record of the n bytes at data; the reader's promises checked:
 * loaded blocks match their Content-Length, file offsets stay in the file,
 * and every call makes progress (a bounded number of records). */
static void read_all(const uint8_t *data, size_t n, size_t max_block)
{
	if (n == 0)
		return; /* fmemopen refuses an empty buffer */
	FILE *f = fmemopen((void *)data, n, "rb");
	if (!f)
		return;
	struct warc_reader *r = NULL;
	if (warc_open_stream(&r, f, "fuzz", "response", max_block) != 0) {
		fclose(f);
		return;
	}
	struct warc_record rec;
	size_t records = 0;
	while (warc_next(r, &rec)) {
		if (++records > 2 * n + 16)
			abort(); /* no progress */
		if (rec.block) {
			if (rec.error || rec.block_len != rec.h.content_length || rec.block_len > max_block)
				abort();
			http_block(&rec);
		}
		if (!rec.decompressed && (rec.offset > n || rec.length > n - rec.offset))
			abort();
		warc_record_free(&rec);
	}
	if (warc_bytes_read(r) > n)
		abort();
	warc_failure(r);
	warc_close(r);
	fclose(f);
}

/* One gzip member of the n bytes at s appended to out (which has room). */
static size_t gzip_member(const uint8_t *s, size_t n, uint8_t *out, size_t room)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (Bytef *)s;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)room;
	int rc = deflate(&z, Z_FINISH);
	size_t got = room - z.avail_out;
	deflateEnd(&z);
	return rc == Z_STREAM_END ? got : 0;
}

/* The input gzipped one member per record: cut before each "WARC/1.". */
static void read_members(const uint8_t *data, size_t n, size_t max_block)
{
	size_t cap = 0;
	uint8_t *gz = NULL;
	size_t len = 0, start = 0;
	while (start < n) {
		size_t end = start + 1;
		while (end < n && !(end + 7 <= n && memcmp(data + end, "WARC/1.", 7) == 0))
			end++;
		size_t need = len + compressBound((uLong)(end - start)) + 32; /* + the gzip wrapper */
		if (need > cap) {
			cap = need > 2 * cap ? need : 2 * cap;
			uint8_t *g = realloc(gz, cap);
			if (!g)
				goto out;
			gz = g;
		}
		size_t m = gzip_member(data + start, end - start, gz + len, cap - len);
		if (!m)
			goto out;
		len += m;
		start = end;
	}
	read_all(gz, len, max_block);
out:
	free(gz);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t max_block = size % 3 == 0 ? 512 : (size_t)1 << 20;
	read_all(data, size, max_block);
	if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
		return 0;
	read_members(data, size, max_block);
	return 0;
}
