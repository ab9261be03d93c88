/*
 * robots.txt after RFC 9309: groups start with one or more User-agent lines;
 * the rules of the groups that name our product token apply, else those of
 * the `*` groups; the longest matching pattern wins, Allow on a tie.
 */
#include "robots.h"
#include "buf.h"
#include "error.h"
#include "scrape.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct rule {
	char *pattern; /* normalised */
	size_t len;
	int allow;
	int specific;  /* from a group naming our agent (else from a * group) */
};

struct robots {
	struct rule *rules;
	size_t n, cap;
	int any_specific;     /* some group names our agent */
	long delay_specific;  /* Crawl-delay in ms, -1 when none */
	long delay_star;
};

void robots_free(struct robots *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->rules[i].pattern);
	free(r->rules);
	free(r);
}

static int is_unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Normalises percent-encoding: %xx upper-cased, decoded when it stands for an
 * unreserved character; bytes outside printable ASCII encoded. */
static int normalise(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int hi, lo;
		if (c == '%' && i + 2 < n && (hi = hexval((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hexval((unsigned char)s[i + 2])) >= 0) {
			int v = hi * 16 + lo;
			if (is_unreserved(v)) {
				buf_putc(out, (char)v);
			} else {
				char e[3] = { '%', hex[hi], hex[lo] };
				buf_put(out, e, 3);
			}
			i += 2;
		} else if (c <= 0x20 || c >= 0x7f) {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			buf_put(out, e, 3);
		} else {
			buf_putc(out, (char)c);
		}
	}
	return out->oom ? SCRAPE_ENOMEM : SCRAPE_OK;
}

static int add_rule(struct robots *r, const char *v, size_t n, int allow, int specific)
{
	struct buf b = BUF_INIT;
	if (normalise(&b, v, n) != SCRAPE_OK || buf_put(&b, "", 0) != SCRAPE_OK) {
		buf_free(&b);
		return SCRAPE_ENOMEM;
	}
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		struct rule *nr = realloc(r->rules, cap * sizeof *nr);
		if (!nr) {
			buf_free(&b);
			return SCRAPE_ENOMEM;
		}
		r->rules = nr;
		r->cap = cap;
	}
	struct rule *ru = &r->rules[r->n++];
	ru->pattern = buf_detach(&b, &ru->len);
	ru->allow = allow;
	ru->specific = specific;
	return SCRAPE_OK;
}

/* Does the User-agent value v (n bytes) name agent? Its first token, up to
 * '/' or a blank, compared without case. */
static int names_agent(const char *v, size_t n, const char *agent)
{
	size_t t = 0;
	while (t < n && v[t] != '/' && v[t] != ' ' && v[t] != '\t')
		t++;
	return t > 0 && strlen(agent) == t && strncasecmp(v, agent, t) == 0;
}

static long parse_delay(const char *v, size_t n)
{
	char tmp[32];
	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, v, n);
	tmp[n] = '\0';
	char *end;
	double d = strtod(tmp, &end);
	if (end == tmp || !(d >= 0) || d > 86400)
		return -1;
	return (long)(d * 1000 + 0.5);
}

