#include "json.h"
#include "scrape.h"
#include "utf8.h"

int json_put_string(struct buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	buf_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case '\t': buf_puts(out, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				char e[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
				buf_puts(out, e);
			} else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
				   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
				/* U+2028/2029 are valid JSON but break JavaScript consumers */
				buf_puts(out, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
				i += 2;
			} else if (c >= 0x80) {
				/* JSON text is UTF-8: an invalid sequence becomes U+FFFD */
				const unsigned char *p = (const unsigned char *)s + i;
				size_t k = utf8_seq_len(p, len - i);
				if (k) {
					buf_put(out, s + i, k);
				} else {
					buf_puts(out, "\\ufffd");
					k = utf8_invalid_len(p, len - i);
				}
				i += k - 1;
			} else {
				buf_putc(out, (char)c);
			}
		}
	}
	buf_putc(out, '"');
	return out->oom ? SCRAPE_ENOMEM : SCRAPE_OK;
}
