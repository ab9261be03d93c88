/* Reading documents: gzip (and its limits), and refusing non-text input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "scrape.h"
#include "sniff.h"
#include "source.h"

/* gzip-compresses in[0..n) into a malloc'd buffer. */
static unsigned char *gzip_bytes(const char *in, size_t n, size_t *out_len)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&zs, n) + 64;
	unsigned char *out = malloc(cap);
	zs.next_in = (Bytef *)(uintptr_t)in;
	zs.avail_in = (uInt)n;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	*out_len = zs.total_out;
	deflateEnd(&zs);
	return out;
}

static void gunzips_whole_and_concatenated_members(void **state)
{
	(void)state;
	size_t n1, n2;
	unsigned char *a = gzip_bytes("<p>one</p>", 10, &n1);
	unsigned char *b = gzip_bytes("<p>two</p>", 10, &n2);
	unsigned char *both = malloc(n1 + n2);
	memcpy(both, a, n1);
	memcpy(both + n1, b, n2);
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(source_gunzip(&out, &len, (char *)both, n1 + n2, 1000, "t"), SCRAPE_OK);
	assert_int_equal(len, 20);
	assert_string_equal(out, "<p>one</p><p>two</p>");
	free(out);
	free(a);
	free(b);
	free(both);
}

static void refuses_a_gzip_bomb_at_the_limit(void **state)
{
	(void)state;
	size_t big = 20 * 1024 * 1024, n;
	char *zeros = calloc(1, big);
	unsigned char *z = gzip_bytes(zeros, big, &n);
	assert_true(n < 100 * 1024);
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(source_gunzip(&out, &len, (char *)z, n, 1024 * 1024, "bomb.gz"), SCRAPE_ELIMIT);
	assert_null(out);
	assert_non_null(strstr(scrape_error_last(), "bomb.gz"));
	free(zeros);
	free(z);
}

static void reports_truncated_and_corrupt_gzip(void **state)
{
	(void)state;
	size_t n;
	unsigned char *z = gzip_bytes("<html><body>some text here</body></html>", 40, &n);
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(source_gunzip(&out, &len, (char *)z, n / 2, 1000, "cut.gz"), SCRAPE_EIO);
	z[12] ^= 0xff;
	z[13] ^= 0xff;
	assert_int_equal(source_gunzip(&out, &len, (char *)z, n, 1000, "bad.gz"), SCRAPE_EIO);
	free(z);
}

static void sniff_accepts_text_and_refuses_binary(void **state)
{
	(void)state;
	assert_int_equal(sniff_check("<html>x</html>", 14), SCRAPE_OK);
	assert_int_equal(sniff_check("plain text, no tags", 19), SCRAPE_OK);
	assert_int_equal(sniff_check("\xff\xfe<\0h\0", 6), SCRAPE_OK); /* UTF-16LE with BOM */
	assert_int_equal(sniff_check("", 0), SCRAPE_EIO);
	assert_int_equal(sniff_check(" \n\t ", 4), SCRAPE_EIO);
	assert_int_equal(sniff_check("%PDF-1.4\n", 9), SCRAPE_EBINARY);
	assert_non_null(strstr(scrape_error_last(), "PDF"));
	assert_int_equal(sniff_check("\x89PNG\r\n\x1a\n....", 12), SCRAPE_EBINARY);
	char nuls[64] = { 0 };
	assert_int_equal(sniff_check(nuls, sizeof nuls), SCRAPE_EBINARY);
}

static void urls_are_told_from_paths(void **state)
{
	(void)state;
	assert_true(source_is_url("http://example.org/"));
	assert_true(source_is_url("HTTPS://example.org/"));
	assert_false(source_is_url("ftp://example.org/"));
	assert_false(source_is_url("http.html"));
	assert_false(source_is_url("-"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gunzips_whole_and_concatenated_members),
		cmocka_unit_test(refuses_a_gzip_bomb_at_the_limit),
		cmocka_unit_test(reports_truncated_and_corrupt_gzip),
		cmocka_unit_test(sniff_accepts_text_and_refuses_binary),
		cmocka_unit_test(urls_are_told_from_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
