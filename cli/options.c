#include "cli.h"
#include "crawl.h"
#include "rules_cli.h"
#include "warc_run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void cli_opts_init(struct cli_opts *o)
{
	memset(o, 0, sizeof *o);
	scrape_options def = SCRAPE_OPTIONS_INIT;
	o->lib = def;
	o->mode = MODE_EXTRACT;
	crawl_opts_init(o);
}

void cli_usage(FILE *f)
{
	fputs("Usage: scrape [OPTIONS] SOURCE...\n"
	      "       scrape --repair [FILE...]\n"
	      "       scrape --check [--update] DIR\n"
	      "\n"
	      "Prints the main content of web pages as clean text. A SOURCE is an http(s)\n"
	      "URL, an HTML file (.html.gz is decompressed), or - for standard input.\n"
	      "\n"
	      "Output:\n"
	      "  --format FMT        text (default), markdown or json\n"
	      "  --no-title          print the body without the title line\n"
	      "  --no-repair         do not repair damaged characters and words\n"
	      "\n"
	      "Input:\n"
	      "  --charset LABEL     the document's charset, as an HTTP header would give it\n"
	      "  --url URL           where a file's page came from (as a WARC record says):\n"
	      "                      its type, rules and \"url\" when it names no canonical URL\n"
	      "  --max-bytes N       refuse documents larger than N bytes (default 33554432)\n"
	      "  --max-depth N       cut the tree below depth N (default 512)\n"
	      "  --max-nodes N       keep the markup of N nodes at most, text after it\n"
	      "                      kept as plain text (default 1000000)\n"
	      "  --max-output N      cut the output at N bytes (default 33554432)\n"
	      "  --page-timeout S    give up on a page after S seconds of processing\n"
	      "                      (default 30; checked between stages)\n"
	      "  --timeout SECONDS   total time for a fetch (default 30)\n"
	      "  --connect-timeout SECONDS  (default 10)\n"
	      "  --user-agent STRING (default scrape/" SCRAPE_VERSION ")\n"
	      "\n", f);
	fputs("Rules and reports:\n"
	      "  --rules FILE        per-site rules, one a line: HOST-PATTERN keep|drop|main\n"
	      "                      SELECTOR (# comments); default: $XDG_CONFIG_HOME/scrape/rules\n"
	      "                      or ~/.config/scrape/rules when it exists (not for --check)\n"
	      "  --no-rules          use no rules file\n"
	      "  --explain REPORT    one page: also write a self-contained HTML report of why\n"
	      "                      each block was kept or dropped (- : plain text on stderr)\n"
	      "\n"
	      "Bulk (files and folders, recursively: .html .htm .xhtml and their .gz):\n"
	      "  -o, --output DIR    write one output per input under DIR (tree mirrored,\n"
	      "                      .txt/.md/.json by --format); DIR/failures.tsv lists failures\n"
	      "  --jsonl             one JSON object per page on standard output, input order\n"
	      "  -j, --jobs N        worker threads (default: the number of cores)\n"
	      "  --resume            skip inputs whose output is newer than the input\n"
	      "\n"
	      "Fetching URL lists (scrape -o DIR URL... or -i LIST): concurrent, polite:\n"
	      "  -i, --input-list F  URLs one a line (# comments; - for standard input)\n"
	      "  -o DIR              outputs named from the URLs (host/path-hash.txt);\n"
	      "                      DIR/results.jsonl gets one line per URL as it ends\n"
	      "  -j N                transfers at once (default 8)\n"
	      "  --per-host N        transfers at once on one host with --delay 0 (default 2)\n"
	      "  --delay SECONDS     between requests to one host (default 1; 0: none)\n"
	      "  --retries N         retry timeouts, resets, 429 and 503 N times (default 3)\n"
	      "  --ignore-robots     do not fetch or obey robots.txt\n"
	      "  --resume            skip URLs that results.jsonl lists as done\n"
	      "  --insecure          do not verify TLS certificates\n"
	      "  --resolve H:P:ADDR  connect to ADDR for host H, port P (as curl --resolve)\n"
	      "\n", f);
	crawl_usage(f);
	fputs("WARC (scrape --warc FILE.warc[.gz]... or -): HTML responses to JSON lines:\n"
	      "  --warc              read WARC/1.0 and 1.1 files (plain, gzip per record or\n"
	      "                      whole); one JSON line per record on standard output\n"
	      "  --shard I/N         take every N-th file from the I-th (0-based)\n"
	      "  --files-from LIST   more WARC files, one a line (- for standard input)\n"
	      "  -o DIR              write DIR/shard-I-of-N.jsonl.gz atomically instead;\n"
	      "                      with --resume, do nothing when it exists\n"
	      "\n"
	      "Modes:\n"
	      "  --repair            repair damaged text (FILEs or standard input): lost\n"
	      "                      apostrophes, fused words, mojibake, entities, form labels\n"
	      "  --check DIR         run the fixtures in DIR (NAME.html[.gz] beside NAME.txt,\n"
	      "                      optional NAME.opts); print a diff for each difference\n"
	      "  --update            with --check: rewrite the expected texts\n"
	      "  -q, --quiet         print no per-source error lines\n"
	      "  -h, --help          this text\n"
	      "  --version           print the version\n"
	      "\n"
	      "Exit status: 0 success; 1 --check found differences; 2 usage error;\n"
	      "3 input error (missing, unreadable, empty, binary, too large);\n"
	      "4 fetch error (network, HTTP status >= 400); 5 no main content found;\n"
	      "6 internal error. With several sources, the first failure's status.\n", f);
}

