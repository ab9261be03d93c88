/*
 * scrape.h - the public interface of libscrape.
 *
 * Pipeline: bytes (file, URL, stdin) -> UTF-8 text -> Gumbo DOM -> blocks ->
 * boilerplate filter -> repair -> rendered text.
 *
 * Conventions (after libgit2):
 *   - every function that can fail returns an int: 0 (SCRAPE_OK) or a
 *     negative scrape_error;
 *   - output parameters come first;
 *   - what a function hands out through `**` belongs to the caller, who frees
 *     it with the matching *_free (or free() for plain char buffers);
 *   - after an error, scrape_error_last() gives a message naming the reason
 *     (thread-local; valid until the next failing call on that thread);
 *   - the two objects, scrape_document and scrape_result, are opaque and
 *     read through accessors; options are a transparent, versioned structure;
 *   - every function is safe to call from several threads at once on
 *     different objects (per-thread parse arenas and error messages).
 */
#ifndef SCRAPE_H
#define SCRAPE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version: SCRAPE_VERSION at compile time, scrape_version() at
 * run time (they differ when a program runs with a newer shared library). */
#define SCRAPE_VERSION "0.1.0"
#define SCRAPE_VERSION_MAJOR 0
#define SCRAPE_VERSION_MINOR 1
#define SCRAPE_VERSION_PATCH 0

/*
 * SCRAPE_EXTERN marks the functions of the public interface: the shared
 * library is built with hidden visibility by default and exports these
 * alone (SCRAPE_BUILDING is defined while the library itself is compiled).
 */
#if defined(_WIN32) && defined(SCRAPE_BUILDING)
#define SCRAPE_EXTERN(type) __declspec(dllexport) type
#elif defined(__GNUC__)
#define SCRAPE_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define SCRAPE_EXTERN(type) type
#endif

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

/**
 * The version of the library that runs, "MAJOR.MINOR.PATCH".
 *
 * @return a static string; never NULL; not to be freed.
 */
SCRAPE_EXTERN(const char *) scrape_version(void);

/**
 * A short static description of an error code.
 *
 * @param error a scrape_error value (any int: unknown codes give "unknown error")
 * @return a static string; never NULL; not to be freed.
 */
SCRAPE_EXTERN(const char *) scrape_strerror(int error);

/**
 * The detailed message of the last error on the calling thread, naming the
 * reason (and the source, for documents), or "" when there was none.
 *
 * @return a thread-local string, valid until the next failing call on this
 *         thread; never NULL; not to be freed.
 */
SCRAPE_EXTERN(const char *) scrape_error_last(void);

typedef enum {
	SCRAPE_FORMAT_TEXT = 0,
	SCRAPE_FORMAT_MARKDOWN = 1,
	SCRAPE_FORMAT_JSON = 2
} scrape_format;

/* Per-site rules (see scrape_rules_parse). */
typedef struct scrape_rules scrape_rules;

/*
 * Options, a transparent structure: start from SCRAPE_OPTIONS_INIT and set
 * the fields wanted. `version` tells the library which fields the caller
 * knows: fields are only ever added at the end, with a new version.
 */
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

/**
 * Fills options with the defaults (SCRAPE_OPTIONS_INIT), for callers that
 * cannot use the macro (bindings to other languages).
 *
 * @param opts    the options to fill (not NULL)
 * @param version the SCRAPE_OPTIONS_VERSION the caller was written for: only
 *                the fields of that version are written
 * @return SCRAPE_OK; SCRAPE_EUSAGE for a version this library does not know
 *         (opts is then left alone).
 */
SCRAPE_EXTERN(int) scrape_options_init(scrape_options *opts, unsigned int version);

/*
 * A document as it came in: raw bytes and what the transport said. Opaque:
 * read it through the scrape_document_* accessors.
 */
typedef struct scrape_document scrape_document;

/**
 * Reads a document.
 *
 * @param out    set to the new document, or to NULL on error; the caller
 *               frees it with scrape_document_free()
 * @param source an http(s) URL (fetched, redirects followed), a file path
 *               (".gz" content is decompressed) or "-" for standard input
 * @param opts   options (max_input_bytes, timeouts, user_agent), or NULL
 *               for the defaults
 * @return SCRAPE_OK; SCRAPE_EIO (missing, unreadable, empty file),
 *         SCRAPE_ELIMIT (larger than max_input_bytes), SCRAPE_EFETCH,
 *         SCRAPE_EHTTP, SCRAPE_EUSAGE (bad URL), SCRAPE_ENOMEM; the
 *         message is in scrape_error_last().
 */
SCRAPE_EXTERN(int) scrape_document_load(scrape_document **out, const char *source,
					const scrape_options *opts);

/**
 * Frees a document and everything its accessors returned.
 *
 * @param doc a document from scrape_document_load(), or NULL (nothing done)
 */
SCRAPE_EXTERN(void) scrape_document_free(scrape_document *doc);

/**
 * The raw bytes of a document (decompressed, not decoded: any charset).
 *
 * @param doc a document (not NULL)
 * @return the bytes, followed by a NUL byte that scrape_document_len() does
 *         not count (the bytes themselves may hold NULs); owned by doc.
 */
