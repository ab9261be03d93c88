/* warc_header.c - parsing WARC record headers and the HTTP messages stored
 * in response records. Both are hostile input: every length is checked. */
#include "warc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Trims spaces and tabs (and a CR) at both ends of s[0..*n); returns the start. */
static char *trim(char *s, size_t *n)
{
	while (*n && is_space(*s)) {
		s++;
		(*n)--;
	}
	while (*n && (is_space(s[*n - 1]) || s[*n - 1] == '\r'))
		(*n)--;
	return s;
}

/* Strict decimal: digits only, no overflow past 2^63. */
static int parse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (UINT64_C(1) << 63) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return 0;
}

int warc_header_parse(struct warc_header *h, char *text, size_t len, const char **why)
{
	memset(h, 0, sizeof *h);
	if (len > WARC_HEADER_MAX) {
		*why = "record header too large";
		return -1;
	}
	/* version line */
	char *end = text + len;
	char *nl = memchr(text, '\n', len);
	char *line_end = nl ? nl : end;
	size_t vlen = (size_t)(line_end - text);
	char *v = trim(text, &vlen);
	if (vlen == 8 && memcmp(v, "WARC/1.0", 8) == 0)
		h->minor = 0;
	else if (vlen == 8 && memcmp(v, "WARC/1.1", 8) == 0)
		h->minor = 1;
	else {
		*why = "not a WARC/1.0 or WARC/1.1 record";
		return -1;
	}
	char *p = nl ? nl + 1 : end;
	/* fields: name ":" value, continuation lines appended to the last value */
	char *last_val = NULL;
	size_t *last_len = NULL, last_len_store = 0;
	int have_length = 0, fields = 0;
	char *length_text = NULL;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		line_end = nl ? nl : end;
		char *next = nl ? nl + 1 : end;
		size_t n = (size_t)(line_end - p);
		if (n && p[n - 1] == '\r')
			n--;
		if (n == 0) {
			p = next;
			continue;
		}
		if (is_space(*p)) {
			/* continuation: join with one space, in place (the value only grows
			 * into bytes already consumed, since it sits before this line) */
			if (!last_val) {
				*why = "continuation line before any field";
				return -1;
			}
			size_t cn = n;
			char *c = trim(p, &cn);
			if (cn) {
				last_val[*last_len] = ' ';
				memmove(last_val + *last_len + 1, c, cn);
				*last_len += cn + 1;
				last_val[*last_len] = '\0';
			}
			p = next;
			continue;
		}
		if (++fields > WARC_FIELDS_MAX) {
			*why = "too many header fields";
			return -1;
		}
		char *colon = memchr(p, ':', n);
		if (!colon || colon == p) {
			*why = "malformed header field";
			return -1;
		}
		size_t name_len = (size_t)(colon - p);
		size_t val_len = n - name_len - 1;
		char *val = trim(colon + 1, &val_len);
		val[val_len] = '\0';
		const char **slot = NULL;
		if (name_len == 9 && strncasecmp(p, "WARC-Type", 9) == 0)
			slot = &h->type;
		else if (name_len == 15 && strncasecmp(p, "WARC-Target-URI", 15) == 0)
			slot = &h->target_uri;
		else if (name_len == 9 && strncasecmp(p, "WARC-Date", 9) == 0)
			slot = &h->date;
		else if (name_len == 14 && strncasecmp(p, "WARC-Record-ID", 14) == 0)
			slot = &h->record_id;
		else if (name_len == 12 && strncasecmp(p, "Content-Type", 12) == 0)
			slot = &h->content_type;
		else if (name_len == 14 && strncasecmp(p, "Content-Length", 14) == 0) {
			if (have_length) {
				*why = "two Content-Length fields";
				return -1;
			}
			have_length = 1;
			length_text = val;
		}
		if (slot)
			*slot = val;
		last_val = val;
		last_len_store = val_len;
		last_len = &last_len_store;
		p = next;
	}
	if (!have_length || parse_u64(length_text, &h->content_length) != 0) {
		*why = have_length ? "bad Content-Length" : "no Content-Length";
		return -1;
	}
	/* WARC/1.0 wrote the target URI in angle brackets */
	if (h->target_uri && h->target_uri[0] == '<') {
		size_t n = strlen(h->target_uri);
		if (n >= 2 && h->target_uri[n - 1] == '>') {
			((char *)h->target_uri)[n - 1] = '\0';
			h->target_uri++;
		}
	}
	return 0;
}

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static int token_in_list(const char *v, size_t n, const char *token)
{
	size_t t = strlen(token);
	for (size_t i = 0; i + t <= n; i++)
		if (strncasecmp(v + i, token, t) == 0 && (i == 0 || v[i - 1] == ',' || is_space(v[i - 1])) &&
		    (i + t == n || v[i + t] == ',' || v[i + t] == ';' || is_space(v[i + t])))
			return 1;
	return 0;
}