static int need_value(int argc, char **argv, int i, const char *where)
{
	if (i + 1 >= argc) {
		fprintf(stderr, "scrape: %s%s needs a value\n", where, argv[i]);
		return 0;
	}
	return 1;
}

static int parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v == 0)
		return 0;
	*out = (size_t)v;
	return 1;
}

static int parse_seconds(const char *s, long *ms)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !(v > 0) || v > 86400)
		return 0;
	*ms = (long)(v * 1000);
	return 1;
}

int cli_parse(struct cli_opts *o, int argc, char **argv, int *pos, const char *where)
{
	int i = *pos;
	for (; i < argc; i++) {
		const char *a = argv[i];
		int crawl_rc;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || strcmp(a, "-") == 0)
			break;
		if (strcmp(a, "--no-title") == 0) {
			o->lib.with_title = 0;
		} else if (strcmp(a, "--no-repair") == 0) {
			o->lib.repair = 0;
		} else if (strcmp(a, "--repair") == 0) {
			o->mode = MODE_REPAIR;
		} else if (strcmp(a, "--check") == 0) {
			o->mode = MODE_CHECK;
		} else if (strcmp(a, "--update") == 0) {
			o->update = 1;
		} else if (strcmp(a, "--jsonl") == 0) {
			o->jsonl = 1;
		} else if (strcmp(a, "--resume") == 0) {
			o->resume = 1;
		} else if (strcmp(a, "--warc") == 0) {
			o->warc = 1;
		} else if (strcmp(a, "--shard") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			if (warc_parse_shard(argv[++i], &o->shard_index, &o->shard_count) != 0) {
				fprintf(stderr, "scrape: %s--shard wants I/N with 0 <= I < N, got '%s'\n", where, argv[i]);
				return EXIT_USAGE;
			}
		} else if (strcmp(a, "--files-from") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			o->files_from = argv[++i];
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			o->outdir = argv[++i];
		} else if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0 || strncmp(a, "-j", 2) == 0) {
			const char *v = a + 2; /* -jN */
			if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) {
				if (!need_value(argc, argv, i, where))
					return EXIT_USAGE;
				v = argv[++i];
			}
			size_t n;
			if (!parse_size(v, &n) || n > 1024) {
				fprintf(stderr, "scrape: %s-j wants a number of threads from 1 to 1024, got '%s'\n",
					where, v);
				return EXIT_USAGE;
			}
			o->jobs = (int)n;
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
		} else if (strcmp(a, "--format") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			const char *v = argv[++i];
			if (strcmp(v, "text") == 0)
				o->lib.format = SCRAPE_FORMAT_TEXT;
			else if (strcmp(v, "markdown") == 0 || strcmp(v, "md") == 0)
				o->lib.format = SCRAPE_FORMAT_MARKDOWN;
			else if (strcmp(v, "json") == 0)
				o->lib.format = SCRAPE_FORMAT_JSON;
			else {
				fprintf(stderr, "scrape: %sunknown format '%s' (text, markdown, json)\n", where, v);
				return EXIT_USAGE;
			}
		} else if (strcmp(a, "--charset") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			const char *v = argv[++i];
			if (strlen(v) >= sizeof o->charset) {
				fprintf(stderr, "scrape: %scharset label too long\n", where);
				return EXIT_USAGE;
			}
			strcpy(o->charset, v);
			o->lib.charset = o->charset;
		} else if (strcmp(a, "--url") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			o->doc_url = argv[++i];
		} else if (strcmp(a, "--user-agent") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			const char *v = argv[++i];
			if (strlen(v) >= sizeof o->user_agent) {
				fprintf(stderr, "scrape: %suser agent too long\n", where);
				return EXIT_USAGE;
			}
			strcpy(o->user_agent, v);
			o->lib.user_agent = o->user_agent;
		} else if (strcmp(a, "--max-bytes") == 0 || strcmp(a, "--max-depth") == 0 ||
			   strcmp(a, "--max-nodes") == 0 || strcmp(a, "--max-output") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			size_t v;
			if (!parse_size(argv[i + 1], &v)) {
				fprintf(stderr, "scrape: %s%s wants a positive whole number, got '%s'\n",
					where, a, argv[i + 1]);
				return EXIT_USAGE;
			}
			if (strcmp(a, "--max-bytes") == 0)
				o->lib.max_input_bytes = v;
			else if (strcmp(a, "--max-nodes") == 0)
				o->lib.max_nodes = v;
			else if (strcmp(a, "--max-output") == 0)
				o->lib.max_output_bytes = v;
			else
				o->lib.max_depth = v;
			if (strcmp(a, "--max-depth") == 0)
				o->crawl_depth = v > 1000000 ? 1000000 : (long)v; /* with --crawl: links */
			i++;
		} else if (strcmp(a, "--timeout") == 0 || strcmp(a, "--connect-timeout") == 0 ||
			   strcmp(a, "--page-timeout") == 0) {
			if (!need_value(argc, argv, i, where))
				return EXIT_USAGE;
			long ms;
			if (!parse_seconds(argv[i + 1], &ms)) {
				fprintf(stderr, "scrape: %s%s wants seconds, got '%s'\n", where, a, argv[i + 1]);
				return EXIT_USAGE;
			}
			if (strcmp(a, "--timeout") == 0)
				o->lib.timeout_ms = ms;
			else if (strcmp(a, "--page-timeout") == 0)
				o->lib.page_timeout_ms = ms;
			else
				o->lib.connect_timeout_ms = ms;
			i++;
		} else if ((crawl_rc = crawl_parse_option(o, argc, argv, &i, where)) != 0 ||
			   (crawl_rc = rules_cli_parse_option(o, argc, argv, &i, where)) != 0) {
			if (crawl_rc < 0)
				return EXIT_USAGE;
		} else {
			fprintf(stderr, "scrape: %sunknown option '%s' (see scrape --help)\n", where, a);
			return EXIT_USAGE;
		}
	}
	*pos = i;
	return 0;
}
