/* rules_cli.h - per-site rules and the --explain report on the command
 * line: --rules FILE, --no-rules, the default rules file, --explain. */
#ifndef SCRAPE_RULES_CLI_H
#define SCRAPE_RULES_CLI_H

#include "cli.h"

/* Parses the option at argv[*i] (and its value, advancing *i): 1 when it
 * was one of --rules FILE, --no-rules, --explain REPORT; 0 when not; -1
 * after printing the error (an unreadable or unparsable rules file: the
 * message names FILE:LINE:COLUMN). Rules loaded here belong to o
 * (o->rules_mine) until rules_cli_release. */
int rules_cli_parse_option(struct cli_opts *o, int argc, char **argv, int *i, const char *where);

/* Without --rules or --no-rules: loads $XDG_CONFIG_HOME/scrape/rules (or
 * ~/.config/scrape/rules) when it exists. Returns an exit code. */
int rules_cli_load_default(struct cli_opts *o);

/* Frees the rules o loaded itself (o->rules_mine) and forgets them. */
void rules_cli_release(struct cli_opts *o);

/* Runs one source with --explain: its text to out as usual, the report to
 * o->explain ("-": plain text on standard error). Returns an exit code. */
int rules_cli_explain(const struct cli_opts *o, const char *source, FILE *out);

#endif