int robots_parse(struct robots **out, const char *text, size_t len, const char *agent)
{
	*out = NULL;
	struct robots *r = calloc(1, sizeof *r);
	if (!r)
		return scrape_error_set(SCRAPE_ENOMEM, "robots.txt: out of memory");
	r->delay_specific = r->delay_star = -1;
	/* the group being read: does it name our agent, or *? in_agents: the
	 * last line was a User-agent line (a following one joins the group) */
	int g_specific = 0, g_star = 0, in_agents = 0, in_group = 0;
	size_t i = 0;
	while (i < len) {
		size_t start = i;
		while (i < len && text[i] != '\n' && text[i] != '\r')
			i++;
		size_t end = i;
		while (i < len && (text[i] == '\n' || text[i] == '\r'))
			i++;
		const char *hash = memchr(text + start, '#', end - start);
		if (hash)
			end = (size_t)(hash - text);
		const char *line = text + start;
		size_t n = end - start;
		const char *colon = memchr(line, ':', n);
		if (!colon)
			continue;
		size_t klen = (size_t)(colon - line);
		while (klen && (line[klen - 1] == ' ' || line[klen - 1] == '\t'))
			klen--;
		size_t ks = 0;
		while (ks < klen && (line[ks] == ' ' || line[ks] == '\t'))
			ks++;
		const char *key = line + ks;
		klen -= ks;
		const char *v = colon + 1;
		size_t vlen = n - (size_t)(v - line);
		while (vlen && (*v == ' ' || *v == '\t')) {
			v++;
			vlen--;
		}
		while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
			vlen--;
		if (klen == 10 && strncasecmp(key, "user-agent", 10) == 0) {
			if (!in_agents)
				g_specific = g_star = 0;
			in_agents = in_group = 1;
			if (vlen == 1 && v[0] == '*')
				g_star = 1;
			else if (names_agent(v, vlen, agent))
				g_specific = r->any_specific = 1;
			continue;
		}
		int allow = klen == 5 && strncasecmp(key, "allow", 5) == 0;
		int disallow = klen == 8 && strncasecmp(key, "disallow", 8) == 0;
		int delay = klen == 11 && strncasecmp(key, "crawl-delay", 11) == 0;
		if (!allow && !disallow && !delay)
			continue; /* Sitemap and unknown keys belong to no group */
		in_agents = 0;
		if (!in_group || (!g_specific && !g_star))
			continue;
		if (delay) {
			long ms = parse_delay(v, vlen);
			long *d = g_specific ? &r->delay_specific : &r->delay_star;
			if (ms >= 0 && ms > *d)
				*d = ms;
			continue;
		}
		if (vlen == 0)
			continue; /* "Disallow:" with nothing: no rule */
		if (add_rule(r, v, vlen, allow, g_specific) != SCRAPE_OK) {
			robots_free(r);
			return scrape_error_set(SCRAPE_ENOMEM, "robots.txt: out of memory");
		}
	}
	*out = r;
	return SCRAPE_OK;
}

int robots_disallow_all(struct robots **out)
{
	static const char all[] = "User-agent: *\nDisallow: /\n";
	return robots_parse(out, all, sizeof all - 1, "*");
}

/* Steps one robots_allowed() call may spend matching: a hostile file of
 * long "*" patterns against a long path would otherwise take seconds
 * (matching is O(pattern x path)); about 10 ms here. */
#define MATCH_BUDGET 4000000

/* Matches pattern p against the whole of s; '*' is any run of bytes, a final
 * '$' anchors the end, and without it the pattern need only match a prefix.
 * 1 on a match, 0 if none, -1 when *budget runs out. */
static int pattern_matches(const char *p, size_t pn, const char *s, size_t sn, size_t *budget)
{
	int anchored = pn > 0 && p[pn - 1] == '$';
	if (anchored)
		pn--;
	size_t pi = 0, si = 0, star = (size_t)-1, mark = 0;
	for (;;) {
		if (!anchored && pi == pn)
			return 1; /* the rest of s is matched by the implicit '*' */
		if (si == sn)
			break;
		if (*budget == 0)
			return -1;
		--*budget;
		if (pi < pn && p[pi] == '*') {
			star = pi++;
			mark = si;
		} else if (pi < pn && p[pi] == s[si]) {
			pi++;
			si++;
		} else if (star != (size_t)-1) {
			pi = star + 1;
			si = ++mark;
		} else {
			return 0;
		}
	}
	while (pi < pn && p[pi] == '*')
		pi++;
	return pi == pn;
}

int robots_allowed(const struct robots *r, const char *path)
{
	if (!r || strcmp(path, "/robots.txt") == 0)
		return 1;
	struct buf b = BUF_INIT;
	if (normalise(&b, path, strlen(path)) != SCRAPE_OK) {
		buf_free(&b);
		return 1;
	}
	const char *s = b.data ? b.data : "";
	size_t best = 0, budget = MATCH_BUDGET;
	int found = 0, allowed = 1;
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *ru = &r->rules[i];
		if (ru->specific != r->any_specific)
			continue;
		int m = pattern_matches(ru->pattern, ru->len, s, b.len, &budget);
		if (m < 0) {
			/* a file too costly to judge: stay away */
			buf_free(&b);
			return 0;
		}
		if (!m)
			continue;
		if (!found || ru->len > best) {
			allowed = ru->allow;
			best = ru->len;
			found = 1;
		} else if (ru->len == best && ru->allow) {
			allowed = 1; /* a tie: Allow wins */
		}
	}
	buf_free(&b);
	return allowed;
}

long robots_crawl_delay_ms(const struct robots *r)
{
	if (!r)
		return -1;
	return r->any_specific ? r->delay_specific : r->delay_star;
}
