/* Charset sniffing and decoding to UTF-8 (scraper/decode.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "encoding_labels.h"
#include "scrape.h"

/* Beware: a hex escape swallows every hex digit after it, so literals are
 * split ("\xD4" "a") wherever a letter or digit follows one. */
#define FFFD "\xEF\xBF\xBD"
#define PRIVET_UTF8 "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82" /* Привет */
#define PRIVET_KOI8 "\xF0\xD2\xC9\xD7\xC5\xD4"
#define PRIVET_1251 "\xCF\xF0\xE8\xE2\xE5\xF2"
#define NIHONGO_UTF8 "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E" /* 日本語 */
#define NIHONGO_SJIS "\x93\xFA\x96\x7B\x8C\xEA"

struct decoded {
	char *out;
	size_t len;
	const char *enc;
};

/* Decodes and checks what holds for every output: a C string of out_len bytes. */
static void decode(struct decoded *d, const char *data, size_t len, const char *transport)
{
	d->out = NULL;
	d->len = (size_t)-1;
	d->enc = NULL;
	assert_int_equal(decode_to_utf8(&d->out, &d->len, &d->enc, data, len, transport), SCRAPE_OK);
	assert_non_null(d->out);
	assert_non_null(d->enc);
	assert_int_equal(strlen(d->out), d->len);
}

/* Decodes a literal and compares output and encoding name. */
#define CHECK(in, transport, want, want_enc) \
	check(in, sizeof(in) - 1, transport, want, sizeof(want) - 1, want_enc)

static void check(const char *in, size_t in_len, const char *transport,
		  const char *want, size_t want_len, const char *want_enc)
{
	struct decoded d;
	decode(&d, in, in_len, transport);
	assert_string_equal(d.enc, want_enc);
	if (d.len != want_len || memcmp(d.out, want, want_len) != 0) {
		print_error("got %zu bytes:", d.len);
		for (size_t i = 0; i < d.len; i++)
			print_error(" %02X", (unsigned char)d.out[i]);
		print_error("\n");
	}
	assert_int_equal(d.len, want_len);
	assert_memory_equal(d.out, want, want_len);
	free(d.out);
}

/* ---- byte-order marks ---- */

static void utf8_bom_is_stripped_and_beats_transport(void **state)
{
	(void)state;
	CHECK("\xEF\xBB\xBF" "caf\xC3\xA9", "windows-1252", "caf\xC3\xA9", "UTF-8");
	CHECK("\xEF\xBB\xBF", NULL, "", "UTF-8");
}

static void utf16le_bom(void **state)
{
	(void)state;
	/* h, é, U+1F600 as a surrogate pair; the meta and the transport lose */
	CHECK("\xFF\xFE" "h\0" "\xE9\0" "\x3D\xD8\x00\xDE", "utf-8", "h\xC3\xA9\xF0\x9F\x98\x80", "UTF-16LE");
	CHECK("\xFF\xFE" "<\0m\0e\0t\0a\0 \0c\0h\0a\0r\0s\0e\0t\0=\0k\0o\0i\0" "8\0>\0", NULL,
	      "<meta charset=koi8>", "UTF-16LE");
}

static void utf16be_bom(void **state)
{
	(void)state;
	CHECK("\xFE\xFF" "\0h" "\0\xE9" "\xD8\x3D\xDE\x00", "koi8-r", "h\xC3\xA9\xF0\x9F\x98\x80", "UTF-16BE");
}

static void utf16_errors_become_replacement(void **state)
{
	(void)state;
	/* lone trail surrogate, lone lead surrogate, NUL unit, odd final byte */
	CHECK("\xFF\xFE" "\x00\xDC" "A\0" "\x3D\xD8" "B\0" "\0\0" "C", NULL,
	      FFFD "A" FFFD "B" FFFD FFFD, "UTF-16LE");
	/* a lead surrogate at the end and an odd byte: one error */
	CHECK("\xFE\xFF" "\xD8\x3D" "x", NULL, FFFD, "UTF-16BE");
	/* a lead surrogate followed by another lead that pairs */
	CHECK("\xFE\xFF" "\xD8\x00\xD8\x3D\xDE\x00", NULL, FFFD "\xF0\x9F\x98\x80", "UTF-16BE");
}

/* ---- transport, meta, precedence ---- */

