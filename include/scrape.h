/*
 * scrape.h - the public interface of libscrape.
 *
 * Pipeline: bytes (file, URL, stdin) -> UTF-8 text -> Gumbo DOM -> blocks ->
 * boilerplate filter -> repair -> rendered text.
 *
 * Conventions (after libgit2):
 *   - every function returns an int: 0 (SCRAPE_OK) or a negative scrape_error;
 *   - output parameters come first;
 *   - what a function hands out through `**` belongs to the caller, who frees
 *     it with the matching *_free (or free() for plain char buffers);
 *   - after an error, scrape_error_last() gives a message naming the reason
 *     (thread-local; valid until the next failing call on that thread).
 */
#ifndef SCRAPE_H
#define SCRAPE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SCRAPE_VERSION "0.1.0"

typedef enum {
	SCRAPE_OK = 0,
	SCRAPE_EUSAGE = -1,     /* bad argument or option */
	SCRAPE_ENOMEM = -2,     /* out of memory */
	SCRAPE_EIO = -3,        /* cannot read or write a file */
	SCRAPE_EFETCH = -4,     /* network failure: refused, timeout, DNS, TLS */
	SCRAPE_EHTTP = -5,      /* HTTP status >= 400 */
	SCRAPE_ELIMIT = -6,     /* a size, depth or time limit was hit */
	SCRAPE_EBINARY = -7,    /* input is not text/HTML (binary, PDF, image) */
	SCRAPE_ENOCONTENT = -8, /* no main content found */
	SCRAPE_EENCODING = -9   /* charset unknown or conversion failed */
} scrape_error;

/* Short static description of an error code. */
const char *scrape_strerror(int error);
/* Detailed message of the last error on this thread ("" if none). */
const char *scrape_error_last(void);

typedef enum {
	SCRAPE_FORMAT_TEXT = 0,
	SCRAPE_FORMAT_MARKDOWN = 1,
	SCRAPE_FORMAT_JSON = 2
} scrape_format;

/* Per-site rules (see scrape_rules_parse). */
typedef struct scrape_rules scrape_rules;

typedef struct {
	unsigned int version;      /* SCRAPE_OPTIONS_VERSION */
	scrape_format format;
	int with_title;            /* print title + blank line before the body */
	int repair;                /* run text repair on extracted blocks */
	const char *charset;       /* transport charset (HTTP header), or NULL */
	size_t max_input_bytes;    /* refuse larger documents (after decompression) */
	size_t max_depth;          /* deeper DOM content is cut */
	long connect_timeout_ms;   /* fetch: connect timeout */
	long timeout_ms;           /* fetch: total timeout */
	const char *user_agent;    /* NULL: "scrape/VERSION" */
	size_t max_nodes;          /* markup past this many nodes is dropped (text kept) */
	size_t max_output_bytes;   /* longer renderings are cut (SCRAPE_ELIMIT) */
	long page_timeout_ms;      /* per-page processing time, checked between stages; 0: none */
	/* version 2 */
	const scrape_rules *rules; /* per-site rules, or NULL; the caller keeps them alive */
} scrape_options;

#define SCRAPE_OPTIONS_VERSION 2
#define SCRAPE_DEFAULT_MAX_INPUT ((size_t)32 * 1024 * 1024)
#define SCRAPE_DEFAULT_MAX_NODES ((size_t)1000000)
#define SCRAPE_DEFAULT_MAX_OUTPUT ((size_t)32 * 1024 * 1024)
#define SCRAPE_OPTIONS_INIT { SCRAPE_OPTIONS_VERSION, SCRAPE_FORMAT_TEXT, 1, 1, NULL, \
	SCRAPE_DEFAULT_MAX_INPUT, 512, 10000L, 30000L, NULL, SCRAPE_DEFAULT_MAX_NODES, \
	SCRAPE_DEFAULT_MAX_OUTPUT, 30000L, NULL }

/* A document as it came in: raw bytes and what the transport said. */
typedef struct {
	char *data;             /* raw bytes (not NUL-terminated necessarily) */
	size_t len;
	char *url;              /* final URL after redirects, or NULL */
	char *content_type;     /* Content-Type header, or NULL */
	long status;            /* HTTP status, 0 for files */
} scrape_document;

/* Reads SOURCE: an http(s) URL, a file path (".gz" decompressed), or "-". */
int scrape_document_load(scrape_document **out, const char *source, const scrape_options *opts);
void scrape_document_free(scrape_document *doc);

