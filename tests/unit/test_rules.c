/* Per-site rules: the selector subset (selector.c), the rules file
 * (rules.c: errors with line and column, host patterns, precedence), and
 * rules applied by scrape_html. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "dom.h"
#include "rules.h"
#include "scrape.h"
#include "selector.h"

static const char page[] =
	"<html><body><div id=\"top\" class=\"wrap main\">"
	"<p class=\"lead x\">one</p>"
	"<section><p data-k=\"v\">two</p><my-widget role=\"note\"><p>three</p></my-widget></section>"
	"</div><div class=\"wrap\"><span><p>four</p></span></div></body></html>";

/* The texts of the <p>s that sel matches, joined with '|'. */
static void matched_paragraphs(const char *sel_text, char *out, size_t cap)
{
	struct arena a;
	arena_init(&a, 4096, 0);
	struct dom d;
	assert_int_equal(dom_parse(&d, page, sizeof page - 1, 512, &a), SCRAPE_OK);
	struct selector sel;
	size_t at = 0;
	const char *msg = NULL;
	assert_int_equal(selector_parse(&sel, sel_text, strlen(sel_text), &at, &msg), SCRAPE_OK);
	unsigned char *m = calloc(d.n, 1);
	assert_non_null(m);
	assert_int_equal(selector_match_all(&sel, &d, m), SCRAPE_OK);
	out[0] = '\0';
	for (size_t i = 0; i < d.n; i++) {
		if (!m[i])
			continue;
		const struct dnode *n = &d.nodes[i];
		const char *name = dom_tag(n) == GUMBO_TAG_P ? n->g->v.element.children.length
			? ((GumboNode *)n->g->v.element.children.data[0])->v.text.text : "" : gumbo_normalized_tagname(dom_tag(n));
		if (!*name)
			name = "?";
		if (out[0])
			strncat(out, "|", cap - strlen(out) - 1);
		strncat(out, name, cap - strlen(out) - 1);
	}
	free(m);
	selector_free(&sel);
	dom_free(&d);
	arena_free(&a);
}

static void selectors_match_the_subset(void **state)
{
	(void)state;
	static const struct { const char *sel, *want; } cases[] = {
		{ "p", "one|two|three|four" },
		{ ".lead", "one" },
		{ "p.lead.x", "one" },
		{ "p.lead.y", "" },
		{ "#top p", "one|two|three" },
		{ "#top > p", "one" },
		{ "div > section > p", "two" },
		{ "section p", "two|three" },
		{ "[data-k]", "two" },
		{ "[data-k=v]", "two" },
		{ "[DATA-K = \"v\"]", "two" },
		{ "[data-k='w']", "" },
		{ "my-widget p", "three" },
		{ "[role=note] > p", "three" },
		{ ".wrap span p, .lead", "one|four" },
		{ "div.wrap p", "one|two|three|four" },
		{ "body > div > span > p", "four" },
		{ "div div p", "" },
		{ "* > p", "one|two|three|four" },
		{ "html body div.main section my-widget p", "three" },
		{ "section", "section" },
	};
	char got[256];
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		matched_paragraphs(cases[k].sel, got, sizeof got);
		if (strcmp(got, cases[k].want) != 0)
			fail_msg("selector '%s': got '%s', want '%s'", cases[k].sel, got, cases[k].want);
	}
}

