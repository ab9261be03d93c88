#include "boilerplate.h"

#include <ctype.h>
#include <string.h>

/* Whole-line labels of forms and share/print widgets, compared case-
 * insensitively with trailing ':' and '*' (required-field marks) ignored.
 * Only phrases that never make up a content line on their own belong here. */
static const char *const labels[] = {
	"your name", "your email", "your email address", "your e-mail",
	"your e-mail address", "recipient's email", "recipient email",
	"recipient's name", "recipient name", "friend's email",
	"friend's email address", "your friend's email", "your message",
	"your comment", "email address", "e-mail address", "name", "email",
	"e-mail", "message", "comment", "subject", "website", "send",
	"submit", "send to a friend", "send to friend", "email to a friend",
	"email this", "email this article", "email this story", "e-mail this",
	"print", "print this", "print this article", "print this page",
	"printer friendly", "printer-friendly version", "share", "share this",
	"share this article", "share this story", "share on facebook",
	"share on twitter", "share on linkedin", "share on whatsapp",
	"tweet", "pin it", "facebook", "twitter", "linkedin", "whatsapp",
	"reddit", "pinterest", "comments", "leave a comment", "leave a reply",
	"post comment", "add comment", "read more", "continue reading",
	"advertisement", "sponsored", "skip to content", "skip to main content",
	"back to top", "related", "related articles", "related stories",
	"related posts", "you may also like", "most read", "most popular",
	"subscribe", "sign up", "sign in", "log in", "login", "register",
	"cancel", "close", "captcha", "security code", "enter the code",
	"required", "required fields are marked", "* required",
	"advert", "advertisements", "click to tweet", "text size", "more", "show more",
	"view gallery", "enlarge", "zoom", "play video", "watch video", "expand",
	"recipient's email address", "recipient's e-mail address", "friend's name",
	"sign up for our newsletter", "sign up for our newsletters", "sign up to our newsletter",
	"subscribe to our newsletter", "subscribe to our newsletters", "sign up for the newsletter",
};

/* strcmp that skips apostrophes on both sides: a scraper that dropped
 * them writes "Recipients Email Address". */
static int same_label(const char *a, const char *b)
{
	for (;;) {
		while (*a == '\'')
			a++;
		while (*b == '\'')
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++;
		b++;
	}
}

int boilerplate_is_line(const char *line, size_t len)
{
	while (len && isspace((unsigned char)line[0])) {
		line++;
		len--;
	}
	while (len && (isspace((unsigned char)line[len - 1]) || line[len - 1] == ':' ||
		       line[len - 1] == '*'))
		len--;
	if (len == 0 || len > 40)
		return 0;
	char low[48];
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];
		low[i] = (char)tolower(c);
	}
	low[len] = '\0';
	/* a typographic apostrophe (U+2019) compares as ASCII */
	char *q;
	while ((q = strstr(low, "\xe2\x80\x99")) != NULL) {
		*q = '\'';
		memmove(q + 1, q + 3, strlen(q + 3) + 1);
	}
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (same_label(low, labels[i]))
			return 1;
	return 0;
}

static int starts_with_ci(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)s[i]) != prefix[i])
			return 0;
	return 1;
}

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* Share of the words that are numbers or month names. */
static int mostly_date(const char *s, size_t len)
{
	size_t words = 0, datey = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && !isalnum((unsigned char)s[i]))
			i++;
		size_t st = i;
		while (i < len && isalnum((unsigned char)s[i]))
			i++;
		if (i == st)
			break;
		words++;
		if (isdigit((unsigned char)s[st])) {
			datey++;
			continue;
		}
		for (size_t m = 0; m < 12; m++)
			if (i - st >= 3 && starts_with_ci(s + st, i - st, months[m])) {
				datey++;
				break;
			}
	}
	return words && datey * 2 >= words && datey >= 2;
}

/* A price ("$139.00", "139,00 €") is made of numbers like a date, but its
 * currency sign tells it apart. */
static int names_price(const char *s, size_t len)
{
	static const char *const signs[] = { "$", "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xb9" };
	for (size_t k = 0; k < sizeof signs / sizeof *signs; k++) {
		size_t n = strlen(signs[k]);
		for (size_t i = 0; i + n <= len; i++)
			if (memcmp(s + i, signs[k], n) == 0)
				return 1;
	}
	return 0;
}

int boilerplate_is_byline(const char *line, size_t len)
{
	if (len == 0 || len > 100)
		return 0;
	static const char *const prefixes[] = {
		"by ", "posted by ", "posted on ", "written by ", "published ", "published:",
		"updated ", "updated:", "last updated", "posted ", "story by ", "words by ",
	};
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (starts_with_ci(line, len, prefixes[i])) {
			/* "By the time ..." is a sentence, not a byline */
			if (i == 0 && (len > 60 || memchr(line, '.', len) == line + len - 1))
				return 0;
			return 1;
		}
	return !names_price(line, len) && mostly_date(line, len);
}

