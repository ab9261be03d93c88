/* scrape.c - the library's entry: joins the stages in order (sniff and
 * decode from scraper/, parse, extract and filter from cleaners/extract/,
 * repair from cleaners/repair/) and hands out the result of the public API. */
#include <strings.h>

#include "arena.h"
#include "blocks.h"
#include "decode.h"
#include "dom.h"
#include "error.h"
#include "explain.h"
#include "extract.h"
#include "filter.h"
#include "json.h"
#include "limits.h"
#include "meta.h"
#include "page_type.h"
#include "product.h"
#include "render.h"
#include "repair.h"
#include "rules.h"
#include "scrape.h"
#include "sniff.h"
#include "utf8.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The result behind the opaque scrape_result of the public header; read
 * through the accessors at the end of this file. */
struct scrape_result {
	char *title;
	char *author;
	char *date;
	char *sitename;
	char *language;
	char *description;
	char *url;
	char *text;      /* body text as plain text, blocks separated by blank lines */
	size_t text_len;
	struct block_list *blocks;  /* for rendering other formats */
	char *notes;     /* limits hit on the way (partial result), or NULL */
	const char *page_type; /* static string: see scrape_result_page_type() */
};

const char *scrape_version(void)
{
	return SCRAPE_VERSION;
}

int scrape_options_init(scrape_options *opts, unsigned int version)
{
	/* a caller of an older version has the structure of that version: only
	 * its fields are written */
	size_t size;
	switch (version) {
	case 1:
		size = offsetof(scrape_options, rules);
		break;
	case SCRAPE_OPTIONS_VERSION:
		size = sizeof *opts;
		break;
	default:
		return scrape_error_set(SCRAPE_EUSAGE, "options version %u: this library knows 1 to %u",
					version, SCRAPE_OPTIONS_VERSION);
	}
	scrape_options defaults = SCRAPE_OPTIONS_INIT;
	defaults.version = version;
	memcpy(opts, &defaults, size);
	return SCRAPE_OK;
}

