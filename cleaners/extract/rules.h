/* rules.h - per-site rules: `HOST-PATTERN keep|drop|main SELECTOR`, one a
 * line, applied to the flat DOM right after parsing, as flags that
 * extraction respects:
 *   drop  the matched subtrees are never content (DN_SKIP);
 *   keep  the matched subtrees are content whatever extraction thinks
 *         (DN_KEEP: emitted, not filtered; outside the main content they
 *         are added to it in document order);
 *   main  the first matched element is the main content (dom.forced_main).
 * Which rule decides a node: the nearest matched ancestor-or-self; among the
 * rules that match that same element, the page host's rules (in file order)
 * come before the general ones (`*`, in file order). */
#ifndef SCRAPE_RULES_H
#define SCRAPE_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "dom.h"
#include "scrape.h"
#include "selector.h"

enum rule_action { RULE_KEEP, RULE_DROP, RULE_MAIN };

struct rule {
	char *host;             /* "*", "*.example.com" or "docs.example.org" (lower case) */
	enum rule_action action;
	struct selector sel;
	char *selector_text;    /* as written, for reports */
	unsigned line;
};

struct scrape_rules {
	struct rule *v;
	size_t n;
	char *origin;           /* file name, for messages and reports */
};

/* What rules_apply decided, for reports: per node, 1 + the index of the rule
 * (in r->v) whose match decided it, 0 for none; the caller frees `by_rule`. */
struct rules_outcome {
	uint32_t *by_rule;
	size_t main_rule;       /* 1 + the index of the main rule used, 0: none */
	size_t matched;         /* elements matched by some rule */
};

/* 1 if the host pattern applies to host (lower case; NULL host: only "*").
 * "*.example.com" matches example.com and every name under it. */
int rules_host_matches(const char *pattern, const char *host);

/* The lower-case host of an http(s) URL into out (size cap), "" if none. */
void rules_url_host(char *out, size_t cap, const char *url);

/* Applies the rules for `host` (may be NULL) to d: sets DN_SKIP, DN_KEEP,
 * DN_HAS_KEEP and d->forced_main, and recounts the statistics when flags
 * changed. With `outcome` non-NULL, records who decided what (outcome->by_rule
 * malloc'd, freed by the caller, NULL when no rule applied).
 * Returns 0 or SCRAPE_ENOMEM. */
int rules_apply(const struct scrape_rules *r, struct dom *d, const char *host, struct rules_outcome *outcome);

/* The name of an action ("keep", "drop", "main"). */
const char *rules_action_name(enum rule_action a);

#endif
