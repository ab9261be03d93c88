/* robots.txt: groups, agent matching, longest match, wildcards, Crawl-delay. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "robots.h"

static struct robots *parse(const char *text, const char *agent)
{
	struct robots *r = NULL;
	assert_int_equal(robots_parse(&r, text, strlen(text), agent), 0);
	assert_non_null(r);
	return r;
}

static void test_empty_allows(void **state)
{
	(void)state;
	struct robots *r = parse("", "scrape");
	assert_true(robots_allowed(r, "/"));
	assert_true(robots_allowed(r, "/any/thing?x=1"));
	assert_int_equal(robots_crawl_delay_ms(r), -1);
	robots_free(r);
}

static void test_own_group_beats_star(void **state)
{
	(void)state;
	/* the agent's own group applies alone: the * group's Disallow: / does not */
	struct robots *r = parse("User-agent: *\nDisallow: /\nCrawl-delay: 9\n\n"
				 "User-agent: otherbot\nUser-Agent: SCRAPE/1.0 (+http://x)\n"
				 "Disallow: /private # comment\nCrawl-delay: 2.5\n", "scrape");
	assert_true(robots_allowed(r, "/"));
	assert_true(robots_allowed(r, "/public/page.html"));
	assert_false(robots_allowed(r, "/private"));
	assert_false(robots_allowed(r, "/private/x.html"));
	assert_true(robots_allowed(r, "/privat"));
	assert_int_equal(robots_crawl_delay_ms(r), 2500);
	robots_free(r);
	/* another agent falls back to * */
	r = parse("User-agent: *\nDisallow: /\nCrawl-delay: 9\n\nUser-agent: scrape\nDisallow: /p\n", "wget");
	assert_false(robots_allowed(r, "/"));
	assert_int_equal(robots_crawl_delay_ms(r), 9000);
	robots_free(r);
	/* the token must match whole: "scraper" is not "scrape" */
	r = parse("User-agent: scraper\nDisallow: /\n", "scrape");
	assert_true(robots_allowed(r, "/x"));
	robots_free(r);
}

static void test_longest_match(void **state)
{
	(void)state;
	struct robots *r = parse("User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c\n"
				 "Allow: /tie\nDisallow: /tie\n", "scrape");
	assert_false(robots_allowed(r, "/a/x"));
	assert_true(robots_allowed(r, "/a/b/x"));
	assert_false(robots_allowed(r, "/a/b/c/d"));
	assert_true(robots_allowed(r, "/tie/x")); /* equal length: Allow wins */
	assert_true(robots_allowed(r, "/robots.txt"));
	robots_free(r);
}

static void test_wildcards(void **state)
{
	(void)state;
	struct robots *r = parse("User-agent: scrape\nDisallow: /*.pdf$\nDisallow: /*?session=\n"
				 "Disallow: /x*y*z\nAllow: /*.pdf$x\n", "scrape");
	assert_false(robots_allowed(r, "/docs/a.pdf"));
	assert_true(robots_allowed(r, "/docs/a.pdf?download=1")); /* $ anchors the end */
	assert_true(robots_allowed(r, "/docs/a.pdfx.html"));
	assert_false(robots_allowed(r, "/shop?session=42"));
	assert_false(robots_allowed(r, "/x-1-y-2-z-3"));
	assert_true(robots_allowed(r, "/x-1-z-2-y"));
	robots_free(r);
}

static void test_groups_and_noise(void **state)
{
	(void)state;
	/* rules before any User-agent, unknown keys, CRLF, blanks, empty Disallow */
	struct robots *r = parse("Disallow: /before\r\nSitemap: http://h/s.xml\r\n"
				 "User-agent: scrape\r\nDisallow:\r\nUser-agent: other\r\n"
				 "Disallow: /other-only\r\n  user-AGENT :scrape\r\n"
				 "disallow : /merged\r\nnonsense line\r\n", "scrape");
	assert_true(robots_allowed(r, "/before"));
	assert_true(robots_allowed(r, "/other-only"));
	assert_false(robots_allowed(r, "/merged/x")); /* two groups for scrape merge */
	robots_free(r);
}

static void test_percent_encoding(void **state)
{
	(void)state;
	struct robots *r = parse("User-agent: *\nDisallow: /%7euser/\nDisallow: /caf\xc3\xa9\n"
				 "Disallow: /a%2fb\n", "scrape");
	assert_false(robots_allowed(r, "/~user/page")); /* %7E is '~', unreserved */
	assert_false(robots_allowed(r, "/caf%C3%A9/menu"));
	assert_false(robots_allowed(r, "/a%2Fb"));
	assert_true(robots_allowed(r, "/a/b")); /* %2F is not '/' */
	robots_free(r);
}

static void test_disallow_all_and_delay_values(void **state)
{
	(void)state;
	struct robots *r = NULL;
	assert_int_equal(robots_disallow_all(&r), 0);
	assert_false(robots_allowed(r, "/"));
	assert_true(robots_allowed(r, "/robots.txt"));
	robots_free(r);
	r = parse("User-agent: *\nCrawl-delay: soon\nCrawl-delay: -1\n", "scrape");
	assert_int_equal(robots_crawl_delay_ms(r), -1);
	robots_free(r);
	r = parse("User-agent: *\nCrawl-delay: 0.25\nCrawl-delay: 1\n", "scrape");
	assert_int_equal(robots_crawl_delay_ms(r), 1000);
	robots_free(r);
}

/* 250 rules of "/" "*" "aaaa...ab" against a 4000-byte path: matching is
 * O(pattern x path), so the check is bounded and says no. */
static void test_hostile_patterns_bounded(void **state)
{
	(void)state;
	size_t rules = 250, plen = 2000, n = 0;
	char *text = malloc(rules * (plen + 32) + 64);
	assert_non_null(text);
	n += (size_t)sprintf(text + n, "User-agent: *\n");
	for (size_t i = 0; i < rules; i++) {
		n += (size_t)sprintf(text + n, "Disallow: /*");
		memset(text + n, 'a', plen);
		n += plen;
		n += (size_t)sprintf(text + n, "b\n");
	}
	struct robots *r = NULL;
	assert_int_equal(robots_parse(&r, text, n, "scrape"), 0);
	char path[4002];
	path[0] = '/';
	memset(path + 1, 'a', sizeof path - 2);
	path[sizeof path - 1] = '\0';
	clock_t t0 = clock();
	assert_false(robots_allowed(r, path));
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_true(secs < 3.0);
	/* ordinary paths are still judged */
	assert_true(robots_allowed(r, "/index.html"));
	robots_free(r);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_allows),
		cmocka_unit_test(test_own_group_beats_star),
		cmocka_unit_test(test_longest_match),
		cmocka_unit_test(test_wildcards),
		cmocka_unit_test(test_groups_and_noise),
		cmocka_unit_test(test_percent_encoding),
		cmocka_unit_test(test_disallow_all_and_delay_values),
		cmocka_unit_test(test_hostile_patterns_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
