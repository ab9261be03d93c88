/* URL to output file names: readable, unique, and never outside the folder;
 * Retry-After values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch_multi.h"
#include "scrape.h"
#include "url_name.h"

static char *name_of(const char *url)
{
	char *n = NULL;
	assert_int_equal(url_name(&n, url, ".txt"), 0);
	assert_non_null(n);
	return n;
}

/* name must be "<prefix>-<12 hex>.txt" */
static void assert_name(const char *url, const char *prefix)
{
	char *n = name_of(url);
	size_t pl = strlen(prefix);
	if (strncmp(n, prefix, pl) != 0 || strlen(n) != pl + 17 || n[pl] != '-' ||
	    strspn(n + pl + 1, "0123456789abcdef") != 12 || strcmp(n + pl + 13, ".txt") != 0) {
		fprintf(stderr, "%s -> %s, want %s-HASH.txt\n", url, n, prefix);
		fail();
	}
	free(n);
}

/* no absolute path, no "." or ".." part, no empty part, bounded length */
static void assert_safe(const char *url)
{
	char *n = name_of(url);
	assert_true(n[0] != '/');
	assert_true(strlen(n) <= URL_NAME_MAX);
	char *copy = strdup(n);
	for (char *save = NULL, *p = strtok_r(copy, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
		assert_true(p[0] != '.');
		assert_true(strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
			    strlen(p));
	}
	assert_null(strstr(n, "//"));
	free(copy);
	free(n);
}

static void test_readable(void **state)
{
	(void)state;
	assert_name("https://Example.COM/news/2024/story.html", "example.com/news/2024/story.html");
	assert_name("http://example.com", "example.com/index");
	assert_name("http://example.com/a/b/", "example.com/a/b/index");
	assert_name("http://example.com:8080/x", "example.com_8080/x");
	assert_name("http://127.0.0.1:5000/p?q=1", "127.0.0.1_5000/p");
	assert_name("http://example.com/caf%C3%A9%20menu", "example.com/caf_C3_A9_20menu");
}

static void test_escapes_stay_inside(void **state)
{
	(void)state;
	const char *bad[] = {
		"http://example.com/../../etc/passwd",
		"http://example.com/a/%2e%2e/%2e%2e/x",
		"http://example.com/.hidden/.git/config",
		"http://example.com/..",
		"http://example.com/./.",
		"http://example.com/a//b///c",
		"http://example.com/%2F%2Fetc",
		"http://[::1]:8080/x",
		"http://example.com/\xc3\xa9t\xc3\xa9",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_safe(bad[i]);
	assert_name("http://example.com/../../etc/passwd", "example.com/etc/passwd");
	assert_name("http://example.com/.hidden/.git/config", "example.com/_hidden/_git/config");
}

static void test_unique_and_stable(void **state)
{
	(void)state;
	const char *urls[] = { "http://h/a?x=1", "http://h/a?x=2", "http://h/a", "http://h/a/",
			       "http://h/a%20b", "http://h/a_20b", "http://H/a" };
	size_t n = sizeof urls / sizeof urls[0];
	char *names[sizeof urls / sizeof urls[0]];
	for (size_t i = 0; i < n; i++)
		names[i] = name_of(urls[i]);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			assert_string_not_equal(names[i], names[j]);
	char *again = name_of(urls[0]);
	assert_string_equal(again, names[0]);
	free(again);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
}

static void test_long_names(void **state)
{
	(void)state;
	char url[4096];
	int k = snprintf(url, sizeof url, "http://example.com");
	for (int i = 0; i < 40; i++)
		k += snprintf(url + k, sizeof url - (size_t)k, "/%s", "abcdefghijklmnopqrstuvwxyz0123456789"
			      "abcdefghijklmnopqrstuvwxyz0123456789");
	assert_safe(url);
	char *n = name_of(url);
	assert_true(strlen(n) <= URL_NAME_MAX);
	assert_string_equal(n + strlen(n) - 4, ".txt");
	free(n);
	char *bad = NULL;
	assert_int_equal(url_name(&bad, "not a url", ".txt"), SCRAPE_EUSAGE);
	assert_null(bad);
}

static void test_retry_after(void **state)
{
	(void)state;
	time_t now = 1700000000; /* Tue, 14 Nov 2023 22:13:20 GMT */
	assert_int_equal(fetch_retry_after_ms("120", now), 120000);
	assert_int_equal(fetch_retry_after_ms(" 0 ", now), 0);
	assert_int_equal(fetch_retry_after_ms("Tue, 14 Nov 2023 22:13:25 GMT", now), 5000);
	assert_int_equal(fetch_retry_after_ms("Tue, 14 Nov 2023 22:13:00 GMT", now), 0);
	assert_int_equal(fetch_retry_after_ms("soon", now), -1);
	assert_int_equal(fetch_retry_after_ms("12abc", now), -1);
	assert_int_equal(fetch_retry_after_ms(NULL, now), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readable),
		cmocka_unit_test(test_escapes_stay_inside),
		cmocka_unit_test(test_unique_and_stable),
		cmocka_unit_test(test_long_names),
		cmocka_unit_test(test_retry_after),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