SCRAPE_EXTERN(const char *) scrape_document_data(const scrape_document *doc);

/**
 * The number of bytes at scrape_document_data().
 *
 * @param doc a document (not NULL)
 */
SCRAPE_EXTERN(size_t) scrape_document_len(const scrape_document *doc);

/**
 * The final URL of a fetched document (after redirects).
 *
 * @param doc a document (not NULL)
 * @return the URL, owned by doc; NULL for files and standard input.
 */
SCRAPE_EXTERN(const char *) scrape_document_url(const scrape_document *doc);

/**
 * The Content-Type header of a fetched document.
 *
 * @param doc a document (not NULL)
 * @return the header value, owned by doc; NULL when absent (and for files).
 */
SCRAPE_EXTERN(const char *) scrape_document_content_type(const scrape_document *doc);

/**
 * The HTTP status of a fetched document.
 *
 * @param doc a document (not NULL)
 * @return the status (200...399: fetches with a status >= 400 fail with
 *         SCRAPE_EHTTP); 0 for files and standard input.
 */
SCRAPE_EXTERN(long) scrape_document_status(const scrape_document *doc);

/*
 * The extraction result: body text and metadata. Opaque: read it through the
 * scrape_result_* accessors (so fields can be added without breaking
 * programs linked against an older shared library).
 */
typedef struct scrape_result scrape_result;

/**
 * Extracts the main content of an HTML page and its metadata.
 *
 * The bytes are decoded to UTF-8 first: the charset is opts->charset, else
 * the charset parameter of `content_type`, else a byte order mark, a <meta>
 * declaration or a guess (as browsers do).
 *
 * @param out          set to the new result, or to NULL on error; the
 *                     caller frees it with scrape_result_free()
 * @param html         the page's bytes (not necessarily NUL-terminated)
 * @param len          their number
 * @param content_type the Content-Type header, or NULL
 * @param url          the page's URL (the result's URL when the page names
 *                     none), or NULL
 * @param opts         options (charset, repair, limits), or NULL for the
 *                     defaults
 * @return SCRAPE_OK; SCRAPE_ENOCONTENT when nothing looks like content;
 *         SCRAPE_EBINARY (not text), SCRAPE_ELIMIT (too large, too slow),
 *         SCRAPE_EENCODING, SCRAPE_ENOMEM; the message is in
 *         scrape_error_last(). Limits that only cut the page (depth, nodes)
 *         are not errors: scrape_result_notes() names them.
 */
SCRAPE_EXTERN(int) scrape_html(scrape_result **out, const char *html, size_t len,
			       const char *content_type, const char *url, const scrape_options *opts);

/**
 * Reads the metadata of an HTML page alone (title, author, date, site name,
 * language, description, URL), without looking for the main content: a page
 * with no main content still gives a result, whose text is "".
 *
 * @param out, html, len, content_type, url, opts as for scrape_html()
 * @return SCRAPE_OK, or the errors of scrape_html() but SCRAPE_ENOCONTENT.
 */
SCRAPE_EXTERN(int) scrape_metadata(scrape_result **out, const char *html, size_t len,
				   const char *content_type, const char *url, const scrape_options *opts);

/**
 * Frees a result and every string its accessors returned.
 *
 * @param result a result, or NULL (nothing done)
 */
SCRAPE_EXTERN(void) scrape_result_free(scrape_result *result);

/*
 * Metadata of a result. Each accessor takes a result (not NULL) and returns
 * a NUL-terminated UTF-8 string owned by the result (valid until
 * scrape_result_free()), or NULL when the page does not give it.
 */
/** The headline (the lone <h1>, og:title, JSON-LD headline, or <title>). */
SCRAPE_EXTERN(const char *) scrape_result_title(const scrape_result *result);
/** The author(s), from meta tags or JSON-LD. */
SCRAPE_EXTERN(const char *) scrape_result_author(const scrape_result *result);
/** The publication date as the page writes it (meta tags, JSON-LD, <time>). */
SCRAPE_EXTERN(const char *) scrape_result_date(const scrape_result *result);
/** The site's name (og:site_name, application-name, JSON-LD publisher). */
SCRAPE_EXTERN(const char *) scrape_result_sitename(const scrape_result *result);
/** The page's language (the lang attribute of <html>). */
SCRAPE_EXTERN(const char *) scrape_result_language(const scrape_result *result);
/** The page's description (meta description, og:description). */
SCRAPE_EXTERN(const char *) scrape_result_description(const scrape_result *result);
/** The canonical URL the page gives, else the url passed to scrape_html(). */
SCRAPE_EXTERN(const char *) scrape_result_url(const scrape_result *result);
/** The limits hit on the way (the result is partial), or NULL when none. */
SCRAPE_EXTERN(const char *) scrape_result_notes(const scrape_result *result);

/**
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
 * shape of the page.
 *
 * @param result a result (not NULL: NULL gives "article")
 * @return never NULL; a static string that lives as long as the program.
 */
SCRAPE_EXTERN(const char *) scrape_result_page_type(const scrape_result *result);

