#include "utf8.h"
#include "scrape.h"

#include <stdlib.h>
#include <string.h>

/* Table 3-7 of the Unicode standard: the well-formed byte sequences. */
size_t utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t need;
	unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F; /* nothing past U+10FFFF */
	} else {
		return 0;
	}
	if (n < need || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < need; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return need;
}

size_t utf8_invalid_len(const unsigned char *s, size_t n)
{
	/* the lead byte plus those continuation bytes that still fit a prefix
	 * of a well-formed sequence ("maximal subpart") */
	unsigned char c = s[0];
	size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 1;
	size_t i = 1;
	while (i < need && i < n && (s[i] & 0xC0) == 0x80) {
		if (i == 1 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
			       (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F)))
			break;
		i++;
	}
	return i;
}

int utf8_is_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_seq_len(p + i, n - i);
		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

int utf8_put_valid(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0; /* run: start of the valid bytes not yet copied */
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_seq_len(p + i, n - i);
		if (k) {
			i += k;
			continue;
		}
		buf_put(b, s + run, i - run);
		buf_put(b, "\xEF\xBF\xBD", 3);
		i += utf8_invalid_len(p + i, n - i);
		run = i;
	}
	buf_put(b, s + run, n - run);
	return b->oom ? SCRAPE_ENOMEM : SCRAPE_OK;
}

int utf8_make_valid(char **s, size_t *len)
{
	if (!*s || utf8_is_valid(*s, *len))
		return SCRAPE_OK;
	struct buf b = BUF_INIT;
	if (utf8_put_valid(&b, *s, *len) != SCRAPE_OK) {
		buf_free(&b);
		return SCRAPE_ENOMEM;
	}
	size_t n;
	char *r = buf_detach(&b, &n);
	if (!r)
		return SCRAPE_ENOMEM;
	free(*s);
	*s = r;
	*len = n;
	return SCRAPE_OK;
}
