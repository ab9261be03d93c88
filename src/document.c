/* document.c - scrape_document_load(): a source names a URL (fetched with
 * scraper/fetch) or a file or standard input (read with scraper/source). */
#include "error.h"
#include "fetch.h"
#include "scrape.h"
#include "source.h"

int scrape_document_load(scrape_document **out, const char *source, const scrape_options *opts)
{
	scrape_options defaults = SCRAPE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	*out = NULL;
	scrape_error_clear();
	if (source_is_url(source))
		return fetch_url(out, source, opts);
	return source_read_file(out, source, opts->max_input_bytes);
}
