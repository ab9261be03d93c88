/* Text assembly (whitespace, inline joining) and boilerplate lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "blocks.h"
#include "boilerplate.h"

static const char *trimmed(struct textbuf *t)
{
	static char out[1024];
	size_t n;
	const char *s = textbuf_trimmed(t, &n);
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

static void collapses_whitespace_and_nbsp(void **state)
{
	(void)state;
	struct textbuf t = { BUF_INIT, 0 };
	const char *in = "  As long\n\t as\xc2\xa0the   Iraqi  ";
	textbuf_add(&t, in, strlen(in));
	assert_string_equal(trimmed(&t), "As long as the Iraqi");
	buf_free(&t.b);
}

static void joins_inline_runs_without_inventing_spaces(void **state)
{
	(void)state;
	struct textbuf t = { BUF_INIT, 0 };
	textbuf_add(&t, "Iran", 4);
	textbuf_add(&t, "\xe2\x80\x99s", 4); /* <b>Iran</b>’s */
	textbuf_add(&t, " army", 5);
	assert_string_equal(trimmed(&t), "Iran\xe2\x80\x99s army");
	buf_free(&t.b);
}

static void second_line_break_ends_paragraph(void **state)
{
	(void)state;
	struct textbuf t = { BUF_INIT, 0 };
	textbuf_add(&t, "one ", 4);
	assert_int_equal(textbuf_newline(&t), 0);
	textbuf_add(&t, " two", 4);
	assert_string_equal(trimmed(&t), "one\ntwo");
	assert_int_equal(textbuf_newline(&t), 0);
	assert_int_equal(textbuf_newline(&t), 1);
	buf_free(&t.b);
}

static void raw_text_is_verbatim(void **state)
{
	(void)state;
	struct textbuf t = { BUF_INIT, 0 };
	textbuf_add_raw(&t, "a  b\n  c", 8);
	assert_int_equal(t.b.len, 8);
	assert_memory_equal(t.b.data, "a  b\n  c", 8);
	buf_free(&t.b);
}

static void block_list_keeps_texts(void **state)
{
	(void)state;
	struct block_list l = BLOCK_LIST_INIT;
	for (int i = 0; i < 100; i++)
		assert_int_equal(blocks_add(&l, BLOCK_PARAGRAPH, 0, 0, "abc", (size_t)(i % 4)), 0);
	assert_int_equal(l.n, 100);
	assert_string_equal(block_text(&l, &l.v[99]), "abc");
	assert_string_equal(block_text(&l, &l.v[98]), "ab");
	blocks_remove(&l, 0);
	assert_int_equal(l.n, 99);
	assert_int_equal(l.v[0].len, 1);
	blocks_free(&l);
}

static void form_labels_are_boilerplate(void **state)
{
	(void)state;
	const char *yes[] = { "Your Name", "Your Email Address", "  your e-mail address: ", "Print",
			      "Share", "Send to a friend", "Share this", "Your Name *",
			      "Recipient\xe2\x80\x99s email" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_true(boilerplate_is_line(yes[i], strlen(yes[i])));
	const char *no[] = { "Your Name Is Mud, a novel", "Dehqan meets Iraqi counterpart",
			     "By Press TV", "Print media lost readers in 2015.", "",
			     "He shared the prize with two colleagues." };
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(boilerplate_is_line(no[i], strlen(no[i])));
}

static void bylines_and_datelines(void **state)
{
	(void)state;
	const char *yes[] = { "By Jane Doe", "Posted by admin on 3 March 2024", "Published: 12 May 2023 10:14",
			      "Monday 18 May 2015 - 21:53", "13 Jul 2024", "Updated 2 hours ago" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_true(boilerplate_is_byline(yes[i], strlen(yes[i])));
	const char *no[] = { "By the time the ferry left, the storm had passed.",
			     "Iran to continue backing Iraq integrity: Defense chief",
			     "In 2014, 300 people signed.",
			     /* prices are numbers too, with a currency sign */
			     "$139.00", "139,00 \xe2\x82\xac", "\xc2\xa3 24.99 - \xc2\xa3 31.50" };
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(boilerplate_is_byline(no[i], strlen(no[i])));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(collapses_whitespace_and_nbsp),
		cmocka_unit_test(joins_inline_runs_without_inventing_spaces),
		cmocka_unit_test(second_line_break_ends_paragraph),
		cmocka_unit_test(raw_text_is_verbatim),
		cmocka_unit_test(block_list_keeps_texts),
		cmocka_unit_test(form_labels_are_boilerplate),
		cmocka_unit_test(bylines_and_datelines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
