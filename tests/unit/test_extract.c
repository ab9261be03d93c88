/* The HTML pipeline on small pages: string in, text out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "scrape.h"

#define PARA(x) "<p>" x " This sentence is here, and it makes the paragraph long enough to count as content.</p>"
#define LONG " This sentence is here, and it makes the paragraph long enough to count as content."

/* Body text of html (no title), or NULL when extraction fails. Caller frees. */
static char *body(const char *html, int *rc_out)
{
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	opts.with_title = 0;
	opts.repair = 0;
	scrape_result *r = NULL;
	int rc = scrape_html(&r, html, strlen(html), NULL, NULL, &opts);
	if (rc_out)
		*rc_out = rc;
	if (rc != SCRAPE_OK)
		return NULL;
	char *text = NULL;
	size_t len;
	assert_int_equal(scrape_render(&text, &len, r, &opts), SCRAPE_OK);
	scrape_result_free(r);
	return text;
}

static void keeps_article_drops_nav_and_footer(void **state)
{
	(void)state;
	char *t = body("<html><body><nav><a href=/>Home</a><a href=/n>News</a></nav>"
		       "<article>" PARA("First.") PARA("Second.") "</article>"
		       "<footer>Copyright 2024 Example Ltd, all rights reserved, and so on.</footer></body></html>",
		       NULL);
	assert_non_null(t);
	assert_string_equal(t, "First." LONG "\n\nSecond." LONG "\n");
	free(t);
}

static void inline_elements_join_without_spaces(void **state)
{
	(void)state;
	char *t = body("<div><p><b>Iran</b>\xe2\x80\x99s defense <i>minister</i>, Dehqan, said so." LONG "</p>"
		       PARA("More.") "</div>", NULL);
	assert_non_null(t);
	assert_true(strncmp(t, "Iran\xe2\x80\x99s defense minister, Dehqan, said so.", 42) == 0);
	free(t);
}

static void nbsp_becomes_space_and_br_breaks_lines(void **state)
{
	(void)state;
	char *t = body("<div>" PARA("as&nbsp;the<br>next line") PARA("Other.") "</div>", NULL);
	assert_non_null(t);
	assert_true(strncmp(t, "as the\nnext line", 16) == 0);
	free(t);
}

static void lists_and_tables_keep_their_lines(void **state)
{
	(void)state;
	char *t = body("<article>" PARA("Intro.") "<ul><li>apples, pears</li><li>plums</li></ul>"
		       "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>41</td></tr></table>"
		       PARA("End.") "</article>", NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "\n\n- apples, pears\n- plums\n\nName | Age\nAnn | 41\n\nEnd."));
	free(t);
}

static void hidden_and_script_content_is_dropped(void **state)
{
	(void)state;
	char *t = body("<article>" PARA("Seen.") "<p hidden>Hidden one, with enough text to count here.</p>"
		       "<div style='display: none'>Invisible text that is long enough to count here.</div>"
		       "<p aria-hidden=true>Aria hidden text, long enough to count as content here.</p>"
		       "<script>var x = 'script text, long enough, to count as content';</script>"
		       "<noscript>Noscript copy of the text, long enough to count here.</noscript>"
		       PARA("Also seen.") "</article>", NULL);
	assert_non_null(t);
	assert_null(strstr(t, "idden"));
	assert_null(strstr(t, "nvisible"));
	assert_null(strstr(t, "script"));
	assert_non_null(strstr(t, "Also seen."));
	free(t);
}

static void comments_and_share_widgets_are_dropped(void **state)
{
	(void)state;
	char *t = body("<div class='post'>" PARA("Body one.") PARA("Body two.") PARA("Body three.")
		       "<div class='share-bar'><a href=#>Facebook</a> <a href=#>Twitter</a></div>"
		       "<section id='comments'>" PARA("A reader wrote this comment.") "</section></div>", NULL);
	assert_non_null(t);
	assert_null(strstr(t, "reader"));
	assert_null(strstr(t, "Facebook"));
	assert_non_null(strstr(t, "Body three."));
	free(t);
}

static void div_text_without_paragraphs_is_scored(void **state)
{
	(void)state;
	/* the story is text straight in a <div>; a footer div with a comma-rich
	 * address must not win over it */
	char *t = body("<div class='col'><p class='t'>Headline here</p>"
		       "The council met on Monday, and after a long debate, it voted to rebuild the old "
		       "bridge over the river, which has been closed since the spring floods, by next year."
		       "<br><br></div>"
		       "<div class='foot'><div>Town Hall, 1 Main Street, Riverton, 12345, phone 555 0100</div></div>",
		       NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "rebuild the old bridge"));
	assert_null(strstr(t, "Main Street"));
	free(t);
}

