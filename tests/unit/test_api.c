/* The public interface as a program sees it: the opaque result and document
 * read through their accessors, metadata without content, the version. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scrape.h"

#define LONG " This sentence is here, and it makes the paragraph long enough to count as content."

static const char page[] =
	"<html lang=\"en\"><head><title>A headline that is long - Example Site</title>"
	"<meta name=\"author\" content=\"Jane Doe\">"
	"<meta property=\"article:published_time\" content=\"2024-05-06\">"
	"<meta property=\"og:site_name\" content=\"Example Site\">"
	"<meta name=\"description\" content=\"What the page says.\">"
	"</head><body><article><p>First paragraph." LONG "</p><p>Second paragraph." LONG
	"</p></article></body></html>";

static void version_matches_the_header(void **state)
{
	(void)state;
	assert_string_equal(scrape_version(), SCRAPE_VERSION);
	char v[32];
	snprintf(v, sizeof v, "%d.%d.%d", SCRAPE_VERSION_MAJOR, SCRAPE_VERSION_MINOR, SCRAPE_VERSION_PATCH);
	assert_string_equal(v, SCRAPE_VERSION);
}

static void options_init_gives_the_defaults(void **state)
{
	(void)state;
	scrape_options init = SCRAPE_OPTIONS_INIT, opts;
	memset(&opts, 0xff, sizeof opts);
	assert_int_equal(scrape_options_init(&opts, SCRAPE_OPTIONS_VERSION), SCRAPE_OK);
	assert_int_equal(opts.version, SCRAPE_OPTIONS_VERSION);
	assert_int_equal(opts.with_title, init.with_title);
	assert_int_equal(opts.repair, init.repair);
	assert_null(opts.charset);
	assert_int_equal(opts.max_input_bytes, init.max_input_bytes);
	assert_int_equal(opts.max_output_bytes, init.max_output_bytes);
	assert_int_equal(opts.page_timeout_ms, init.page_timeout_ms);
	/* a caller written for version 1 has a shorter structure: nothing past it is written */
	memset(&opts, 0xff, sizeof opts);
	assert_int_equal(scrape_options_init(&opts, 1), SCRAPE_OK);
	assert_int_equal(opts.version, 1);
	assert_int_equal(opts.max_input_bytes, init.max_input_bytes);
	assert_int_equal(opts.page_timeout_ms, init.page_timeout_ms);
	static const unsigned char untouched[sizeof(void *)] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	assert_memory_equal(&opts.rules, untouched, sizeof opts.rules);
	scrape_options before;
	memcpy(&before, &opts, sizeof opts);
	assert_int_equal(scrape_options_init(&opts, SCRAPE_OPTIONS_VERSION + 1), SCRAPE_EUSAGE);
	assert_memory_equal(&opts, &before, sizeof opts);
	assert_non_null(strstr(scrape_error_last(), "version"));
}

static void result_accessors_give_text_and_metadata(void **state)
{
	(void)state;
	scrape_result *r = NULL;
	assert_int_equal(scrape_html(&r, page, sizeof page - 1, NULL, "https://example.com/a", NULL), SCRAPE_OK);
	assert_string_equal(scrape_result_title(r), "A headline that is long");
	assert_string_equal(scrape_result_author(r), "Jane Doe");
	assert_string_equal(scrape_result_date(r), "2024-05-06");
	assert_string_equal(scrape_result_sitename(r), "Example Site");
	assert_string_equal(scrape_result_language(r), "en");
	assert_string_equal(scrape_result_description(r), "What the page says.");
	assert_string_equal(scrape_result_url(r), "https://example.com/a");
	assert_null(scrape_result_notes(r));
	const char *text = scrape_result_text(r);
	assert_int_equal(strlen(text), scrape_result_text_len(r));
	assert_non_null(strstr(text, "First paragraph."));
	assert_non_null(strstr(text, "\n\nSecond paragraph."));
	scrape_result_free(r);
}

static void metadata_needs_no_content(void **state)
{
	(void)state;
	static const char bare[] = "<html lang=\"de\"><head><title>Nothing here at all, really</title>"
				   "<meta name=\"author\" content=\"Max\"></head><body><nav>Home</nav></body></html>";
	scrape_result *r = (scrape_result *)&r;
	assert_int_equal(scrape_html(&r, bare, sizeof bare - 1, NULL, NULL, NULL), SCRAPE_ENOCONTENT);
	assert_null(r);
	assert_int_equal(scrape_metadata(&r, bare, sizeof bare - 1, NULL, "https://example.org/", NULL), SCRAPE_OK);
	assert_string_equal(scrape_result_title(r), "Nothing here at all, really");
	assert_string_equal(scrape_result_author(r), "Max");
	assert_string_equal(scrape_result_language(r), "de");
	assert_string_equal(scrape_result_url(r), "https://example.org/");
	assert_string_equal(scrape_result_text(r), "");
	assert_int_equal(scrape_result_text_len(r), 0);
	scrape_result_free(r);

	/* the same metadata as the full extraction gives */
	scrape_result *full = NULL, *meta = NULL;
	assert_int_equal(scrape_html(&full, page, sizeof page - 1, NULL, NULL, NULL), SCRAPE_OK);
	assert_int_equal(scrape_metadata(&meta, page, sizeof page - 1, NULL, NULL, NULL), SCRAPE_OK);
	assert_string_equal(scrape_result_title(full), scrape_result_title(meta));
	assert_string_equal(scrape_result_date(full), scrape_result_date(meta));
	assert_null(scrape_result_url(meta));
	scrape_result_free(full);
	scrape_result_free(meta);
}

static void document_accessors_read_a_file(void **state)
{
	(void)state;
	char path[] = "/tmp/test_api_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, page, sizeof page - 1), (ssize_t)(sizeof page - 1));
	close(fd);
	scrape_document *doc = NULL;
	assert_int_equal(scrape_document_load(&doc, path, NULL), SCRAPE_OK);
	unlink(path);
	assert_int_equal(scrape_document_len(doc), sizeof page - 1);
	assert_memory_equal(scrape_document_data(doc), page, sizeof page - 1);
	assert_int_equal(scrape_document_data(doc)[sizeof page - 1], '\0');
	assert_null(scrape_document_url(doc));
	assert_null(scrape_document_content_type(doc));
	assert_int_equal(scrape_document_status(doc), 0);
	scrape_document_free(doc);

	assert_int_equal(scrape_document_load(&doc, path, NULL), SCRAPE_EIO);
	assert_null(doc);
	assert_non_null(strstr(scrape_error_last(), path));
	scrape_document_free(NULL);
	scrape_result_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version_matches_the_header),
		cmocka_unit_test(options_init_gives_the_defaults),
		cmocka_unit_test(result_accessors_give_text_and_metadata),
		cmocka_unit_test(metadata_needs_no_content),
		cmocka_unit_test(document_accessors_read_a_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
