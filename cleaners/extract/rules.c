/* rules.c - parsing a rules file and applying its rules to a page (rules.h).
 * The public face is scrape_rules_parse/_load/_free in scrape.h. */
#include "rules.h"
#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *rules_action_name(enum rule_action a)
{
	return a == RULE_KEEP ? "keep" : a == RULE_DROP ? "drop" : "main";
}

void scrape_rules_free(scrape_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].host);
		free(r->v[i].selector_text);
		selector_free(&r->v[i].sel);
	}
	free(r->v);
	free(r->origin);
	free(r);
}

/* Column (1-based, in characters) of byte offset `at` of a line. */
static size_t column(const char *line, size_t at)
{
	size_t col = 1;
	for (size_t i = 0; i < at; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int host_pattern_ok(const char *s, size_t n)
{
	if (n == 1 && s[0] == '*')
		return 1;
	size_t i = 0;
	if (n > 2 && s[0] == '*' && s[1] == '.')
		i = 2;
	if (i == n)
		return 0;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '.' || c == '_' || c == ':' || c >= 0x80))
			return 0;
	}
	return 1;
}

/* One line (without its newline). Returns 0, SCRAPE_EUSAGE (message set)
 * or SCRAPE_ENOMEM. */
static int parse_line(scrape_rules *r, const char *line, size_t len, unsigned lineno)
{
	size_t i = 0;
	while (i < len && is_space(line[i]))
		i++;
	if (i == len || line[i] == '#')
		return SCRAPE_OK;
	size_t hs = i;
	while (i < len && !is_space(line[i]))
		i++;
	size_t he = i;
	if (!host_pattern_ok(line + hs, he - hs))
		return scrape_error_set(SCRAPE_EUSAGE, "%s:%u:%zu: bad host pattern (use *, *.example.com or a host name)",
					r->origin, lineno, column(line, hs));
	while (i < len && is_space(line[i]))
		i++;
	size_t as = i;
	while (i < len && !is_space(line[i]))
		i++;
	enum rule_action act;
	size_t al = i - as;
	if (al == 4 && memcmp(line + as, "keep", 4) == 0)
		act = RULE_KEEP;
	else if (al == 4 && memcmp(line + as, "drop", 4) == 0)
		act = RULE_DROP;
	else if (al == 4 && memcmp(line + as, "main", 4) == 0)
		act = RULE_MAIN;
	else
		return scrape_error_set(SCRAPE_EUSAGE, "%s:%u:%zu: expected keep, drop or main after the host pattern",
					r->origin, lineno, column(line, as));
	while (i < len && is_space(line[i]))
		i++;
	size_t ss = i, se = len;
	while (se > ss && is_space(line[se - 1]))
		se--;
	/* " # " (a '#' between whitespace, or at the end) starts a comment,
	 * outside quotes; "#id" is a selector */
	int quote = 0;
	for (size_t k = ss; k < se; k++) {
		if (quote) {
			if (line[k] == quote)
				quote = 0;
		} else if (line[k] == '"' || line[k] == '\'') {
			quote = line[k];
		} else if (line[k] == '#' && k > ss && is_space(line[k - 1]) &&
			   (k + 1 == se || is_space(line[k + 1]))) {
			se = k;
			while (se > ss && is_space(line[se - 1]))
				se--;
			break;
		}
	}
	if (ss == se)
		return scrape_error_set(SCRAPE_EUSAGE, "%s:%u:%zu: expected a selector after '%.*s'",
					r->origin, lineno, column(line, ss), (int)al, line + as);
	struct rule ru;
	memset(&ru, 0, sizeof ru);
	ru.action = act;
	ru.line = lineno;
	size_t err_at = 0;
	const char *err_msg = NULL;
	int rc = selector_parse(&ru.sel, line + ss, se - ss, &err_at, &err_msg);
	if (rc == SCRAPE_EUSAGE) {
		selector_free(&ru.sel);
		return scrape_error_set(SCRAPE_EUSAGE, "%s:%u:%zu: %s", r->origin, lineno,
					column(line, ss + err_at), err_msg);
	}
	ru.host = malloc(he - hs + 1);
	ru.selector_text = malloc(se - ss + 1);
	struct rule *v = rc == SCRAPE_OK ? realloc(r->v, (r->n + 1) * sizeof *v) : NULL;
	if (!ru.host || !ru.selector_text || !v) {
		free(ru.host);
		free(ru.selector_text);
		selector_free(&ru.sel);
		if (v)
			r->v = v;
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	for (size_t k = hs; k < he; k++)
		ru.host[k - hs] = line[k] >= 'A' && line[k] <= 'Z' ? (char)(line[k] | 32) : line[k];
	ru.host[he - hs] = '\0';
	memcpy(ru.selector_text, line + ss, se - ss);
	ru.selector_text[se - ss] = '\0';
	r->v = v;
	r->v[r->n++] = ru;
	return SCRAPE_OK;
}

int scrape_rules_parse(scrape_rules **out, const char *text, size_t len, const char *origin)
{
	*out = NULL;
	scrape_rules *r = calloc(1, sizeof *r);
	if (!r || !(r->origin = strdup(origin ? origin : "rules"))) {
		free(r);
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	unsigned lineno = 0;
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		lineno++;
		size_t s = start;
		if (lineno == 1 && i - s >= 3 && memcmp(text + s, "\xEF\xBB\xBF", 3) == 0)
			s += 3; /* a byte order mark */
		if (memchr(text + s, '\0', i - s)) {
			scrape_error_set(SCRAPE_EUSAGE, "%s:%u:%zu: NUL byte in a rule", r->origin, lineno,
					 column(text + s, (size_t)((const char *)memchr(text + s, '\0', i - s) - (text + s))));
			scrape_rules_free(r);
			return SCRAPE_EUSAGE;
		}
		int rc = parse_line(r, text + s, i - s, lineno);
		if (rc != SCRAPE_OK) {
			scrape_rules_free(r);
			return rc;
		}
		start = i + 1;
	}
	*out = r;
	return SCRAPE_OK;
}

int scrape_rules_load(scrape_rules **out, const char *path)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return scrape_error_set(SCRAPE_EIO, "%s: %s", path, strerror(errno));
	char *data = NULL;
	size_t len = 0, cap = 0;
	int rc = SCRAPE_OK;
	for (;;) {
		if (len == cap) {
			if (cap >= (size_t)16 << 20) {
				rc = scrape_error_set(SCRAPE_EUSAGE, "%s: a rules file of more than 16 MiB", path);
				break;
			}
			cap = cap ? cap * 2 : 4096;
			char *p = realloc(data, cap);
			if (!p) {
				rc = scrape_error_set(SCRAPE_ENOMEM, "out of memory");
				break;
			}
			data = p;
		}
		size_t n = fread(data + len, 1, cap - len, f);
		len += n;
		if (n == 0) {
			if (ferror(f))
				rc = scrape_error_set(SCRAPE_EIO, "%s: cannot read", path);
			break;
		}
	}
	fclose(f);
	if (rc == SCRAPE_OK)
		rc = scrape_rules_parse(out, data ? data : "", len, path);
	free(data);
	return rc;
}

