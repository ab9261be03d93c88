/* utf8.h - UTF-8 validation and repair for everything the library outputs.
 * Whatever a page holds (bytes its charset declaration lied about, a broken
 * sequence cut by a limit), what scrape writes is valid UTF-8: invalid bytes
 * become U+FFFD, one per maximal invalid subpart as the Unicode standard
 * recommends (and as browsers decode). */
#ifndef SCRAPE_UTF8_H
#define SCRAPE_UTF8_H

#include <stddef.h>

#include "buf.h"

/* Length of the well-formed UTF-8 sequence at s (1 to 4; n > 0), or 0 when
 * the bytes there are not one (stray continuation, overlong form, surrogate,
 * beyond U+10FFFF, cut off by the end). */
size_t utf8_seq_len(const unsigned char *s, size_t n);

/* Length of the longest prefix of s to drop as one U+FFFD when s starts with
 * an invalid sequence: the lead byte and the continuation bytes that could
 * have followed it (at least 1). */
size_t utf8_invalid_len(const unsigned char *s, size_t n);

/* 1 when all n bytes of s are valid UTF-8 (NUL bytes included), else 0. */
int utf8_is_valid(const char *s, size_t n);

/* Appends s to b with every invalid sequence replaced by U+FFFD.
 * Returns 0 or SCRAPE_ENOMEM. */
int utf8_put_valid(struct buf *b, const char *s, size_t n);

/* Makes the malloc'd string *s of *len bytes valid UTF-8 in place when it is
 * not (the string may be reallocated; *len updated). NULL *s is left alone.
 * Returns 0 or SCRAPE_ENOMEM (then *s is unchanged). */
int utf8_make_valid(char **s, size_t *len);

#endif
