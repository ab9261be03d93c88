/* decode.c - charset sniffing and decoding to UTF-8.
 *
 * Sniffing follows the HTML Standard (BOM, transport, prescan, guess). UTF-8,
 * UTF-16, windows-1252, x-user-defined and "replacement" have their own
 * decoders here, exact to the Encoding Standard; the other legacy encodings
 * go through glibc iconv, with U+FFFD for each byte it rejects. */
#include "decode.h"
#include "ascii.h"
#include "buf.h"
#include "encoding_labels.h"
#include "error.h"
#include "scrape.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PRESCAN_LIMIT 1024

/* ---- how each encoding is decoded ---- */

/* One code point as UTF-8: its length and bytes. */
struct u8seq {
	unsigned char len;
	unsigned char b[3];
};

#define U2(cp) { 2, { (unsigned char)(0xC0 | ((cp) >> 6)), (unsigned char)(0x80 | ((cp) & 0x3F)), 0 } }
#define U3(cp) { 3, { (unsigned char)(0xE0 | ((cp) >> 12)), (unsigned char)(0x80 | (((cp) >> 6) & 0x3F)), \
		      (unsigned char)(0x80 | ((cp) & 0x3F)) } }
#define R4(M, cp) M(cp), M((cp) + 1), M((cp) + 2), M((cp) + 3)
#define R16(M, cp) R4(M, cp), R4(M, (cp) + 4), R4(M, (cp) + 8), R4(M, (cp) + 12)

/* windows-1252 bytes 0x80-0xFF (index-single-byte of the Encoding Standard:
 * glibc's CP1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, the web
 * maps them to the C1 controls). */
static const struct u8seq windows_1252_high[128] = {
	U3(0x20AC), U2(0x0081), U3(0x201A), U2(0x0192), U3(0x201E), U3(0x2026), U3(0x2020), U3(0x2021),
	U2(0x02C6), U3(0x2030), U2(0x0160), U3(0x2039), U2(0x0152), U2(0x008D), U2(0x017D), U2(0x008F),
	U2(0x0090), U3(0x2018), U3(0x2019), U3(0x201C), U3(0x201D), U3(0x2022), U3(0x2013), U3(0x2014),
	U2(0x02DC), U3(0x2122), U2(0x0161), U3(0x203A), U2(0x0153), U2(0x009D), U2(0x017E), U2(0x0178),
	R16(U2, 0xA0), R16(U2, 0xB0), R16(U2, 0xC0), R16(U2, 0xD0), R16(U2, 0xE0), R16(U2, 0xF0)
};

/* x-user-defined: byte 0x80 + n is U+F780 + n. */
static const struct u8seq x_user_defined_high[128] = {
	R16(U3, 0xF780), R16(U3, 0xF790), R16(U3, 0xF7A0), R16(U3, 0xF7B0),
	R16(U3, 0xF7C0), R16(U3, 0xF7D0), R16(U3, 0xF7E0), R16(U3, 0xF7F0)
};

enum decoder_kind { DEC_ICONV = 0, DEC_UTF8, DEC_UTF16LE, DEC_UTF16BE, DEC_SINGLE_BYTE, DEC_REPLACEMENT };

struct decoder {
	enum decoder_kind kind;
	const char *iconv_names[2];      /* DEC_ICONV: glibc names, first that opens wins */
	uint32_t lone_80;                /* DEC_ICONV: what a lone 0x80 byte is (0: U+FFFD) */
	const struct u8seq *high;        /* DEC_SINGLE_BYTE: bytes 0x80-0xFF */
};

/* The glibc converters closest to the Encoding Standard's decoders: CP932 is
 * Shift_JIS with the NEC/IBM rows and ASCII 0x5C/0x7E (glibc's SHIFT_JIS maps
 * them to yen sign and overline); CP949 is EUC-KR with the UHC extension; GBK
 * is decoded by the gb18030 decoder; Big5 includes HKSCS. */
