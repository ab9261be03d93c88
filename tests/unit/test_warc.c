/* test_warc.c - the WARC record header parser, the HTTP header parser, the
 * chunked decoder, and the streaming reader over in-memory files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "scrape.h"
#include "warc.h"

/* parses a copy of s (the parser writes into its text) */
static int parse(struct warc_header *h, char **store, const char *s, const char **why)
{
	size_t n = strlen(s);
	*store = malloc(n + 1);
	memcpy(*store, s, n + 1);
	return warc_header_parse(h, *store, n, why);
}

static void test_header_fields(void **state)
{
	(void)state;
	struct warc_header h;
	char *t;
	const char *why = NULL;
	assert_int_equal(parse(&h, &t,
			       "WARC/1.1\r\nWARC-Type: response\r\nwarc-target-uri:  http://a.test/x?q=1 \r\n"
			       "WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
			       "Content-Type: application/http; msgtype=response\r\nContent-Length: 1234\r\n",
			       &why), 0);
	assert_int_equal(h.minor, 1);
	assert_string_equal(h.type, "response");
	assert_string_equal(h.target_uri, "http://a.test/x?q=1");
	assert_string_equal(h.date, "2024-01-02T03:04:05Z");
	assert_string_equal(h.record_id, "<urn:uuid:1>");
	assert_string_equal(h.content_type, "application/http; msgtype=response");
	assert_true(h.content_length == 1234);
	free(t);
}

static void test_header_1_0_brackets_lf_continuation(void **state)
{
	(void)state;
	struct warc_header h;
	char *t;
	const char *why = NULL;
	/* WARC/1.0 URI in angle brackets, bare LF line ends, a folded value */
	assert_int_equal(parse(&h, &t,
			       "WARC/1.0\nWARC-Target-URI: <http://a.test/>\nContent-Type: text/plain;\n"
			       "\t charset=utf-8\nContent-Length: 0\n", &why), 0);
	assert_int_equal(h.minor, 0);
	assert_string_equal(h.target_uri, "http://a.test/");
	assert_string_equal(h.content_type, "text/plain; charset=utf-8");
	assert_true(h.content_length == 0);
	assert_null(h.type);
	free(t);
}

static void test_header_rejects(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"WARC/2.0\r\nContent-Length: 1\r\n",                    /* version */
		"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n",             /* not WARC */
		"WARC/1.1\r\nWARC-Type: response\r\n",                  /* no length */
		"WARC/1.1\r\nContent-Length: -1\r\n",
		"WARC/1.1\r\nContent-Length: 12a\r\n",
		"WARC/1.1\r\nContent-Length: \r\n",
		"WARC/1.1\r\nContent-Length: 99999999999999999999999\r\n", /* overflow */
		"WARC/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n",   /* two lengths */
		"WARC/1.1\r\n continuation first\r\nContent-Length: 1\r\n",
		"WARC/1.1\r\nno colon here\r\nContent-Length: 1\r\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct warc_header h;
		char *t;
		const char *why = NULL;
		assert_int_equal(parse(&h, &t, bad[i], &why), -1);
		assert_non_null(why);
		free(t);
	}
	/* too many fields */
	size_t cap = 300 * 16 + 64, n = 0;
	char *many = malloc(cap);
	n += (size_t)snprintf(many + n, cap - n, "WARC/1.1\r\n");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(many + n, cap - n, "X-%d: y\r\n", i);
	snprintf(many + n, cap - n, "Content-Length: 1\r\n");
	struct warc_header h;
	char *t;
	const char *why = NULL;
	assert_int_equal(parse(&h, &t, many, &why), -1);
	assert_string_equal(why, "too many header fields");
	free(t);
	free(many);
}

static void test_http_parse(void **state)
{
	(void)state;
	const char *block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n"
			    "transfer-encoding: gzip, chunked\r\nContent-Encoding:  gzip \r\n"
			    "Content-Language: de\r\n\r\n<html>";
	struct warc_http h;
	const char *why = NULL;
	assert_int_equal(warc_http_parse(&h, block, strlen(block), &why), 0);
	assert_int_equal(h.status, 200);
	assert_string_equal(h.content_type, "text/html; charset=windows-1252");
	assert_string_equal(h.content_encoding, "gzip");
	assert_string_equal(h.content_language, "de");
	assert_int_equal(h.chunked, 1);
	assert_string_equal(block + h.body_offset, "<html>");
	warc_http_free(&h);

	const char *bad[] = { "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
			      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" /* unterminated */ };
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(warc_http_parse(&h, bad[i], strlen(bad[i]), &why), -1);
		assert_null(h.content_type);
	}
}

