/* robots.h - robots.txt (RFC 9309) rules for one user agent. */
#ifndef SCRAPE_ROBOTS_H
#define SCRAPE_ROBOTS_H

#include <stddef.h>

struct robots;

/* Parses a robots.txt body for the crawler whose product token is `agent`
 * (matched case-insensitively against each User-agent line's first token).
 * The groups naming the agent apply (merged when several do); without one,
 * the `*` groups. Lines are "key: value", # starts a comment; Allow,
 * Disallow and Crawl-delay are kept, other keys ignored. An empty text
 * allows everything. 0, or SCRAPE_ENOMEM. Free with robots_free(). */
int robots_parse(struct robots **out, const char *text, size_t len, const char *agent);

/* 1 when `path` (the URL's path, then '?' and the query if any) may be
 * fetched: the longest matching rule decides, Allow wins a tie, no match
 * allows. Patterns: '*' any run of bytes, a final '$' anchors the end;
 * percent-escapes are compared normalised (upper-case hex, unreserved
 * characters decoded). /robots.txt itself is always allowed. A file whose
 * patterns cost too much to match against path (hostile: thousands of
 * long "*" patterns) disallows it, in bounded time. */
int robots_allowed(const struct robots *r, const char *path);

/* The Crawl-delay of the applicable groups in milliseconds (the largest
 * when several give one), or -1 when none does. */
long robots_crawl_delay_ms(const struct robots *r);

/* A rule set that disallows everything (robots.txt unreachable, RFC 9309 2.3.1.4). */
int robots_disallow_all(struct robots **out);

void robots_free(struct robots *r);

#endif
