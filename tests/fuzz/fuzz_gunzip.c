/* fuzz_gunzip.c - source_gunzip (gzip, zlib, concatenated members) with a
 * 1 MiB limit: a bomb must be refused, never expanded past it. */
#include "source.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t n = 0;
	if (source_gunzip(&out, &n, (const char *)data, size, 1 << 20, "fuzz") == 0) {
		if (n > (1 << 20))
			abort();
		free(out);
	}
	return 0;
}
