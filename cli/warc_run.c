/*
 * warc_run.c - WARC mode. The pool's source reads the records of the shard's
 * files one after the other (one reader, streaming); `response` records
 * holding an HTML page in a 2xx HTTP response become jobs, and so do damaged
 * records (their line carries the error). Other records are counted and
 * skipped. Workers undo the HTTP transfer and content codings and run the
 * pipeline with the charset of the record's HTTP header; the main thread
 * writes the lines in input order.
 */
#include "warc_run.h"
#include "buf.h"
#include "error.h"
#include "json.h"
#include "pool.h"
#include "source.h"
#include "warc.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* why records were skipped */
enum {
	SKIP_WARCINFO, SKIP_REQUEST, SKIP_METADATA, SKIP_REVISIT, SKIP_RESOURCE, SKIP_OTHER_TYPE,
	SKIP_NOT_HTTP, SKIP_STATUS, SKIP_NOT_HTML, SKIP_N
};
static const char *const skip_names[SKIP_N] = {
	"warcinfo", "request", "metadata", "revisit", "resource", "other record types",
	"responses not in HTTP", "HTTP status not 2xx", "not HTML"
};

struct job {
	const char *file;        /* WARC file as named on the command line */
	struct warc_record rec;
	struct warc_http http;
	char *open_error;        /* the file could not be opened */
};

struct run {
	const struct cli_opts *o;
	char **files;
	size_t nfiles, next_file;
	struct warc_reader *reader;
	const char *reader_file;
	size_t records;          /* records read */
	size_t skipped[SKIP_N];
	uint64_t bytes_in;       /* file bytes read */
	size_t file_errors;      /* WARC files that could not be opened or read to the end */
	FILE *out;               /* standard output, or NULL with gz */
	gzFile gz;
	int quiet;
};

int warc_parse_shard(const char *s, unsigned *index, unsigned *count)
{
	char *end;
	errno = 0;
	unsigned long i = strtoul(s, &end, 10);
	if (errno || end == s || *end != '/' || s[0] == '-')
		return -1;
	const char *t = end + 1;
	unsigned long n = strtoul(t, &end, 10);
	if (errno || end == t || *end || t[0] == '-' || n == 0 || n > 1000000 || i >= n)
		return -1;
	*index = (unsigned)i;
	*count = (unsigned)n;
	return 0;
}

static int is_html_type(const char *ct)
{
	if (!ct)
		return 1; /* no type: let the pipeline sniff it */
	while (*ct == ' ' || *ct == '\t')
		ct++;
	return strncasecmp(ct, "text/html", 9) == 0 || strncasecmp(ct, "application/xhtml+xml", 21) == 0;
}

static int skip_reason_of_type(const char *type)
{
	static const char *const names[] = { "warcinfo", "request", "metadata", "revisit", "resource" };
	for (int i = 0; i < 5; i++)
		if (type && strcmp(type, names[i]) == 0)
			return i;
	return SKIP_OTHER_TYPE;
}

/* pool source: the next record worth a line, across the files */
static int next_record(void *ctx, void **out)
{
	struct run *w = ctx;
	for (;;) {
		if (!w->reader) {
			if (w->next_file >= w->nfiles)
				return 0;
			const char *file = w->files[w->next_file++];
			struct job *j = calloc(1, sizeof *j);
			if (!j)
				return 0;
			j->file = file;
			if (warc_open(&w->reader, file, "response", w->o->lib.max_input_bytes) != SCRAPE_OK) {
				const char *m = scrape_error_last();
				j->open_error = strdup(m && *m ? m : "cannot open");
				w->file_errors++;
				*out = j;
				return 1;
			}
			free(j);
			w->reader_file = file;
		}
		struct job *j = calloc(1, sizeof *j);
		if (!j)
			return 0;
		j->file = w->reader_file;
		if (!warc_next(w->reader, &j->rec)) {
			const char *m = warc_failure(w->reader);
			if (m) {
				j->open_error = strdup(m);
				w->file_errors++;
			}
			w->bytes_in += warc_bytes_read(w->reader);
			warc_close(w->reader);
			w->reader = NULL;
			if (j->open_error) {
				*out = j;
				return 1;
			}
			free(j);
			continue;
		}
		w->records++;
		struct warc_record *r = &j->rec;
		int skip = -1;
		if (!r->error) {
			const char *why;
			if (!r->h.type || strcmp(r->h.type, "response") != 0)
				skip = skip_reason_of_type(r->h.type);
			else if (!r->block)
				skip = SKIP_OTHER_TYPE; /* not reached: responses are loaded or errors */
			else if (r->h.content_type && strncasecmp(r->h.content_type, "application/http", 16) != 0)
				skip = SKIP_NOT_HTTP;
			else if (warc_http_parse(&j->http, r->block, r->block_len, &why) != 0)
				skip = SKIP_NOT_HTTP;
			else if (j->http.status < 200 || j->http.status > 299)
				skip = SKIP_STATUS;
			else if (!is_html_type(j->http.content_type))
				skip = SKIP_NOT_HTML;
		}
		if (skip >= 0) {
			w->skipped[skip]++;
			warc_http_free(&j->http);
			warc_record_free(&j->rec);
			free(j);
			continue;
		}
		*out = j;
		return 1;
	}
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 :
		     c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	if (!len || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || (c == 0xF0 && s[1] < 0x90) ||
	    (c == 0xF4 && s[1] > 0x8F))
		return 0; /* overlong, surrogate, above U+10FFFF */
	return len;
}

