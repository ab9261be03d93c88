/* decode.h - raw document bytes to UTF-8, sniffed the way browsers do it
 * (the HTML Standard's "determining the character encoding" and the WHATWG
 * Encoding Standard's labels and decoders). */
#ifndef SCRAPE_DECODE_H
#define SCRAPE_DECODE_H

#include <stddef.h>

/* Decodes raw document bytes to UTF-8. The encoding is chosen by, in order:
 *  1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), which is stripped;
 *  2. transport_charset: a label from the HTTP Content-Type or --charset
 *     (NUL-terminated; may be NULL);
 *  3. decode_prescan_meta() over the first 1024 bytes;
 *  4. a guess: UTF-8 if the bytes are valid UTF-8 (a sequence cut off by the
 *     end of the data does not count against it), windows-1252 otherwise.
 * An unknown label, or one whose converter iconv cannot open, is ignored and
 * the next step decides. UTF-8, UTF-16, windows-1252, x-user-defined and
 * "replacement" are decoded here; the other encodings through glibc iconv.
 * Undecodable bytes become U+FFFD (maximal subparts for UTF-8, as the Encoding
 * Standard's decoder does), and so do NUL bytes, so the output is a C string
 * with nothing silently dropped. Valid UTF-8 without NUL bytes is copied
 * through unchanged.
 *
 * On success *out is NUL-terminated UTF-8 that the caller frees with free(),
 * *out_len its length without the NUL, and *encoding (if non-NULL) the
 * canonical WHATWG name of the encoding used (static: "UTF-8",
 * "windows-1252", "Shift_JIS", ...). Returns 0 or SCRAPE_ENOMEM; the built-in
 * UTF-8 and windows-1252 decoders always remain, so SCRAPE_EENCODING is not
 * returned in practice. */
int decode_to_utf8(char **out, size_t *out_len, const char **encoding,
		   const char *data, size_t len, const char *transport_charset);

/* Canonical WHATWG encoding name for a label ("latin1" -> "windows-1252"),
 * ASCII case-insensitive with ASCII whitespace trimmed; NULL if unknown. */
const char *decode_label_lookup(const char *label, size_t len);

/* The charset parameter of a Content-Type value ("text/html; charset=\"utf-8\""),
 * without quotes; NULL if there is none. Points into `content_type`; *len
 * receives its length. */
const char *decode_content_type_charset(const char *content_type, size_t *len);

/* The HTML Standard's "prescan a byte stream to determine its encoding" over
 * the first 1024 bytes of data: <meta charset> and <meta http-equiv
 * content="...charset=..."> outside comments and other tags' attributes,
 * then an <?xml encoding=...?> declaration. A declared UTF-16 gives "UTF-8"
 * and x-user-defined gives "windows-1252", as the standard says; "<?x" in
 * UTF-16 bytes ("<\0?\0x\0") gives "UTF-16LE" or "UTF-16BE". Canonical
 * name, or NULL. */
const char *decode_prescan_meta(const char *data, size_t len);

#endif
