/* xml_scan.c - expat under the sitemap and feed readers. */
#include "xml_scan.h"
#include "buf.h"
#include "error.h"
#include "scrape.h"

#include <expat.h>
#include <string.h>

struct walk {
	const struct xml_scan *s;
	XML_Parser p;
	int depth;
	int capture;          /* depth whose text is captured, or -1 */
	struct buf text;
	int rc;
	const char *refused;  /* why the walk was stopped, or NULL */
};

const char *xml_local(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

static void stop(struct walk *w, int rc, const char *why)
{
	if (w->rc == SCRAPE_OK) {
		w->rc = rc;
		w->refused = why;
	}
	XML_StopParser(w->p, XML_FALSE);
}

static void XMLCALL on_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct walk *w = arg;
	int d = w->depth++;
	if (w->rc != SCRAPE_OK || d >= XML_SCAN_MAX_DEPTH)
		return;
	const char *local[2 * 32 + 1];
	size_t k = 0;
	for (size_t i = 0; atts[i] && atts[i + 1] && k < 2 * 32; i += 2) {
		local[k++] = xml_local(atts[i]);
		local[k++] = atts[i + 1];
	}
	local[k] = NULL;
	if (w->s->start(w->s->ctx, d, xml_local(name), local) && w->capture < 0) {
		w->capture = d;
		w->text.len = 0;
	}
}

static void XMLCALL on_end(void *arg, const XML_Char *name)
{
	struct walk *w = arg;
	int d = --w->depth;
	if (w->rc != SCRAPE_OK || d >= XML_SCAN_MAX_DEPTH)
		return;
	int mine = w->capture == d;
	if (mine && buf_put(&w->text, "", 0) != SCRAPE_OK) {
		stop(w, SCRAPE_ENOMEM, "out of memory");
		return;
	}
	int rc = w->s->end(w->s->ctx, d, xml_local(name), mine ? w->text.data : NULL,
			   mine ? w->text.len : 0);
	if (mine)
		w->capture = -1;
	if (rc != SCRAPE_OK)
		stop(w, rc, NULL);
}

static void XMLCALL on_text(void *arg, const XML_Char *s, int len)
{
	struct walk *w = arg;
	if (w->capture < 0 || w->rc != SCRAPE_OK || len <= 0)
		return;
	size_t room = XML_SCAN_MAX_TEXT - w->text.len;
	size_t n = (size_t)len < room ? (size_t)len : room;
	if (n && buf_put(&w->text, s, n) != SCRAPE_OK)
		stop(w, SCRAPE_ENOMEM, "out of memory");
}

static void XMLCALL on_entity_decl(void *arg, const XML_Char *name, int is_param,
				   const XML_Char *value, int value_len, const XML_Char *base,
				   const XML_Char *system_id, const XML_Char *public_id,
				   const XML_Char *notation)
{
	(void)name; (void)is_param; (void)value; (void)value_len; (void)base;
	(void)system_id; (void)public_id; (void)notation;
	stop(arg, SCRAPE_EENCODING, "entity declarations are refused");
}

int xml_scan(const struct xml_scan *s, const char *data, size_t len, const char *name)
{
	struct walk w;
	memset(&w, 0, sizeof w);
	w.s = s;
	w.capture = -1;
	w.rc = SCRAPE_OK;
	w.p = XML_ParserCreateNS(NULL, ' ');
	if (!w.p)
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
	XML_SetUserData(w.p, &w);
	XML_SetElementHandler(w.p, on_start, on_end);
	XML_SetCharacterDataHandler(w.p, on_text);
	XML_SetEntityDeclHandler(w.p, on_entity_decl);
	XML_SetParamEntityParsing(w.p, XML_PARAM_ENTITY_PARSING_NEVER);
	int rc = SCRAPE_OK;
	/* in pieces: XML_Parse takes an int length */
	const size_t piece = 1 << 20;
	size_t off = 0;
	do {
		size_t n = len - off < piece ? len - off : piece;
		int final = off + n == len;
		if (XML_Parse(w.p, data + off, (int)n, final) == XML_STATUS_ERROR) {
			if (w.rc != SCRAPE_OK && w.refused)
				rc = scrape_error_set(w.rc, "%s: line %lu: %s", name,
						      (unsigned long)XML_GetCurrentLineNumber(w.p), w.refused);
			else if (w.rc != SCRAPE_OK)
				rc = w.rc; /* a callback's error, its message set */
			else
				rc = scrape_error_set(SCRAPE_EENCODING, "%s: not well-formed XML at line %lu: %s",
						      name, (unsigned long)XML_GetCurrentLineNumber(w.p),
						      XML_ErrorString(XML_GetErrorCode(w.p)));
			break;
		}
		off += n;
	} while (off < len);
	XML_ParserFree(w.p);
	buf_free(&w.text);
	return rc;
}