/* A JSON string of header bytes, which may be anything: invalid UTF-8
 * becomes U+FFFD so the line stays valid JSON. */
static void put_text(struct buf *b, const char *val, size_t n)
{
	const unsigned char *s = (const unsigned char *)val;
	size_t i = 0;
	while (i < n && utf8_seq(s + i, n - i))
		i += utf8_seq(s + i, n - i);
	if (i == n) {
		json_put_string(b, val, n);
		return;
	}
	struct buf clean = BUF_INIT;
	for (i = 0; i < n;) {
		size_t k = utf8_seq(s + i, n - i);
		if (k) {
			buf_put(&clean, val + i, k);
			i += k;
		} else {
			buf_puts(&clean, "\xEF\xBF\xBD");
			i++;
		}
	}
	json_put_string(b, clean.data ? clean.data : "", clean.len);
	if (clean.oom)
		b->oom = 1;
	buf_free(&clean);
}

static void put_field(struct buf *b, const char *key, const char *val)
{
	if (!val)
		return;
	buf_printf(b, ",\"%s\":", key);
	put_text(b, val, strlen(val));
}

/* The body of the HTTP response, transfer and content codings undone.
 * *body is either inside the block or malloc'd into *owned. */
static int http_body(const char **body, size_t *len, char **owned, struct job *j, size_t max_bytes)
{
	struct warc_record *r = &j->rec;
	char *p = r->block + j->http.body_offset;
	size_t n = r->block_len - j->http.body_offset;
	if (j->http.chunked)
		warc_dechunk(p, &n); /* not chunked after all: used as it is */
	*owned = NULL;
	const char *ce = j->http.content_encoding;
	if (ce && *ce && strcasecmp(ce, "identity") != 0) {
		if (strcasecmp(ce, "gzip") != 0 && strcasecmp(ce, "x-gzip") != 0 && strcasecmp(ce, "deflate") != 0)
			return scrape_error_set(SCRAPE_EBINARY, "unsupported Content-Encoding '%s'", ce);
		/* Common Crawl stores payloads decoded but keeps the header: look first */
		if (n >= 2 && ((unsigned char)p[0] == 0x1f || (unsigned char)p[0] == 0x78)) {
			int rc = source_gunzip(owned, len, p, n, max_bytes, "HTTP payload");
			if (rc != SCRAPE_OK)
				return rc;
			*body = *owned;
			return SCRAPE_OK;
		}
	}
	*body = p;
	*len = n;
	return SCRAPE_OK;
}

