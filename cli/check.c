/* check.c - `scrape --check DIR`: every NAME.html[.gz] in DIR is extracted
 * with the options in NAME.opts (if any) and compared with NAME.txt. An empty
 * NAME.txt means the page must have no main content. */
#include "cli.h"
#include "buf.h"
#include "rules_cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a > b && strcmp(s + a - b, suf) == 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whole file into a buf; 0, or -1 with errno (ENOENT: absent). */
static int slurp(struct buf *b, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[16384];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(b, chunk, n);
	int err = ferror(f);
	fclose(f);
	if (!b->data)
		buf_put(b, "", 0);
	return err || b->oom ? -1 : 0;
}

/* Applies the options of a fixture's .opts file to o. */
static int apply_opts_file(struct cli_opts *o, const char *path, const char *name)
{
	struct buf b = BUF_INIT;
	if (slurp(&b, path) != 0) {
		buf_free(&b);
		return errno == ENOENT ? 0 : EXIT_INPUT;
	}
	char *argv[64];
	int argc = 0;
	for (char *tok = strtok(b.data, " \t\r\n"); tok && argc < 64; tok = strtok(NULL, " \t\r\n"))
		argv[argc++] = tok;
	int pos = 0;
	char where[4400];
	snprintf(where, sizeof where, "%s: ", name);
	int rc = cli_parse(o, argc, argv, &pos, where);
	if (rc == 0 && pos != argc) {
		fprintf(stderr, "scrape: %s: unexpected '%s'\n", name, argv[pos]);
		rc = EXIT_USAGE;
	}
	/* cli_parse copied string values into o; b can go */
	buf_free(&b);
	return rc;
}

/* Runs the pipeline in memory: the text it prints, or "" for no content. */
static int run_fixture(const struct cli_opts *o, const char *page, struct buf *actual)
{
	char *text = NULL;
	size_t len = 0;
	int rc = cli_render_source(&text, &len, NULL, &o->lib, NULL, page, 0);
	if (rc == SCRAPE_OK)
		buf_put(actual, text, len);
	else if (rc == SCRAPE_ENOCONTENT)
		buf_put(actual, "", 0);
	else
		cli_print_error(page, scrape_error_last());
	free(text);
	return rc == SCRAPE_ENOCONTENT ? SCRAPE_OK : rc;
}

static int write_atomically(const char *path, const char *data, size_t len)
{
	char tmp[4400];
	snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	if (!f)
		return -1;
	int ok = fwrite(data, 1, len, f) == len;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

int cli_check(const struct cli_opts *base, const char *dir_arg)
{
	char dir[2048];
	snprintf(dir, sizeof dir, "%s", dir_arg);
	for (size_t l = strlen(dir); l > 1 && dir[l - 1] == '/'; l--)
		dir[l - 1] = '\0';
	DIR *dh = opendir(dir);
	if (!dh) {
		fprintf(stderr, "scrape: %s: %s\n", dir, strerror(errno));
		return EXIT_INPUT;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dh)) != NULL) {
		if (!has_suffix(de->d_name, ".html") && !has_suffix(de->d_name, ".html.gz") &&
		    !has_suffix(de->d_name, ".htm"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			char **p = realloc(names, cap * sizeof *p);
			if (!p)
				break;
			names = p;
		}
		names[n++] = strdup(de->d_name);
	}
	closedir(dh);
	qsort(names, n, sizeof *names, cmp_names);

	/* DIR/rules: the folder's own per-site rules, for every fixture in it */
	scrape_rules *dir_rules = NULL;
	char rules_path[4200];
	snprintf(rules_path, sizeof rules_path, "%s/rules", dir);
	struct stat st;
	if (stat(rules_path, &st) == 0 && S_ISREG(st.st_mode) &&
	    scrape_rules_load(&dir_rules, rules_path) != SCRAPE_OK) {
		fprintf(stderr, "scrape: %s\n", scrape_error_last());
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return EXIT_USAGE;
	}

	size_t passed = 0, failed = 0, updated = 0, errors = 0;
	for (size_t i = 0; i < n; i++) {
		char stem[4096], page[4096], path[4200];
		if ((size_t)snprintf(page, sizeof page, "%s/%s", dir, names[i]) >= sizeof page) {
			fprintf(stderr, "scrape: %s/%s: path too long\n", dir, names[i]);
			errors++;
			continue;
		}
		memcpy(stem, page, sizeof stem);
		char *dot = strstr(stem + strlen(dir) + 1, ".htm");
		if (dot)
			*dot = '\0';
		struct cli_opts o = *base;
		o.mode = MODE_EXTRACT;
		o.lib.charset = NULL;
		o.rules_mine = 0; /* NAME.opts may load its own (--rules), freed below */
		if (dir_rules)
			o.lib.rules = dir_rules;
		snprintf(path, sizeof path, "%s.opts", stem);
		if (apply_opts_file(&o, path, path) != 0) {
			rules_cli_release(&o);
			errors++;
			continue;
		}
		if (o.lib.charset)
			o.lib.charset = o.charset; /* points into this copy */
		struct buf actual = BUF_INIT, expected = BUF_INIT;
		if (run_fixture(&o, page, &actual) != SCRAPE_OK) {
			errors++;
			buf_free(&actual);
			rules_cli_release(&o);
			continue;
		}
		snprintf(path, sizeof path, "%s.txt", stem);
		int have = slurp(&expected, path) == 0;
		if (have && expected.len == actual.len &&
		    memcmp(expected.data, actual.data, actual.len) == 0) {
			passed++;
		} else if (base->update) {
			if (write_atomically(path, actual.data ? actual.data : "", actual.len) != 0) {
				fprintf(stderr, "scrape: %s: cannot write: %s\n", path, strerror(errno));
				errors++;
			} else {
				printf("updated %s\n", path);
				updated++;
			}
		} else {
			failed++;
			if (!have)
				printf("missing %s (run with --update to create it)\n", path);
			else
				cli_diff(stdout, path, expected.data, expected.len, "actual", actual.data,
					 actual.len);
		}
		buf_free(&actual);
		buf_free(&expected);
		rules_cli_release(&o);
	}
	scrape_rules_free(dir_rules);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	printf("fixtures: %zu passed, %zu failed", passed, failed);
	if (updated)
		printf(", %zu updated", updated);
	if (errors)
		printf(", %zu errors", errors);
	printf(" (%s)\n", dir);
	if (n == 0) {
		fprintf(stderr, "scrape: %s: no fixtures (NAME.html beside NAME.txt)\n", dir);
		return EXIT_INPUT;
	}
	return errors ? EXIT_INPUT : failed ? EXIT_DIFF : EXIT_OK_;
}