static void teaser_list_loses_to_the_article(void **state)
{
	(void)state;
	char *t = body("<div><article class='post single'>" PARA("Main story, first part.") PARA("Main story, second part.")
		       "</article><div class='more'>"
		       "<article class='box post-1 cat-a'><p>Teaser one, with commas, many commas, lots, of, them, here, "
		       "and more, and more, and more, and a little more text to make it long enough.</p></article>"
		       "<article class='box post-2 cat-b'><p>Teaser two, with commas, many commas, lots, of, them, here, "
		       "and more, and more, and more, and a little more text to make it long enough.</p></article>"
		       "<article class='box post-3 cat-c'><p>Teaser three, with commas, many commas, lots, of, them, here, "
		       "and more, and more, and more, and a little more text to make it long enough.</p></article>"
		       "</div></div>", NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "Main story, second part."));
	assert_null(strstr(t, "Teaser"));
	free(t);
}

/* A category page whose only content is a grid of linked product names:
 * the normal cut takes every block for link furniture; the fallback keeps
 * the links rather than print nothing. */
static void link_grid_page_is_not_empty(void **state)
{
	(void)state;
	int rc = -1;
	char *t = body("<html><body><div class='grid'><ul>"
		       "<li><a href='/p/1'>Oak dining table, seats six</a></li>"
		       "<li><a href='/p/2'>Walnut coffee table with drawer</a></li>"
		       "<li><a href='/p/3'>Pine bookcase, five shelves</a></li>"
		       "</ul></div></body></html>", &rc);
	assert_int_equal(rc, SCRAPE_OK);
	assert_non_null(t);
	assert_non_null(strstr(t, "Walnut coffee table with drawer"));
	free(t);
}

/* Content whose every block is named as furniture still comes out. */
static void page_of_furniture_names_is_not_empty(void **state)
{
	(void)state;
	int rc = -1;
	char *t = body("<html><body><div class='sidebar'>" PARA("Only text.") "</div>"
		       "<div class='promo'>" PARA("Other text.") "</div>"
		       "<div class='related'>" PARA("Third text.") "</div></body></html>", &rc);
	assert_int_equal(rc, SCRAPE_OK);
	assert_non_null(t);
	assert_non_null(strstr(t, "Only text."));
	free(t);
}

/* A page without any text still fails as before (exit status 5). */
static void page_without_text_has_no_content(void **state)
{
	(void)state;
	int rc = -1;
	char *t = body("<html><body><div><img src='a.png'></div><script>var x = 1;</script></body></html>", &rc);
	assert_null(t);
	assert_int_equal(rc, SCRAPE_ENOCONTENT);
}

static void endnotes_and_counters_are_dropped(void **state)
{
	(void)state;
	char *t = body("<article><p>3 min read</p>" PARA("Body one.") "<p>2 of 5</p>" PARA("Body two.")
		       "<p>Reporting by Jane Roe; Editing by John Poe</p>"
		       "<p>Follow us on Twitter @example and on Facebook.</p></article>", NULL);
	assert_non_null(t);
	assert_true(strncmp(t, "Body one.", 9) == 0);
	assert_null(strstr(t, "2 of 5"));
	assert_null(strstr(t, "Reporting"));
	assert_null(strstr(t, "Follow"));
	assert_non_null(strstr(t, "Body two."));
	free(t);
}

static void embedded_post_in_social_wrapper_is_kept(void **state)
{
	(void)state;
	char *t = body("<article>" PARA("Body one.") "<div class='social-embed'><blockquote class='tweet'>"
		       "<p>The embedded post says something worth quoting here.</p></blockquote></div>"
		       PARA("Body two.") "</article>", NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "worth quoting"));
	free(t);
}

static void markdown_escapes_block_markers_at_line_start(void **state)
{
	(void)state;
	const char *html = "<article><p>1. Not a list: a sentence that starts with a number, long enough here.</p>"
			   "<ul><li>- dash item</li><li>second</li></ul>" PARA("After.") "</article>";
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	opts.format = SCRAPE_FORMAT_MARKDOWN;
	opts.with_title = 0;
	opts.repair = 0;
	scrape_result *r = NULL;
	assert_int_equal(scrape_html(&r, html, strlen(html), NULL, NULL, &opts), 0);
	char *out;
	size_t len;
	assert_int_equal(scrape_render(&out, &len, r, &opts), 0);
	assert_true(strncmp(out, "1\\. Not a list:", 15) == 0);
	assert_non_null(strstr(out, "\n- \\- dash item\n"));
	free(out);
	scrape_result_free(r);
}

