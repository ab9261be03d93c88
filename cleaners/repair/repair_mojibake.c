#include "repair_mojibake.h"
#include "repair_entities.h"
#include "scrape.h"

#include <stdint.h>
#include <string.h>

/* windows-1252 bytes 0x80..0x9F; 0 where undefined (those bytes are read as
 * the C1 control of the same value, as browsers do). */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The byte that code point cp came from when bytes were read as
 * windows-1252 or latin-1, or -1. */
static int byte_of(unsigned long cp)
{
	if (cp >= 0x80 && cp <= 0xFF)
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (cp1252_high[i] && cp1252_high[i] == cp)
			return 0x80 + i;
	return -1;
}

/* Decodes one UTF-8 character at s[0..n); returns its length (0 if invalid). */
static size_t utf8_get(const unsigned char *s, size_t n, unsigned long *cp)
{
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	unsigned long v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1Fu;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0Fu;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07u;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
		return 0;
	*cp = v;
	return len;
}

/* Characters a mojibake repair may produce: the scripts and symbols of
 * ordinary web text. CJK and rarer blocks are left out on purpose: a
 * legitimate "é" followed by two punctuation marks can read as one. */
static int plausible(unsigned long cp)
{
	return (cp >= 0xA0 && cp <= 0x52F) || (cp >= 0x590 && cp <= 0x6FF) ||
	       (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2000 && cp <= 0x2BFF) ||
	       (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F;
}

int repair_mojibake_suspect(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i + 1 < n; i++) {
		/* ASCII, the common case: eight bytes at a time */
		while (i + 9 <= n) {
			uint64_t x;
			memcpy(&x, u + i, 8);
			if (x & 0x8080808080808080ull)
				break;
			i += 8;
		}
		/* the skip may end on the last byte, which starts nothing */
		if (i + 1 >= n)
			break;
		if (u[i] < 0xC2)
			continue;
		if (u[i] == 0xC2 || u[i] == 0xC3 || u[i] == 0xC5 || u[i] == 0xC6 || u[i] == 0xCB ||
		    (u[i] == 0xE2 && (u[i + 1] == 0x80 || u[i + 1] == 0x82 || u[i + 1] == 0x84)))
			return 1;
	}
	return 0;
}

/* One round over s[0..n); sets *changed. */
static int one_round(struct buf *out, const char *s, size_t n, int *changed)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	*changed = 0;
	while (i < n) {
		unsigned long cp;
		size_t l = utf8_get(u + i, n - i, &cp);
		if (l == 0) {
			if (buf_putc(out, s[i]) != SCRAPE_OK)
				return SCRAPE_ENOMEM;
			i++;
			continue;
		}
		int lead = l > 1 ? byte_of(cp) : -1;
		size_t need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 :
			      lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
		if (need) {
			unsigned char bytes[4];
			size_t at = i + l, k;
			bytes[0] = (unsigned char)lead;
			for (k = 1; k < need; k++) {
				unsigned long c2;
				size_t l2 = utf8_get(u + at, n - at, &c2);
				int b = l2 > 1 ? byte_of(c2) : -1;
				if (b < 0x80 || b > 0xBF)
					break;
				bytes[k] = (unsigned char)b;
				at += l2;
			}
			unsigned long fixed;
			if (k == need && utf8_get(bytes, need, &fixed) == need && plausible(fixed)) {
				if (buf_put(out, (const char *)bytes, need) != SCRAPE_OK)
					return SCRAPE_ENOMEM;
				*changed = 1;
				i = at;
				continue;
			}
		}
		if (buf_put(out, s + i, l) != SCRAPE_OK)
			return SCRAPE_ENOMEM;
		i += l;
	}
	return SCRAPE_OK;
}

int repair_mojibake(struct buf *out, const char *s, size_t n)
{
	if (!repair_mojibake_suspect(s, n))
		return buf_put(out, s, n);
	struct buf a = BUF_INIT, b = BUF_INIT;
	int rc = SCRAPE_OK, changed = 1;
	const char *cur = s;
	size_t cur_len = n;
	for (int round = 0; round < 3 && changed && rc == SCRAPE_OK; round++) {
		struct buf *dst = round % 2 ? &b : &a;
		buf_clear(dst);
		rc = one_round(dst, cur, cur_len, &changed);
		cur = dst->data ? dst->data : "";
		cur_len = dst->len;
	}
	if (rc == SCRAPE_OK)
		rc = buf_put(out, cur, cur_len);
	buf_free(&a);
	buf_free(&b);
	return rc;
}