int rules_host_matches(const char *pattern, const char *host)
{
	if (strcmp(pattern, "*") == 0)
		return 1;
	if (!host || !*host)
		return 0;
	if (pattern[0] == '*' && pattern[1] == '.') {
		const char *base = pattern + 2;
		size_t bl = strlen(base), hl = strlen(host);
		if (hl == bl)
			return strcasecmp(host, base) == 0;
		return hl > bl && host[hl - bl - 1] == '.' && strcasecmp(host + hl - bl, base) == 0;
	}
	return strcasecmp(pattern, host) == 0;
}

void rules_url_host(char *out, size_t cap, const char *url)
{
	out[0] = '\0';
	if (!url || cap == 0)
		return;
	const char *p = strstr(url, "://");
	if (!p)
		return;
	p += 3;
	const char *end = p + strcspn(p, "/?#");
	const char *at = memchr(p, '@', (size_t)(end - p));
	if (at)
		p = at + 1;
	const char *colon;
	if (*p == '[') {
		colon = memchr(p, ']', (size_t)(end - p));
		colon = colon ? colon + 1 : end;
	} else {
		colon = memchr(p, ':', (size_t)(end - p));
		if (!colon)
			colon = end;
	}
	size_t n = (size_t)(colon - p);
	while (n && p[n - 1] == '.')
		n--; /* "example.com." is example.com */
	if (n >= cap)
		return;
	for (size_t i = 0; i < n; i++)
		out[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] | 32) : p[i];
	out[n] = '\0';
}

