/* main.c - the scrape command: parse options, run each source, exit status. */
#include "bulk.h"
#include "cli.h"
#include "crawl.h"
#include "rules_cli.h"
#include "warc_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	struct cli_opts o;
	cli_opts_init(&o);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			cli_usage(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("scrape %s\n", SCRAPE_VERSION);
			return 0;
		}
	}
	/* options and sources may come in any order; "--" ends the options */
	char **sources = malloc((size_t)argc * sizeof *sources);
	int nsources = 0;
	if (!sources)
		return EXIT_INTERNAL;
	for (int i = 1; i < argc;) {
		if (strcmp(argv[i], "--") == 0) {
			for (i++; i < argc; i++)
				sources[nsources++] = argv[i];
			break;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			int pos = i;
			if (cli_parse(&o, argc, argv, &pos, "") != 0) {
				free(sources);
				rules_cli_release(&o);
				return EXIT_USAGE;
			}
			/* cli_parse stops at the first source, or consumed "--" */
			if (pos > i && strcmp(argv[pos - 1], "--") == 0) {
				for (; pos < argc; pos++)
					sources[nsources++] = argv[pos];
			}
			i = pos;
			continue;
		}
		sources[nsources++] = argv[i++];
	}

	int status = EXIT_OK_;
	/* fixtures are checked with their folder's rules only, not the user's */
	if (o.mode == MODE_EXTRACT && (status = rules_cli_load_default(&o)) != EXIT_OK_) {
		free(sources);
		return status;
	}
	if (o.explain && (o.mode != MODE_EXTRACT || o.warc || o.outdir || o.jsonl || o.url_list ||
			  nsources != 1)) {
		fputs("scrape: --explain takes one page (a file, a URL or -), without -o, --jsonl, "
		      "--warc, -i, --check or --repair\n", stderr);
		status = EXIT_USAGE;
	} else if (o.doc_url && (o.mode != MODE_EXTRACT || o.warc || o.outdir || o.jsonl || o.url_list ||
				 o.find || nsources != 1)) {
		fputs("scrape: --url names where one saved page came from: one file or -, "
		      "without -o, --jsonl, --warc, -i, --check or --repair\n", stderr);
		status = EXIT_USAGE;
	} else if (o.explain) {
		status = rules_cli_explain(&o, sources[0], stdout);
	} else if (o.mode == MODE_CHECK) {
		if (nsources != 1) {
			fputs("scrape: --check takes one fixture folder (see scrape --help)\n", stderr);
			status = EXIT_USAGE;
		} else {
			status = cli_check(&o, sources[0]);
		}
	} else if (o.update) {
		fputs("scrape: --update only goes with --check\n", stderr);
		status = EXIT_USAGE;
	} else if (o.warc) {
		if (o.mode != MODE_EXTRACT || (nsources == 0 && !o.files_from)) {
			fputs("scrape: --warc takes WARC files, - for standard input, or --files-from LIST\n",
			      stderr);
			status = EXIT_USAGE;
		} else {
			status = warc_run(&o, sources, nsources);
		}
	} else if (o.shard_count || o.files_from) {
		fputs("scrape: --shard and --files-from go with --warc\n", stderr);
		status = EXIT_USAGE;
	} else if (crawl_wanted(&o, sources, nsources)) {
		status = crawl_run(&o, sources, nsources);
	} else if (o.outdir || o.jsonl) {
		if (o.mode != MODE_EXTRACT || nsources == 0) {
			fputs("scrape: -o and --jsonl take files or folders of saved pages (see scrape --help)\n",
			      stderr);
			status = EXIT_USAGE;
		} else {
			status = bulk_run(&o, sources, nsources);
		}
	} else if (o.mode == MODE_REPAIR && nsources == 0) {
		status = cli_run_one(&o, "-", stdout);
	} else if (nsources == 0) {
		fputs("scrape: no source given (a URL, a file, or - for standard input; see scrape --help)\n",
		      stderr);
		status = EXIT_USAGE;
	} else {
		for (int i = 0; i < nsources; i++) {
			int rc = cli_run_one(&o, sources[i], stdout);
			if (rc != EXIT_OK_ && status == EXIT_OK_)
				status = rc;
			fflush(stdout);
		}
	}
	free(sources);
	rules_cli_release(&o);
	return status;
}