static void process_record(void *ctx, void *job, struct pool_result *res)
{
	struct run *w = ctx;
	struct job *j = job;
	struct warc_record *r = &j->rec;
	struct buf line = BUF_INIT;
	buf_puts(&line, "{\"url\":");
	const char *url = r->h.target_uri ? r->h.target_uri : "";
	put_text(&line, url, strlen(url));
	put_field(&line, "warc_file", j->file);
	if (!j->open_error) {
		buf_printf(&line, ",\"offset\":%llu,\"length\":%llu", (unsigned long long)r->offset,
			   (unsigned long long)r->length);
		if (r->decompressed)
			buf_puts(&line, ",\"offsets\":\"decompressed\"");
	}
	put_field(&line, "date", r->h.date);
	put_field(&line, "record_id", r->h.record_id);
	res->bytes = r->block_len;

	int rc = SCRAPE_OK;
	const char *reason = j->open_error ? j->open_error : r->error;
	scrape_result *sr = NULL;
	char *owned = NULL, *md = NULL;
	if (reason) {
		rc = SCRAPE_EIO;
	} else {
		buf_printf(&line, ",\"status\":%d", j->http.status);
		put_field(&line, "content_type", j->http.content_type);
		const char *body = NULL;
		size_t len = 0;
		scrape_options lib = w->o->lib;
		rc = http_body(&body, &len, &owned, j, lib.max_input_bytes);
		if (rc == SCRAPE_OK)
			rc = scrape_html(&sr, body, len, j->http.content_type, r->h.target_uri, &lib);
		if (rc == SCRAPE_OK && lib.format == SCRAPE_FORMAT_MARKDOWN) {
			size_t mlen;
			lib.with_title = 0;
			rc = scrape_render(&md, &mlen, sr, &lib);
		}
		if (rc != SCRAPE_OK) {
			const char *m = scrape_error_last();
			reason = m && *m ? m : scrape_strerror(rc);
		}
	}
	if (rc == SCRAPE_OK) {
		put_field(&line, "title", scrape_result_title(sr));
		put_field(&line, "author", scrape_result_author(sr));
		put_field(&line, "published", scrape_result_date(sr));
		put_field(&line, "sitename", scrape_result_sitename(sr));
		put_field(&line, "description", scrape_result_description(sr));
		const char *lang = scrape_result_language(sr);
		if (!lang)
			lang = j->http.content_language;
		put_field(&line, "lang", lang);
		put_field(&line, "page_type", scrape_result_page_type(sr));
		buf_puts(&line, ",\"text\":");
		if (md)
			json_put_string(&line, md, strlen(md));
		else
			json_put_string(&line, scrape_result_text(sr), scrape_result_text_len(sr));
	} else {
		/* a page without content still has a type */
		if (rc == SCRAPE_ENOCONTENT)
			put_field(&line, "page_type", scrape_error_page_type());
		put_field(&line, "error", reason);
		res->code = cli_exit_code(rc);
		res->error = rc;
		struct buf m = BUF_INIT;
		if (j->open_error)
			buf_puts(&m, reason);
		else
			buf_printf(&m, "%s@%llu: %s", j->file, (unsigned long long)r->offset, reason);
		res->message = buf_detach(&m, NULL);
	}
	buf_puts(&line, "}\n");
	if (line.oom) {
		buf_free(&line);
		res->code = EXIT_INTERNAL;
		res->error = SCRAPE_ENOMEM;
	} else {
		res->json = buf_detach(&line, NULL);
	}
	free(md);
	free(owned);
	scrape_result_free(sr);
	warc_http_free(&j->http);
	warc_record_free(&j->rec);
	free(j->open_error);
	free(j);
}

static int emit_record(void *ctx, size_t i, const struct pool_result *r)
{
	struct run *w = ctx;
	(void)i;
	int rc = 0;
	if (r->json) {
		size_t n = strlen(r->json);
		if (w->gz)
			rc = gzwrite(w->gz, r->json, (unsigned)n) == (int)n ? 0 : -1;
		else
			rc = fwrite(r->json, 1, n, w->out) == n ? 0 : -1;
	}
	if (r->code && !w->quiet && r->message) {
		/* the file and the record's place in it are in the JSON line too */
		fprintf(stderr, "scrape: %s\n", r->message);
	}
	return rc;
}

/* The files of this shard: command line, then --files-from, every N-th from I. */
static int collect_files(struct run *w, const struct cli_opts *o, char **paths, int npaths,
			 char ***owned, size_t *nowned)
{
	size_t cap = 0, k = 0;
	char **all = NULL;
	FILE *list = NULL;
	if (o->files_from) {
		list = strcmp(o->files_from, "-") == 0 ? stdin : fopen(o->files_from, "r");
		if (!list) {
			fprintf(stderr, "scrape: %s: %s\n", o->files_from, strerror(errno));
			return EXIT_INPUT;
		}
	}
	char *lineb = NULL;
	size_t linecap = 0;
	for (int i = 0;; i++) {
		char *path = NULL;
		if (i < npaths) {
			path = strdup(paths[i]);
		} else if (list) {
			ssize_t n = getline(&lineb, &linecap, list);
			if (n < 0)
				break;
			while (n && (lineb[n - 1] == '\n' || lineb[n - 1] == '\r' || lineb[n - 1] == ' '))
				lineb[--n] = '\0';
			if (n == 0 || lineb[0] == '#') {
				continue;
			}
			path = strdup(lineb);
		} else {
			break;
		}
		if (!path)
			goto oom;
		if (o->shard_count && k++ % o->shard_count != o->shard_index) {
			free(path);
			continue;
		}
		if (*nowned == cap) {
			cap = cap ? cap * 2 : 16;
			char **na = realloc(all, cap * sizeof *na);
			if (!na) {
				free(path);
				goto oom;
			}
			all = na;
		}
		all[(*nowned)++] = path;
		if (!o->shard_count)
			k++;
	}
	free(lineb);
	if (list && list != stdin)
		fclose(list);
	*owned = all;
	w->files = all;
	w->nfiles = *nowned;
	return 0;
oom:
	free(lineb);
	if (list && list != stdin)
		fclose(list);
	*owned = all;
	fputs("scrape: out of memory\n", stderr);
	return EXIT_INTERNAL;
}