static const struct decoder decoders[ENC_COUNT] = {
	[ENC_UTF_8] = { DEC_UTF8, { NULL, NULL }, 0, NULL },
	[ENC_IBM866] = { DEC_ICONV, { "IBM866", "CP866" }, 0, NULL },
	[ENC_ISO_8859_2] = { DEC_ICONV, { "ISO-8859-2", NULL }, 0, NULL },
	[ENC_ISO_8859_3] = { DEC_ICONV, { "ISO-8859-3", NULL }, 0, NULL },
	[ENC_ISO_8859_4] = { DEC_ICONV, { "ISO-8859-4", NULL }, 0, NULL },
	[ENC_ISO_8859_5] = { DEC_ICONV, { "ISO-8859-5", NULL }, 0, NULL },
	[ENC_ISO_8859_6] = { DEC_ICONV, { "ISO-8859-6", NULL }, 0, NULL },
	[ENC_ISO_8859_7] = { DEC_ICONV, { "ISO-8859-7", NULL }, 0, NULL },
	[ENC_ISO_8859_8] = { DEC_ICONV, { "ISO-8859-8", NULL }, 0, NULL },
	[ENC_ISO_8859_8_I] = { DEC_ICONV, { "ISO-8859-8", NULL }, 0, NULL },
	[ENC_ISO_8859_10] = { DEC_ICONV, { "ISO-8859-10", NULL }, 0, NULL },
	[ENC_ISO_8859_13] = { DEC_ICONV, { "ISO-8859-13", NULL }, 0, NULL },
	[ENC_ISO_8859_14] = { DEC_ICONV, { "ISO-8859-14", NULL }, 0, NULL },
	[ENC_ISO_8859_15] = { DEC_ICONV, { "ISO-8859-15", NULL }, 0, NULL },
	[ENC_ISO_8859_16] = { DEC_ICONV, { "ISO-8859-16", NULL }, 0, NULL },
	[ENC_KOI8_R] = { DEC_ICONV, { "KOI8-R", NULL }, 0, NULL },
	[ENC_KOI8_U] = { DEC_ICONV, { "KOI8-U", NULL }, 0, NULL },
	[ENC_MACINTOSH] = { DEC_ICONV, { "MACINTOSH", NULL }, 0, NULL },
	[ENC_WINDOWS_874] = { DEC_ICONV, { "WINDOWS-874", "CP874" }, 0, NULL },
	[ENC_WINDOWS_1250] = { DEC_ICONV, { "WINDOWS-1250", "CP1250" }, 0, NULL },
	[ENC_WINDOWS_1251] = { DEC_ICONV, { "WINDOWS-1251", "CP1251" }, 0, NULL },
	[ENC_WINDOWS_1252] = { DEC_SINGLE_BYTE, { NULL, NULL }, 0, windows_1252_high },
	[ENC_WINDOWS_1253] = { DEC_ICONV, { "WINDOWS-1253", "CP1253" }, 0, NULL },
	[ENC_WINDOWS_1254] = { DEC_ICONV, { "WINDOWS-1254", "CP1254" }, 0, NULL },
	[ENC_WINDOWS_1255] = { DEC_ICONV, { "WINDOWS-1255", "CP1255" }, 0, NULL },
	[ENC_WINDOWS_1256] = { DEC_ICONV, { "WINDOWS-1256", "CP1256" }, 0, NULL },
	[ENC_WINDOWS_1257] = { DEC_ICONV, { "WINDOWS-1257", "CP1257" }, 0, NULL },
	[ENC_WINDOWS_1258] = { DEC_ICONV, { "WINDOWS-1258", "CP1258" }, 0, NULL },
	[ENC_X_MAC_CYRILLIC] = { DEC_ICONV, { "MAC-CYRILLIC", "MACCYRILLIC" }, 0, NULL },
	[ENC_GBK] = { DEC_ICONV, { "GB18030", "GBK" }, 0x20AC, NULL },
	[ENC_GB18030] = { DEC_ICONV, { "GB18030", NULL }, 0x20AC, NULL },
	[ENC_BIG5] = { DEC_ICONV, { "BIG5-HKSCS", "BIG5" }, 0, NULL },
	[ENC_EUC_JP] = { DEC_ICONV, { "EUC-JP", NULL }, 0, NULL },
	[ENC_ISO_2022_JP] = { DEC_ICONV, { "ISO-2022-JP", NULL }, 0, NULL },
	[ENC_SHIFT_JIS] = { DEC_ICONV, { "CP932", "SHIFT_JIS" }, 0x80, NULL },
	[ENC_EUC_KR] = { DEC_ICONV, { "CP949", "EUC-KR" }, 0, NULL },
	[ENC_REPLACEMENT] = { DEC_REPLACEMENT, { NULL, NULL }, 0, NULL },
	[ENC_UTF_16BE] = { DEC_UTF16BE, { NULL, NULL }, 0, NULL },
	[ENC_UTF_16LE] = { DEC_UTF16LE, { NULL, NULL }, 0, NULL },
	[ENC_X_USER_DEFINED] = { DEC_SINGLE_BYTE, { NULL, NULL }, 0, x_user_defined_high },
};

