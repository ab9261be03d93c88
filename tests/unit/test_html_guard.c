/* The markup guard in front of Gumbo (cleaners/html_guard.c). Expected
 * outputs are written by hand from the rules in html_guard.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "html_guard.h"

static struct html_guard_stats st;

/* Guards `in`; returns the guarded text (malloc'd) or NULL when unchanged. */
static char *guard(const char *in, size_t depth, size_t nodes, size_t attrs)
{
	struct html_guard_limits lim = { depth, nodes, attrs };
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(html_guard(&out, &len, &st, in, strlen(in), &lim), 0);
	if (out)
		assert_int_equal(strlen(out), len);
	return out;
}

static void expect(const char *in, size_t depth, size_t nodes, size_t attrs, const char *want)
{
	char *out = guard(in, depth, nodes, attrs);
	if (!want) {
		assert_null(out);
	} else {
		assert_non_null(out);
		assert_string_equal(out, want);
	}
	free(out);
}

static void test_untouched_below_limits(void **state)
{
	(void)state;
	expect("<div><p>a<p>b<ul><li>x<li>y</ul></div>", 3, 100, 10, NULL);
	assert_int_equal(st.depth_max, 3); /* div ul li: the <p>s and <li>s close */
	expect("<table><tr><td>a<td>b<tr><td>c</table>", 4, 100, 10, NULL);
	assert_int_equal(st.depth_max, 4); /* table, implied tbody, tr, td */
	expect("<a href=1>x<a href=2>y<a href=3>z", 1, 100, 10, NULL);
	expect("<br><img src=x><hr><input><meta charset=utf-8>", 1, 100, 10, NULL);
	expect("<svg><g/><path/><g></g></svg>", 2, 100, 10, NULL);
	expect("<script>if (a<b) document.write('<div><div><div>')</script>", 1, 100, 10, NULL);
	expect("<!-- <div><div> --><!--> <div>", 1, 100, 10, NULL);
	expect("<div title='<div>'><div a=\"x>y\">", 2, 100, 10, NULL);
}

static void test_depth_cut(void **state)
{
	(void)state;
	expect("<div><div><div>x</div></div></div>", 2, 100, 10, "<div><div>x</div></div>");
	assert_int_equal(st.dropped_depth, 1);
	assert_int_equal(st.depth_max, 3);
	expect("<b><b><b>x", 1, 100, 10, "<b>x");
	/* <div/> is no self-closing tag in HTML: it nests */
	expect("<div/><div/><div/>", 2, 100, 10, "<div/><div/>");
	/* a dropped element's end tag goes with it; the kept one stays */
	expect("<p><span><i>a</i></span>b</p>", 2, 100, 10, "<p><span>a</span>b</p>");
	/* an end tag for an element outside a boundary closes nothing */
	expect("<span><div></span><div><div>", 2, 100, 10, "<span><div></span>");
}

static void test_node_limit(void **state)
{
	(void)state;
	expect("<p>a</p><p>b</p><!--c--><p>d<script>x</script></p>", 3, 100, 10, NULL);
	/* nodes: <p>, a, <p>, b; then the rest loses its markup */
	expect("<p>a</p><p>b</p><!--c--><p>d<script>x</script></p>", 3, 4, 10, "<p>a</p><p>b</p>d");
	assert_true(st.dropped_nodes > 0);
}

static void test_attribute_limit(void **state)
{
	(void)state;
	expect("<div a=1 b='2' c=\"3\" d>x</div>", 5, 100, 2, "<div a=1 b='2'  >x</div>");
	assert_int_equal(st.dropped_attrs, 2);
}

static void test_unfinished_input(void **state)
{
	(void)state;
	expect("<div a=\"", 1, 100, 10, NULL);
	expect("<", 1, 100, 10, NULL);
	expect("</", 1, 100, 10, NULL);
	expect("<!--", 1, 100, 10, NULL);
	expect("<div><div", 1, 100, 10, NULL); /* the tokenizer drops an unfinished tag */
	expect("", 1, 100, 10, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_untouched_below_limits),
		cmocka_unit_test(test_depth_cut),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_attribute_limit),
		cmocka_unit_test(test_unfinished_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
