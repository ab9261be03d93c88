/* UTF-8 validation and repair of output (utf8.c, json.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "scrape.h"
#include "utf8.h"

static size_t seq(const char *s)
{
	return utf8_seq_len((const unsigned char *)s, strlen(s));
}

static void sequences_follow_the_standard(void **state)
{
	(void)state;
	assert_int_equal(seq("a"), 1);
	assert_int_equal(seq("\xc3\xa9"), 2);          /* é */
	assert_int_equal(seq("\xe2\x80\x99"), 3);      /* ’ */
	assert_int_equal(seq("\xf0\x9f\x98\x80"), 4);  /* emoji */
	assert_int_equal(seq("\xc0\xaf"), 0);          /* overlong / */
	assert_int_equal(seq("\xe0\x80\xaf"), 0);      /* overlong */
	assert_int_equal(seq("\xed\xa0\x80"), 0);      /* surrogate */
	assert_int_equal(seq("\xf4\x90\x80\x80"), 0);  /* past U+10FFFF */
	assert_int_equal(seq("\x80"), 0);              /* stray continuation */
	assert_int_equal(seq("\xe2\x80"), 0);          /* cut off */
	assert_int_equal(seq("\xff"), 0);
}

static char *repaired(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	assert_int_equal(utf8_put_valid(&b, s, n), SCRAPE_OK);
	return buf_detach(&b, NULL);
}

static void invalid_bytes_become_replacement_characters(void **state)
{
	(void)state;
	char *r = repaired("ok \xe2\x80 then \xff\xfe end \xc3\xa9", 20);
	/* a cut sequence is one U+FFFD; each lone invalid byte is one */
	assert_string_equal(r, "ok \xef\xbf\xbd then \xef\xbf\xbd\xef\xbf\xbd end \xc3\xa9");
	assert_true(utf8_is_valid(r, strlen(r)));
	free(r);
	r = repaired("plain", 5);
	assert_string_equal(r, "plain");
	free(r);

	char *s = strdup("a\x80z");
	size_t len = 3;
	assert_int_equal(utf8_make_valid(&s, &len), SCRAPE_OK);
	assert_string_equal(s, "a\xef\xbf\xbdz");
	assert_int_equal(len, 5);
	free(s);
}

static void json_strings_are_valid_whatever_the_input(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_int_equal(json_put_string(&b, "x\x8f\xc3\xa9\x01\xed\xa0\x80y", 9), SCRAPE_OK);
	assert_string_equal(b.data, "\"x\\ufffd\xc3\xa9\\u0001\\ufffd\\ufffd\\ufffdy\"");
	assert_true(utf8_is_valid(b.data, b.len));
	buf_free(&b);
}

/* Bytes that no charset label explains still come out as valid UTF-8 in
 * every format. */
static void pipeline_output_is_valid_utf8(void **state)
{
	(void)state;
	static const char html[] = "<html><head><meta charset=utf-8><title>T\xff</title></head><body><article>"
				   "<p>Broken \xe2\x80 bytes \xc0 here, in a paragraph long enough to be kept as content.</p>"
				   "<p>Another paragraph \xff that is long enough to count as the main content here.</p>"
				   "</article></body></html>";
	scrape_format formats[] = { SCRAPE_FORMAT_TEXT, SCRAPE_FORMAT_MARKDOWN, SCRAPE_FORMAT_JSON };
	for (size_t f = 0; f < 3; f++) {
		scrape_options opts = SCRAPE_OPTIONS_INIT;
		opts.format = formats[f];
		opts.repair = 0;
		scrape_result *r = NULL;
		assert_int_equal(scrape_html(&r, html, sizeof html - 1, NULL, NULL, &opts), SCRAPE_OK);
		assert_true(utf8_is_valid(scrape_result_text(r), scrape_result_text_len(r)));
		char *out = NULL;
		size_t len = 0;
		assert_int_equal(scrape_render(&out, &len, r, &opts), SCRAPE_OK);
		assert_true(utf8_is_valid(out, len));
		assert_non_null(strstr(out, "Broken"));
		free(out);
		scrape_result_free(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sequences_follow_the_standard),
		cmocka_unit_test(invalid_bytes_become_replacement_characters),
		cmocka_unit_test(json_strings_are_valid_whatever_the_input),
		cmocka_unit_test(pipeline_output_is_valid_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