static const char replacement_char[3] = { (char)0xEF, (char)0xBF, (char)0xBD };

static char *put_code_point(char *d, uint32_t cp)
{
	if (cp < 0x80) {
		*d++ = (char)cp;
	} else if (cp < 0x800) {
		*d++ = (char)(0xC0 | (cp >> 6));
		*d++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*d++ = (char)(0xE0 | (cp >> 12));
		*d++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*d++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*d++ = (char)(0xF0 | (cp >> 18));
		*d++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*d++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*d++ = (char)(0x80 | (cp & 0x3F));
	}
	return d;
}

/* Appends a code point; room for it must have been reserved. */
static void buf_put_code_point(struct buf *b, uint32_t cp)
{
	b->len = (size_t)(put_code_point(b->data + b->len, cp) - b->data);
}

/* ---- UTF-8 ---- */

/* Length of the prefix of s made of ASCII bytes other than NUL, 16 bytes
 * at a time: a byte is 0 or >= 0x80 exactly when ((v - 0x01..) | v) sets
 * its high bit (a borrow only ever follows a byte that is 0 itself). */
static size_t ascii_run(const unsigned char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	size_t i = 0;
	for (; i + 16 <= n; i += 16) {
		uint64_t v, w;
		memcpy(&v, s + i, 8);
		memcpy(&w, s + i + 8, 8);
		if ((((v - ones) | v) | ((w - ones) | w)) & highs)
			break;
	}
	while (i < n && (unsigned)s[i] - 1u < 0x7Fu)
		i++;
	return i;
}

/* The sequence at s (s[0] >= 0x80): returns how many bytes it covers and sets
 * *ok if it is a valid code point. If not, the count is the maximal subpart
 * (at least 1) that the Encoding Standard's decoder turns into one U+FFFD. */
static size_t utf8_sequence(const unsigned char *s, size_t n, int *ok)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	size_t need;
	*ok = 0;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0;  /* no overlongs */
		else if (c == 0xED)
			hi = 0x9F;  /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90;  /* no overlongs */
		else if (c == 0xF4)
			hi = 0x8F;  /* nothing above U+10FFFF */
	} else {
		return 1;
	}
	for (size_t i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi)
			return i;
		lo = 0x80;
		hi = 0xBF;
	}
	*ok = 1;
	return need + 1;
}

/* Offset of the first byte of s that is NUL or starts an invalid sequence
 * (n if there is none). */
static size_t utf8_scan(const unsigned char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		i += ascii_run(s + i, n - i);
		/* mixed text, a byte or a sequence at a time, until two ASCII
		 * bytes in a row make a longer ASCII run likely */
		for (;;) {
			if (i >= n)
				return n;
			unsigned c = s[i];
			if (c < 0x80) {
				if (c == 0)
					return i;
				if (++i < n && s[i] < 0x80)
					break;
			} else if (c - 0xC2u <= 0xDFu - 0xC2u && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
				i += 2;
			} else if (c - 0xE1u <= 0xEFu - 0xE1u && c != 0xED && i + 2 < n &&
				   (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
				i += 3;  /* E0 and ED, with narrower second bytes, take the general path */
			} else {
				int ok;
				size_t k = utf8_sequence(s + i, n - i, &ok);
				if (!ok)
					return i;
				i += k;
			}
		}
	}
}

/* 1 if s[0..n) has a byte >= 0x80. */
static int has_high_byte(const unsigned char *s, size_t n)
{
	for (size_t i = ascii_run(s, n); i < n; i += 1 + ascii_run(s + i + 1, n - i - 1))
		if (s[i] >= 0x80)
			return 1;
	return 0;
}

/* 1 if s is UTF-8 (NULs allowed), given that utf8_scan() stopped at `from`.
 * A sequence cut off by the end of the data does not count against it when
 * valid multi-byte sequences come before (a document truncated
 * mid-character); without them "caf\xE9" is windows-1252. */
