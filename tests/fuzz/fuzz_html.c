/* fuzz_html.c - the whole HTML-to-text pipeline: scrape_html then
 * scrape_render in every format, with small limits so that the depth, node,
 * attribute and output limits are reached too. */
#include "scrape.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scrape_options opts = SCRAPE_OPTIONS_INIT;
	/* the first byte picks limits, so both the limited and the plain paths run */
	if (size > 0 && (data[0] & 1)) {
		opts.max_depth = 1 + data[0] % 40;
		opts.max_nodes = 50 + (size_t)data[0] * 4;
		opts.max_output_bytes = 64 + (size_t)data[0];
	}
	opts.repair = size > 0 ? !(data[0] & 2) : 1;
	scrape_result *res = NULL;
	if (scrape_html(&res, (const char *)data, size, NULL, "http://example.com/", &opts) != 0)
		return 0;
	for (int f = SCRAPE_FORMAT_TEXT; f <= SCRAPE_FORMAT_JSON; f++) {
		char *out = NULL;
		size_t n = 0;
		opts.format = (scrape_format)f;
		scrape_render(&out, &n, res, &opts);
		if (out && n > opts.max_output_bytes)
			abort();
		free(out);
	}
	scrape_result_free(res);
	return 0;
}