static void form_labels_are_dropped(void **state)
{
	(void)state;
	char *t = body("<article>" PARA("Story.") "<div>Your Name</div><div>Your Email Address</div>"
		       PARA("More story.") "</article>", NULL);
	assert_non_null(t);
	assert_null(strstr(t, "Your"));
	free(t);
}

static void preformatted_text_is_verbatim(void **state)
{
	(void)state;
	char *t = body("<article>" PARA("Code follows.") "<pre>int main(void)\n{\n    return 0;\n}</pre>"
		       PARA("After.") "</article>", NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "int main(void)\n{\n    return 0;\n}"));
	free(t);
}

static void headline_is_not_repeated(void **state)
{
	(void)state;
	char *t = body("<html><head><title>Ferry link restored | Coast News</title></head><body>"
		       "<article><h1>Ferry link restored</h1><p>By Jane Doe</p>" PARA("Text.") PARA("More.")
		       "</article></body></html>", NULL);
	assert_non_null(t);
	assert_true(strncmp(t, "Text.", 5) == 0);
	free(t);
}

static void empty_page_has_no_content(void **state)
{
	(void)state;
	int rc = 0;
	char *t = body("<html><body><nav><a href=/>Home</a></nav></body></html>", &rc);
	assert_null(t);
	assert_int_equal(rc, SCRAPE_ENOCONTENT);
}

static void deep_nesting_does_not_recurse(void **state)
{
	(void)state;
	size_t depth = 3000; /* Gumbo itself is quadratic in depth; hostile depths are issue 7's */
	char *html = malloc(depth * 11 + 200);
	char *p = html;
	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "<div>");
	p += sprintf(p, "%s", PARA("Deep."));
	*p = '\0';
	int rc = 0;
	char *t = body(html, &rc);
	/* the text sits below the depth limit: cut, so no content, and no crash */
	assert_int_equal(rc, SCRAPE_ENOCONTENT);
	free(t);
	free(html);
}

static void json_output_is_escaped(void **state)
{
	(void)state;
	const char *html = "<html lang=en><head><title>A \"quoted\" title</title>"
			   "<meta name=author content='Jane Doe'></head><body><article>"
			   PARA("Line with a tab\tand a \\ backslash.") "</article></body></html>";
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	opts.format = SCRAPE_FORMAT_JSON;
	opts.repair = 0;
	scrape_result *r = NULL;
	assert_int_equal(scrape_html(&r, html, strlen(html), NULL, "http://example.org/a", &opts), 0);
	char *out;
	size_t len;
	assert_int_equal(scrape_render(&out, &len, r, &opts), 0);
	assert_non_null(strstr(out, "\"title\":\"A \\\"quoted\\\" title\""));
	assert_non_null(strstr(out, "\"author\":\"Jane Doe\""));
	assert_non_null(strstr(out, "\"language\":\"en\""));
	assert_non_null(strstr(out, "\"url\":\"http://example.org/a\""));
	assert_non_null(strstr(out, "a \\\\ backslash"));
	free(out);
	scrape_result_free(r);
}

static void markdown_keeps_structure(void **state)
{
	(void)state;
	const char *html = "<article><h2>Part *one*</h2>" PARA("Intro.") "<ol><li>first</li><li>second</li></ol>"
			   "<blockquote>A quote, long enough to be kept as a quote block here.</blockquote>"
			   "<pre>x = `y`</pre></article>";
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	opts.format = SCRAPE_FORMAT_MARKDOWN;
	opts.with_title = 0;
	opts.repair = 0;
	scrape_result *r = NULL;
	assert_int_equal(scrape_html(&r, html, strlen(html), NULL, NULL, &opts), 0);
	char *out;
	size_t len;
	assert_int_equal(scrape_render(&out, &len, r, &opts), 0);
	assert_non_null(strstr(out, "## Part \\*one\\*\n\n"));
	assert_non_null(strstr(out, "\n\n1. first\n2. second\n\n"));
	assert_non_null(strstr(out, "> A quote"));
	assert_non_null(strstr(out, "```\nx = `y`\n```"));
	free(out);
	scrape_result_free(r);
}

/* A tile's caption printed again on its back (shown on hover) right after
 * it: the copy goes, the tile stays once. */