/**
 * The page type of the page scrape_html() (or scrape_html_explain()) last
 * failed on, on the calling thread, when it got as far as parsing it
 * (SCRAPE_ENOCONTENT, a late time limit): lets a caller type every page,
 * even one without content.
 *
 * @return one of the strings of scrape_result_page_type(), or NULL when the
 *         last call on this thread failed before parsing or succeeded.
 */
SCRAPE_EXTERN(const char *) scrape_error_page_type(void);

/**
 * The body text: the main content as plain text, blocks separated by blank
 * lines, without the title.
 *
 * @param result a result (not NULL)
 * @return valid UTF-8, NUL-terminated, owned by the result; never NULL ("" for
 *         scrape_metadata() results).
 */
SCRAPE_EXTERN(const char *) scrape_result_text(const scrape_result *result);

/**
 * The length in bytes of scrape_result_text().
 *
 * @param result a result (not NULL)
 */
SCRAPE_EXTERN(size_t) scrape_result_text_len(const scrape_result *result);

/**
 * Renders a result in opts->format (text, Markdown or JSON), with the title
 * first when opts->with_title.
 *
 * @param out     set to the rendering (valid UTF-8, NUL-terminated), which
 *                the caller frees with free(); NULL on errors other than
 *                SCRAPE_ELIMIT
 * @param out_len set to its length in bytes (may be NULL)
 * @param result  a result from scrape_html()
 * @param opts    options (format, with_title, max_output_bytes), or NULL
 * @return SCRAPE_OK; SCRAPE_ELIMIT when the output is longer than
 *         opts->max_output_bytes, with *out holding it cut to the limit at a
 *         character boundary; SCRAPE_EUSAGE (unknown format), SCRAPE_ENOMEM.
 */
SCRAPE_EXTERN(int) scrape_render(char **out, size_t *out_len, const scrape_result *result,
				 const scrape_options *opts);

/**
 * Repairs damaged UTF-8 text: mojibake, leftover entities, fused words, lost
 * apostrophes; whole lines of form-label boilerplate are dropped. The line
 * structure is kept. The tables it needs are built into the library.
 *
 * @param out     set to the repaired text (NUL-terminated), which the caller
 *                frees with free(); NULL on error
 * @param out_len set to its length in bytes (may be NULL)
 * @param text    the text (not necessarily NUL-terminated)
 * @param len     its length in bytes
 * @return SCRAPE_OK; SCRAPE_ENOMEM; SCRAPE_EENCODING if the built-in tables
 *         are damaged.
 */
SCRAPE_EXTERN(int) scrape_repair(char **out, size_t *out_len, const char *text, size_t len);

/**
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
SCRAPE_EXTERN(int) scrape_rules_parse(scrape_rules **out, const char *text, size_t len,
				      const char *origin);

/**
 * Reads and parses a rules file.
 *
 * @param out  set to the rules, or NULL on error; freed with scrape_rules_free()
 * @param path the file
 * @return SCRAPE_OK; SCRAPE_EIO when it cannot be read; the errors of
 *         scrape_rules_parse().
 */
SCRAPE_EXTERN(int) scrape_rules_load(scrape_rules **out, const char *path);

/**
 * Frees rules. Options that point to them must not be used afterwards.
 *
 * @param rules rules, or NULL (nothing done)
 */
SCRAPE_EXTERN(void) scrape_rules_free(scrape_rules *rules);

/**
 * A report of why each text block of a page was kept or dropped.
 * scrape_html_explain works as scrape_html and also hands out *explain
 * (freed by the caller with scrape_explain_free) whenever the page was
 * parsed, also when it returns SCRAPE_ENOCONTENT: the report then says why
 * nothing was kept. *explain is NULL when the page failed earlier.
 */
typedef struct scrape_explain scrape_explain;
SCRAPE_EXTERN(int) scrape_html_explain(scrape_result **out, scrape_explain **explain, const char *html,
				       size_t len, const char *content_type, const char *url,
				       const scrape_options *opts);

/**
 * Renders a report: html=1 a self-contained HTML page (no scripts, no
 * external resources, the page's text escaped), html=0 plain text.
 *
 * @param out     set to the report, which the caller frees with free()
 * @param out_len set to its length in bytes (may be NULL)
 * @param explain a report from scrape_html_explain()
 * @param html    1 for HTML, 0 for plain text
 * @return SCRAPE_OK or SCRAPE_ENOMEM.
 */
SCRAPE_EXTERN(int) scrape_explain_render(char **out, size_t *out_len, const scrape_explain *explain,
					 int html);

/**
 * Names the source in the report (a file name; the URL is shown when none
 * is set).
 *
 * @param explain a report
 * @param source  the name, copied
 * @return SCRAPE_OK or SCRAPE_ENOMEM.
 */
SCRAPE_EXTERN(int) scrape_explain_set_source(scrape_explain *explain, const char *source);

/**
 * Frees a report.
 *
 * @param explain a report, or NULL (nothing done)
 */
SCRAPE_EXTERN(void) scrape_explain_free(scrape_explain *explain);


#ifdef __cplusplus
}
#endif
#endif