/* Runs the repair stage over every block, with the document as context. */
static int repair_blocks(struct block_list *l)
{
	if (l->n == 0)
		return SCRAPE_OK;
	const char **texts = malloc(l->n * sizeof *texts);
	size_t *lens = malloc(l->n * sizeof *lens);
	struct repair *r = NULL;
	int rc = SCRAPE_ENOMEM;
	if (!texts || !lens)
		goto out;
	for (size_t i = 0; i < l->n; i++) {
		texts[i] = block_text(l, &l->v[i]);
		lens[i] = l->v[i].len;
	}
	if ((rc = repair_new(&r, texts, lens, l->n, 1)) != SCRAPE_OK)
		goto out;
	struct block_list fixed = BLOCK_LIST_INIT;
	struct buf tmp = BUF_INIT;
	for (size_t i = 0; i < l->n && rc == SCRAPE_OK; i++) {
		const struct block *b = &l->v[i];
		buf_clear(&tmp);
		if (b->kind == BLOCK_PRE)
			rc = buf_put(&tmp, texts[i], lens[i]);
		else
			rc = repair_apply(r, &tmp, texts[i], lens[i]);
		if (rc == SCRAPE_OK)
			rc = blocks_add(&fixed, b->kind, b->level, b->group, tmp.data ? tmp.data : "", tmp.len);
		if (rc == SCRAPE_OK)
			fixed.v[fixed.n - 1].forced = b->forced;
	}
	buf_free(&tmp);
	if (rc == SCRAPE_OK) {
		blocks_free(l);
		*l = fixed;
	} else {
		blocks_free(&fixed);
	}
out:
	repair_free(r);
	free(texts);
	free(lens);
	return rc;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* the type of the page scrape_html parsed last on this thread, for failures */
static _Thread_local const char *last_page_type;

const char *scrape_error_page_type(void)
{
	return last_page_type;
}

const char *scrape_result_page_type(const scrape_result *r)
{
	return r && r->page_type ? r->page_type : "article";
}

void scrape_result_free(scrape_result *r)
{
	if (!r)
		return;
	free(r->title);
	free(r->author);
	free(r->date);
	free(r->sitename);
	free(r->language);
	free(r->description);
	free(r->url);
	free(r->text);
	free(r->notes);
	if (r->blocks) {
		blocks_free(r->blocks);
		free(r->blocks);
	}
	free(r);
}

/* Milliseconds since *t, and *t moved to now (for the report's stage times). */
static double lap(struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double ms = (double)(now.tv_sec - t->tv_sec) * 1e3 + (double)(now.tv_nsec - t->tv_nsec) / 1e6;
	*t = now;
	return ms;
}

/* The rules for a page: its host from the URL given, else its canonical URL. */
static int apply_rules(struct dom *d, const scrape_options *opts, const char *url, const struct meta *m,
		       char *host, size_t host_cap, struct rules_outcome *outcome)
{
	const scrape_rules *rules = opts->version >= 2 ? opts->rules : NULL;
	rules_url_host(host, host_cap, url);
	if (!host[0] && m->url)
		rules_url_host(host, host_cap, m->url);
	if (!rules)
		return SCRAPE_OK;
	if (rules_apply(rules, d, host[0] ? host : NULL, outcome) != SCRAPE_OK)
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory while applying rules");
	return SCRAPE_OK;
}

/* s with markup dropped, whitespace collapsed; a paragraph break ('\n') at
 * block tags and line breaks. Caller frees; NULL when out of memory. */
static char *plain_paragraphs(const char *s)
{
	size_t n = strlen(s);
	char *o = malloc(n + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	int space = 0, brk = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '<') {
			const char *e = strchr(s + i, '>');
			if (e) {
				const char *tag = s + i + 1 + (s[i + 1] == '/');
				if (strncasecmp(tag, "p", 1) == 0 || strncasecmp(tag, "br", 2) == 0 ||
				    strncasecmp(tag, "li", 2) == 0 || strncasecmp(tag, "div", 3) == 0 ||
				    (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'))
					brk = 1;
				else
					space = 1;
				i = (size_t)(e - s);
				continue;
			}
		}
		if (c == '\n' || c == '\r') {
			if (i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r'))
				brk = 1;
			else
				space = 1;
			continue;
		}
		if (c == ' ' || c == '\t') {
			space = 1;
			continue;
		}
		if (k > 0) {
			if (brk)
				o[k++] = '\n';
			else if (space)
				o[k++] = ' ';
		}
		brk = space = 0;
		o[k++] = c;
	}
	o[k] = '\0';
	return o;
}

/* The page's structured-data text (a JSON-LD Product description, else an
 * articleBody) when extraction missed it: added as paragraphs when the
 * extracted text does not hold its start and is short beside it; with nothing
 * extracted, the meta description stands in when there is no such text. */
static int add_structured_text(struct block_list *blocks, const struct meta *m)
{
	const char *src = m->jsonld_text;
	size_t have = 0;
	for (size_t i = 0; i < blocks->n; i++)
		have += blocks->v[i].len;
	if (!src)
		return SCRAPE_OK;
	char *t = plain_paragraphs(src);
	if (!t)
		return SCRAPE_ENOMEM;
	size_t tlen = strlen(t);
	int add = tlen >= 80 && have < 2 * tlen;
	if (add && blocks->n) {
		/* its first words, found in the extracted text: not missing */
		char probe[48];
		size_t pl = tlen < sizeof probe - 1 ? tlen : sizeof probe - 1;
		while (pl > 0 && ((unsigned char)t[pl] & 0xC0) == 0x80)
			pl--;
		memcpy(probe, t, pl);
		probe[pl] = '\0';
		char *nl = strchr(probe, '\n');
		if (nl)
			*nl = '\0';
		for (size_t i = 0; i < blocks->n && add; i++)
			if (strstr(block_text(blocks, &blocks->v[i]), probe))
				add = 0;
	}
	if (!add && blocks->n == 0 && tlen > 0)
		add = 1;
	int rc = SCRAPE_OK;
	for (char *p = t; add && *p && rc == SCRAPE_OK;) {
		char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len)
			rc = blocks_add(blocks, BLOCK_PARAGRAPH, 0, 0, p, len);
		p += len + (e != NULL);
	}
	free(t);
	return rc;
}

/* The pipeline; with x non-NULL, every stage also reports to it; with
 * metadata_only, the page is parsed for its metadata and page type and the
 * content stages are skipped (the result's text is ""). */
static int run(scrape_result **out, struct scrape_explain *x, const char *html, size_t len,
	       const char *content_type, const char *url, const scrape_options *opts, int metadata_only)
{
	scrape_options defaults = SCRAPE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	*out = NULL;
	last_page_type = NULL;
	struct timespec start, t;
	limits_start(&start);
	clock_gettime(CLOCK_MONOTONIC, &t);
	if (len > opts->max_input_bytes)
		return scrape_error_set(SCRAPE_ELIMIT, "document of %zu bytes exceeds the limit of %zu bytes",
					len, opts->max_input_bytes);
	int rc = sniff_check(html, len);
	if (rc != SCRAPE_OK)
		return rc;

	const char *charset = opts->charset;
	size_t charset_len = charset ? strlen(charset) : 0;
	if (!charset && content_type)
		charset = decode_content_type_charset(content_type, &charset_len);
	char label[64] = "";
	if (charset && charset_len < sizeof label) {
		memcpy(label, charset, charset_len);
		label[charset_len] = '\0';
	}
	char *utf8 = NULL;
	size_t utf8_len = 0;
	rc = decode_to_utf8(&utf8, &utf8_len, NULL, html, len, label[0] ? label : NULL);
	if (rc != SCRAPE_OK)
		return rc;
	explain_stage(x, "decode", lap(&t));
	/* depth, node and attribute limits, before Gumbo (see html_guard.c) */
	struct buf notes = BUF_INIT;
	if ((rc = limits_guard_html(&utf8, &utf8_len, &notes, opts)) != SCRAPE_OK ||
	    (rc = limits_check_time(&start, opts, "decoding")) != SCRAPE_OK) {
		buf_free(&notes);
		free(utf8);
		return rc;
	}

	/* Gumbo's tree goes to this thread's arena, kept from page to page */
	struct arena *arena = arena_thread_local();
	if (!arena) {
		buf_free(&notes);
		free(utf8);
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	struct dom d;
	struct meta m;
	memset(&m, 0, sizeof m);
	struct block_list *blocks = calloc(1, sizeof *blocks);
	scrape_result *r = calloc(1, sizeof *r);
	if (!blocks || !r) {
		rc = scrape_error_set(SCRAPE_ENOMEM, "out of memory");
		goto fail_early;
	}
	rc = dom_parse(&d, utf8, utf8_len, opts->max_depth, arena);
	if (rc != SCRAPE_OK)
		goto fail_early;
	explain_stage(x, "parse", lap(&t));
	char host[256];
	struct rules_outcome outcome;
	memset(&outcome, 0, sizeof outcome);
	if ((rc = limits_check_time(&start, opts, "parsing")) != SCRAPE_OK ||
	    (rc = meta_extract(&m, &d)) != SCRAPE_OK) {
		dom_free(&d);
		goto fail_early;
	}
	/* the URL the page names as canonical, else the one it came from: the
	 * page's own word first, so that a saved file and the same page in a
	 * WARC record (whose URL the file lacks) get one type and one text */
	enum page_type type = page_type_detect(&d, m.url ? m.url : url);
	r->page_type = page_type_name(type);
	last_page_type = r->page_type;
	if ((rc = apply_rules(&d, opts, url, &m, host, sizeof host, x ? &outcome : NULL)) != SCRAPE_OK ||
	    (x && (rc = explain_attach(x, &d)) != SCRAPE_OK)) {
		free(outcome.by_rule);
		dom_free(&d);
		goto fail_early;
	}
	explain_stage(x, "metadata, page type and rules", lap(&t));
	rc = metadata_only ? SCRAPE_OK : extract_content(blocks, &d, type, m.title);
	explain_stage(x, "extraction", lap(&t));
	if (rc == SCRAPE_OK && x)
		rc = explain_capture(x, &d, blocks, opts->version >= 2 ? opts->rules : NULL, &outcome,
				     host[0] ? host : NULL, m.title, r->page_type, m.jsonld_body != NULL);
	free(outcome.by_rule);
	d.trace = NULL;
	if (rc != SCRAPE_OK) {
		dom_free(&d);
		goto fail_early;
	}
	dom_free(&d);
	arena_reset(arena);
	free(utf8);
	utf8 = NULL;

	lap(&t);
	if ((rc = filter_blocks(blocks, m.title, type == PAGE_PRODUCT)) != SCRAPE_OK) {
		rc = scrape_error_set(SCRAPE_ENOMEM, "out of memory");
		goto fail;
	}
	explain_filtered(x, blocks, m.title);
	if (!metadata_only && (rc = add_structured_text(blocks, &m)) != SCRAPE_OK) {
		rc = scrape_error_set(SCRAPE_ENOMEM, "out of memory");
		goto fail;
	}
	explain_stage(x, "block filters", lap(&t));
	if ((rc = limits_check_time(&start, opts, "extraction")) != SCRAPE_OK ||
	    (opts->repair && (rc = repair_blocks(blocks)) != SCRAPE_OK) ||
	    (rc = limits_check_time(&start, opts, "repair")) != SCRAPE_OK)
		goto fail;
	if (opts->repair) {
		explain_stage(x, "repair", lap(&t));
		if (x && (rc = explain_repaired(x, blocks)) != SCRAPE_OK)
			goto fail;
	}
	if (blocks->n == 0 && !metadata_only) {
		/* with the limits hit, if any: they may be why */
		rc = scrape_error_set(SCRAPE_ENOCONTENT, "no main content found%s%s",
				      notes.len ? "; " : "", notes.len ? notes.data : "");
		goto fail;
	}
	struct buf text = BUF_INIT;
	if ((rc = render_text_body(&text, blocks)) != SCRAPE_OK) {
		buf_free(&text);
		goto fail;
	}
	r->text = buf_detach(&text, &r->text_len);
	if ((rc = utf8_make_valid(&r->text, &r->text_len)) != SCRAPE_OK ||
	    (rc = meta_make_valid(&m)) != SCRAPE_OK) {
		rc = scrape_error_set(SCRAPE_ENOMEM, "out of memory");
		goto fail;
	}
	r->title = m.title;
	r->author = m.author;
	r->date = m.date;
	r->sitename = m.sitename;
	r->language = m.language;
	r->description = m.description;
	r->url = m.url ? m.url : dup_or_null(url);
	free(m.jsonld_body);
	free(m.jsonld_text);
	r->blocks = blocks;
	r->notes = notes.len ? buf_detach(&notes, NULL) : NULL;
	buf_free(&notes);
	*out = r;
	return SCRAPE_OK;

fail_early:
	arena_reset(arena);
	free(utf8);
fail:
	buf_free(&notes);
	meta_free(&m);
	if (blocks)
		blocks_free(blocks);
	free(blocks);
	if (r)
		free(r->text);
	free(r);
	return rc;
}

int scrape_html(scrape_result **out, const char *html, size_t len,
		const char *content_type, const char *url, const scrape_options *opts)
{
	return run(out, NULL, html, len, content_type, url, opts, 0);
}

int scrape_metadata(scrape_result **out, const char *html, size_t len,
		    const char *content_type, const char *url, const scrape_options *opts)
{
	return run(out, NULL, html, len, content_type, url, opts, 1);
}

int scrape_html_explain(scrape_result **out, scrape_explain **explain, const char *html, size_t len,
			const char *content_type, const char *url, const scrape_options *opts)
{
	*out = NULL;
	*explain = explain_new(url);
	if (!*explain)
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	int rc = run(out, *explain, html, len, content_type, url, opts, 0);
	explain_status(*explain, rc, rc ? scrape_error_last() : NULL);
	/* a report only for a page that was parsed: it has blocks or a verdict */
	if (rc != SCRAPE_OK && rc != SCRAPE_ENOCONTENT && !explain_parsed(*explain)) {
		scrape_explain_free(*explain);
		*explain = NULL;
	}
	return rc;
}

int scrape_render(char **out, size_t *out_len, const scrape_result *r, const scrape_options *opts)
{
	scrape_options defaults = SCRAPE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	const struct block_list *blocks = r->blocks;
	struct buf b = BUF_INIT;
	int rc = SCRAPE_OK;
	switch (opts->format) {
	case SCRAPE_FORMAT_TEXT:
		if (opts->with_title && r->title)
			buf_printf(&b, "%s\n\n", r->title);
		rc = render_text_body(&b, blocks);
		break;
	case SCRAPE_FORMAT_MARKDOWN:
		if (opts->with_title && r->title)
			buf_printf(&b, "# %s\n\n", r->title);
		rc = render_markdown_body(&b, blocks);
		break;
	case SCRAPE_FORMAT_JSON: {
		const char *keys[] = { "url", "title", "author", "date", "sitename", "language", "description",
				       "page_type" };
		const char *vals[] = { r->url, r->title, r->author, r->date, r->sitename, r->language, r->description,
				       scrape_result_page_type(r) };
		buf_putc(&b, '{');
		for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
			if (k)
				buf_putc(&b, ',');
			buf_printf(&b, "\"%s\":", keys[k]);
			if (vals[k])
				json_put_string(&b, vals[k], strlen(vals[k]));
			else
				buf_puts(&b, "null");
		}
		buf_puts(&b, ",\"text\":");
		json_put_string(&b, r->text, r->text_len);
		buf_puts(&b, "}\n");
		break;
	}
	default:
		buf_free(&b);
		return scrape_error_set(SCRAPE_EUSAGE, "unknown output format %d", (int)opts->format);
	}
	if (rc != SCRAPE_OK || b.oom) {
		buf_free(&b);
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	*out = buf_detach(&b, out_len);
	/* the one place every rendering passes: whatever the page held, the
	 * output is valid UTF-8 */
	if (!*out || utf8_make_valid(out, out_len) != SCRAPE_OK) {
		free(*out);
		*out = NULL;
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	return limits_cut_output(*out, out_len, opts);
}

const char *scrape_result_title(const scrape_result *r) { return r->title; }
const char *scrape_result_author(const scrape_result *r) { return r->author; }
const char *scrape_result_date(const scrape_result *r) { return r->date; }
const char *scrape_result_sitename(const scrape_result *r) { return r->sitename; }
const char *scrape_result_language(const scrape_result *r) { return r->language; }
const char *scrape_result_description(const scrape_result *r) { return r->description; }
const char *scrape_result_url(const scrape_result *r) { return r->url; }
const char *scrape_result_notes(const scrape_result *r) { return r->notes; }
const char *scrape_result_text(const scrape_result *r) { return r->text; }
size_t scrape_result_text_len(const scrape_result *r) { return r->text_len; }