/* 1 if s[0..len) contains needle, ASCII case ignored. */
static int contains_ci(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (starts_with_ci(s + i, len - i, needle))
			return 1;
	return 0;
}

int boilerplate_is_endnote(const char *s, size_t len)
{
	while (len && (*s == '(' || *s == '[' || isspace((unsigned char)*s))) {
		s++;
		len--;
	}
	if (len == 0 || len > 300)
		return 0;
	/* reporting credits */
	static const char *const credit_starts[] = {
		"reporting by ", "additional reporting by ", "editing by ", "writing by ",
		"compiled by ", "with reporting by ",
	};
	for (size_t i = 0; i < sizeof credit_starts / sizeof *credit_starts; i++)
		if (starts_with_ci(s, len, credit_starts[i]))
			return 1;
	if (contains_ci(s, len, "contributed to this report") || contains_ci(s, len, "contributed reporting") ||
	    contains_ci(s, len, "contributed to this story"))
		return 1;
	/* contact and follow lines: "Follow us on Twitter", "Email X at x@y.com" */
	if (len > 200)
		return 0;
	if ((starts_with_ci(s, len, "follow ") || contains_ci(s, len, "follow us") ||
	     contains_ci(s, len, "follow him") || contains_ci(s, len, "follow her") ||
	     starts_with_ci(s, len, "reach ") || starts_with_ci(s, len, "email ") ||
	     starts_with_ci(s, len, "e-mail ") || starts_with_ci(s, len, "contact ")) &&
	    (contains_ci(s, len, "twitter") || contains_ci(s, len, "facebook") ||
	     contains_ci(s, len, "instagram") || memchr(s, '@', len)))
		return 1;
	/* a bare address: "jane.doe@example.com", "twitter.com/janedoe" */
	if (!memchr(s, ' ', len) && (memchr(s, '@', len) || contains_ci(s, len, "twitter.com/")))
		return 1;
	/* newsletter prompts */
	if (len <= 160 && (contains_ci(s, len, "newsletter") || contains_ci(s, len, "your inbox") ||
			   starts_with_ci(s, len, "subscribe to ") || starts_with_ci(s, len, "sign up for ") ||
			   starts_with_ci(s, len, "click here to subscribe")))
		return 1;
	return 0;
}

int boilerplate_is_separator(const char *s, size_t len)
{
	size_t marks = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '_' || s[i] == '*' || s[i] == '-' || s[i] == '=' || s[i] == '~')
			marks++;
		else if (!isspace((unsigned char)s[i]))
			return 0;
	}
	return marks >= 3;
}

/* "5 min read", "Lesezeit: 3 Minuten", "Tempo de leitura: 1 minuto" */
int boilerplate_is_reading_time(const char *s, size_t len)
{
	if (len == 0 || len > 40)
		return 0;
	int digit = 0;
	for (size_t i = 0; i < len; i++)
		if (isdigit((unsigned char)s[i]))
			digit = 1;
	if (!digit)
		return 0;
	static const char *const words[] = {
		"min read", "minute read", "minutes read", "mins read", "reading time", "read time",
		"lesezeit", "temps de lecture", "tiempo de lectura", "tempo de leitura",
		"tempo di lettura", "leestijd", "czas czytania",
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (contains_ci(s, len, words[i]))
			return 1;
	return 0;
}

/* "1 of 6", "6/6", "Image 2 of 5 Image 3 of 5": gallery counters. */
int boilerplate_is_counter(const char *s, size_t len)
{
	if (len == 0 || len > 120)
		return 0;
	static const char *const words[] = { "of", "image", "images", "photo", "photos", "slide", "picture", "von", "de", "sur", "di" };
	size_t numbers = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && (isspace((unsigned char)s[i]) || s[i] == '/' || s[i] == '|'))
			i++;
		size_t st = i;
		while (i < len && !isspace((unsigned char)s[i]) && s[i] != '/' && s[i] != '|')
			i++;
		if (i == st)
			break;
		size_t k = st;
		while (k < i && isdigit((unsigned char)s[k]))
			k++;
		if (k == i) {
			numbers++;
			continue;
		}
		size_t w = 0;
		while (w < sizeof words / sizeof *words &&
		       !(strlen(words[w]) == i - st && starts_with_ci(s + st, i - st, words[w])))
			w++;
		if (w == sizeof words / sizeof *words)
			return 0;
	}
	return numbers >= 2;
}