static void test_dechunk(void **state)
{
	(void)state;
	char a[] = "5;name=v\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n";
	size_t n = strlen(a);
	assert_int_equal(warc_dechunk(a, &n), 0);
	assert_int_equal(n, 12);
	assert_memory_equal(a, "hello, world", 12);
	/* cut off before the last chunk: what came is kept */
	char b[] = "5\r\nhello\r\nA\r\n0123";
	n = strlen(b);
	assert_int_equal(warc_dechunk(b, &n), 0);
	assert_int_equal(n, 9);
	assert_memory_equal(b, "hello0123", 9);
	/* not chunked */
	char c[] = "<html>";
	n = strlen(c);
	assert_int_equal(warc_dechunk(c, &n), -1);
	assert_int_equal(n, 6);
	assert_string_equal(c, "<html>");
}

/* one record; content_length_delta lies about the block */
static size_t make_record(char *out, size_t cap, const char *type, const char *uri, const char *block,
			  int delta)
{
	return (size_t)snprintf(out, cap,
				"WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
				"Content-Length: %d\r\n\r\n%s\r\n\r\n",
				type, uri, (int)strlen(block) + delta, block);
}

static size_t gzip_member(unsigned char *out, size_t cap, const char *data, size_t len)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (Bytef *)(uintptr_t)data;
	zs.avail_in = (uInt)len;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t n = zs.total_out;
	deflateEnd(&zs);
	return n;
}

static struct warc_reader *open_mem(FILE **f, void *data, size_t len, size_t max_block)
{
	*f = fmemopen(data, len, "rb");
	assert_non_null(*f);
	struct warc_reader *r;
	assert_int_equal(warc_open_stream(&r, *f, "mem", "response", max_block), SCRAPE_OK);
	return r;
}

static void test_reader_plain_resync(void **state)
{
	(void)state;
	char data[4096];
	size_t n = 0, off[4];
	off[0] = n;
	n += make_record(data + n, sizeof data - n, "warcinfo", "-", "software: test", 0);
	off[1] = n;
	n += make_record(data + n, sizeof data - n, "response", "http://a/", "HTTP/1.1 200 OK\r\n\r\nA", 0);
	off[2] = n;
	n += make_record(data + n, sizeof data - n, "response", "http://b/", "HTTP/1.1 200 OK\r\n\r\nBBBB", 7);
	off[3] = n;
	n += make_record(data + n, sizeof data - n, "response", "http://c/", "HTTP/1.1 200 OK\r\n\r\nC", 0);
	n += (size_t)snprintf(data + n, sizeof data - n, "WARC/1.1\r\nWARC-Type: response\r\nContent-Len");
	FILE *f;
	struct warc_reader *r = open_mem(&f, data, n, 1 << 20);
	struct warc_record rec;

	assert_int_equal(warc_next(r, &rec), 1);
	assert_string_equal(rec.h.type, "warcinfo");
	assert_null(rec.block); /* not loaded: not a response */
	assert_null(rec.error);
	assert_true(rec.offset == off[0] && rec.length == off[1] - off[0]);
	warc_record_free(&rec);

	assert_int_equal(warc_next(r, &rec), 1);
	assert_string_equal(rec.h.target_uri, "http://a/");
	assert_non_null(rec.block);
	assert_string_equal(rec.block, "HTTP/1.1 200 OK\r\n\r\nA");
	assert_true(rec.offset == off[1] && rec.length == off[2] - off[1]);
	assert_int_equal(rec.decompressed, 0);
	warc_record_free(&rec);

	/* Content-Length 7 too large: reported, and the next record still comes */
	assert_int_equal(warc_next(r, &rec), 1);
	assert_non_null(rec.error);
	assert_string_equal(rec.h.target_uri, "http://b/");
	assert_true(rec.offset == off[2] && rec.length == off[3] - off[2]);
	warc_record_free(&rec);

	assert_int_equal(warc_next(r, &rec), 1);
	assert_null(rec.error);
	assert_string_equal(rec.h.target_uri, "http://c/");
	warc_record_free(&rec);

	/* the cut header at the end */
	assert_int_equal(warc_next(r, &rec), 1);
	assert_string_equal(rec.error, "truncated record");
	warc_record_free(&rec);
	assert_int_equal(warc_next(r, &rec), 0);
	warc_close(r);
	fclose(f);
}

