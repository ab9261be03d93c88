/* discover.c - URL lists, URL normalisation (libcurl's URL parser) and W3C dates. */
#include "discover.h"
#include "error.h"
#include "scrape.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int discover_list_add(struct discover_list *l, const char *url, size_t len, long long lastmod)
{
	if (l->max && l->n >= l->max) {
		l->dropped++;
		return 1;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct discover_url *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
		l->v = v;
		l->cap = cap;
	}
	char *c = malloc(len + 1);
	if (!c)
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	memcpy(c, url, len);
	c[len] = '\0';
	l->v[l->n].url = c;
	l->v[l->n].lastmod = lastmod;
	l->n++;
	return 0;
}

void discover_list_free(struct discover_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].url);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Upper-case hex in percent-escapes, in place. */
static void upper_escapes(char *s)
{
	for (; *s; s++) {
		if (s[0] == '%' && is_hex(s[1]) && is_hex(s[2])) {
			for (int k = 1; k <= 2; k++)
				if (s[k] >= 'a' && s[k] <= 'f')
					s[k] = (char)(s[k] - 'a' + 'A');
			s += 2;
		}
	}
}

int discover_normalize(char **out, const char *ref, size_t ref_len, const char *base)
{
	*out = NULL;
	while (ref_len && (*ref == ' ' || *ref == '\t' || *ref == '\n' || *ref == '\r' || *ref == '\f')) {
		ref++;
		ref_len--;
	}
	while (ref_len && (ref[ref_len - 1] == ' ' || ref[ref_len - 1] == '\t' || ref[ref_len - 1] == '\n' ||
			   ref[ref_len - 1] == '\r' || ref[ref_len - 1] == '\f'))
		ref_len--;
	if (ref_len == 0 || ref_len > 8192)
		return scrape_error_set(SCRAPE_EUSAGE, "%.*s: %s", (int)(ref_len > 200 ? 200 : ref_len), ref,
					ref_len ? "URL longer than 8192 bytes" : "empty URL");
	char *r = malloc(ref_len + 1);
	CURLU *u = curl_url();
	if (!r || !u) {
		free(r);
		curl_url_cleanup(u);
		return scrape_error_set(SCRAPE_ENOMEM, "out of memory");
	}
	memcpy(r, ref, ref_len);
	r[ref_len] = '\0';
	/* blanks and controls inside a link are escaped, as browsers do */
	CURLUcode uc = CURLUE_OK;
	if (base)
		uc = curl_url_set(u, CURLUPART_URL, base, 0);
	/* "#frag" is the base page itself (libcurl 7.88 would take its folder) */
	if (uc == CURLUE_OK && !(base && r[0] == '#'))
		uc = curl_url_set(u, CURLUPART_URL, r, CURLU_URLENCODE | CURLU_NON_SUPPORT_SCHEME);
	char *scheme = NULL, *host = NULL, *url = NULL;
	int rc = SCRAPE_OK;
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_HOST, &host, 0);
	if (uc != CURLUE_OK) {
		rc = scrape_error_set(SCRAPE_EUSAGE, "%s: invalid URL (%s)", r, curl_url_strerror(uc));
	} else if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0) {
		rc = scrape_error_set(SCRAPE_EUSAGE, "%s: not an http(s) URL", r);
	} else {
		for (char *c = host; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		uc = curl_url_set(u, CURLUPART_HOST, host, 0);
		if (uc == CURLUE_OK)
			uc = curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0);
		if (uc == CURLUE_OK)
			uc = curl_url_get(u, CURLUPART_URL, &url, CURLU_NO_DEFAULT_PORT);
		if (uc != CURLUE_OK)
			rc = scrape_error_set(SCRAPE_EUSAGE, "%s: invalid URL (%s)", r, curl_url_strerror(uc));
		else if (!(*out = strdup(url)))
			rc = scrape_error_set(SCRAPE_ENOMEM, "out of memory");
		else
			upper_escapes(*out);
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(url);
	curl_url_cleanup(u);
	free(r);
	return rc;
}

int discover_origin(char *out, size_t size, const char *url)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL;
	int rc = -1;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		curl_url_get(u, CURLUPART_PORT, &port, CURLU_NO_DEFAULT_PORT);
		int n = snprintf(out, size, "%s://%s%s%s", scheme, host, port ? ":" : "", port ? port : "");
		if (n > 0 && (size_t)n < size) {
			rc = 0;
			for (char *c = out; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c - 'A' + 'a');
		}
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return rc;
}

/* n digits at *p (advanced); -1 when they are not there. */
static int digits(const char **p, const char *end, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (*p >= end || **p < '0' || **p > '9')
			return -1;
		v = v * 10 + (**p - '0');
	}
	return v;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int discover_parse_date(const char *s, size_t len, long long *out)
{
	const char *p = s, *end = s + len;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		end--;
	int y = digits(&p, end, 4), mo = 1, d = 1, h = 0, mi = 0, sec = 0, off = 0;
	if (y < 0)
		return -1;
	if (p < end && *p == '-') {
		p++;
		if ((mo = digits(&p, end, 2)) < 1 || mo > 12)
			return -1;
		if (p < end && *p == '-') {
			p++;
			static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
			if ((d = digits(&p, end, 2)) < 1 || d > mdays[mo - 1])
				return -1;
			if (p < end && (*p == 'T' || *p == 't' || *p == ' ')) {
				p++;
				if ((h = digits(&p, end, 2)) < 0 || h > 23 || p >= end || *p++ != ':' ||
				    (mi = digits(&p, end, 2)) < 0 || mi > 59)
					return -1;
				if (p < end && *p == ':') {
					p++;
					if ((sec = digits(&p, end, 2)) < 0 || sec > 60)
						return -1;
					if (p < end && *p == '.') {
						p++;
						if (p >= end || *p < '0' || *p > '9')
							return -1;
						while (p < end && *p >= '0' && *p <= '9')
							p++;
					}
				}
				if (p < end && (*p == 'Z' || *p == 'z')) {
					p++;
				} else if (p < end && (*p == '+' || *p == '-')) {
					int sign = *p++ == '-' ? -1 : 1;
					int oh = digits(&p, end, 2), om = 0;
					if (oh < 0 || oh > 23)
						return -1;
					if (p < end && *p == ':')
						p++;
					if ((om = digits(&p, end, 2)) < 0 || om > 59)
						return -1;
					off = sign * (oh * 3600 + om * 60);
				}
			}
		}
	}
	if (p != end)
		return -1;
	*out = days_from_civil(y, mo, d) * 86400LL + h * 3600LL + mi * 60LL + sec - off;
	return 0;
}
