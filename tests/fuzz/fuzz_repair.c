/* fuzz_repair.c - scrape_repair over arbitrary bytes. */
#include "scrape.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t n = 0;
	if (scrape_repair(&out, &n, (const char *)data, size) == 0)
		free(out);
	return 0;
}