static void bad_rules_name_line_and_column(void **state)
{
	(void)state;
	static const struct { const char *text, *want; } cases[] = {
		{ "* drop .", "t:1:9: expected a class name after '.'" },
		{ "# comment\n\n  * keep p >", "t:3:13: expected a selector, found the end" },
		{ "* main div..x", "t:1:12: expected a class name after '.'" },
		{ "* drop [a=\"x]", "t:1:11: unterminated quoted value" },
		{ "* drop [a=x", "t:1:12: expected ']' to close the attribute test" },
		{ "* drop a:hover", "t:1:9: unexpected character" },
		{ "* remove p", "t:1:3: expected keep, drop or main after the host pattern" },
		{ "* drop", "t:1:7: expected a selector after 'drop'" },
		{ "exa/mple drop p", "t:1:1: bad host pattern" },
		{ "* drop p,", "t:1:10: expected a selector, found the end" },
		{ "* drop \xC3\xA9l\xC3\xA9ment ~ p", "t:1:16: unexpected character" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		scrape_rules *r = (scrape_rules *)1;
		int rc = scrape_rules_parse(&r, cases[k].text, strlen(cases[k].text), "t");
		assert_int_equal(rc, SCRAPE_EUSAGE);
		assert_null(r);
		const char *msg = scrape_error_last();
		if (strncmp(msg, cases[k].want, strlen(cases[k].want)) != 0)
			fail_msg("rules '%s': got '%s', want '%s...'", cases[k].text, msg, cases[k].want);
	}
}

static void good_rules_parse(void **state)
{
	(void)state;
	static const char text[] = "\xEF\xBB\xBF# rules\n*.Example.com drop .related-links  # a comment\n"
				   "docs.example.org main article .content\r\n\n* keep [data-x=\"a # b\"]\n"
				   "* drop .a #b, #c #\n";
	scrape_rules *r = NULL;
	assert_int_equal(scrape_rules_parse(&r, text, sizeof text - 1, NULL), SCRAPE_OK);
	assert_string_equal(r->v[0].host, "*.example.com");
	assert_int_equal(r->n, 4);
	assert_string_equal(r->v[3].selector_text, ".a #b, #c");
	assert_int_equal(r->v[0].action, RULE_DROP);
	assert_string_equal(r->v[0].selector_text, ".related-links");
	assert_int_equal(r->v[0].line, 2);
	assert_int_equal(r->v[1].action, RULE_MAIN);
	assert_string_equal(r->v[1].selector_text, "article .content");
	assert_string_equal(r->v[2].selector_text, "[data-x=\"a # b\"]");
	scrape_rules_free(r);
}

static void host_patterns(void **state)
{
	(void)state;
	assert_true(rules_host_matches("*", NULL));
	assert_true(rules_host_matches("*", "a.b"));
	assert_true(rules_host_matches("*.example.com", "example.com"));
	assert_true(rules_host_matches("*.example.com", "www.example.com"));
	assert_true(rules_host_matches("*.example.com", "a.b.EXAMPLE.com"));
	assert_false(rules_host_matches("*.example.com", "badexample.com"));
	assert_false(rules_host_matches("*.example.com", NULL));
	assert_true(rules_host_matches("docs.example.org", "docs.example.org"));
	assert_false(rules_host_matches("docs.example.org", "www.docs.example.org"));
	char h[64];
	rules_url_host(h, sizeof h, "https://user:pw@WWW.Example.COM.:8443/path?q#f");
	assert_string_equal(h, "www.example.com");
	rules_url_host(h, sizeof h, "http://[::1]:80/");
	assert_string_equal(h, "[::1]");
	rules_url_host(h, sizeof h, "no url");
	assert_string_equal(h, "");
}

/* Rendered text of html with the given rules and URL. */
static char *run(const char *html, const char *rules_text, const char *url)
{
	scrape_rules *r = NULL;
	if (rules_text)
		assert_int_equal(scrape_rules_parse(&r, rules_text, strlen(rules_text), "t"), SCRAPE_OK);
	scrape_options o = SCRAPE_OPTIONS_INIT;
	o.rules = r;
	o.with_title = 0;
	scrape_result *res = NULL;
	char *out = NULL;
	size_t n;
	int rc = scrape_html(&res, html, strlen(html), NULL, url, &o);
	if (rc == SCRAPE_OK)
		assert_int_equal(scrape_render(&out, &n, res, &o), SCRAPE_OK);
	else
		out = strdup("");
	scrape_result_free(res);
	scrape_rules_free(r);
	return out;
}

#define PARA "A paragraph of text that is long enough to count as content, with commas, words, and more."

static void rules_change_the_text(void **state)
{
	(void)state;
	static const char html[] = "<html><body><div class=\"story\"><p>" PARA "</p><p class=\"note\">Note: " PARA
				   "</p><p>" PARA "</p></div><aside class=\"box\"><p>Boxed fact.</p></aside>"
				   "<div id=\"other\"><p>Other text, " PARA "</p></div></body></html>";
	char *plain = run(html, NULL, "https://www.example.com/a");
	assert_non_null(strstr(plain, "Note:"));
	assert_null(strstr(plain, "Boxed fact."));
	/* drop, for the host; keep, for all */
	char *t = run(html, "*.example.com drop p.note\n* keep aside.box", "https://www.example.com/a");
	assert_null(strstr(t, "Note:"));
	assert_non_null(strstr(t, "Boxed fact."));
	free(t);
	/* another host: only the general rule */
	t = run(html, "*.example.com drop p.note\n* keep aside.box", "https://example.net/a");
	assert_non_null(strstr(t, "Note:"));
	assert_non_null(strstr(t, "Boxed fact."));
	free(t);
	/* main */
	t = run(html, "www.example.com main #other", "https://www.example.com/a");
	assert_string_equal(t, "Other text, " PARA "\n");
	free(t);
	/* the same element: the host's rule before the general one, whatever the order */
	t = run(html, "* keep p.note\nwww.example.com drop p.note", "https://www.example.com/a");
	assert_null(strstr(t, "Note:"));
	free(t);
	/* nested: the nearest matched element decides */
	t = run(html, "www.example.com drop div.story\n* keep p.note", "https://www.example.com/a");
	assert_non_null(strstr(t, "Note:"));
	assert_null(strstr(t, "count as content, with commas, words, and more.\n\nNote"));
	free(t);
	free(plain);
}

/* A kept element inside furniture that extraction leaves out: the kept one
 * comes out where it stands, the rest of the furniture does not; and block
 * filters leave kept blocks alone. */
static void keep_inside_dropped_furniture(void **state)
{
	(void)state;
	static const char html[] = "<html><body><div class=\"story\"><p>" PARA "</p>"
				   "<div class=\"share-bar\"><p>Share this</p><p class=\"credit\">Photo: the harbour trust</p></div>"
				   "<p>" PARA "</p><p>Share this</p></div></body></html>";
	char *plain = run(html, NULL, NULL);
	assert_null(strstr(plain, "Photo:"));
	char *t = run(html, "* keep .credit", NULL);
	assert_non_null(strstr(t, "more.\n\nPhoto: the harbour trust\n\nA paragraph"));
	assert_null(strstr(t, "Share this"));
	free(t);
	t = run(html, "* keep .story > p", NULL);
	assert_non_null(strstr(t, "more.\n\nShare this\n")); /* the filter would drop it */
	free(t);
	free(plain);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(selectors_match_the_subset),
		cmocka_unit_test(bad_rules_name_line_and_column),
		cmocka_unit_test(good_rules_parse),
		cmocka_unit_test(host_patterns),
		cmocka_unit_test(rules_change_the_text),
		cmocka_unit_test(keep_inside_dropped_furniture),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
