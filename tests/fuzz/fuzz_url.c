/* fuzz_url.c - URLs and the header values read beside them: url_name (the
 * crawl's output file names) with its promises checked, url_name_hash,
 * fetch_check_url; the second line also goes to fetch_type_acceptable and
 * fetch_retry_after_ms (Content-Type and Retry-After come from servers).
 * Input: URL "\n" EXT (no newline: EXT is ".txt"). */
#include "fetch.h"
#include "fetch_multi.h"
#include "fetch_transfer.h"
#include "url_name.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int safe_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '-';
}

/* url_name's promise: NAME "-" 12 hex digits EXT, at most URL_NAME_MAX
 * bytes, NAME relative, of safe characters, with no empty part and no part
 * starting with '.' (so no "." or ".."): it cannot leave the output folder. */
static void check_name(const char *name, const char *ext)
{
	size_t n = strlen(name), en = strlen(ext);
	if (n > URL_NAME_MAX || n < en + 14 || strcmp(name + n - en, ext) != 0)
		abort();
	size_t stem = n - en - 13;
	if (name[stem] != '-' || strspn(name + stem + 1, "0123456789abcdef") < 12)
		abort();
	int part_start = 1;
	for (size_t i = 0; i < stem; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c == '/') {
			if (part_start)
				abort(); /* a leading '/' or an empty part */
			part_start = 1;
			continue;
		}
		if (!safe_char(c) || (part_start && c == '.'))
			abort();
		part_start = 0;
	}
}

static char *dup_n(const uint8_t *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0'; /* a NUL inside cuts it short, as a C string would */
	}
	return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t un = nl ? (size_t)(nl - data) : size;
	char *url = dup_n(data, un);
	char *second = nl ? dup_n(nl + 1, size - un - 1) : NULL;
	if (!url || (nl && !second)) {
		free(url);
		free(second);
		return 0;
	}
	const char *ext = second && strlen(second) <= 16 ? second : ".txt";
	char *name = NULL;
	if (url_name(&name, url, ext) == 0) {
		check_name(name, ext);
		free(name);
	}
	url_name_hash(url);
	fetch_check_url(url);
	if (second) {
		fetch_type_acceptable(second);
		long ms = fetch_retry_after_ms(second, (time_t)1700000000);
		if (ms < -1 || ms > 86400L * 365 * 1000)
			abort();
	}
	free(url);
	free(second);
	return 0;
}
