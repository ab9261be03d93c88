#include "source.h"
#include "buf.h"
#include "document.h"
#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <stdint.h>
#include <zlib.h>

int source_is_url(const char *source)
{
	return strncasecmp(source, "http://", 7) == 0 || strncasecmp(source, "https://", 8) == 0;
}

int source_gunzip(char **out_data, size_t *out_len, const char *data, size_t len,
		  size_t max_bytes, const char *name)
{
	struct buf out = BUF_INIT;
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	/* 15 + 32: zlib or gzip header, detected automatically */
	if (inflateInit2(&zs, 15 + 32) != Z_OK)
		return scrape_error_set(SCRAPE_ENOMEM, "%s: cannot start decompression", name);
	zs.next_in = (Bytef *)(uintptr_t)data;
	int rc = SCRAPE_OK;
	size_t left = len;
	for (;;) {
		if (zs.avail_in == 0 && left) {
			uInt chunk = left > (1u << 30) ? (1u << 30) : (uInt)left;
			zs.avail_in = chunk;
			left -= chunk;
		}
		if (buf_grow(&out, 64 * 1024) != SCRAPE_OK) {
			rc = scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
			break;
		}
		size_t room = out.cap - out.len - 1;
		zs.next_out = (Bytef *)out.data + out.len;
		zs.avail_out = room > (1u << 30) ? (1u << 30) : (uInt)room;
		uInt before = zs.avail_out;
		int z = inflate(&zs, Z_NO_FLUSH);
		out.len += before - zs.avail_out;
		out.data[out.len] = '\0';
		if (out.len > max_bytes) {
			rc = scrape_error_set(SCRAPE_ELIMIT,
					      "%s: decompressed size exceeds the limit of %zu bytes", name, max_bytes);
			break;
		}
		if (z == Z_STREAM_END) {
			/* concatenated gzip members: go on with the next one */
			if (zs.avail_in == 0 && left == 0)
				break;
			if (inflateReset(&zs) != Z_OK) {
				rc = scrape_error_set(SCRAPE_EIO, "%s: corrupt gzip data", name);
				break;
			}
			continue;
		}
		if (z == Z_BUF_ERROR && zs.avail_in == 0 && left == 0) {
			rc = scrape_error_set(SCRAPE_EIO, "%s: truncated gzip data", name);
			break;
		}
		if (z != Z_OK && z != Z_BUF_ERROR) {
			rc = scrape_error_set(SCRAPE_EIO, "%s: corrupt gzip data (%s)", name,
					      zs.msg ? zs.msg : "inflate failed");
			break;
		}
	}
	inflateEnd(&zs);
	if (rc != SCRAPE_OK) {
		buf_free(&out);
		return rc;
	}
	*out_data = buf_detach(&out, out_len);
	return *out_data ? SCRAPE_OK : scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
}

/* Reads all of f, refusing more than limit bytes. */
static int read_stream(struct buf *b, FILE *f, size_t limit, const char *name)
{
	for (;;) {
		if (buf_grow(b, 64 * 1024) != SCRAPE_OK)
			return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
		size_t n = fread(b->data + b->len, 1, b->cap - b->len - 1, f);
		b->len += n;
		b->data[b->len] = '\0';
		if (b->len > limit)
			return scrape_error_set(SCRAPE_ELIMIT, "%s: larger than the limit of %zu bytes",
						name, limit);
		if (n == 0) {
			if (ferror(f))
				return scrape_error_set(SCRAPE_EIO, "%s: %s", name, strerror(errno));
			return SCRAPE_OK;
		}
	}
}

int source_read_file(scrape_document **out, const char *path, size_t max_bytes)
{
	int is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "standard input" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return scrape_error_set(SCRAPE_EIO, "%s: %s", name, strerror(errno));
	if (!is_stdin) {
		struct stat st;
		if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
			fclose(f);
			return scrape_error_set(SCRAPE_EIO, "%s: is a directory", name);
		}
	}
	struct buf raw = BUF_INIT;
	/* compressed input may be up to max_bytes too; decompressed is checked below */
	int rc = read_stream(&raw, f, max_bytes, name);
	if (!is_stdin)
		fclose(f);
	if (rc != SCRAPE_OK) {
		buf_free(&raw);
		return rc;
	}
	scrape_document *doc = calloc(1, sizeof *doc);
	if (!doc) {
		buf_free(&raw);
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
	}
	if (raw.len >= 2 && (unsigned char)raw.data[0] == 0x1f && (unsigned char)raw.data[1] == 0x8b) {
		rc = source_gunzip(&doc->data, &doc->len, raw.data, raw.len, max_bytes, name);
		buf_free(&raw);
		if (rc != SCRAPE_OK) {
			free(doc);
			return rc;
		}
	} else {
		doc->data = buf_detach(&raw, &doc->len);
		if (!doc->data) {
			free(doc);
			return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
		}
	}
	*out = doc;
	return SCRAPE_OK;
}
