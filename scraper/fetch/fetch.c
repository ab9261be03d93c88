#include "fetch.h"
#include "ascii.h"
#include "fetch_transfer.h"
#include "buf.h"
#include "document.h"
#include "error.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FETCH_MAX_REDIRECTS 10L

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static CURLcode init_code = CURLE_FAILED_INIT;

static void global_init(void)
{
	init_code = curl_global_init(CURL_GLOBAL_DEFAULT);
}

int fetch_global_init(void)
{
	if (pthread_once(&init_once, global_init) != 0)
		return scrape_error_set(SCRAPE_EFETCH, "cannot initialise libcurl");
	if (init_code != CURLE_OK)
		return scrape_error_set(SCRAPE_EFETCH, "cannot initialise libcurl: %s",
					curl_easy_strerror(init_code));
	return SCRAPE_OK;
}

int fetch_type_acceptable(const char *content_type)
{
	if (!content_type)
		return 1;
	const char *s = content_type + strspn(content_type, " \t");
	size_t n = strcspn(s, ";");
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	const char *slash = memchr(s, '/', n);
	if (n == 0 || !slash)
		return 1; /* missing or malformed: let the content decide */
	size_t tlen = (size_t)(slash - s);
	const char *sub = slash + 1;
	size_t slen = n - tlen - 1;
	if (ascii_word_is(s, tlen, "text"))
		return 1;
	if (!ascii_word_is(s, tlen, "application"))
		return 0;
	if (ascii_word_is(sub, slen, "xhtml+xml") || ascii_word_is(sub, slen, "xml"))
		return 1;
	return slen > 4 && strncasecmp(sub + slen - 4, "+xml", 4) == 0;
}

int fetch_check_url(const char *url)
{
	CURLU *u = curl_url();
	if (!u)
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	char *scheme = NULL;
	int rc = SCRAPE_OK;
	CURLUcode uc = curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
	if (uc != CURLUE_OK)
		rc = scrape_error_set(SCRAPE_EUSAGE, "%s: invalid URL (%s)", url, curl_url_strerror(uc));
	else if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)
		rc = scrape_error_set(SCRAPE_EUSAGE, "%s: unsupported scheme '%s' (http and https only)",
				      url, scheme);
	curl_free(scheme);
	curl_url_cleanup(u);
	return rc;
}

void fetch_sink_init(struct fetch_sink *s, CURL *curl, const char *url, size_t max)
{
	memset(s, 0, sizeof *s);
	s->curl = curl;
	s->url = url;
	s->max = max;
	s->rc = SCRAPE_OK;
}

/* Looks at the final response's status and type before its body is kept. */
static int check_response(struct fetch_sink *s)
{
	long status = 0;
	char *type = NULL;
	s->checked = 1;
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(s->curl, CURLINFO_CONTENT_TYPE, &type);
	if (status >= 400)
		return scrape_error_set(SCRAPE_EHTTP, "%s: HTTP %ld", s->url, status);
	if (!s->any_type && !fetch_type_acceptable(type))
		return scrape_error_set(SCRAPE_EBINARY, "%s: not HTML (Content-Type: %s)", s->url, type);
	return SCRAPE_OK;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *arg)
{
	struct fetch_sink *s = arg;
	size_t n = size * nmemb;
	if (!s->checked)
		s->rc = check_response(s);
	if (s->rc == SCRAPE_OK && n > s->max - s->body.len)
		s->rc = scrape_error_set(SCRAPE_ELIMIT, "%s: response body exceeds %zu bytes",
					 s->url, s->max);
	if (s->rc == SCRAPE_OK && buf_put(&s->body, data, n) != SCRAPE_OK)
		s->rc = scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", s->url);
	if (s->rc != SCRAPE_OK) {
		/* kept: other transfers on this thread may set messages meanwhile */
		snprintf(s->error, sizeof s->error, "%s", scrape_error_last());
		return n ? 0 : 1; /* anything but n aborts the transfer */
	}
	return n;
}

struct curl_slist *fetch_accept_headers(void)
{
	return curl_slist_append(NULL,
		"Accept: text/html,application/xhtml+xml,application/xml;q=0.9,text/*;q=0.8");
}

