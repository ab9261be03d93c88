/* repair_entities.h - HTML character references left in text: "&rsquo;",
 * "&#8217;", and the same escaped twice ("&amp;rsquo;", "&amp;amp;"). */
#ifndef SCRAPE_REPAIR_ENTITIES_H
#define SCRAPE_REPAIR_ENTITIES_H

#include <stddef.h>

#include "buf.h"

/* Appends s[0..n) to out with HTML 4 named references (and "&apos;") and
 * numeric references decoded, up to three levels of escaping. References
 * without the closing ';' are left alone. 0 or SCRAPE_ENOMEM. */
int repair_entities(struct buf *out, const char *s, size_t n);

/* Encodes code point cp as UTF-8 into out[4]; returns the length (0 if cp
 * is not a scalar value). */
size_t repair_utf8_put(char *out, unsigned long cp);

#endif
