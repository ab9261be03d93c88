/* ascii.h - character classes and word tests on ASCII bytes, for every stage.
 * Locale-free on purpose: <ctype.h> depends on the locale and takes int,
 * and web text is UTF-8, where bytes >= 0x80 are never letters here. */
#ifndef SCRAPE_ASCII_H
#define SCRAPE_ASCII_H

#include <stddef.h>

static inline int ascii_is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static inline int ascii_is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int ascii_is_alpha(unsigned char c)
{
	return ascii_is_lower(c) || ascii_is_upper(c);
}

static inline int ascii_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline int ascii_is_alnum(unsigned char c)
{
	return ascii_is_alpha(c) || ascii_is_digit(c);
}

static inline unsigned char ascii_to_lower(unsigned char c)
{
	return ascii_is_upper(c) ? (unsigned char)(c | 32) : c;
}

/* The HTML Standard's ASCII whitespace: space, tab, LF, FF, CR. */
static inline int ascii_is_html_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* s[0..n) is the lowercase word `lower` in any case ("Text", "the"). */
static inline int ascii_word_is(const char *s, size_t n, const char *lower)
{
	size_t i = 0;
	for (; i < n && lower[i]; i++)
		if (ascii_to_lower((unsigned char)s[i]) != (unsigned char)lower[i])
			return 0;
	return i == n && lower[i] == '\0';
}

#endif
