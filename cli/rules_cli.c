/* rules_cli.c - --rules, --no-rules, the default rules file and --explain
 * (rules_cli.h). */
#include "rules_cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void rules_cli_release(struct cli_opts *o)
{
	if (o->rules_mine)
		scrape_rules_free(o->rules);
	if (o->lib.rules == o->rules)
		o->lib.rules = NULL;
	o->rules = NULL;
	o->rules_mine = 0;
}

static int load(struct cli_opts *o, const char *path)
{
	scrape_rules *r = NULL;
	int rc = scrape_rules_load(&r, path);
	if (rc != SCRAPE_OK) {
		fprintf(stderr, "scrape: %s\n", scrape_error_last());
		return rc == SCRAPE_EUSAGE || rc == SCRAPE_EIO ? EXIT_USAGE : cli_exit_code(rc);
	}
	rules_cli_release(o);
	o->rules = r;
	o->rules_mine = 1;
	o->lib.rules = r;
	return EXIT_OK_;
}

int rules_cli_parse_option(struct cli_opts *o, int argc, char **argv, int *i, const char *where)
{
	const char *a = argv[*i];
	if (strcmp(a, "--no-rules") == 0) {
		rules_cli_release(o);
		o->rules_set = 1;
		return 1;
	}
	int is_rules = strcmp(a, "--rules") == 0, is_explain = strcmp(a, "--explain") == 0;
	if (!is_rules && !is_explain)
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "scrape: %s%s needs a value\n", where, a);
		return -1;
	}
	const char *v = argv[++*i];
	if (is_explain) {
		o->explain = v;
		return 1;
	}
	o->rules_set = 1;
	return load(o, v) == EXIT_OK_ ? 1 : -1;
}

int rules_cli_load_default(struct cli_opts *o)
{
	if (o->rules_set)
		return EXIT_OK_;
	char path[4096];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int n;
	if (xdg && xdg[0] == '/')
		n = snprintf(path, sizeof path, "%s/scrape/rules", xdg);
	else if (home && *home)
		n = snprintf(path, sizeof path, "%s/.config/scrape/rules", home);
	else
		return EXIT_OK_;
	if (n < 0 || (size_t)n >= sizeof path || access(path, F_OK) != 0)
		return EXIT_OK_;
	return load(o, path);
}

/* Writes the report where --explain said; 0 or -1 (message printed). */
static int write_report(const char *dest, const scrape_explain *x)
{
	char *text = NULL;
	size_t len = 0;
	int to_stderr = strcmp(dest, "-") == 0;
	if (scrape_explain_render(&text, &len, x, !to_stderr) != SCRAPE_OK) {
		fprintf(stderr, "scrape: --explain: %s\n", scrape_error_last());
		return -1;
	}
	int ok;
	if (to_stderr) {
		ok = fwrite(text, 1, len, stderr) == len;
	} else {
		FILE *f = fopen(dest, "wb");
		ok = f && fwrite(text, 1, len, f) == len;
		if (f)
			ok = (fclose(f) == 0) && ok;
		if (!ok)
			fprintf(stderr, "scrape: %s: cannot write the report: %s\n", dest, strerror(errno));
	}
	free(text);
	return ok ? 0 : -1;
}

int rules_cli_explain(const struct cli_opts *o, const char *source, FILE *out)
{
	scrape_document *doc = NULL;
	scrape_result *res = NULL;
	scrape_explain *x = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc = scrape_document_load(&doc, source, &o->lib);
	if (rc == SCRAPE_OK) {
		rc = scrape_html_explain(&res, &x, scrape_document_data(doc), scrape_document_len(doc),
					 scrape_document_content_type(doc), o->doc_url ? o->doc_url : scrape_document_url(doc), &o->lib);
		if (x && scrape_explain_set_source(x, source) != SCRAPE_OK && rc == SCRAPE_OK)
			rc = SCRAPE_ENOMEM;
		if (rc == SCRAPE_OK && scrape_result_notes(res))
			fprintf(stderr, "scrape: %s: %s\n", source, scrape_result_notes(res));
		if (rc == SCRAPE_OK)
			rc = scrape_render(&text, &len, res, &o->lib);
	}
	int code = EXIT_OK_;
	if (rc == SCRAPE_ELIMIT && text)
		fwrite(text, 1, len, out);
	if (rc != SCRAPE_OK) {
		if (!o->quiet) {
			const char *msg = scrape_error_last();
			cli_print_error(source, msg && *msg ? msg : scrape_strerror(rc));
		}
		code = cli_exit_code(rc);
	} else if (fwrite(text, 1, len, out) != len) {
		fprintf(stderr, "scrape: %s: cannot write the output\n", source);
		code = EXIT_INTERNAL;
	}
	fflush(out);
	if (x && write_report(o->explain, x) != 0 && code == EXIT_OK_)
		code = EXIT_INTERNAL;
	else if (!x)
		fprintf(stderr, "scrape: %s: no report: the page was not parsed\n", source);
	free(text);
	scrape_explain_free(x);
	scrape_result_free(res);
	scrape_document_free(doc);
	return code;
}
