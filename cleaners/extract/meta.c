#include "meta.h"
#include "blocks.h"
#include "scrape.h"
#include "utf8.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *meta_node_text(const struct dom *d, size_t i)
{
	/* <title> is never content, so its text is taken whatever the flags say */
	uint32_t skip = dom_tag(&d->nodes[i]) == GUMBO_TAG_TITLE ? 0 : DN_SKIP;
	struct textbuf tb = { BUF_INIT, 0 };
	for (size_t c = i; c < d->nodes[i].end; c++) {
		const struct dnode *n = &d->nodes[c];
		if ((n->flags & DN_TEXT) && !(n->flags & skip)) {
			const char *s = n->g->v.text.text;
			textbuf_add(&tb, s, strlen(s));
		} else if (!(n->flags & DN_TEXT)) {
			textbuf_space(&tb);
		}
	}
	size_t len;
	const char *s = textbuf_trimmed(&tb, &len);
	char *r = NULL;
	if (len && (r = malloc(len + 1))) {
		memcpy(r, s, len);
		r[len] = '\0';
	}
	buf_free(&tb.b);
	return r;
}

/* Collapses whitespace of an attribute value; NULL when empty. */
static char *clean_dup(const char *s)
{
	if (!s)
		return NULL;
	struct textbuf tb = { BUF_INIT, 0 };
	textbuf_add(&tb, s, strlen(s));
	size_t len;
	const char *t = textbuf_trimmed(&tb, &len);
	char *r = NULL;
	if (len && (r = malloc(len + 1))) {
		memcpy(r, t, len);
		r[len] = '\0';
	}
	buf_free(&tb.b);
	return r;
}

static void set_once(char **field, const char *value)
{
	if (!*field && value)
		*field = clean_dup(value);
}

static const char *json_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsArray(v) && cJSON_IsString(cJSON_GetArrayItem(v, 0)))
		return cJSON_GetArrayItem(v, 0)->valuestring;
	return NULL;
}

/* A name from a string, an object with "name", or the first of an array. */
static const char *json_name(const cJSON *v)
{
	if (cJSON_IsArray(v))
		v = cJSON_GetArrayItem(v, 0);
	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsObject(v))
		return json_str(v, "name");
	return NULL;
}

static int is_article_type(const cJSON *o)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
	const char *s = cJSON_IsString(t) ? t->valuestring :
			cJSON_IsArray(t) && cJSON_IsString(cJSON_GetArrayItem(t, 0)) ?
			cJSON_GetArrayItem(t, 0)->valuestring : NULL;
	return s && (strstr(s, "Article") || strstr(s, "Posting") || strcmp(s, "Report") == 0 ||
		     strcmp(s, "WebPage") == 0);
}

/* Whether o's @type is (or lists) name. */
static int is_type(const cJSON *o, const char *name)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
	if (cJSON_IsString(t))
		return strcmp(t->valuestring, name) == 0;
	const cJSON *it;
	if (cJSON_IsArray(t))
		cJSON_ArrayForEach(it, t)
			if (cJSON_IsString(it) && strcmp(it->valuestring, name) == 0)
				return 1;
	return 0;
}

static void jsonld_object(struct meta *m, const cJSON *o)
{
	if (!cJSON_IsObject(o))
		return;
	/* an @graph holds the objects of interest */
	const cJSON *graph = cJSON_GetObjectItemCaseSensitive(o, "@graph");
	if (cJSON_IsArray(graph)) {
		const cJSON *it;
		cJSON_ArrayForEach(it, graph)
			jsonld_object(m, it);
	}
	if (is_type(o, "Product"))
		set_once(&m->jsonld_text, json_str(o, "description"));
	if (!is_article_type(o))
		return;
	int page = 0;
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
	if (cJSON_IsString(t) && strcmp(t->valuestring, "WebPage") == 0)
		page = 1;
	if (!page) {
		set_once(&m->title, json_str(o, "headline"));
		set_once(&m->author, json_name(cJSON_GetObjectItemCaseSensitive(o, "author")));
		set_once(&m->date, json_str(o, "datePublished"));
		set_once(&m->sitename, json_name(cJSON_GetObjectItemCaseSensitive(o, "publisher")));
		set_once(&m->jsonld_body, json_str(o, "articleBody"));
	}
	set_once(&m->description, json_str(o, "description"));
}

static void jsonld_parse(struct meta *m, const char *text)
{
	cJSON *root = cJSON_Parse(text);
	if (!root)
		return;
	if (cJSON_IsArray(root)) {
		const cJSON *it;
		cJSON_ArrayForEach(it, root)
			jsonld_object(m, it);
	} else {
		jsonld_object(m, root);
	}
	cJSON_Delete(root);
}

static int is_date_key(const char *key);

static void meta_tag(struct meta *m, const GumboNode *g)
{
	const char *content = dom_attr(g, "content");
	if (!content)
		return;
	const char *key = dom_attr(g, "property");
	if (!key)
		key = dom_attr(g, "name");
	if (!key)
		key = dom_attr(g, "itemprop");
	if (!key)
		return;
	if (strcasecmp(key, "og:title") == 0 || strcasecmp(key, "twitter:title") == 0)
		set_once(&m->title, content);
	else if (strcasecmp(key, "author") == 0 || strcasecmp(key, "article:author") == 0 ||
		 strcasecmp(key, "dc.creator") == 0 || strcasecmp(key, "byl") == 0)
		set_once(&m->author, strncasecmp(content, "http", 4) == 0 ? NULL : content);
	else if (is_date_key(key))
		set_once(&m->date, content);
	else if (strcasecmp(key, "og:site_name") == 0 || strcasecmp(key, "application-name") == 0)
		set_once(&m->sitename, content);
	else if (strcasecmp(key, "description") == 0 || strcasecmp(key, "og:description") == 0)
		set_once(&m->description, content);
	else if (strcasecmp(key, "og:url") == 0)
		set_once(&m->url, content);
}