/* Elements whose text is never shown, even under a keep rule. */
static int never_text(GumboTag t)
{
	return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
	       t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_TITLE;
}

int rules_apply(const struct scrape_rules *r, struct dom *d, const char *host, struct rules_outcome *outcome)
{
	if (outcome)
		memset(outcome, 0, sizeof *outcome);
	if (!r || !r->n || !d->n)
		return SCRAPE_OK;
	/* the rules for this page, host rules first */
	size_t *order = malloc(r->n * sizeof *order), no = 0;
	if (!order)
		return SCRAPE_ENOMEM;
	for (int general = 0; general < 2; general++)
		for (size_t k = 0; k < r->n; k++)
			if ((strcmp(r->v[k].host, "*") == 0) == general && rules_host_matches(r->v[k].host, host))
				order[no++] = k;
	if (!no) {
		free(order);
		return SCRAPE_OK;
	}
	uint32_t *by = calloc(d->n, sizeof *by);
	unsigned char *m = malloc(d->n);
	if (!by || !m) {
		free(order);
		free(by);
		free(m);
		return SCRAPE_ENOMEM;
	}
	size_t main_rule = 0, matched = 0;
	int rc = SCRAPE_OK;
	for (size_t o = 0; o < no && rc == SCRAPE_OK; o++) {
		const struct rule *ru = &r->v[order[o]];
		memset(m, 0, d->n);
		if ((rc = selector_match_all(&ru->sel, d, m)) != SCRAPE_OK)
			break;
		for (size_t i = 0; i < d->n; i++) {
			if (!m[i])
				continue;
			if (ru->action == RULE_MAIN) {
				if (!d->forced_main) {
					d->forced_main = i + 1;
					main_rule = order[o] + 1;
					if (!by[i]) {
						matched++;
						by[i] = (uint32_t)order[o] + 1;
					}
				}
				continue;
			}
			if (!by[i])
				matched++;
			if (!by[i] || r->v[by[i] - 1].action == RULE_MAIN)
				by[i] = (uint32_t)order[o] + 1;
		}
	}
	free(m);
	free(order);
	if (rc != SCRAPE_OK) {
		free(by);
		return rc;
	}
	/* each node follows its nearest decided ancestor-or-self; parents come
	 * first in pre-order, so one pass carries decisions down */
	int changed = 0;
	for (size_t i = 0; i < d->n; i++) {
		struct dnode *n = &d->nodes[i];
		uint32_t parent_by = n->parent != UINT32_MAX ? by[n->parent] : 0;
		if (!by[i] || r->v[by[i] - 1].action == RULE_MAIN)
			by[i] = parent_by && r->v[parent_by - 1].action != RULE_MAIN ? parent_by
				: by[i];
		if (!by[i])
			continue;
		enum rule_action a = r->v[by[i] - 1].action;
		uint32_t before = n->flags;
		if (a == RULE_DROP) {
			n->flags |= DN_SKIP;
		} else if (a == RULE_KEEP) {
			int parent_skip = n->parent != UINT32_MAX && (d->nodes[n->parent].flags & DN_KEEP) &&
					  (d->nodes[n->parent].flags & DN_SKIP);
			n->flags &= ~(uint32_t)(DN_SKIP | DN_BOILER | DN_UNDER_BOILER);
			n->flags |= DN_KEEP;
			if (parent_skip || (dom_is_element(n->g) && never_text(n->g->v.element.tag)))
				n->flags |= DN_SKIP;
			for (size_t p = n->parent; p != UINT32_MAX && !(d->nodes[p].flags & DN_HAS_KEEP);
			     p = d->nodes[p].parent)
				d->nodes[p].flags |= DN_HAS_KEEP;
		}
		changed |= n->flags != before;
	}
	if (changed)
		dom_recount(d);
	if (outcome) {
		outcome->by_rule = by;
		outcome->main_rule = main_rule;
		outcome->matched = matched;
	} else {
		free(by);
	}
	return SCRAPE_OK;
}
