/* run.c - one source through the library, output to a stream. */
#include "cli.h"
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int report(const struct cli_opts *o, const char *source, int rc)
{
	if (!o->quiet) {
		const char *msg = scrape_error_last();
		if (!msg || !*msg)
			msg = scrape_strerror(rc);
		/* messages about reading a source already start with its name */
		if (strncmp(msg, source, strlen(source)) == 0)
			fprintf(stderr, "scrape: %s\n", msg);
		else
			fprintf(stderr, "scrape: %s: %s\n", source, msg);
	}
	return cli_exit_code(rc);
}

int cli_extract_one(const struct cli_opts *o, const char *source, FILE *out)
{
	scrape_document *doc = NULL;
	scrape_result *res = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc = scrape_document_load(&doc, source, &o->lib);
	if (rc == SCRAPE_OK)
		rc = scrape_html(&res, doc->data, doc->len, doc->content_type, doc->url, &o->lib);
	if (rc == SCRAPE_OK)
		rc = scrape_render(&text, &len, res, &o->lib);
	int code = EXIT_OK_;
	if (rc != SCRAPE_OK) {
		code = report(o, source, rc);
	} else if (fwrite(text, 1, len, out) != len) {
		fprintf(stderr, "scrape: %s: cannot write the output\n", source);
		code = EXIT_INTERNAL;
	}
	free(text);
	scrape_result_free(res);
	scrape_document_free(doc);
	return code;
}

int cli_repair_one(const struct cli_opts *o, const char *source, FILE *out)
{
	scrape_document *doc = NULL;
	char *text = NULL;
	size_t len = 0;
	/* text files only: a URL is not repaired here */
	int rc = scrape_document_load(&doc, source, &o->lib);
	if (rc == SCRAPE_OK)
		rc = scrape_repair(&text, &len, doc->data, doc->len);
	int code = EXIT_OK_;
	if (rc != SCRAPE_OK) {
		code = report(o, source, rc);
	} else if (fwrite(text, 1, len, out) != len) {
		fprintf(stderr, "scrape: %s: cannot write the output\n", source);
		code = EXIT_INTERNAL;
	}
	free(text);
	scrape_document_free(doc);
	return code;
}
