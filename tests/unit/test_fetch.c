/* Fetching: URL and scheme checks, Content-Type verdicts, and failures against
 * sockets on 127.0.0.1 that refuse or never answer (no server, no other host). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fetch.h"
#include "scrape.h"

/* A TCP socket bound to 127.0.0.1 on a free port; listening or not. */
static int local_socket(int listening, char *url, size_t url_size)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	socklen_t alen = sizeof a;
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &alen), 0);
	if (listening)
		assert_int_equal(listen(fd, 4), 0);
	snprintf(url, url_size, "http://127.0.0.1:%u/page.html", (unsigned)ntohs(a.sin_port));
	return fd;
}

static void starts_with(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("'%s' does not start with '%s'", s, prefix);
}

static void contains(const char *s, const char *part)
{
	if (!strstr(s, part))
		fail_msg("'%s' does not contain '%s'", s, part);
}

static void expect_usage_error(const char *url, const char *reason)
{
	scrape_document *doc = (scrape_document *)&doc; /* must be reset to NULL */
	assert_int_equal(fetch_url(&doc, url, NULL), SCRAPE_EUSAGE);
	assert_null(doc);
	starts_with(scrape_error_last(), url);
	contains(scrape_error_last(), reason);
}

static void refuses_other_schemes(void **state)
{
	(void)state;
	expect_usage_error("ftp://127.0.0.1/file.html", "unsupported scheme 'ftp'");
	expect_usage_error("file:///etc/passwd", "unsupported scheme 'file'");
	expect_usage_error("gopher://127.0.0.1/", "unsupported scheme 'gopher'");
}

static void refuses_invalid_urls(void **state)
{
	(void)state;
	expect_usage_error("http://", "invalid URL");
	expect_usage_error("not a url", "invalid URL");
	expect_usage_error("http://exa mple.com/", "invalid URL");
	expect_usage_error("", "invalid URL");
}

static void global_init_is_idempotent(void **state)
{
	(void)state;
	assert_int_equal(fetch_global_init(), SCRAPE_OK);
	assert_int_equal(fetch_global_init(), SCRAPE_OK);
}

static void judges_content_types(void **state)
{
	(void)state;
	const char *yes[] = { NULL, "", "text/html", "TEXT/HTML; charset=UTF-8", "text/plain",
			      " text/html ;charset=x", "application/xhtml+xml", "application/xml",
			      "application/rss+xml", "Application/XHTML+XML; charset=utf-8", "html" };
	const char *no[] = { "application/pdf", "image/png", "image/svg+xml", "audio/mpeg",
			     "video/mp4", "application/zip", "application/octet-stream",
			     "application/x-xml-ish", "font/woff2", "application/json; charset=utf-8",
			     "textual/html", "application/+xml" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (!fetch_type_acceptable(yes[i]))
			fail_msg("refused '%s'", yes[i] ? yes[i] : "(null)");
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (fetch_type_acceptable(no[i]))
			fail_msg("accepted '%s'", no[i]);
}

static void refused_connection_names_url_and_reason(void **state)
{
	(void)state;
	char url[64];
	int fd = local_socket(0, url, sizeof url); /* bound, not listening: refuses */
	scrape_document *doc = NULL;
	assert_int_equal(fetch_url(&doc, url, NULL), SCRAPE_EFETCH);
	close(fd);
	assert_null(doc);
	starts_with(scrape_error_last(), url);
	contains(scrape_error_last(), "Connection refused");
}

static void silent_server_times_out(void **state)
{
	(void)state;
	char url[64];
	int fd = local_socket(1, url, sizeof url); /* accepts in the kernel, never answers */
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	opts.timeout_ms = 300;
	scrape_document *doc = NULL;
	assert_int_equal(fetch_url(&doc, url, &opts), SCRAPE_EFETCH);
	close(fd);
	assert_null(doc);
	starts_with(scrape_error_last(), url);
	contains(scrape_error_last(), "timed out");
}

int main(void)
{
	/* only 127.0.0.1 is contacted: never a proxy from the environment */
	setenv("no_proxy", "*", 1);
	setenv("NO_PROXY", "*", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refuses_other_schemes),
		cmocka_unit_test(refuses_invalid_urls),
		cmocka_unit_test(global_init_is_idempotent),
		cmocka_unit_test(judges_content_types),
		cmocka_unit_test(refused_connection_names_url_and_reason),
		cmocka_unit_test(silent_server_times_out),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