static void adjacent_copy_is_dropped(void **state)
{
	(void)state;
	char *t = body("<main>" PARA("Intro.")
		       "<div class=tile><div class=front><h3>Universal Appeal</h3><p>Raising attendance at a space museum.</p></div>"
		       "<div class=back><h3>Universal Appeal</h3><p>Raising attendance at a space museum.</p></div></div>"
		       PARA("Outro.") "</main>", NULL);
	assert_non_null(t);
	assert_string_equal(t, "Intro." LONG "\n\nUniversal Appeal\n\nRaising attendance at a space museum.\n\nOutro." LONG "\n");
	free(t);
}

/* The article twice (a copy for another screen size): printed once. */
static void second_copy_of_the_article_is_dropped(void **state)
{
	(void)state;
	char *t = body("<main><div class=wide>" PARA("One.") PARA("Two.") "<h2>Part two</h2>" PARA("Three.") "</div>"
		       "<div class=narrow>" PARA("One.") PARA("Two.") "<h2>Part two</h2>" PARA("Three.") "</div></main>",
		       NULL);
	assert_non_null(t);
	assert_string_equal(t, "One." LONG "\n\nTwo." LONG "\n\nPart two\n\nThree." LONG "\n");
	free(t);
}

/* Text a page really repeats stays: the fine print under every coupon,
 * the features every pricing tier lists. */
static void repeats_far_apart_stay(void **state)
{
	(void)state;
	char *t = body("<main>" PARA("Coupons.")
		       "<h3>Ten off</h3><p>Show it before the work starts, one per visit.</p>"
		       "<h3>Free check</h3><p>Show it before the work starts, one per visit.</p>"
		       "<h3>Basic</h3><ul><li>Phone consultation</li><li>Two revisions</li><li>Word and PDF files</li><li>Interview guarantee</li></ul>"
		       "<h3>Premium</h3><ul><li>Phone consultation</li><li>Two revisions</li><li>Word and PDF files</li><li>Interview guarantee</li></ul>"
		       "</main>", NULL);
	assert_non_null(t);
	assert_string_equal(t, "Coupons." LONG "\n\nTen off\n\nShow it before the work starts, one per visit.\n\n"
			       "Free check\n\nShow it before the work starts, one per visit.\n\n"
			       "Basic\n\n- Phone consultation\n- Two revisions\n- Word and PDF files\n- Interview guarantee\n\n"
			       "Premium\n\n- Phone consultation\n- Two revisions\n- Word and PDF files\n- Interview guarantee\n");
	free(t);
}

/* "js-tooltip-row" is a hook for the page's script, not a name of what the
 * element is: its text is judged like any other; a real "tooltip" is not. */
static void script_hook_classes_name_nothing(void **state)
{
	(void)state;
	char *t = body("<main>" PARA("One.") PARA("Two.") PARA("Three.")
		       "<div class='js-tooltip-row'>" PARA("Hooked.") "</div>"
		       "<div class='tooltip'>" PARA("Tip.") "</div></main>", NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "Hooked."));
	assert_null(strstr(t, "Tip."));
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_article_drops_nav_and_footer),
		cmocka_unit_test(inline_elements_join_without_spaces),
		cmocka_unit_test(nbsp_becomes_space_and_br_breaks_lines),
		cmocka_unit_test(lists_and_tables_keep_their_lines),
		cmocka_unit_test(hidden_and_script_content_is_dropped),
		cmocka_unit_test(comments_and_share_widgets_are_dropped),
		cmocka_unit_test(div_text_without_paragraphs_is_scored),
		cmocka_unit_test(teaser_list_loses_to_the_article),
		cmocka_unit_test(endnotes_and_counters_are_dropped),
		cmocka_unit_test(embedded_post_in_social_wrapper_is_kept),
		cmocka_unit_test(markdown_escapes_block_markers_at_line_start),
		cmocka_unit_test(form_labels_are_dropped),
		cmocka_unit_test(preformatted_text_is_verbatim),
		cmocka_unit_test(headline_is_not_repeated),
		cmocka_unit_test(empty_page_has_no_content),
		cmocka_unit_test(deep_nesting_does_not_recurse),
		cmocka_unit_test(json_output_is_escaped),
		cmocka_unit_test(markdown_keeps_structure),
		cmocka_unit_test(link_grid_page_is_not_empty),
		cmocka_unit_test(page_of_furniture_names_is_not_empty),
		cmocka_unit_test(page_without_text_has_no_content),
		cmocka_unit_test(adjacent_copy_is_dropped),
		cmocka_unit_test(second_copy_of_the_article_is_dropped),
		cmocka_unit_test(repeats_far_apart_stay),
		cmocka_unit_test(script_hook_classes_name_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
