/* A program that uses libscrape as an installed library (tests/install/install.sh):
 * extracts a page given as a file and repairs a line, printing what it got. */
#include <scrape.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	if (strcmp(scrape_version(), SCRAPE_VERSION) != 0) {
		fprintf(stderr, "library %s, header %s\n", scrape_version(), SCRAPE_VERSION);
		return 1;
	}
	scrape_document *doc = NULL;
	scrape_result *res = NULL;
	char *out = NULL;
	size_t len = 0;
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	opts.format = SCRAPE_FORMAT_MARKDOWN;
	int rc = scrape_document_load(&doc, argv[1], &opts);
	if (rc == SCRAPE_OK)
		rc = scrape_html(&res, scrape_document_data(doc), scrape_document_len(doc),
				 scrape_document_content_type(doc), scrape_document_url(doc), &opts);
	if (rc == SCRAPE_OK)
		rc = scrape_render(&out, &len, res, &opts);
	if (rc != SCRAPE_OK) {
		fprintf(stderr, "%s: %s\n", scrape_strerror(rc), scrape_error_last());
		return 1;
	}
	printf("title: %s\nbytes: %zu\n%s", scrape_result_title(res), scrape_result_text_len(res), out);
	free(out);
	scrape_result_free(res);
	scrape_document_free(doc);

	/* the repair tables are built into the library: no data file */
	static const char damaged[] = "Irans president said he dont know.\n";
	if (scrape_repair(&out, &len, damaged, sizeof damaged - 1) != SCRAPE_OK)
		return 1;
	printf("repaired: %s", out);
	free(out);
	return 0;
}