static void transport_charset_only(void **state)
{
	(void)state;
	CHECK("<p>" PRIVET_KOI8 "</p>", "koi8-r", "<p>" PRIVET_UTF8 "</p>", "KOI8-R");
	CHECK(PRIVET_1251, " Windows-1251 ", PRIVET_UTF8, "windows-1251");
}

static void meta_charset(void **state)
{
	(void)state;
	CHECK("<html><head><meta charset=\"windows-1251\"><title>" PRIVET_1251 "</title>", NULL,
	      "<html><head><meta charset=\"windows-1251\"><title>" PRIVET_UTF8 "</title>", "windows-1251");
	CHECK("<meta charset=koi8-r>" PRIVET_KOI8, NULL, "<meta charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
}

static void meta_http_equiv_content(void **state)
{
	(void)state;
	CHECK("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">" PRIVET_KOI8, NULL,
	      "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">" PRIVET_UTF8, "KOI8-R");
	/* content before http-equiv, quoted charset inside content */
	const char *reversed = "<meta content='text/html; charset=\"windows-1251\"' http-equiv=content-type>";
	assert_string_equal(decode_prescan_meta(reversed, strlen(reversed)), "windows-1251");
	/* content alone is no declaration */
	const char *no_pragma = "<meta content=\"text/html; charset=koi8-r\">";
	assert_null(decode_prescan_meta(no_pragma, strlen(no_pragma)));
	/* http-equiv naming something else is none either */
	const char *refresh = "<meta http-equiv=refresh content=\"0; charset=koi8-r\">";
	assert_null(decode_prescan_meta(refresh, strlen(refresh)));
}

static void meta_inside_comment_is_ignored(void **state)
{
	(void)state;
	CHECK("<!-- <meta charset=\"koi8-r\"> -->caf\xC3\xA9", NULL,
	      "<!-- <meta charset=\"koi8-r\"> -->caf\xC3\xA9", "UTF-8");
	/* a '>' inside the comment does not end it */
	const char *gt = "<!-- a > b <meta charset=koi8-r> -->";
	assert_null(decode_prescan_meta(gt, strlen(gt)));
	/* "<!-->" is a whole comment, so the meta after it counts */
	const char *s = "<!--><meta charset=koi8-r>";
	assert_string_equal(decode_prescan_meta(s, strlen(s)), "KOI8-R");
	/* a meta inside another tag's attribute value is not a tag */
	s = "<a title='<meta charset=koi8-r>'>x</a>";
	assert_null(decode_prescan_meta(s, strlen(s)));
}

static void meta_after_1024_bytes_is_ignored(void **state)
{
	(void)state;
	const char *meta = "<meta charset=koi8-r>";
	size_t mlen = strlen(meta);
	char page[2048];
	struct decoded d;

	/* ends exactly at byte 1024: found */
	memset(page, ' ', sizeof page);
	memcpy(page + 1024 - mlen, meta, mlen);
	assert_string_equal(decode_prescan_meta(page, sizeof page), "KOI8-R");

	/* one byte later: cut off by the limit, ignored */
	memset(page, ' ', sizeof page);
	memcpy(page + 1025 - mlen, meta, mlen);
	assert_null(decode_prescan_meta(page, sizeof page));

	/* well after: ignored, and the document is guessed */
	memset(page, ' ', sizeof page);
	memcpy(page + 1100, meta, mlen);
	memcpy(page + 1100 + mlen, PRIVET_KOI8, 6);
	decode(&d, page, 1100 + mlen + 6, NULL);
	assert_string_equal(d.enc, "windows-1252");
	free(d.out);
}

static void bom_beats_transport_beats_meta(void **state)
{
	(void)state;
	CHECK("\xEF\xBB\xBF<meta charset=koi8-r>\xD0\x9F", "windows-1251", "<meta charset=koi8-r>\xD0\x9F", "UTF-8");
	CHECK("<meta charset=koi8-r>" PRIVET_1251, "windows-1251", "<meta charset=koi8-r>" PRIVET_UTF8, "windows-1251");
}

static void unknown_label_falls_through(void **state)
{
	(void)state;
	/* unknown transport: the meta decides */
	CHECK("<meta charset=koi8-r>" PRIVET_KOI8, "x-bogus", "<meta charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
	/* unknown transport and meta: the guess decides */
	CHECK("<meta charset=bogus>caf\xE9", "bogus", "<meta charset=bogus>caf\xC3\xA9", "windows-1252");
	/* a windows-1252 byte at the very end is not taken for cut-off UTF-8 */
	CHECK("caf\xE9", NULL, "caf\xC3\xA9", "windows-1252");
	CHECK("<meta charset=bogus>caf\xC3\xA9", "", "<meta charset=bogus>caf\xC3\xA9", "UTF-8");
	/* an unknown meta is skipped and a later one counts */
	const char *s = "<meta charset=bogus><meta charset=koi8-r>";
	assert_string_equal(decode_prescan_meta(s, strlen(s)), "KOI8-R");
}

static void prescan_attribute_syntax(void **state)
{
	(void)state;
	static const struct {
		const char *html;
		const char *want;
	} cases[] = {
		{ "<meta charset = 'KOI8-R' >", "KOI8-R" },
		{ "<meta/charset=koi8-r>", "KOI8-R" },
		{ "<meta charset=koi8-r/>", NULL },                               /* the label is "koi8-r/" */
		{ "<meta\ncharset=\"  koi8-r\t\">", "KOI8-R" },
		{ "<!DOCTYPE html><html lang=ru><head><meta name=x charset=koi8-r>", "KOI8-R" },
		{ "<meta charset=koi8-r charset=utf-8>", "KOI8-R" },           /* first of a name wins */
		{ "<meta http-equiv=content-type content='charset=koi8-r' charset=windows-1251>", "windows-1251" },
		{ "<meta charset=windows-1251 http-equiv=content-type content='charset=koi8-r'>", "windows-1251" },
		{ "<meta http-equiv=content-type content='text/html;charset=\"koi8-r'>", NULL },  /* unmatched quote */
		{ "<meta http-equiv=content-type content='charsetcharset = koi8-r;x'>", "KOI8-R" },
		{ "<metax charset=koi8-r>", NULL },
		{ "<meta charset=koi8-r", NULL },                                 /* runs out of bytes */
		{ "<p title=\"a>b\"><meta charset=koi8-r>", "KOI8-R" },
		{ "<?php echo 1 ?><meta charset=koi8-r>", "KOI8-R" },
		{ "</div x=\"<meta charset=utf-8>\"><meta charset=koi8-r>", "KOI8-R" },
		{ "<meta charset=x-user-defined>", "windows-1252" },
		{ "<meta charset=utf-16le>", "UTF-8" },
		{ "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>", "ISO-8859-2" },
		{ "<?xml version='1.0' encoding = 'utf-16'?>", "UTF-8" },
		{ "<?xml version=\"1.0\"?><html><meta charset=koi8-r>", "KOI8-R" },
		{ "<html><head>", NULL },
		{ "", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = decode_prescan_meta(cases[i].html, strlen(cases[i].html));
		if (!cases[i].want) {
			if (got)
				print_error("%s -> %s\n", cases[i].html, got);
			assert_null(got);
		} else {
			if (!got || strcmp(got, cases[i].want) != 0)
				print_error("%s -> %s\n", cases[i].html, got ? got : "(null)");
			assert_non_null(got);
			assert_string_equal(got, cases[i].want);
		}
	}
	/* XML in UTF-16 without a BOM */
	assert_string_equal(decode_prescan_meta("<\0?\0x\0m\0l\0", 10), "UTF-16LE");
	assert_string_equal(decode_prescan_meta("\0<\0?\0x\0m\0l", 10), "UTF-16BE");
}

static void meta_claiming_utf16_on_ascii_is_utf8(void **state)
{
	(void)state;
	CHECK("<meta charset=\"utf-16\"><p>caf\xC3\xA9</p>", NULL, "<meta charset=\"utf-16\"><p>caf\xC3\xA9</p>", "UTF-8");
	CHECK("<meta http-equiv=\"content-type\" content=\"text/html; charset=UTF-16LE\">hi", NULL,
	      "<meta http-equiv=\"content-type\" content=\"text/html; charset=UTF-16LE\">hi", "UTF-8");
}

/* ---- labels ---- */

static void labels(void **state)
{
	(void)state;
	static const struct {
		const char *label;
		const char *want;
	} cases[] = {
		{ "latin1", "windows-1252" }, { "ISO-8859-1", "windows-1252" }, { "ascii", "windows-1252" },
		{ "US-ASCII", "windows-1252" }, { " \t\n\f\rlatin1\r\n", "windows-1252" },
		{ "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" }, { "UTF-8", "UTF-8" },
		{ "gb2312", "GBK" }, { "GB18030", "gb18030" }, { "shift_jis", "Shift_JIS" }, { "sjis", "Shift_JIS" },
		{ "ms932", "Shift_JIS" }, { "windows-31j", "Shift_JIS" }, { "big5-hkscs", "Big5" },
		{ "ks_c_5601-1987", "EUC-KR" }, { "iso-8859-8-i", "ISO-8859-8-I" }, { "tis-620", "windows-874" },
		{ "iso-8859-9", "windows-1254" }, { "iso-2022-kr", "replacement" }, { "utf-16", "UTF-16LE" },
		{ "x-mac-ukrainian", "x-mac-cyrillic" }, { "cseucpkdfmtjapanese", "EUC-JP" },
		{ "", NULL }, { "   ", NULL }, { "utf-8x", NULL }, { "utf 8", NULL }, { "latin-1", NULL },
		{ "cseucpkdfmtjapanesexx", NULL }, { "iso-8859-1\xC2\xA0", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = decode_label_lookup(cases[i].label, strlen(cases[i].label));
		if (!cases[i].want) {
			assert_null(got);
		} else {
			assert_non_null(got);
			assert_string_equal(got, cases[i].want);
		}
	}
	assert_null(decode_label_lookup(NULL, 0));
	assert_null(decode_label_lookup("utf8\0junk", 9));
	assert_string_equal(decode_label_lookup("utf8junk", 4), "UTF-8");
}

/* Every label of the table is found (so the table is sorted), in any case. */
static void every_label_is_found(void **state)
{
	(void)state;
	assert_int_equal(encoding_label_count, 228);
	for (size_t i = 0; i < encoding_label_count; i++) {
		const char *label = encoding_labels[i].label;
		const char *want = encoding_names[encoding_labels[i].id];
		char upper[64];
		size_t n = strlen(label);
		assert_true(n + 2 < sizeof upper);
		upper[0] = ' ';
		for (size_t k = 0; k < n; k++)
			upper[k + 1] = (char)(label[k] >= 'a' && label[k] <= 'z' ? label[k] - 32 : label[k]);
		upper[n + 1] = '\t';
		const char *got = decode_label_lookup(label, n);
		assert_non_null(got);
		assert_string_equal(got, want);
		got = decode_label_lookup(upper, n + 2);
		assert_non_null(got);
		assert_string_equal(got, want);
		if (i > 0)
			assert_true(strcmp(encoding_labels[i - 1].label, label) < 0);
	}
}

static void content_type_charset(void **state)
{
	(void)state;
	static const struct {
		const char *ct;
		const char *want;
	} cases[] = {
		{ "text/html; charset=utf-8", "utf-8" },
		{ "text/html;charset=\"ISO-8859-1\"", "ISO-8859-1" },
		{ "text/html; Charset = koi8-r ; foo=bar", "koi8-r" },
		{ "text/html; foo=\"a;charset=x\"; charset=windows-1251", "windows-1251" },
		{ "text/html; charset=; charset=koi8-r", "koi8-r" },
		{ "text/html; charset=\"utf-8", "utf-8" },
		{ "text/html; xcharset=utf-8", NULL },
		{ "text/html; charset", NULL },
		{ "text/html", NULL },
		{ "", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = 0;
		const char *got = decode_content_type_charset(cases[i].ct, &len);
		if (!cases[i].want) {
			assert_null(got);
			continue;
		}
		assert_non_null(got);
		assert_int_equal(len, strlen(cases[i].want));
		assert_memory_equal(got, cases[i].want, len);
		assert_true(got >= cases[i].ct && got + len <= cases[i].ct + strlen(cases[i].ct));
	}
	assert_null(decode_content_type_charset(NULL, NULL));
}

/* ---- windows-1252 ---- */

static void windows_1252_c1_range(void **state)
{
	(void)state;
	CHECK("\x80\x81\x8D\x8F\x90\x92\x9D\x9F\xA0\xE9\xFF", "latin1",
	      "\xE2\x82\xAC" "\xC2\x81" "\xC2\x8D" "\xC2\x8F" "\xC2\x90" "\xE2\x80\x99" "\xC2\x9D" "\xC5\xB8"
	      "\xC2\xA0" "\xC3\xA9" "\xC3\xBF", "windows-1252");
}

/* All 256 bytes agree with glibc's CP1252 where it defines them. */
static void windows_1252_matches_glibc(void **state)
{
	(void)state;
	iconv_t cd = iconv_open("UTF-8", "CP1252");
	if (cd == (iconv_t)-1)
		skip();
	for (unsigned c = 1; c < 256; c++) {
		if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
			continue;
		char in = (char)c, want[8], *ip = &in, *op = want;
		size_t il = 1, ol = sizeof want;
		assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
		struct decoded d;
		decode(&d, &in, 1, "windows-1252");
		assert_int_equal(d.len, sizeof want - ol);
		assert_memory_equal(d.out, want, d.len);
		free(d.out);
	}
	iconv_close(cd);
}

/* A long mix of every byte value decodes as the bytes do one by one (and
 * the output buffer, sized word by word, is big enough: see ASan). */
static void windows_1252_long_mixed_input(void **state)
{
	(void)state;
	size_t n = 4099;
	char *in = malloc(n), *want = malloc(3 * n + 1);
	assert_non_null(in);
	assert_non_null(want);
	size_t want_len = 0;
	for (size_t i = 0; i < n; i++) {
		/* every byte value, with runs of 0x80 (3 bytes each) and of ASCII */
		in[i] = (char)(i < 1024 ? i * 7 : i < 2048 ? 0x80 : i < 3072 ? 'a' + i % 26 : i * 13 + i / 256);
		struct decoded one;
		decode(&one, in + i, 1, "windows-1252");
		memcpy(want + want_len, one.out, one.len);
		want_len += one.len;
		free(one.out);
	}
	struct decoded d;
	decode(&d, in, n, "windows-1252");
	assert_int_equal(d.len, want_len);
	assert_memory_equal(d.out, want, want_len);
	free(d.out);

	/* only bytes that triple: lengths where a short estimate overflows even
	 * after the buffer rounds its capacity up */
	static const size_t lens[] = { 1, 7, 8, 9, 17, 700, 1500, 3000 };
	for (int nul = 0; nul < 2; nul++) {
		for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
			memset(in, nul ? 0 : 0x80, lens[k]);
			decode(&d, in, lens[k], "windows-1252");
			assert_int_equal(d.len, 3 * lens[k]);
			for (size_t i = 0; i < d.len; i += 3)
				assert_memory_equal(d.out + i, nul ? FFFD : "\xE2\x82\xAC", 3);
			free(d.out);
		}
	}
	free(in);
	free(want);
}

static void windows_1252_page_without_declaration(void **state)
{
	(void)state;
	CHECK("<html><p>caf\xE9 \x93quoted\x94 \x97 na\xEFve</p></html>", NULL,
	      "<html><p>caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 na\xC3\xAFve</p></html>", "windows-1252");
}

/* ---- UTF-8 ---- */

static void invalid_utf8_becomes_replacement(void **state)
{
	(void)state;
	/* truncated sequences: one U+FFFD for each maximal subpart */
	CHECK("a\xE2\x82" "b", "utf-8", "a" FFFD "b", "UTF-8");
	CHECK("a\xF0\x9F\x98", "utf-8", "a" FFFD, "UTF-8");
	/* overlongs */
	CHECK("\xC0\xAF", "utf-8", FFFD FFFD, "UTF-8");
	CHECK("\xE0\x80\xAF", "utf-8", FFFD FFFD FFFD, "UTF-8");
	CHECK("\xF0\x80\x80\xAF", "utf-8", FFFD FFFD FFFD FFFD, "UTF-8");
	/* surrogates and beyond U+10FFFF */
	CHECK("\xED\xA0\x80" "x", "utf-8", FFFD FFFD FFFD "x", "UTF-8");
	CHECK("\xF4\x90\x80\x80", "utf-8", FFFD FFFD FFFD FFFD, "UTF-8");
	CHECK("\xF5\xFE\xFF", "utf-8", FFFD FFFD FFFD, "UTF-8");
	/* lone continuation bytes */
	CHECK("\x80", "utf-8", FFFD, "UTF-8");
	CHECK("a\xBF" "b\x80\x80", "utf-8", "a" FFFD "b" FFFD FFFD, "UTF-8");
	/* the Unicode Standard's example (table 3-8 style) */
	CHECK("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", "utf-8",
	      "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", "UTF-8");
	/* the largest valid code points are kept */
	CHECK("\xF4\x8F\xBF\xBF\xEF\xBF\xBF\xED\x9F\xBF", "utf-8", "\xF4\x8F\xBF\xBF\xEF\xBF\xBF\xED\x9F\xBF", "UTF-8");
}

static void valid_utf8_is_copied_untouched(void **state)
{
	(void)state;
	/* every alignment of every sequence length against the 16-byte ASCII loop */
	const char *seqs[] = { "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\x7F" };
	char in[64];
	for (size_t s = 0; s < 4; s++) {
		for (size_t at = 0; at < 24; at++) {
			size_t k = strlen(seqs[s]);
			memset(in, 'x', sizeof in);
			memcpy(in + at, seqs[s], k);
			struct decoded d;
			decode(&d, in, 40, NULL);
			assert_string_equal(d.enc, "UTF-8");
			assert_int_equal(d.len, 40);
			assert_memory_equal(d.out, in, 40);
			free(d.out);
		}
	}
	/* a large mixed document, guessed and declared */
	size_t n = 0, cap = 300000;
	char *big = malloc(cap);
	assert_non_null(big);
	unsigned seed = 12345;
	while (n + 8 < cap) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = (seed >> 16) % 10;
		const char *add = r < 6 ? "the quick " : r < 7 ? "\xD0\x9F" : r < 8 ? "\xE6\x97\xA5" : r < 9 ? "\xF0\x9F\x98\x80" : "\n";
		memcpy(big + n, add, strlen(add));
		n += strlen(add);
	}
	for (int declared = 0; declared < 2; declared++) {
		struct decoded d;
		decode(&d, big, n, declared ? "utf-8" : NULL);
		assert_string_equal(d.enc, "UTF-8");
		assert_int_equal(d.len, n);
		assert_memory_equal(d.out, big, n);
		free(d.out);
	}
	/* with errors sprinkled in, the output grows past its first estimate */
	for (size_t i = 1000; i < n; i += 1000)
		big[i] = (char)0x80;
	struct decoded d;
	decode(&d, big, n, "utf-8");
	assert_true(d.len > n);
	assert_non_null(strstr(d.out, FFFD));
	free(d.out);
	free(big);
}

static void truncated_utf8_tail_is_still_utf8(void **state)
{
	(void)state;
	CHECK("caf\xC3\xA9 \xE2\x82", NULL, "caf\xC3\xA9 " FFFD, "UTF-8");
	/* but a bad byte before the end means windows-1252 */
	CHECK("caf\xC3\xA9 \xE2\x82" "x", NULL, "caf\xC3\x83\xC2\xA9 \xC3\xA2\xE2\x80\x9A" "x", "windows-1252");
}

static void nul_bytes_become_replacement(void **state)
{
	(void)state;
	CHECK("a\0b", NULL, "a" FFFD "b", "UTF-8");
	CHECK("\0", "utf-8", FFFD, "UTF-8");
	CHECK("caf\xE9\0" "x", NULL, "caf\xC3\xA9" FFFD "x", "windows-1252");
	CHECK(PRIVET_KOI8 "\0\0" "x", "koi8-r", PRIVET_UTF8 FFFD FFFD "x", "KOI8-R");
	CHECK("\x93\xFA\0", "shift_jis", "\xE6\x97\xA5" FFFD, "Shift_JIS");
	CHECK("\xFF\xFE" "a\0\0\0", NULL, "a" FFFD, "UTF-16LE");
}

static void empty_input(void **state)
{
	(void)state;
	CHECK("", NULL, "", "UTF-8");
	CHECK("", "koi8-r", "", "KOI8-R");
	CHECK("", "iso-2022-kr", "", "replacement");
	CHECK("", "utf-16be", "", "UTF-16BE");
	struct decoded d;
	decode(&d, NULL, 0, NULL);
	assert_int_equal(d.len, 0);
	free(d.out);
	/* out_len and encoding are optional */
	char *out = NULL;
	assert_int_equal(decode_to_utf8(&out, NULL, NULL, "x", 1, NULL), SCRAPE_OK);
	assert_string_equal(out, "x");
	free(out);
}

/* ---- iconv ---- */

static void shift_jis_and_koi8_through_iconv(void **state)
{
	(void)state;
	CHECK("<meta charset=\"shift_jis\">" NIHONGO_SJIS, NULL, "<meta charset=\"shift_jis\">" NIHONGO_UTF8, "Shift_JIS");
	/* 0x5C stays a backslash, the NEC row 13 (circled 1) decodes, 0x80 is U+0080 */
	CHECK("\\~\x87\x40\x80", "sjis", "\\~\xE2\x91\xA0\xC2\x80", "Shift_JIS");
	/* a bad lead byte and a lead byte cut off by the end */
	CHECK("\x93\xFA\xFF\x96", "shift_jis", "\xE6\x97\xA5" FFFD FFFD, "Shift_JIS");
	/* a four-byte gb18030 sequence cut off by the end: one U+FFFD, as the standard's decoder gives */
	CHECK("a\x81\x30\x81", "gb18030", "a" FFFD, "gb18030");
	CHECK(PRIVET_KOI8, "koi8", PRIVET_UTF8, "KOI8-R");
	CHECK("\xD6\xD0\xCE\xC4\x80", "gb2312", "\xE4\xB8\xAD\xE6\x96\x87\xE2\x82\xAC", "GBK");
	CHECK("\xA3\xF3" "d\xBC", "latin2", "\xC5\x81\xC3\xB3" "d\xC5\xBA", "ISO-8859-2");
	CHECK("\xB0\xA1\x81\x41", "euc-kr", "\xEA\xB0\x80\xEA\xB0\x82", "EUC-KR");
	CHECK("\x1B$B" "F|" "\x1B(B" "a", "iso-2022-jp", "\xE6\x97\xA5" "a", "ISO-2022-JP");
	CHECK("\xC6\xFC", "euc-jp", "\xE6\x97\xA5", "EUC-JP");
}

static void long_iconv_input_grows_the_output(void **state)
{
	(void)state;
	size_t n = 100000;
	char *in = malloc(n);
	assert_non_null(in);
	for (size_t i = 0; i < n; i += 6)
		memcpy(in + i, PRIVET_KOI8, 6 < n - i ? 6 : n - i);
	struct decoded d;
	decode(&d, in, n, "koi8-r");
	assert_int_equal(d.len, 2 * n);
	for (size_t i = 0; i + 12 <= d.len; i += 12)
		assert_memory_equal(d.out + i, PRIVET_UTF8, 12);
	free(d.out);
	free(in);
}

static void x_user_defined_and_replacement(void **state)
{
	(void)state;
	CHECK("a\x80\xFF", "x-user-defined", "a\xEF\x9E\x80\xEF\x9F\xBF", "x-user-defined");
	CHECK("<p>anything</p>", "hz-gb-2312", FFFD, "replacement");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_bom_is_stripped_and_beats_transport),
		cmocka_unit_test(utf16le_bom),
		cmocka_unit_test(utf16be_bom),
		cmocka_unit_test(utf16_errors_become_replacement),
		cmocka_unit_test(transport_charset_only),
		cmocka_unit_test(meta_charset),
		cmocka_unit_test(meta_http_equiv_content),
		cmocka_unit_test(meta_inside_comment_is_ignored),
		cmocka_unit_test(meta_after_1024_bytes_is_ignored),
		cmocka_unit_test(bom_beats_transport_beats_meta),
		cmocka_unit_test(unknown_label_falls_through),
		cmocka_unit_test(prescan_attribute_syntax),
		cmocka_unit_test(meta_claiming_utf16_on_ascii_is_utf8),
		cmocka_unit_test(labels),
		cmocka_unit_test(every_label_is_found),
		cmocka_unit_test(content_type_charset),
		cmocka_unit_test(windows_1252_c1_range),
		cmocka_unit_test(windows_1252_matches_glibc),
		cmocka_unit_test(windows_1252_long_mixed_input),
		cmocka_unit_test(windows_1252_page_without_declaration),
		cmocka_unit_test(invalid_utf8_becomes_replacement),
		cmocka_unit_test(valid_utf8_is_copied_untouched),
		cmocka_unit_test(truncated_utf8_tail_is_still_utf8),
		cmocka_unit_test(nul_bytes_become_replacement),
		cmocka_unit_test(empty_input),
		cmocka_unit_test(shift_jis_and_koi8_through_iconv),
		cmocka_unit_test(long_iconv_input_grows_the_output),
		cmocka_unit_test(x_user_defined_and_replacement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
