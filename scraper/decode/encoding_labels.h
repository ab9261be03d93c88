/* encoding_labels.h - the WHATWG Encoding Standard's encodings and labels.
 *
 * Pure data from https://encoding.spec.whatwg.org/encodings.json: every
 * encoding with its canonical name, and every label that names it. How each
 * encoding is decoded lives in decode.c. */
#ifndef SCRAPE_ENCODING_LABELS_H
#define SCRAPE_ENCODING_LABELS_H

#include <stddef.h>

enum encoding_id {
	ENC_UTF_8,
	ENC_IBM866,
	ENC_ISO_8859_2,
	ENC_ISO_8859_3,
	ENC_ISO_8859_4,
	ENC_ISO_8859_5,
	ENC_ISO_8859_6,
	ENC_ISO_8859_7,
	ENC_ISO_8859_8,
	ENC_ISO_8859_8_I,
	ENC_ISO_8859_10,
	ENC_ISO_8859_13,
	ENC_ISO_8859_14,
	ENC_ISO_8859_15,
	ENC_ISO_8859_16,
	ENC_KOI8_R,
	ENC_KOI8_U,
	ENC_MACINTOSH,
	ENC_WINDOWS_874,
	ENC_WINDOWS_1250,
	ENC_WINDOWS_1251,
	ENC_WINDOWS_1252,
	ENC_WINDOWS_1253,
	ENC_WINDOWS_1254,
	ENC_WINDOWS_1255,
	ENC_WINDOWS_1256,
	ENC_WINDOWS_1257,
	ENC_WINDOWS_1258,
	ENC_X_MAC_CYRILLIC,
	ENC_GBK,
	ENC_GB18030,
	ENC_BIG5,
	ENC_EUC_JP,
	ENC_ISO_2022_JP,
	ENC_SHIFT_JIS,
	ENC_EUC_KR,
	ENC_REPLACEMENT,
	ENC_UTF_16BE,
	ENC_UTF_16LE,
	ENC_X_USER_DEFINED,
	ENC_COUNT
};

/* Canonical names ("UTF-8", "windows-1252", "Shift_JIS", ...), by id. */
extern const char *const encoding_names[ENC_COUNT];

struct encoding_label {
	const char *label;  /* lowercase, as the standard spells it */
	unsigned char id;   /* enum encoding_id */
};

/* Every label, sorted by strcmp() for binary search. */
extern const struct encoding_label encoding_labels[];
extern const size_t encoding_label_count;

/* The standard's "get an encoding": ASCII whitespace trimmed, ASCII
 * case-insensitive. Returns an enum encoding_id, or -1 for an unknown label. */
int encoding_from_label(const char *label, size_t len);

#endif
