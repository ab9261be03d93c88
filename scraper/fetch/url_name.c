/* url_name.c - URL to a relative output path that cannot escape its folder. */
#include "url_name.h"
#include "buf.h"
#include "error.h"
#include "scrape.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#define PART_MAX 64
#define FOLDERS_MAX 8

unsigned long long url_name_hash(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static int safe_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '-';
}

/* Appends the n bytes at s as one safe part (at most PART_MAX bytes). */
static void put_part(struct buf *b, const char *s, size_t n)
{
	if (n > PART_MAX)
		n = PART_MAX;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		buf_putc(b, i == 0 && c == '.' ? '_' : safe_char(c) ? (char)c : '_');
	}
}

int url_name(char **out, const char *url, const char *ext)
{
	*out = NULL;
	if (strlen(ext) > 16)
		return scrape_error_set(SCRAPE_EUSAGE, "%s: output extension too long", url);
	CURLU *u = curl_url();
	if (!u)
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	char *host = NULL, *port = NULL, *path = NULL;
	CURLUcode uc = curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_HOST, &host, 0);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_PATH, &path, 0);
	if (uc != CURLUE_OK || !host || !*host) {
		curl_free(host);
		curl_free(path);
		curl_url_cleanup(u);
		return scrape_error_set(SCRAPE_EUSAGE, "%s: cannot name an output file: %s", url,
					uc != CURLUE_OK ? curl_url_strerror(uc) : "no host");
	}
	curl_url_get(u, CURLUPART_PORT, &port, 0); /* absent: the scheme's default */

	struct buf b = BUF_INIT;
	/* host: lower-case (host names ignore case), IPv6 brackets become '_' */
	char lower[PART_MAX + 1];
	size_t hn = strlen(host) > PART_MAX ? PART_MAX : strlen(host);
	for (size_t i = 0; i < hn; i++) {
		char c = host[i];
		lower[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	put_part(&b, lower, hn);
	if (port) {
		buf_putc(&b, '_');
		put_part(&b, port, strlen(port));
	}
	/* the path's parts: empty, "." and ".." ones are dropped */
	const char *parts[FOLDERS_MAX + 1];
	size_t lens[FOLDERS_MAX + 1], np = 0;
	const char *p = path, *last = "";
	size_t last_len = 0;
	while (*p) {
		while (*p == '/')
			p++;
		const char *e = p + strcspn(p, "/");
		size_t n = (size_t)(e - p);
		int dir = *e == '/';
		if (!dir) {
			last = p;
			last_len = n;
		} else if (n && !(n == 1 && p[0] == '.') && !(n == 2 && p[0] == '.' && p[1] == '.') &&
			   np < FOLDERS_MAX) {
			parts[np] = p;
			lens[np++] = n;
		}
		p = e;
	}
	for (size_t i = 0; i < np; i++) {
		buf_putc(&b, '/');
		put_part(&b, parts[i], lens[i]);
	}
	buf_putc(&b, '/');
	if (last_len == 0 || (last_len == 1 && last[0] == '.') ||
	    (last_len == 2 && last[0] == '.' && last[1] == '.'))
		buf_puts(&b, "index");
	else
		put_part(&b, last, last_len);
	/* keep room for the hash and the extension */
	size_t room = URL_NAME_MAX - 13 - strlen(ext);
	if (b.len > room)
		b.len = room;
	buf_printf(&b, "-%012llx%s", url_name_hash(url) & 0xffffffffffffULL, ext);
	curl_free(host);
	curl_free(port);
	curl_free(path);
	curl_url_cleanup(u);
	if (b.oom) {
		buf_free(&b);
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	}
	*out = buf_detach(&b, NULL);
	return SCRAPE_OK;
}