static int utf8_looks_valid(const unsigned char *s, size_t n, size_t from)
{
	size_t i = from;
	while (i < n) {
		if (s[i] == 0) {
			i++;
		} else {
			int ok;
			size_t k = utf8_sequence(s + i, n - i, &ok);
			if (!ok)
				return i + k == n && s[i] >= 0xC2 && s[i] <= 0xF4 && has_high_byte(s, i);
			i += k;
		}
		i += utf8_scan(s + i, n - i);
	}
	return 1;
}

/* UTF-8 that utf8_scan() found valid up to `good` < n. */
static int decode_utf8(struct buf *b, const unsigned char *s, size_t n, size_t good)
{
	if (buf_put(b, (const char *)s, good) != SCRAPE_OK)
		return SCRAPE_ENOMEM;
	size_t i = good;
	while (i < n) {
		/* s[i] is NUL or an invalid sequence: one U+FFFD for it */
		size_t k = 1;
		if (s[i] != 0) {
			int ok;
			k = utf8_sequence(s + i, n - i, &ok);
		}
		i += k;
		size_t run = utf8_scan(s + i, n - i);
		if (buf_grow(b, 3 + run) != SCRAPE_OK)
			return SCRAPE_ENOMEM;
		memcpy(b->data + b->len, replacement_char, 3);
		memcpy(b->data + b->len + 3, s + i, run);
		b->len += 3 + run;
		i += run;
	}
	return SCRAPE_OK;
}

/* ---- single-byte tables, UTF-16, replacement ---- */

static int decode_single_byte(struct buf *b, const unsigned char *s, size_t n, const struct u8seq *high)
{
	/* room: 3 bytes for each NUL or byte >= 0x80 (the word test may count
	 * a few more, never fewer); a 3-byte store of a 2-byte sequence reaches
	 * one byte past the end at most, into the NUL's place */
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	size_t special = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		special += (size_t)__builtin_popcountll(((v - ones) | v) & highs);
	}
	for (; i < n; i++)
		special += s[i] == 0 || s[i] >= 0x80;
	if (buf_grow(b, n + 2 * special) != SCRAPE_OK)
		return SCRAPE_ENOMEM;

	char *d = b->data;
	i = 0;
	while (i < n) {
		size_t run = ascii_run(s + i, n - i);
		memcpy(d, s + i, run);
		d += run;
		/* mixed text, a byte at a time, until two ASCII bytes in a row */
		for (i += run; i < n; i++) {
			unsigned c = s[i];
			if (c - 1u < 0x7Fu) {
				*d++ = (char)c;
				if (i + 1 < n && s[i + 1] - 1u < 0x7Fu) {
					i++;
					break;
				}
			} else if (c == 0) {
				memcpy(d, replacement_char, 3);
				d += 3;
			} else {
				memcpy(d, high[c - 0x80].b, 3);
				d += high[c - 0x80].len;
			}
		}
	}
	b->len = (size_t)(d - b->data);
	return SCRAPE_OK;
}

/* The Encoding Standard's UTF-16 decoder: lone surrogates and an odd final
 * byte are errors; NUL becomes U+FFFD too. */
static int decode_utf16(struct buf *b, const unsigned char *s, size_t n, int big_endian)
{
	/* each 2 bytes give at most 3 (a pair: 4 bytes from 4), plus one error */
	if (buf_grow(b, n / 2 * 3 + 3) != SCRAPE_OK)
		return SCRAPE_ENOMEM;
	unsigned hi_shift = big_endian ? 8 : 0, lo_shift = big_endian ? 0 : 8;
	uint32_t lead = 0;
	size_t i = 0;
	for (; i + 1 < n; i += 2) {
		uint32_t u = (uint32_t)s[i] << hi_shift | (uint32_t)s[i + 1] << lo_shift;
		if (lead) {
			uint32_t l = lead;
			lead = 0;
			if (u >= 0xDC00 && u <= 0xDFFF) {
				buf_put_code_point(b, 0x10000 + ((l - 0xD800) << 10) + (u - 0xDC00));
				continue;
			}
			buf_put_code_point(b, 0xFFFD);
		}
		if (u >= 0xD800 && u <= 0xDBFF)
			lead = u;
		else
			buf_put_code_point(b, (u == 0 || (u >= 0xDC00 && u <= 0xDFFF)) ? 0xFFFD : u);
	}
	if (lead || i < n)
		buf_put_code_point(b, 0xFFFD);
	return SCRAPE_OK;
}

/* ---- iconv ---- */