int warc_run(const struct cli_opts *o, char **paths, int npaths)
{
	struct run w;
	memset(&w, 0, sizeof w);
	w.o = o;
	w.quiet = o->quiet;
	char **files = NULL;
	size_t nfiles = 0;
	int status = collect_files(&w, o, paths, npaths, &files, &nfiles);
	char *out_path = NULL, *tmp_path = NULL;
	if (status == 0 && o->outdir) {
		unsigned i = o->shard_count ? o->shard_index : 0, n = o->shard_count ? o->shard_count : 1;
		size_t len = strlen(o->outdir) + 64;
		out_path = malloc(len);
		tmp_path = malloc(len + 32);
		if (!out_path || !tmp_path) {
			status = EXIT_INTERNAL;
			goto done;
		}
		snprintf(out_path, len, "%s/shard-%05u-of-%05u.jsonl.gz", o->outdir, i, n);
		snprintf(tmp_path, len + 32, "%s/.shard-%05u-of-%05u.jsonl.gz.tmp.%ld", o->outdir, i, n,
			 (long)getpid());
		struct stat st;
		if (o->resume && stat(out_path, &st) == 0) {
			if (!o->quiet)
				fprintf(stderr, "scrape: %s exists, nothing to do (--resume)\n", out_path);
			goto done;
		}
		if (mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "scrape: %s: %s\n", o->outdir, strerror(errno));
			status = EXIT_INPUT;
			goto done;
		}
		w.gz = gzopen(tmp_path, "wb6");
		if (!w.gz) {
			fprintf(stderr, "scrape: %s: %s\n", tmp_path, strerror(errno));
			status = EXIT_INTERNAL;
			goto done;
		}
	} else {
		w.out = stdout;
	}
	if (status != 0)
		goto done;

	struct pool_source src = { &w, "records", 0, next_record, process_record, emit_record };
	struct pool_stats st;
	pool_run(&st, &src, o->jobs, isatty(2) && !o->quiet);
	status = st.status;
	if (w.reader) {
		w.bytes_in += warc_bytes_read(w.reader);
		warc_close(w.reader);
		w.reader = NULL;
	}
	if (w.gz && w.file_errors) {
		/* an input that cannot be read is not a finished shard: a re-run retries it */
		fprintf(stderr, "scrape: not writing %s: %zu WARC file%s could not be read\n", out_path,
			w.file_errors, w.file_errors > 1 ? "s" : "");
		if (!status)
			status = EXIT_INPUT;
	} else if (w.gz) {
		int ok = gzclose(w.gz) == Z_OK && status != EXIT_INTERNAL;
		w.gz = NULL;
		if (!ok || rename(tmp_path, out_path) != 0) {
			fprintf(stderr, "scrape: cannot write %s: %s\n", out_path, ok ? strerror(errno) : "write failed");
			unlink(tmp_path);
			status = EXIT_INTERNAL;
		}
	} else if (fflush(stdout) != 0) {
		status = EXIT_INTERNAL;
	}
	if (!o->quiet) {
		pool_print_summary(&st, "records");
		size_t skipped = 0;
		for (int k = 0; k < SKIP_N; k++)
			skipped += w.skipped[k];
		fprintf(stderr, "scrape: %zu WARC files, %zu records read (%.1f MB), %zu skipped", nfiles,
			w.records, (double)w.bytes_in / 1e6, skipped);
		const char *sep = ": ";
		for (int k = 0; k < SKIP_N; k++)
			if (w.skipped[k]) {
				fprintf(stderr, "%s%zu %s", sep, w.skipped[k], skip_names[k]);
				sep = ", ";
			}
		fputc('\n', stderr);
	}
done:
	if (w.gz) {
		gzclose(w.gz);
		unlink(tmp_path);
	}
	for (size_t k = 0; k < nfiles; k++)
		free(files[k]);
	free(files);
	free(out_path);
	free(tmp_path);
	return status;
}
