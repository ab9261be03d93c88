/* json.h - writing JSON string literals. */
#ifndef SCRAPE_JSON_H
#define SCRAPE_JSON_H

#include <stddef.h>

#include "buf.h"

/* Appends s as a JSON string literal, quotes included; control characters,
 * quotes, backslashes and U+2028/U+2029 escaped, and every invalid UTF-8
 * sequence written as \ufffd, so the literal is valid JSON whatever s holds.
 * Returns 0 or SCRAPE_ENOMEM. */
int json_put_string(struct buf *out, const char *s, size_t len);

#endif