static iconv_t open_iconv(int enc)
{
	const struct decoder *d = &decoders[enc];
	for (size_t i = 0; i < 2 && d->iconv_names[i]; i++) {
		iconv_t cd = iconv_open("UTF-8", d->iconv_names[i]);
		if (cd != (iconv_t)-1)
			return cd;
	}
	return (iconv_t)-1;
}

/* Runs iconv over s; each byte it rejects becomes U+FFFD (or the encoding's
 * lone_80 for 0x80) and decoding goes on with the next byte; an incomplete
 * sequence at the end becomes one U+FFFD. */
static int decode_iconv(struct buf *b, iconv_t cd, const unsigned char *s, size_t n, uint32_t lone_80)
{
	char *in = (char *)(uintptr_t)s;
	size_t in_left = n;
	int flushing = 0;
	if (buf_grow(b, n + n / 2 + 16) != SCRAPE_OK)
		return SCRAPE_ENOMEM;
	for (;;) {
		char *out = b->data + b->len;
		size_t out_left = b->cap - b->len - 1;
		size_t r = flushing ? iconv(cd, NULL, NULL, &out, &out_left)
				    : iconv(cd, &in, &in_left, &out, &out_left);
		int err = errno;
		b->len = (size_t)(out - b->data);
		if (r != (size_t)-1) {
			if (flushing)
				return SCRAPE_OK;
			flushing = 1;  /* then write out any pending shift state */
			continue;
		}
		if (err == E2BIG) {
			if (buf_grow(b, b->cap) != SCRAPE_OK)
				return SCRAPE_ENOMEM;
			continue;
		}
		if (flushing || in_left == 0)
			return SCRAPE_OK;
		if (buf_grow(b, 4) != SCRAPE_OK)
			return SCRAPE_ENOMEM;
		if (err == EINVAL) {
			buf_put_code_point(b, 0xFFFD);
			in_left = 0;
		} else {
			buf_put_code_point(b, lone_80 && (unsigned char)*in == 0x80 ? lone_80 : 0xFFFD);
			in++;
			in_left--;
		}
	}
}

/* iconv turns NUL bytes into U+0000: make them U+FFFD. */
static int replace_nuls(struct buf *b)
{
	size_t nuls = 0;
	for (const char *p = b->data, *end = b->data + b->len; (p = memchr(p, 0, (size_t)(end - p))) != NULL; p++)
		nuls++;
	if (!nuls)
		return SCRAPE_OK;
	if (buf_grow(b, 2 * nuls) != SCRAPE_OK)
		return SCRAPE_ENOMEM;
	/* expand from the end so nothing is overwritten before it is moved */
	char *src = b->data + b->len, *dst = src + 2 * nuls;
	while (src != dst) {
		char c = *--src;
		if (c == 0) {
			dst -= 3;
			memcpy(dst, replacement_char, 3);
		} else {
			*--dst = c;
		}
	}
	b->len += 2 * nuls;
	return SCRAPE_OK;
}

/* ---- labels and the prescan ---- */

const char *decode_label_lookup(const char *label, size_t len)
{
	int enc = encoding_from_label(label, len);
	return enc < 0 ? NULL : encoding_names[enc];
}

static int ascii_case_eq(const unsigned char *s, const char *lower, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_to_lower(s[i]) != (unsigned char)lower[i])
			return 0;
	return 1;
}

const char *decode_content_type_charset(const char *content_type, size_t *len)
{
	if (!content_type)
		return NULL;
	/* parameters after the type, as the MIME Sniffing Standard parses them
	 * (a little more lenient about whitespace around '=') */
	for (const char *p = strchr(content_type, ';'); p; p = strchr(p, ';')) {
		p++;
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		const char *name = p;
		while (*p && *p != '=' && *p != ';')
			p++;
		const char *name_end = p;
		while (name_end > name && (name_end[-1] == ' ' || name_end[-1] == '\t'))
			name_end--;
		if (*p != '=')
			continue;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		const char *value = p, *value_end;
		if (*p == '"') {
			value = ++p;
			while (*p && *p != '"')
				p += (*p == '\\' && p[1]) ? 2 : 1;
			value_end = p;
		} else {
			while (*p && *p != ';')
				p++;
			value_end = p;
			while (value_end > value && (value_end[-1] == ' ' || value_end[-1] == '\t'))
				value_end--;
		}
		if (name_end - name == 7 && ascii_case_eq((const unsigned char *)name, "charset", 7) &&
		    value_end > value) {
			if (len)
				*len = (size_t)(value_end - value);
			return value;
		}
	}
	return NULL;
}

