/* repair_mojibake.h - UTF-8 text that was read as windows-1252 or latin-1
 * ("IranÃ¢â‚¬â„¢s" after two rounds, "Iranâ€™s" after one, "cafÃ©"). */
#ifndef SCRAPE_REPAIR_MOJIBAKE_H
#define SCRAPE_REPAIR_MOJIBAKE_H

#include <stddef.h>

#include "buf.h"

/* Appends s[0..n) to out with mojibake undone: a run of characters whose
 * windows-1252 / latin-1 bytes form one valid UTF-8 sequence is replaced by
 * that character, when the character is a plausible one (Latin, Greek,
 * Cyrillic, Hebrew, Arabic, punctuation, symbols, emoji); up to three rounds.
 * Legitimate accented text ("café", "naïve", "Straße”") has no such runs
 * and is copied unchanged. Invalid UTF-8 input bytes are copied as they are.
 * 0 or SCRAPE_ENOMEM. */
int repair_mojibake(struct buf *out, const char *s, size_t n);

/* 1 if s[0..n) contains a character that mojibake produces (a code point
 * from U+0080 to U+00FF or a windows-1252 symbol): a cheap pre-check. */
int repair_mojibake_suspect(const char *s, size_t n);

#endif