static void test_reader_gzip_members(void **state)
{
	(void)state;
	static unsigned char data[1 << 16];
	char rec_text[2048];
	size_t n = 0, off[5];
	const char *uris[] = { "http://a/", "http://b/", "http://c/" };
	for (int i = 0; i < 3; i++) {
		off[i] = n;
		size_t len = make_record(rec_text, sizeof rec_text, "response", uris[i],
					 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>", 0);
		n += gzip_member(data + n, sizeof data - n, rec_text, len);
		if (i == 0) {
			/* zero padding between members is not a loss */
			memset(data + n, 0, 5);
			n += 5;
		}
	}
	off[3] = n;
	/* a corrupt member, then a good one */
	size_t len = make_record(rec_text, sizeof rec_text, "response", "http://bad/", "HTTP/1.1 200 OK\r\n\r\nzz", 0);
	size_t m = gzip_member(data + n, sizeof data - n, rec_text, len);
	for (size_t i = 12; i < m - 8; i++)
		data[n + i] ^= 0xA5;
	n += m;
	off[4] = n;
	len = make_record(rec_text, sizeof rec_text, "response", "http://d/", "HTTP/1.1 200 OK\r\n\r\nd", 0);
	n += gzip_member(data + n, sizeof data - n, rec_text, len);

	FILE *f;
	struct warc_reader *r = open_mem(&f, data, n, 1 << 20);
	struct warc_record rec;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(warc_next(r, &rec), 1);
		assert_null(rec.error);
		assert_string_equal(rec.h.target_uri, uris[i]);
		/* the member's place in the file (the padding belongs to neither) */
		assert_true(rec.offset == off[i]);
		assert_true(rec.length == (i == 0 ? off[1] - off[0] - 5 : off[i + 1] - off[i]));
		assert_int_equal(rec.decompressed, 0);
		warc_record_free(&rec);
	}
	assert_int_equal(warc_next(r, &rec), 1);
	assert_string_equal(rec.error, "corrupt gzip data");
	warc_record_free(&rec);
	assert_int_equal(warc_next(r, &rec), 1);
	assert_null(rec.error);
	assert_string_equal(rec.h.target_uri, "http://d/");
	assert_true(rec.offset == off[4] && rec.length == n - off[4]);
	warc_record_free(&rec);
	assert_int_equal(warc_next(r, &rec), 0);
	warc_close(r);
	fclose(f);
}

static void test_reader_whole_gzip_and_limit(void **state)
{
	(void)state;
	char plain[8192];
	size_t n = 0;
	char big[3000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	n += make_record(plain + n, sizeof plain - n, "response", "http://big/", big, 0);
	size_t second = n;
	n += make_record(plain + n, sizeof plain - n, "response", "http://small/", "HTTP/1.1 200 OK\r\n\r\ns", 0);
	static unsigned char gz[8192];
	size_t gn = gzip_member(gz, sizeof gz, plain, n);
	FILE *f;
	/* blocks above 1000 bytes are skipped as they stream past */
	struct warc_reader *r = open_mem(&f, gz, gn, 1000);
	struct warc_record rec;
	assert_int_equal(warc_next(r, &rec), 1);
	assert_string_equal(rec.error, "record block larger than the size limit");
	assert_null(rec.block);
	warc_record_free(&rec);
	assert_int_equal(warc_next(r, &rec), 1);
	assert_null(rec.error);
	assert_string_equal(rec.h.target_uri, "http://small/");
	/* one stream for the whole file: offsets in the decompressed bytes */
	assert_int_equal(rec.decompressed, 1);
	assert_true(rec.offset == second && rec.length == n - second);
	warc_record_free(&rec);
	assert_int_equal(warc_next(r, &rec), 0);
	warc_close(r);
	fclose(f);
}

/* A last member holding only "WARC/1." (a file cut short, or hostile): one
 * truncated record, then the end. The reader used to find that member's
 * start again on every call and report it forever (the fuzzer's
 * warc-gz-member-warc-prefix). */
static void test_reader_gzip_member_version_prefix(void **state)
{
	(void)state;
	static unsigned char data[4096];
	char rec_text[512];
	size_t len = make_record(rec_text, sizeof rec_text, "response", "http://a/", "HTTP/1.1 200 OK\r\n\r\na", 0);
	size_t n = gzip_member(data, sizeof data, rec_text, len);
	size_t last = n;
	n += gzip_member(data + n, sizeof data - n, "WARC/1.", 7);
	FILE *f;
	struct warc_reader *r = open_mem(&f, data, n, 1 << 20);
	struct warc_record rec;
	assert_int_equal(warc_next(r, &rec), 1);
	assert_null(rec.error);
	assert_string_equal(rec.h.target_uri, "http://a/");
	warc_record_free(&rec);
	assert_int_equal(warc_next(r, &rec), 1);
	assert_string_equal(rec.error, "truncated record");
	assert_true(rec.offset == last && rec.length == n - last);
	warc_record_free(&rec);
	assert_int_equal(warc_next(r, &rec), 0);
	warc_close(r);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_fields),
		cmocka_unit_test(test_header_1_0_brackets_lf_continuation),
		cmocka_unit_test(test_header_rejects),
		cmocka_unit_test(test_http_parse),
		cmocka_unit_test(test_dechunk),
		cmocka_unit_test(test_reader_plain_resync),
		cmocka_unit_test(test_reader_gzip_members),
		cmocka_unit_test(test_reader_whole_gzip_and_limit),
		cmocka_unit_test(test_reader_gzip_member_version_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