/* "Extracting a character encoding from a meta element" (its content). */
static int meta_content_charset(const unsigned char *v, size_t n)
{
	size_t i = 0;
	for (;;) {
		while (i + 7 <= n && !ascii_case_eq(v + i, "charset", 7))
			i++;
		if (i + 7 > n)
			return -1;
		i += 7;
		while (i < n && ascii_is_html_space(v[i]))
			i++;
		if (i >= n || v[i] != '=')
			continue;
		i++;
		while (i < n && ascii_is_html_space(v[i]))
			i++;
		if (i >= n)
			return -1;
		if (v[i] == '"' || v[i] == '\'') {
			const unsigned char *end = memchr(v + i + 1, v[i], n - i - 1);
			if (!end)
				return -1;
			return encoding_from_label((const char *)v + i + 1, (size_t)(end - (v + i + 1)));
		}
		size_t start = i;
		while (i < n && !ascii_is_html_space(v[i]) && v[i] != ';')
			i++;
		return encoding_from_label((const char *)v + start, i - start);
	}
}

/* An attribute as "get an attribute" returns it: lowercased. Names longer
 * than the buffer only need to be told apart from the three that matter. */
struct attr {
	size_t name_len, value_len;
	unsigned char name[16];
	unsigned char value[PRESCAN_LIMIT];
};

static int attr_is(const struct attr *a, const char *name)
{
	size_t n = strlen(name);
	return a->name_len == n && memcmp(a->name, name, n) == 0;
}

static void attr_name_add(struct attr *a, unsigned char c)
{
	if (a->name_len < sizeof a->name)
		a->name[a->name_len] = ascii_to_lower(c);
	a->name_len++;
}

static void attr_value_add(struct attr *a, unsigned char c)
{
	if (a->value_len < sizeof a->value)
		a->value[a->value_len++] = ascii_to_lower(c);
}

enum { ATTR_NONE = 0, ATTR_FOUND = 1, ATTR_EOF = -1 };

/* The HTML Standard's "get an attribute", from s[*pos]. */
static int get_attribute(const unsigned char *s, size_t n, size_t *pos, struct attr *a)
{
	size_t p = *pos;
	a->name_len = a->value_len = 0;
	while (p < n && (ascii_is_html_space(s[p]) || s[p] == '/'))
		p++;
	if (p >= n)
		return ATTR_EOF;
	if (s[p] == '>') {
		*pos = p;
		return ATTR_NONE;
	}
	for (;; p++) {  /* the name */
		if (p >= n)
			return ATTR_EOF;
		if (s[p] == '=' && a->name_len > 0) {
			p++;
			goto value;
		}
		if (ascii_is_html_space(s[p]))
			break;
		if (s[p] == '/' || s[p] == '>') {
			*pos = p;
			return ATTR_FOUND;
		}
		attr_name_add(a, s[p]);
	}
	while (p < n && ascii_is_html_space(s[p]))
		p++;
	if (p >= n)
		return ATTR_EOF;
	if (s[p] != '=') {
		*pos = p;
		return ATTR_FOUND;
	}
	p++;
value:
	while (p < n && ascii_is_html_space(s[p]))
		p++;
	if (p >= n)
		return ATTR_EOF;
	if (s[p] == '"' || s[p] == '\'') {
		unsigned char quote = s[p];
		for (p++;; p++) {
			if (p >= n)
				return ATTR_EOF;
			if (s[p] == quote) {
				*pos = p + 1;
				return ATTR_FOUND;
			}
			attr_value_add(a, s[p]);
		}
	}
	if (s[p] == '>') {
		*pos = p;
		return ATTR_FOUND;
	}
	for (;; p++) {
		if (p >= n)
			return ATTR_EOF;
		if (ascii_is_html_space(s[p]) || s[p] == '>') {
			*pos = p;
			return ATTR_FOUND;
		}
		attr_value_add(a, s[p]);
	}
}

enum { META_NONE = -1, META_EOF = -2 };
#define CHARSET_NULL (-2)  /* no charset yet (-1 is an unknown label) */