/* 1 if the lone <h1> is the site's logo or name rather than the headline:
 * it reads as the site name, or it is all one link to the home page. */
static int h1_is_site_name(const struct dom *d, size_t i, const char *text, const char *sitename)
{
	if (sitename && strcasecmp(text, sitename) == 0)
		return 1;
	const struct dnode *n = &d->nodes[i];
	if (n->link_len < n->text_len)
		return 0;
	for (size_t c = i; c < n->end; c++) {
		if (dom_tag(&d->nodes[c]) != GUMBO_TAG_A && (c != i || n->parent == UINT32_MAX ||
							     dom_tag(&d->nodes[n->parent]) != GUMBO_TAG_A))
			continue;
		const GumboNode *a = dom_tag(&d->nodes[c]) == GUMBO_TAG_A ? d->nodes[c].g : d->nodes[n->parent].g;
		const char *href = dom_attr(a, "href");
		if (!href)
			return 0;
		/* "/", "./", "https://example.com/", "//example.com" */
		const char *p = strstr(href, "//");
		p = p ? strchr(p + 2, '/') : href;
		if (!p)
			return 1;
		while (*p == '.' || *p == '/')
			p++;
		return *p == '\0' || strncasecmp(p, "index.", 6) == 0;
	}
	return 0;
}

static int is_date_key(const char *key)
{
	static const char *const keys[] = {
		"article:published_time", "og:article:published_time", "datepublished", "dc.date",
		"dc.date.issued", "dcterms.created", "dcterms.date", "date", "pubdate", "publish-date",
		"publishdate", "parsely-pub-date", "sailthru.date", "article.published", "citation_date",
		"citation_publication_date",
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (strcasecmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

int meta_extract(struct meta *m, const struct dom *d)
{
	memset(m, 0, sizeof *m);
	size_t title_node = SIZE_MAX, h1_node = SIZE_MAX;
	int h1_count = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct dnode *n = &d->nodes[i];
		if (n->flags & DN_TEXT)
			continue;
		const GumboNode *g = n->g;
		switch (g->v.element.tag) {
		case GUMBO_TAG_HTML:
			set_once(&m->language, dom_attr(g, "lang"));
			break;
		case GUMBO_TAG_META:
			meta_tag(m, g);
			break;
		case GUMBO_TAG_LINK: {
			const char *rel = dom_attr(g, "rel");
			if (rel && strcasecmp(rel, "canonical") == 0)
				set_once(&m->url, dom_attr(g, "href"));
			break;
		}
		case GUMBO_TAG_TITLE:
			if (title_node == SIZE_MAX)
				title_node = i;
			break;
		case GUMBO_TAG_H1:
			if (!(n->flags & DN_SKIP) && n->text_len) {
				if (h1_node == SIZE_MAX)
					h1_node = i;
				h1_count++;
			}
			break;
		case GUMBO_TAG_SCRIPT: {
			const char *json = dom_jsonld_text(g);
			if (json)
				jsonld_parse(m, json);
			break;
		}
		case GUMBO_TAG_TIME:
			set_once(&m->date, dom_attr(g, "datetime"));
			break;
		default:
			break;
		}
	}
	/* The headline as the article shows it: a single <h1> wins over <title>
	 * (which carries the site name) when the page has one. */
	char *h1 = h1_node != SIZE_MAX && h1_count == 1 ? meta_node_text(d, h1_node) : NULL;
	if (h1 && h1_is_site_name(d, h1_node, h1, m->sitename)) {
		free(h1);
		h1 = NULL;
	}
	if (h1 && (!m->title || strlen(h1) >= 8)) {
		free(m->title);
		m->title = h1;
	} else {
		free(h1);
	}
	if (!m->title && title_node != SIZE_MAX) {
		char *t = meta_node_text(d, title_node);
		/* drop a " - Site" / " | Site" suffix */
		if (t) {
			const char *seps[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: " };
			for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
				char *p = strstr(t, seps[k]);
				char *last = NULL;
				while (p) {
					last = p;
					p = strstr(p + 1, seps[k]);
				}
				if (last && last - t >= 15) {
					*last = '\0';
					break;
				}
			}
		}
		m->title = t;
	}
	return SCRAPE_OK;
}

void meta_free(struct meta *m)
{
	free(m->title);
	free(m->author);
	free(m->date);
	free(m->sitename);
	free(m->language);
	free(m->description);
	free(m->url);
	free(m->jsonld_body);
	free(m->jsonld_text);
	memset(m, 0, sizeof *m);
}

int meta_make_valid(struct meta *m)
{
	char **fields[] = { &m->title, &m->author, &m->date, &m->sitename,
			    &m->language, &m->description, &m->url, &m->jsonld_body, &m->jsonld_text };
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		if (!*fields[i])
			continue;
		size_t len = strlen(*fields[i]);
		if (utf8_make_valid(fields[i], &len) != SCRAPE_OK)
			return SCRAPE_ENOMEM;
	}
	return SCRAPE_OK;
}
