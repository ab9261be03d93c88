/* run.c - one source through the library, output to a stream. */
#include "cli.h"
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_print_error(const char *source, const char *msg)
{
	/* messages about reading a source already start with its name */
	if (strncmp(msg, source, strlen(source)) == 0)
		fprintf(stderr, "scrape: %s\n", msg);
	else
		fprintf(stderr, "scrape: %s: %s\n", source, msg);
}

static int report(const struct cli_opts *o, const char *source, int rc)
{
	if (!o->quiet) {
		const char *msg = scrape_error_last();
		cli_print_error(source, msg && *msg ? msg : scrape_strerror(rc));
	}
	return cli_exit_code(rc);
}

int cli_render_source(char **out, size_t *out_len, size_t *doc_bytes, const scrape_options *lib, const char *url,
		      const char *source, int repair_mode)
{
	scrape_document *doc = NULL;
	scrape_result *res = NULL;
	*out = NULL;
	*out_len = 0;
	int rc = scrape_document_load(&doc, source, lib);
	if (rc == SCRAPE_OK && doc_bytes)
		*doc_bytes = scrape_document_len(doc);
	if (rc == SCRAPE_OK && repair_mode) {
		rc = scrape_repair(out, out_len, scrape_document_data(doc), scrape_document_len(doc));
	} else if (rc == SCRAPE_OK) {
		rc = scrape_html(&res, scrape_document_data(doc), scrape_document_len(doc),
				 scrape_document_content_type(doc), url ? url : scrape_document_url(doc), lib);
		/* a limit hit on the way: the result is partial, say why */
		if (rc == SCRAPE_OK && scrape_result_notes(res))
			fprintf(stderr, "scrape: %s: %s\n", source, scrape_result_notes(res));
		if (rc == SCRAPE_OK)
			rc = scrape_render(out, out_len, res, lib);
	}
	scrape_result_free(res);
	scrape_document_free(doc);
	return rc;
}

int cli_run_one(const struct cli_opts *o, const char *source, FILE *out)
{
	char *text = NULL;
	size_t len = 0;
	int rc = cli_render_source(&text, &len, NULL, &o->lib, o->doc_url, source, o->mode == MODE_REPAIR);
	int code = EXIT_OK_;
	/* output cut at --max-output: print what there is, then the error */
	if (rc == SCRAPE_ELIMIT && text && fwrite(text, 1, len, out) != len)
		rc = SCRAPE_EIO;
	if (rc != SCRAPE_OK) {
		code = report(o, source, rc);
	} else if (fwrite(text, 1, len, out) != len) {
		fprintf(stderr, "scrape: %s: cannot write the output\n", source);
		code = EXIT_INTERNAL;
	}
	free(text);
	return code;
}
