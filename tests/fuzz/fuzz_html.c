/* fuzz_html.c - the whole HTML-to-text pipeline: scrape_html then
 * scrape_render in every format, with small limits so that the depth, node,
 * attribute and output limits are reached too. Aborts when an output breaks
 * the library's promises: every field of the result and every rendering is
 * valid UTF-8 (checked here by a validator of its own, not the library's
 * utf8.c), and the JSON rendering, when not cut by the output limit, is one
 * line holding one strict JSON object (cJSON parses it; no raw control
 * characters) with the result's text. */
#include "scrape.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* RFC 3629 UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF. */
static int valid_utf8(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned lo = 0x80, hi = 0xBF; /* the second byte's range */
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			return 0;
		}
		if (n - i < len || s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (size_t k = 2; k < len; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return 0;
		i += len;
	}
	return 1;
}

static void check_field(const char *s)
{
	if (s && !valid_utf8(s, strlen(s)))
		abort();
}

/* One line, one object, with "text" equal to the result's text. */
static void check_json(const char *out, size_t n, const scrape_result *res)
{
	if (n < 3 || out[0] != '{' || out[n - 1] != '\n')
		abort();
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)out[i] < 0x20)
			abort(); /* strict JSON has none inside strings; JSON lines none outside */
	/* the object, then nothing but the newline (end: just past the object) */
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(out, n, &end, 0);
	if (!root || end != out + n - 1 || !cJSON_IsObject(root))
		abort();
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(root, "text");
	if (!cJSON_IsString(text))
		abort();
	/* cJSON's strings end at a NUL: compare up to the first one */
	size_t len = strlen(text->valuestring);
	const char *want = scrape_result_text(res);
	size_t want_len = scrape_result_text_len(res);
	if (len > want_len || memcmp(text->valuestring, want, len) != 0 || (len < want_len && want[len] != '\0'))
		abort();
	cJSON_Delete(root);
}

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
	opts.with_title = size > 0 ? !(data[0] & 4) : 1;
	scrape_result *res = NULL;
	if (scrape_html(&res, (const char *)data, size, NULL, "http://example.com/", &opts) != 0)
		return 0;
	if (!scrape_result_text(res) || !valid_utf8(scrape_result_text(res), scrape_result_text_len(res)))
		abort();
	const char *fields[] = { scrape_result_title(res), scrape_result_author(res), scrape_result_date(res),
				 scrape_result_sitename(res), scrape_result_language(res),
				 scrape_result_description(res), scrape_result_url(res) };
	for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
		check_field(fields[k]);
	for (int f = SCRAPE_FORMAT_TEXT; f <= SCRAPE_FORMAT_JSON; f++) {
		char *out = NULL;
		size_t n = 0;
		opts.format = (scrape_format)f;
		int rc = scrape_render(&out, &n, res, &opts);
		if (out && n > opts.max_output_bytes)
			abort();
		/* cut at the output limit or not, at a character boundary */
		if (out && !valid_utf8(out, n))
			abort();
		if (rc == SCRAPE_OK && f == SCRAPE_FORMAT_JSON)
			check_json(out, n, res);
		free(out);
	}
	scrape_result_free(res);
	return 0;
}