/* The attributes of a <meta> from s[*pos]: its encoding, META_NONE or META_EOF. */
static int prescan_meta(const unsigned char *s, size_t n, size_t *pos)
{
	struct attr a;
	int got_pragma = 0, need_pragma = -1, charset = CHARSET_NULL;
	int seen_http_equiv = 0, seen_content = 0, seen_charset = 0;
	for (;;) {
		int r = get_attribute(s, n, pos, &a);
		if (r == ATTR_EOF)
			return META_EOF;
		if (r == ATTR_NONE)
			break;
		if (attr_is(&a, "http-equiv")) {
			if (!seen_http_equiv++ && a.value_len == 12 && memcmp(a.value, "content-type", 12) == 0)
				got_pragma = 1;
		} else if (attr_is(&a, "content")) {
			if (!seen_content++) {
				int enc = meta_content_charset(a.value, a.value_len);
				if (enc >= 0 && charset == CHARSET_NULL) {
					charset = enc;
					need_pragma = 1;
				}
			}
		} else if (attr_is(&a, "charset")) {
			if (!seen_charset++) {
				charset = encoding_from_label((const char *)a.value, a.value_len);
				need_pragma = 0;
			}
		}
	}
	if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || charset < 0)
		return META_NONE;
	if (charset == ENC_UTF_16BE || charset == ENC_UTF_16LE)
		return ENC_UTF_8;
	if (charset == ENC_X_USER_DEFINED)
		return ENC_WINDOWS_1252;
	return charset;
}

static const unsigned char *find_bytes(const unsigned char *s, size_t n, const char *what, size_t k)
{
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == (unsigned char)what[0] && memcmp(s + i, what, k) == 0)
			return s + i;
	return NULL;
}

/* The HTML Standard's "get an XML encoding": <?xml ... encoding="..."?>. */
static int xml_encoding(const unsigned char *s, size_t n)
{
	if (n < 5 || memcmp(s, "<?xml", 5) != 0)
		return -1;
	const unsigned char *gt = memchr(s, '>', n);
	if (!gt)
		return -1;
	size_t end = (size_t)(gt - s);
	const unsigned char *e = find_bytes(s + 5, end - 5, "encoding", 8);
	if (!e)
		return -1;
	size_t i = (size_t)(e - s) + 8;
	while (i < end && ascii_is_html_space(s[i]))
		i++;
	if (i >= end || s[i] != '=')
		return -1;
	for (i++; i < end && ascii_is_html_space(s[i]); i++)
		;
	if (i >= end || (s[i] != '"' && s[i] != '\''))
		return -1;
	const unsigned char *close = memchr(s + i + 1, s[i], end - i - 1);
	if (!close)
		return -1;
	for (const unsigned char *c = s + i + 1; c < close; c++)
		if (*c <= 0x20)
			return -1;
	int enc = encoding_from_label((const char *)s + i + 1, (size_t)(close - (s + i + 1)));
	return enc == ENC_UTF_16BE || enc == ENC_UTF_16LE ? ENC_UTF_8 : enc;
}

/* The HTML Standard's "prescan a byte stream to determine its encoding". */
static int prescan(const unsigned char *s, size_t n)
{
	if (n > PRESCAN_LIMIT)
		n = PRESCAN_LIMIT;
	if (n >= 6 && memcmp(s, "<\0?\0x\0", 6) == 0)
		return ENC_UTF_16LE;
	if (n >= 6 && memcmp(s, "\0<\0?\0x", 6) == 0)
		return ENC_UTF_16BE;
	size_t p = 0;
	for (;;) {
		const unsigned char *lt = p < n ? memchr(s + p, '<', n - p) : NULL;
		if (!lt)
			break;
		p = (size_t)(lt - s);
		size_t left = n - p;
		if (left >= 4 && memcmp(s + p, "<!--", 4) == 0) {
			/* to the '>' of the first "-->"; "<!-->" is a whole comment */
			const unsigned char *end = find_bytes(s + p + 2, left - 2, "-->", 3);
			if (!end)
				break;
			p = (size_t)(end - s) + 3;
		} else if (left >= 6 && ascii_case_eq(s + p + 1, "meta", 4) && (ascii_is_html_space(s[p + 5]) || s[p + 5] == '/')) {
			p += 6;
			int enc = prescan_meta(s, n, &p);
			if (enc == META_EOF)
				break;
			if (enc >= 0)
				return enc;
			p++;
		} else if (left >= 2 && (ascii_is_alpha(s[p + 1]) || (left >= 3 && s[p + 1] == '/' && ascii_is_alpha(s[p + 2])))) {
			/* another tag: skip its name and attributes */
			while (p < n && !ascii_is_html_space(s[p]) && s[p] != '>')
				p++;
			struct attr a;
			int r;
			while ((r = get_attribute(s, n, &p, &a)) == ATTR_FOUND)
				;
			if (r == ATTR_EOF)
				break;
			p++;
		} else if (left >= 2 && (s[p + 1] == '!' || s[p + 1] == '/' || s[p + 1] == '?')) {
			const unsigned char *gt = memchr(s + p + 1, '>', left - 1);
			if (!gt)
				break;
			p = (size_t)(gt - s) + 1;
		} else {
			p++;
		}
	}
	return xml_encoding(s, n);
}