int warc_http_parse(struct warc_http *out, const char *block, size_t len, const char **why)
{
	memset(out, 0, sizeof *out);
	size_t lim = len < WARC_HEADER_MAX ? len : WARC_HEADER_MAX;
	const char *nl = memchr(block, '\n', lim);
	if (lim < 12 || strncmp(block, "HTTP/", 5) != 0 || !nl) {
		*why = "no HTTP status line";
		return -1;
	}
	const char *sp = memchr(block, ' ', (size_t)(nl - block));
	if (!sp || nl - sp < 4 || sp[1] < '1' || sp[1] > '5' || sp[2] < '0' || sp[2] > '9' ||
	    sp[3] < '0' || sp[3] > '9') {
		*why = "bad HTTP status line";
		return -1;
	}
	out->status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
	const char *p = nl + 1, *end = block + lim;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		size_t n = (size_t)(nl - p);
		if (n && p[n - 1] == '\r')
			n--;
		if (n == 0) {
			out->body_offset = (size_t)(nl + 1 - block);
			return 0;
		}
		const char *colon = memchr(p, ':', n);
		if (colon) {
			size_t name_len = (size_t)(colon - p);
			const char *v = colon + 1;
			size_t vn = n - name_len - 1;
			while (vn && is_space(*v)) {
				v++;
				vn--;
			}
			while (vn && is_space(v[vn - 1]))
				vn--;
			char **slot = NULL;
			if (name_len == 12 && strncasecmp(p, "Content-Type", 12) == 0)
				slot = &out->content_type;
			else if (name_len == 16 && strncasecmp(p, "Content-Encoding", 16) == 0)
				slot = &out->content_encoding;
			else if (name_len == 16 && strncasecmp(p, "Content-Language", 16) == 0)
				slot = &out->content_language;
			else if (name_len == 17 && strncasecmp(p, "Transfer-Encoding", 17) == 0)
				out->chunked = token_in_list(v, vn, "chunked");
			if (slot && !*slot && !(*slot = dup_n(v, vn))) {
				warc_http_free(out);
				*why = "out of memory";
				return -1;
			}
		}
		p = nl + 1;
	}
	warc_http_free(out);
	*why = len > WARC_HEADER_MAX ? "HTTP header too large" : "HTTP header not terminated";
	return -1;
}

void warc_http_free(struct warc_http *h)
{
	free(h->content_type);
	free(h->content_encoding);
	free(h->content_language);
	h->content_type = h->content_encoding = h->content_language = NULL;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 32);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int warc_dechunk(char *data, size_t *len)
{
	size_t in = 0, out = 0, n = *len;
	int chunks = 0;
	while (in < n) {
		/* chunk size line: hex digits, optional ";ext", CRLF */
		size_t size = 0, digits = 0;
		int d;
		while (in < n && (d = hex_value(data[in])) >= 0) {
			if (size > ((size_t)-1 >> 5))
				return chunks ? 0 : -1;
			size = size * 16 + (size_t)d;
			in++;
			digits++;
		}
		if (!digits)
			break;
		char *nl = memchr(data + in, '\n', n - in);
		if (!nl)
			break;
		in = (size_t)(nl - data) + 1;
		chunks++;
		if (size == 0) {
			*len = out;
			data[out] = '\0';
			return 0;
		}
		size_t take = size < n - in ? size : n - in;
		memmove(data + out, data + in, take);
		out += take;
		in += take;
		/* the CRLF after the chunk data */
		if (in < n && data[in] == '\r')
			in++;
		if (in < n && data[in] == '\n')
			in++;
	}
	if (!chunks)
		return -1;
	*len = out;
	data[out] = '\0';
	return 0;
}