/* The extraction result: body text and metadata (NULL when not found). */
typedef struct {
	char *title;
	char *author;
	char *date;
	char *sitename;
	char *language;
	char *description;
	char *url;
	char *text;      /* body text as plain text, blocks separated by blank lines */
	size_t text_len;
	void *internal;  /* block list, for rendering other formats */
	char *notes;     /* limits hit on the way (partial result), or NULL */
	const char *page_type; /* static string: see scrape_result_page_type() */
} scrape_result;

/*
 * Extracts the main content of HTML bytes. `content_type` may be NULL;
 * its charset (or opts->charset) is used when decoding. `url` may be NULL.
 * Returns SCRAPE_ENOCONTENT (and no result) when nothing looks like content.
 */
int scrape_html(scrape_result **out, const char *html, size_t len,
		const char *content_type, const char *url, const scrape_options *opts);
void scrape_result_free(scrape_result *result);

/*
 * What kind of page the result came from, one of seven static strings:
 *   "article"        a story, post, guide or essay (the default)
 *   "forum"          a discussion thread or Q&A page
 *   "product"        one product or item for sale
 *   "collection"     a category or shop grid of products
 *   "listing"        a list of links to other pages: news front, blog index, search results
 *   "documentation"  software documentation, API reference, help centre
 *   "service"        a landing or service page of a business or product
 * Judged from structured data (JSON-LD, microdata, og:type), words of the URL
 * (the `url` given to scrape_html, else the page's canonical URL) and the
 * shape of the page. Never NULL; the string lives as long as the program.
 */
const char *scrape_result_page_type(const scrape_result *result);
/* After scrape_html failed on this thread, the type of the page it failed on
 * when it got as far as parsing it (SCRAPE_ENOCONTENT, a late time limit),
 * else NULL. Lets a caller type every page, even one without content. */
const char *scrape_error_page_type(void);

/* Renders a result in opts->format. Caller frees *out with free(). Output
 * longer than opts->max_output_bytes gives SCRAPE_ELIMIT with *out holding
 * the output cut to the limit (at a character boundary). */
int scrape_render(char **out, size_t *out_len, const scrape_result *result,
		  const scrape_options *opts);

/*
 * Per-site rules: one a line, `HOST-PATTERN keep|drop|main SELECTOR`, `#`
 * comments. HOST-PATTERN: `*` (every page), `*.example.com` (example.com and
 * the hosts under it) or a host name. SELECTOR: type, `.class`, `#id`,
 * `[attr]`, `[attr=value]`, descendant (space) and child (`>`) combinators,
 * comma lists. `drop` leaves the matched elements out, `keep` forces them
 * in, `main` makes the first matched element the main content. The page's
 * host is that of the URL given to scrape_html, else of its canonical URL.
 * A node follows the nearest element a rule matched; when several rules
 * match that element, the host's rules come before the `*` rules, and
 * within each, the earlier line first.
 *
 * Parses rules text; `origin` names it in messages (NULL: "rules"). A line
 * it cannot parse gives SCRAPE_EUSAGE with scrape_error_last() saying
 * "ORIGIN:LINE:COLUMN: what". The caller frees *out with scrape_rules_free.
 */
int scrape_rules_parse(scrape_rules **out, const char *text, size_t len, const char *origin);
/* Reads and parses a rules file (SCRAPE_EIO when it cannot be read). */
int scrape_rules_load(scrape_rules **out, const char *path);
void scrape_rules_free(scrape_rules *rules);

/*
 * A report of why each text block of a page was kept or dropped.
 * scrape_html_explain works as scrape_html and also hands out *explain
 * (freed by the caller with scrape_explain_free) whenever the page was
 * parsed, also when it returns SCRAPE_ENOCONTENT: the report then says why
 * nothing was kept. *explain is NULL when the page failed earlier.
 */
typedef struct scrape_explain scrape_explain;
int scrape_html_explain(scrape_result **out, scrape_explain **explain, const char *html, size_t len,
			const char *content_type, const char *url, const scrape_options *opts);
/* Renders a report: html=1 a self-contained HTML page (no scripts, no
 * external resources, the page's text escaped), html=0 plain text. The
 * caller frees *out with free(). */
int scrape_explain_render(char **out, size_t *out_len, const scrape_explain *explain, int html);
/* Names the source in the report (a file name; the URL is shown when none
 * is set). 0 or SCRAPE_ENOMEM. */
int scrape_explain_set_source(scrape_explain *explain, const char *source);
void scrape_explain_free(scrape_explain *explain);

/* Repairs damaged UTF-8 text (mojibake, entities, fused words, lost
 * apostrophes, boilerplate lines). Line structure is kept. Caller frees *out. */
int scrape_repair(char **out, size_t *out_len, const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