const char *decode_prescan_meta(const char *data, size_t len)
{
	if (!data)
		return NULL;
	int enc = prescan((const unsigned char *)data, len);
	return enc < 0 ? NULL : encoding_names[enc];
}

/* ---- the pipeline entry ---- */

/* enc if it can be decoded here (opening its iconv converter into *cd), else -1. */
static int usable(int enc, iconv_t *cd)
{
	if (enc < 0 || decoders[enc].kind != DEC_ICONV)
		return enc;
	*cd = open_iconv(enc);
	return *cd == (iconv_t)-1 ? -1 : enc;
}

int decode_to_utf8(char **out, size_t *out_len, const char **encoding,
		   const char *data, size_t len, const char *transport_charset)
{
	static const unsigned char empty[1] = { 0 };
	const unsigned char *s = data ? (const unsigned char *)data : empty;
	if (!data)
		len = 0;
	iconv_t cd = (iconv_t)-1;
	int enc = -1;

	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		enc = ENC_UTF_8;
		s += 3;
		len -= 3;
	} else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		enc = ENC_UTF_16BE;
		s += 2;
		len -= 2;
	} else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		enc = ENC_UTF_16LE;
		s += 2;
		len -= 2;
	}
	if (enc < 0 && transport_charset)
		enc = usable(encoding_from_label(transport_charset, strlen(transport_charset)), &cd);
	if (enc < 0)
		enc = usable(prescan(s, len), &cd);
	size_t good = (size_t)-1;  /* valid UTF-8 prefix, once scanned */
	if (enc < 0) {
		good = utf8_scan(s, len);
		enc = utf8_looks_valid(s, len, good) ? ENC_UTF_8 : ENC_WINDOWS_1252;
	}

	const struct decoder *d = &decoders[enc];
	struct buf b = BUF_INIT;
	int rc = SCRAPE_OK;
	switch (d->kind) {
	case DEC_UTF8:
		if (good == (size_t)-1)
			good = utf8_scan(s, len);
		if (good == len) {  /* the common case: copied through */
			char *copy = malloc(len + 1);
			if (!copy)
				return scrape_error_set(SCRAPE_ENOMEM, "decoding UTF-8: out of memory");
			memcpy(copy, s, len);
			copy[len] = '\0';
			*out = copy;
			if (out_len)
				*out_len = len;
			if (encoding)
				*encoding = encoding_names[enc];
			return SCRAPE_OK;
		}
		rc = decode_utf8(&b, s, len, good);
		break;
	case DEC_SINGLE_BYTE:
		rc = decode_single_byte(&b, s, len, d->high);
		break;
	case DEC_UTF16LE:
	case DEC_UTF16BE:
		rc = decode_utf16(&b, s, len, d->kind == DEC_UTF16BE);
		break;
	case DEC_REPLACEMENT:
		/* one error for the whole stream, as the standard says */
		rc = buf_put(&b, len ? replacement_char : "", len ? 3 : 0);
		break;
	case DEC_ICONV:
		rc = decode_iconv(&b, cd, s, len, d->lone_80);
		iconv_close(cd);
		if (rc == SCRAPE_OK)
			rc = replace_nuls(&b);
		break;
	}
	size_t n = 0;
	char *text = rc == SCRAPE_OK ? buf_detach(&b, &n) : NULL;
	if (!text) {
		buf_free(&b);
		return scrape_error_set(SCRAPE_ENOMEM, "decoding %s: out of memory", encoding_names[enc]);
	}
	text[n] = '\0';
	*out = text;
	if (out_len)
		*out_len = n;
	if (encoding)
		*encoding = encoding_names[enc];
	return SCRAPE_OK;
}
