/* fuzz_decode.c - charset sniffing and decoding: decode_to_utf8 with each
 * kind of transport label, and the <meta> prescan on its own. */
#include "decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const labels[] = {
	NULL, "utf-8", "windows-1252", "utf-16le", "utf-16be", "shift_jis", "euc-jp",
	"iso-2022-jp", "gb18030", "big5", "euc-kr", "koi8-r", "x-user-defined", "replacement",
	"iso-8859-8-i", "no-such-label",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *label = labels[data[0] % (sizeof labels / sizeof *labels)];
	const char *in = (const char *)data + 1;
	size_t len = size - 1;
	char *out = NULL;
	size_t out_len = 0;
	const char *enc = NULL;
	if (decode_to_utf8(&out, &out_len, &enc, in, len, label) == 0) {
		if (strlen(out) != out_len)
			abort(); /* the output must be a C string of out_len bytes */
		free(out);
	}
	decode_prescan_meta(in, len);
	size_t clen;
	char *ct = malloc(len + 1);
	if (ct) {
		memcpy(ct, in, len);
		ct[len] = '\0';
		decode_content_type_charset(ct, &clen);
		decode_label_lookup(in, len < 64 ? len : 64);
		free(ct);
	}
	return 0;
}
