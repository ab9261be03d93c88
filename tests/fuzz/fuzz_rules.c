/* fuzz_rules.c - the rules parser and the selector matcher: the input is a
 * rules file, a NUL byte, and a page. The rules are parsed (errors must
 * name a line and a column); rules that parse are applied to the page by
 * scrape_html under two hosts, and the report of the run is rendered both
 * ways. Without a NUL byte, the whole input is rules and the page is a
 * small fixed one with classes, ids and attributes to match. */
#include "scrape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char page[] =
	"<html><head><link rel=canonical href='https://www.example.com/p'></head><body>"
	"<nav class='menu'><a href='/'>Home</a></nav><div id='main' class='post body'>"
	"<h1>Title</h1><p class='lead'>First paragraph, with commas, of the story text here.</p>"
	"<aside class='box' data-k='v'><p>Boxed fact in an aside element.</p></aside>"
	"<section><p data-x>Second paragraph of the story, long enough to score, surely.</p>"
	"<custom-el role='note'><p>Nested paragraph.</p></custom-el></section></div>"
	"<div class='related'><ul><li><a href='/x'>Related link</a></li></ul></div></body></html>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nul = memchr(text, '\0', size);
	size_t rules_len = nul ? (size_t)(nul - text) : size;
	const char *html = nul ? nul + 1 : page;
	size_t html_len = nul ? size - rules_len - 1 : sizeof page - 1;
	scrape_rules *rules = NULL;
	int rc = scrape_rules_parse(&rules, text, rules_len, "fuzz");
	if (rc != 0) {
		/* "fuzz:LINE:COLUMN: what" */
		if (rc == SCRAPE_EUSAGE && strncmp(scrape_error_last(), "fuzz:", 5) != 0)
			abort();
		if (rules)
			abort();
		return 0;
	}
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	opts.rules = rules;
	opts.repair = 0;
	const char *urls[] = { "https://www.example.com/a", NULL };
	for (int u = 0; u < 2; u++) {
		scrape_result *res = NULL;
		scrape_explain *x = NULL;
		scrape_html_explain(&res, &x, html, html_len, NULL, urls[u], &opts);
		for (int h = 0; h < 2 && x; h++) {
			char *out = NULL;
			size_t n = 0;
			if (scrape_explain_render(&out, &n, x, h) == 0 && (!out || strlen(out) != n))
				abort(); /* no NUL inside a report */
			free(out);
		}
		scrape_explain_free(x);
		scrape_result_free(res);
	}
	scrape_rules_free(rules);
	return 0;
}