CURLcode fetch_setup(CURL *c, const char *url, const scrape_options *opts,
		      struct curl_slist *headers, struct fetch_sink *s, char *errbuf)
{
	const char *agent = opts->user_agent ? opts->user_agent : "scrape/" SCRAPE_VERSION;
	CURLcode e = CURLE_OK;
#define SET(opt, val) do { if (e == CURLE_OK) e = curl_easy_setopt(c, opt, val); } while (0)
	SET(CURLOPT_ERRORBUFFER, errbuf);
	SET(CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
	SET(CURLOPT_PROTOCOLS_STR, "http,https");
	SET(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	SET(CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	SET(CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	SET(CURLOPT_FOLLOWLOCATION, 1L);
	SET(CURLOPT_MAXREDIRS, FETCH_MAX_REDIRECTS);
	SET(CURLOPT_ACCEPT_ENCODING, "");
	SET(CURLOPT_CONNECTTIMEOUT_MS, opts->connect_timeout_ms);
	SET(CURLOPT_TIMEOUT_MS, opts->timeout_ms);
	SET(CURLOPT_USERAGENT, agent);
	SET(CURLOPT_HTTPHEADER, headers);
	SET(CURLOPT_FAILONERROR, 1L);
	SET(CURLOPT_SSL_VERIFYPEER, 1L);
	SET(CURLOPT_SSL_VERIFYHOST, 2L);
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_WRITEFUNCTION, on_body);
	SET(CURLOPT_WRITEDATA, s);
#undef SET
	return e;
}

/* Turns a failed transfer into a scrape error naming the URL and the reason. */
static int transfer_error(CURL *c, CURLcode e, const char *url, const char *errbuf)
{
	long status = 0, os_errno = 0;
	char *final_url = NULL;
	char reason[128];
	switch (e) {
	case CURLE_HTTP_RETURNED_ERROR:
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
		curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final_url);
		if (final_url && strcmp(final_url, url) != 0)
			return scrape_error_set(SCRAPE_EHTTP, "%s: HTTP %ld (redirected to %s)",
						url, status, final_url);
		return scrape_error_set(SCRAPE_EHTTP, "%s: HTTP %ld", url, status);
	case CURLE_COULDNT_CONNECT:
		/* curl's text says "Couldn't connect to server"; the system says why */
		curl_easy_getinfo(c, CURLINFO_OS_ERRNO, &os_errno);
		if (os_errno && strerror_r((int)os_errno, reason, sizeof reason) == 0)
			return scrape_error_set(SCRAPE_EFETCH, "%s: cannot connect: %s", url, reason);
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		return scrape_error_set(SCRAPE_EFETCH, "%s: too many redirects (more than %ld)",
					url, FETCH_MAX_REDIRECTS);
	case CURLE_OUT_OF_MEMORY:
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", url);
	default:
		break;
	}
	return scrape_error_set(SCRAPE_EFETCH, "%s: %s", url, errbuf[0] ? errbuf : curl_easy_strerror(e));
}

/* Builds the document from a finished transfer; takes the body. */
static int make_document(scrape_document **out, struct fetch_sink *s)
{
	char *final_url = NULL, *type = NULL;
	long status = 0;
	curl_easy_getinfo(s->curl, CURLINFO_EFFECTIVE_URL, &final_url);
	curl_easy_getinfo(s->curl, CURLINFO_CONTENT_TYPE, &type);
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &status);
	/* an empty body has no bytes yet: this allocates and terminates them */
	scrape_document *doc = buf_put(&s->body, "", 0) == SCRAPE_OK ? calloc(1, sizeof *doc) : NULL;
	if (doc) {
		doc->status = status;
		doc->data = buf_detach(&s->body, &doc->len);
		doc->url = strdup(final_url ? final_url : s->url);
		doc->content_type = type ? strdup(type) : NULL;
	}
	if (!doc || !doc->data || !doc->url || (type && !doc->content_type)) {
		scrape_document_free(doc);
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", s->url);
	}
	*out = doc;
	return SCRAPE_OK;
}

int fetch_finish(scrape_document **out, struct fetch_sink *s, CURLcode e, const char *errbuf)
{
	int rc;
	*out = NULL;
	if (s->rc != SCRAPE_OK)
		return scrape_error_set(s->rc, "%s", s->error); /* refused while receiving */
	if (e != CURLE_OK)
		return transfer_error(s->curl, e, s->url, errbuf);
	if (!s->checked && (rc = check_response(s)) != SCRAPE_OK)
		return rc; /* empty body: the headers are checked here */
	return make_document(out, s);
}

int fetch_url(scrape_document **out, const char *url, const scrape_options *opts)
{
	scrape_options defaults = SCRAPE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	*out = NULL;
	int rc = fetch_check_url(url);
	if (rc != SCRAPE_OK)
		return rc;
	rc = fetch_global_init();
	if (rc != SCRAPE_OK)
		return rc;

	struct fetch_sink s;
	char errbuf[CURL_ERROR_SIZE] = "";
	struct curl_slist *headers = fetch_accept_headers();
	fetch_sink_init(&s, curl_easy_init(), url, opts->max_input_bytes);
	if (!s.curl || !headers) {
		rc = scrape_error_set(SCRAPE_ENOMEM, "%s: cannot start a transfer", url);
		goto done;
	}
	CURLcode e = fetch_setup(s.curl, url, opts, headers, &s, errbuf);
	if (e != CURLE_OK) {
		rc = scrape_error_set(SCRAPE_EFETCH, "%s: cannot set up the transfer: %s", url,
				      curl_easy_strerror(e));
		goto done;
	}
	e = curl_easy_perform(s.curl);
	rc = fetch_finish(out, &s, e, errbuf);
done:
	buf_free(&s.body);
	curl_slist_free_all(headers);
	curl_easy_cleanup(s.curl);
	return rc;
}
