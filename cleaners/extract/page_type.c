/* page_type.c - the page-type classifier (see page_type.h). */
#include "page_type.h"
#include "classify.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const type_names[PAGE_TYPE_COUNT] = {
	"article", "forum", "product", "collection", "listing", "documentation", "service",
};

const char *page_type_name(enum page_type t)
{
	return (unsigned)t < PAGE_TYPE_COUNT ? type_names[t] : "article";
}

static const char *const feature_names[PF_COUNT] = {
	"sd_article", "sd_tech", "sd_forum", "sd_product", "sd_collection", "sd_service",
	"sd_faq", "sd_org_page", "og_article", "og_product", "og_website", "published", "byline",
	"url_forum", "url_product", "url_collection", "url_listing", "url_docs", "url_service",
	"url_article", "url_root", "url_depth",
	"articles", "sections", "pre", "code", "h1", "h2", "h3", "paras", "long_paras", "times",
	"forms", "buttons", "cta_links", "prices", "cart", "post_names", "user_names",
	"product_names", "card_names", "doc_names", "marketing_names", "card_run",
	"card_priced", "heading_links", "para_text", "heading_anchors", "doc_tool", "edit_links",
	"tel_links", "share_names", "comment_names", "images", "svgs", "cta_words", "title_links", "h1_words", "text", "link_text",
};

const char *page_feature_name(enum page_feature f)
{
	return (unsigned)f < PF_COUNT ? feature_names[f] : "?";
}

/* ---- word tables ---------------------------------------------------------- */

/* 1 if `w` (n bytes, lower case) is one of the NULL-terminated `list`. */
static int word_in(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, w, n) == 0)
			return 1;
	return 0;
}

/* 1 if lower-case `s` contains one of `list`. */
static int has_any(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strstr(s, *list))
			return 1;
	return 0;
}

/* Structured-data type names (after any "https://schema.org/" prefix). */
static const char *const sd_article[] = { "article", "newsarticle", "blogposting", "report",
	"scholarlyarticle", "opinionnewsarticle", "analysisnewsarticle", "reportagenewsarticle",
	"liveblogposting", "recipe", "review", "socialmediaposting", NULL };
static const char *const sd_tech[] = { "techarticle", "apireference", "softwaresourcecode", NULL };
static const char *const sd_forum[] = { "discussionforumposting", "qapage", "question", "answer", NULL };
static const char *const sd_product[] = { "product", "productgroup", "offer", "aggregateoffer",
	"individualproduct", "productmodel", NULL };
static const char *const sd_collection[] = { "collectionpage", "itemlist", "offercatalog",
	"searchresultspage", NULL };
static const char *const sd_service[] = { "service", "professionalservice", "softwareapplication",
	"webapplication", "mobileapplication", "localbusiness", "homeandconstructionbusiness",
	"legalservice", "financialservice", "medicalbusiness", "dentist", "electrician", "plumber",
	"hvacbusiness", "roofingcontractor", "generalcontractor", "accountingservice",
	"educationalorganization", "collegeoruniversity", NULL };
static const char *const sd_page[] = { "webpage", "aboutpage", "contactpage", "website", NULL };

/* Sets the feature of one structured-data type name (any case, any prefix). */
static void sd_type(struct page_features *pf, const char *s, size_t n)
{
	const char *slash = NULL;
	for (size_t k = 0; k < n; k++)
		if (s[k] == '/' || s[k] == ':')
			slash = s + k;
	if (slash) {
		n -= (size_t)(slash + 1 - s);
		s = slash + 1;
	}
	char w[48];
	if (n == 0 || n >= sizeof w)
		return;
	for (size_t k = 0; k < n; k++)
		w[k] = (char)tolower((unsigned char)s[k]);
	if (word_in(w, n, sd_article))
		pf->f[PF_SD_ARTICLE] = 1;
	else if (word_in(w, n, sd_tech))
		pf->f[PF_SD_TECH] = 1;
	else if (word_in(w, n, sd_forum))
		pf->f[PF_SD_FORUM] = 1;
	else if (word_in(w, n, sd_product))
		pf->f[PF_SD_PRODUCT] = 1;
	else if (word_in(w, n, sd_collection))
		pf->f[PF_SD_COLLECTION] = 1;
	else if (word_in(w, n, sd_service))
		pf->f[PF_SD_SERVICE] = 1;
	else if (n == 7 && memcmp(w, "faqpage", 7) == 0)
		pf->f[PF_SD_FAQ] = 1;
	else if (word_in(w, n, sd_page))
		pf->f[PF_SD_ORG_PAGE] = 1;
}

/* The "@type" values of a JSON-LD text, found by scanning rather than
 * parsing: broken JSON-LD (common) still says what the page is. */
static void jsonld_types(struct page_features *pf, const char *s)
{
	if (strstr(s, "\"datePublished\""))
		pf->f[PF_PUBLISHED] = 1;
	if (strstr(s, "\"author\""))
		pf->f[PF_BYLINE] = 1;
	while ((s = strstr(s, "\"@type\""))) {
		s += 7;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ':')
			s++;
		int array = *s == '[';
		if (array)
			s++;
		for (;;) {
			while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ',')
				s++;
			if (*s != '"')
				break;
			const char *e = strchr(s + 1, '"');
			if (!e)
				return;
			sd_type(pf, s + 1, (size_t)(e - s - 1));
			s = e + 1;
			if (!array)
				break;
		}
	}
}

/* URL words, several languages where shops and forums name their paths. */
static const char *const url_forum[] = { "forum", "forums", "foro", "foros", "thread",
	"threads", "topic", "viewtopic", "showthread", "discussion", "discussions", "questions",
	"boards", "board", "community", "communities", "discuss", "answers", "t", "d", "comments",
	"talk", "chat", "post", "viewthread", "showtopic", "messages", "qa", "q", "foren",
	"diskussion", "forumdisplay", NULL };
static const char *const url_product[] = { "product", "produkt", "produit", "producto",
	"prodotto", "produto", "artikel", "p", "dp", "item", "itm", "listing", "app", "gp", NULL };
static const char *const url_collection[] = { "collections", "collection", "category",
	"categories", "product-category", "c", "b", "l", "shop", "catalog", "catalogue", "browse",
	"department", "kategorie", "kategorien", "categoria", "categorie", "categorias", "products",
	"produkte", "produits", "productos", "prodotti", "produtos", "sortiment", NULL };
static const char *const url_listing[] = { "news", "blog", "blogs", "tag", "tags", "archive",
	"archives", "search", "page", "latest", "issues", "articles", "posts", "chart", "directory",
	"events", "nachrichten", "noticias", "actualites", "notizie", "nieuws", "aktuelles",
	"results", "topics", "stories", NULL };
static const char *const url_docs[] = { "docs", "doc", "documentation", "api", "reference",
	"guide", "guides", "manual", "tutorial", "tutorials", "learn", "wiki", "library",
	"handbook", "book", "sdk", "developer", "developers", "dev", "howto", "how-tos", "stable",
	"latest", "support", "help", "kb", "knowledge-base", "knowledgebase", "get-started",
	"getting-started", "start", "overview", "concepts", "dokumentation", "documentacion",
	"hilfe", "aide", "ayuda", NULL };
static const char *const url_service[] = { "services", "service", "solutions", "solution",
	"pricing", "features", "platform", "what-we-do", "expertise", "consulting", "enterprise",
	"business", "plans", "leistungen", "servicios", "dienstleistungen", "prestations",
	"servizi", "servicos", "diensten", "loesungen", "soluciones", "industries",
	"work", "drive", "online", NULL };
/* words that say "a list of" when they end the path */
static const char *const url_list_end[] = { "news", "blog", "blogs", "archive", "archives",
	"latest", "issues", "articles", "posts", "chart", "events", "results", "stories", "search",
	NULL };

static int is_number(const char *w, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!isdigit((unsigned char)w[k]))
			return 0;
	return n > 0;
}

static void url_features(struct page_features *pf, const char *url)
{
	if (!url)
		return;
	const char *p = strstr(url, "://");
	const char *host = p ? p + 3 : url;
	const char *path = strchr(host, '/');
	/* the first label of the host: docs.example.org, forum.example.net */
	size_t hl = strcspn(host, ".:/?#");
	char w[64];
	if (p && hl < sizeof w && strchr(host, '.') && host + hl < (path ? path : host + strlen(host))) {
		for (size_t k = 0; k < hl; k++)
			w[k] = (char)tolower((unsigned char)host[k]);
		/* "docs", "docs-internal", "developer", "developers" */
		if (word_in(w, hl, url_docs) || (hl > 4 && memcmp(w, "docs", 4) == 0) ||
		    (hl > 9 && memcmp(w, "developer", 9) == 0))
			pf->f[PF_URL_DOCS] = 1;
		else if ((hl >= 5 && word_in(w, hl, url_forum)))
			pf->f[PF_URL_FORUM] = 1;
		else if ((hl == 4 && memcmp(w, "shop", 4) == 0) || (hl == 5 && memcmp(w, "store", 5) == 0))
			pf->f[PF_URL_COLLECTION] = 1;
	}
	if (!p)
		path = url;
	if (!path) {
		pf->f[PF_URL_ROOT] = 1;
		return;
	}
	size_t plen = strcspn(path, "?#");
	uint32_t segs = 0, year = 0, last_words = 0;
	const char *last = NULL;
	size_t last_n = 0;
	for (size_t i = 0; i < plen;) {
		while (i < plen && path[i] == '/')
			i++;
		size_t s = i;
		while (i < plen && path[i] != '/')
			i++;
		size_t n = i - s;
		if (n == 0)
			continue;
		/* a locale segment ("en", "en-us", "en_GB") is not a path word */
		if ((n == 2 || (n == 5 && (path[s + 2] == '-' || path[s + 2] == '_'))) &&
		    isalpha((unsigned char)path[s]) && isalpha((unsigned char)path[s + 1]) && segs == 0 &&
		    !(n == 2 && (path[s] == 'p' || path[s] == 'c' || path[s] == 't')))
			continue;
		segs++;
		last = path + s;
		last_n = n;
		if (n >= sizeof w)
			n = sizeof w - 1;
		for (size_t k = 0; k < n; k++)
			w[k] = (char)tolower((unsigned char)path[s + k]);
		/* drop an extension: "forum.php", "index.html" */
		size_t wn = n;
		for (size_t k = 0; k < n; k++)
			if (w[k] == '.') {
				wn = k;
				break;
			}
		if (wn == 4 && is_number(w, 4) && (w[0] == '1' || w[0] == '2'))
			year = 1;
		if (word_in(w, wn, url_forum))
			pf->f[PF_URL_FORUM] = 1;
		if (word_in(w, wn, url_product))
			pf->f[PF_URL_PRODUCT] = 1;
		if (word_in(w, wn, url_collection))
			pf->f[PF_URL_COLLECTION] = 1;
		if (word_in(w, wn, url_listing))
			pf->f[PF_URL_LISTING] = 1;
		if (word_in(w, wn, url_docs))
			pf->f[PF_URL_DOCS] = 1;
		if (word_in(w, wn, url_service))
			pf->f[PF_URL_SERVICE] = 1;
		/* words of the slug: "how-to-fix-a-leaking-tap" */
		uint32_t words = 1;
		for (size_t k = 0; k < wn; k++)
			if (w[k] == '-' || w[k] == '_')
				words++;
		last_words = words;
	}
	pf->f[PF_URL_DEPTH] = segs;
	if (segs == 0) {
		pf->f[PF_URL_ROOT] = 1;
		return;
	}
	if (year || last_words >= 5)
		pf->f[PF_URL_ARTICLE] = 1;
	/* a list word that ends the path, "/news", "/blog/", is a list page */
	if (last) {
		size_t n = last_n < sizeof w ? last_n : sizeof w - 1;
		for (size_t k = 0; k < n; k++)
			w[k] = (char)tolower((unsigned char)last[k]);
		if (word_in(w, n, url_list_end))
			pf->f[PF_URL_LISTING] = 2;
	}
	/* ?s=, ?q=, ?page= */
	const char *q = path + plen;
	if (*q == '?' && (strstr(q, "page=") || strstr(q, "?q=") || strstr(q, "&q=") || strstr(q, "?s=")))
		pf->f[PF_URL_LISTING] = 2;
}

/* ---- DOM features --------------------------------------------------------- */

/* class/id words */
static const char *const names_post[] = { "message", "reply", "replies", "answer", "thread",
	"topic", "forum", "bbp-", "discussion", "postbody", "post-body", "postcontent", NULL };
static const char *const names_user[] = { "username", "user-name", "avatar", "userinfo",
	"user-info", "poster", "member", "author", NULL };
static const char *const names_product[] = { "product", "price", "sku", "pdp", "cart",
	"variant", "basket", "checkout", NULL };
static const char *const names_card[] = { "card", "tile", "teaser", "grid-item", "grid__item",
	"listing", "result", NULL };
static const char *const names_doc[] = { "toc", "docs", "doc-", "documentation", "api-",
	"highlight", "sphinx", "sidebar-nav", "docsearch", "devsite", "rst-", NULL };
static const char *const names_marketing[] = { "hero", "cta", "pricing", "testimonial",
	"feature", "benefit", "logos", "plans", "demo", "trust", NULL };
static const char *const cart_words[] = { "add to cart", "add to bag", "add to basket",
	"buy now", "in den warenkorb", "ajouter au panier", "añadir al carrito",
	"aggiungi al carrello", "in winkelwagen", "adicionar ao carrinho", "dodaj do koszyka",
	"in den einkaufswagen", "add-to-cart", "addtocart", "add_to_cart",
	"add-to-bag", "buy-now", "buybox", NULL };

/* what a landing page asks its reader to do */
static const char *const cta_words[] = { "get started", "contact us", "request a demo",
	"book a demo", "get a demo", "free trial", "get a quote", "request a quote", "try it free",
	"start free", "schedule a", "talk to", "get in touch", "call now", "free consultation",
	"sign up free", "start now", "kontakt", "demander", "solicitar", "jetzt", NULL };

/* documentation generators, as their meta generator names them */
static const char *const doc_tools[] = { "sphinx", "mkdocs", "docusaurus", "gitbook",
	"vitepress", "vuepress", "docsy", "mintlify", "nextra", "starlight", "hugo-book",
	"jekyll-docs", "antora", "doxygen", "javadoc", "readthedocs", "mdbook", "docfx", NULL };

/* 1 if a short text reads as a price: a currency sign or code next to digits. */
static int is_price(const char *s)
{
	static const char *const signs[] = { "$", "\xe2\x82\xac" /* € */, "\xc2\xa3" /* £ */,
		"\xc2\xa5" /* ¥ */, "\xe2\x82\xb9" /* ₹ */, "usd", "eur", "gbp", "kr", "z\xc5\x82", NULL };
	size_t n = strlen(s);
	if (n > 40)
		return 0;
	int digit = 0;
	for (size_t k = 0; k < n; k++)
		digit |= isdigit((unsigned char)s[k]) != 0;
	if (!digit)
		return 0;
	char low[48];
	for (size_t k = 0; k <= n; k++)
		low[k] = (char)tolower((unsigned char)s[k]);
	for (size_t i = 0; signs[i]; i++) {
		const char *p = strstr(low, signs[i]);
		if (!p)
			continue;
		size_t sl = strlen(signs[i]);
		/* a digit within two bytes before or after the sign */
		const char *a = p + sl;
		while (*a == ' ' || (unsigned char)*a == 0xc2 || (unsigned char)*a == 0xa0)
			a++;
		if (isdigit((unsigned char)*a))
			return 1;
		const char *b = p;
		while (b > low && (b[-1] == ' ' || (unsigned char)b[-1] == 0xa0 || (unsigned char)b[-1] == 0xc2))
			b--;
		if (b > low && isdigit((unsigned char)b[-1]))
			return 1;
	}
	return 0;
}

/* Lower-cased class and id of an element into buf; 0 if it has neither. */
static size_t element_names(const GumboNode *g, char *buf, size_t size)
{
	size_t n = 0;
	const char *attrs[2] = { dom_attr(g, "class"), dom_attr(g, "id") };
	for (int a = 0; a < 2; a++) {
		if (!attrs[a])
			continue;
		/* room kept for the space and the NUL */
		for (const char *s = attrs[a]; *s && n + 2 < size; s++)
			buf[n++] = (char)tolower((unsigned char)*s);
		if (n + 1 < size) /* a long class filled the buffer: no room for the id */
			buf[n++] = ' ';
	}
	buf[n] = '\0';
	return n;
}

/* Words in the text of the subtree at i (once per page: the first <h1>). */
static uint32_t heading_words(const struct dom *d, size_t i)
{
	uint32_t words = 0;
	for (size_t c = i; c < d->nodes[i].end; c++) {
		if (!(d->nodes[c].flags & DN_TEXT))
			continue;
		int space = 1;
		for (const char *s = d->nodes[c].g->v.text.text; *s; s++) {
			int sp = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
			words += space && !sp;
			space = sp;
		}
	}
	return words;
}

/* 1 if the text node at i sits in a <button>, a link or an element classed
 * as a button, at most three levels up ("<button><span>Add to cart</span>"). */
static int in_button_or_link(const struct dom *d, size_t i)
{
	uint32_t p = d->nodes[i].parent;
	for (int up = 0; up < 3 && p != UINT32_MAX; up++, p = d->nodes[p].parent) {
		GumboTag t = dom_tag(&d->nodes[p]);
		if (t == GUMBO_TAG_BUTTON || t == GUMBO_TAG_A || t == GUMBO_TAG_LABEL)
			return 1;
		const char *c = dom_attr(d->nodes[p].g, "class");
		if (c && (strstr(c, "btn") || strstr(c, "utton") || strstr(c, "cta") || strstr(c, "CTA")))
			return 1;
	}
	return 0;
}

static int is_hidden_text_parent(GumboTag t)
{
	return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
	       t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_TITLE;
}

/* A card: a sibling holding a link and a short piece of text, as in a grid
 * of products or a list of teasers. */
static int is_card(const struct dnode *n)
{
	return !(n->flags & (DN_SKIP | DN_TEXT)) && n->link_len > 0 && n->text_len >= 15 &&
	       n->text_len <= 600;
}

static int same_kind(const struct dnode *a, const struct dnode *b)
{
	if (dom_tag(a) != dom_tag(b))
		return 0;
	const char *ca = dom_attr(a->g, "class"), *cb = dom_attr(b->g, "class");
	if (!ca || !cb)
		return !ca && !cb;
	/* compare the first class word: "card card--sale" is like "card" */
	size_t la = strcspn(ca, " "), lb = strcspn(cb, " ");
	return la == lb && memcmp(ca, cb, la) == 0;
}

/* Largest run of like sibling cards under node i, and how many of them
 * show a price. prices[] counts price texts per subtree. */
static void card_runs(struct page_features *pf, const struct dom *d, size_t i, const uint16_t *prices)
{
	uint32_t run = 0, priced = 0;
	const struct dnode *prev = NULL;
	for (size_t c = i + 1; c < d->nodes[i].end; c = d->nodes[c].end) {
		const struct dnode *n = &d->nodes[c];
		if (n->flags & DN_TEXT)
			continue;
		if (!is_card(n)) {
			prev = NULL;
			run = priced = 0;
			continue;
		}
		if (prev && same_kind(prev, n)) {
			run++;
			priced += prices[c] > 0;
		} else {
			run = 1;
			priced = prices[c] > 0;
		}
		prev = n;
		if (run > pf->f[PF_CARD_RUN]) {
			pf->f[PF_CARD_RUN] = run;
			pf->f[PF_CARD_PRICED] = priced;
		}
	}
}

void page_type_features(struct page_features *pf, const struct dom *d, const char *url)
{
	memset(pf, 0, sizeof *pf);
	url_features(pf, url);
	if (d->n == 0)
		return;
	uint16_t *prices = calloc(d->n, sizeof *prices);
	char names[512];
	for (size_t i = 0; i < d->n; i++) {
		const struct dnode *n = &d->nodes[i];
		if (n->flags & DN_TEXT) {
			if (n->parent == UINT32_MAX || is_hidden_text_parent(dom_tag(&d->nodes[n->parent])))
				continue;
			const char *s = n->g->v.text.text;
			if (n->text_len <= 30) {
				if (is_price(s)) {
					pf->f[PF_PRICES]++;
					if (prices)
						prices[i] = 1;
				}
				/* button words are read on buttons and links only */
				if (n->text_len >= 5 && in_button_or_link(d, i)) {
					char low[128];
					size_t k = 0;
					for (; s[k] && k + 1 < sizeof low; k++)
						low[k] = (char)tolower((unsigned char)s[k]);
					low[k] = '\0';
					pf->f[PF_CART] += has_any(low, cart_words);
					pf->f[PF_CTA_WORDS] += has_any(low, cta_words);
				}
			}
			continue;
		}
		const GumboNode *g = n->g;
		GumboTag tag = dom_tag(n);
		switch (tag) {
		case GUMBO_TAG_ARTICLE:
			pf->f[PF_ARTICLES]++;
			break;
		case GUMBO_TAG_SECTION:
			pf->f[PF_SECTIONS]++;
			break;
		case GUMBO_TAG_PRE:
			pf->f[PF_PRE] += n->text_len > 0;
			break;
		case GUMBO_TAG_CODE:
			pf->f[PF_CODE]++;
			break;
		case GUMBO_TAG_H1:
		case GUMBO_TAG_H2:
		case GUMBO_TAG_H3:
		case GUMBO_TAG_H4:
			if (n->text_len == 0 || (n->flags & DN_SKIP))
				break;
			pf->f[tag == GUMBO_TAG_H1 ? PF_H1 : tag == GUMBO_TAG_H2 ? PF_H2 : PF_H3] +=
				tag != GUMBO_TAG_H4;
			if (tag == GUMBO_TAG_H1 && pf->f[PF_H1] == 1)
				pf->f[PF_H1_WORDS] = heading_words(d, i);
			/* a heading that is a link leads to another page: a teaser */
			pf->f[PF_HEADING_LINKS] += n->link_len * 2 > n->text_len;
			break;
		case GUMBO_TAG_P:
			if (n->text_len > 0 && !(n->flags & DN_SKIP)) {
				pf->f[PF_PARAS]++;
				if (n->text_len >= 150 && n->link_len * 2 < n->text_len) {
					pf->f[PF_LONG_PARAS]++;
					pf->f[PF_PARA_TEXT] += n->text_len;
				}
			}
			break;
		case GUMBO_TAG_A:
		case GUMBO_TAG_LINK: {
			const char *rel = dom_attr(g, "rel");
			const char *href = dom_attr(g, "href");
			if (rel && strcasecmp(rel, "author") == 0)
				pf->f[PF_BYLINE] = 1;
			if (rel && (strcasecmp(rel, "next") == 0 || strcasecmp(rel, "prev") == 0) &&
			    tag == GUMBO_TAG_A)
				pf->f[PF_EDIT_LINKS]++;
			if (!href || tag != GUMBO_TAG_A)
				break;
			if (!(n->flags & DN_SKIP) && n->text_len >= 30 && n->text_len <= 200)
				pf->f[PF_TITLE_LINKS]++;
			if (strncasecmp(href, "tel:", 4) == 0)
				pf->f[PF_TEL_LINKS]++;
			else if ((strstr(href, "/edit/") || strstr(href, "/blob/")) &&
				 (strstr(href, "github") || strstr(href, "gitlab")))
				pf->f[PF_EDIT_LINKS]++;
			/* "#section" inside a heading: the heading's own anchor */
			else if (href[0] == '#' && href[1] && n->parent != UINT32_MAX) {
				GumboTag pt = dom_tag(&d->nodes[n->parent]);
				if (pt >= GUMBO_TAG_H1 && pt <= GUMBO_TAG_H6)
					pf->f[PF_HEADING_ANCHORS]++;
			}
			break;
		}
		case GUMBO_TAG_IMG:
			pf->f[PF_IMAGES]++;
			break;
		case GUMBO_TAG_SVG:
			pf->f[PF_SVGS]++;
			break;
		case GUMBO_TAG_TIME:
			pf->f[PF_TIMES]++;
			break;
		case GUMBO_TAG_FORM:
			pf->f[PF_FORMS]++;
			break;
		case GUMBO_TAG_BUTTON:
			pf->f[PF_BUTTONS]++;
			break;
		case GUMBO_TAG_INPUT: {
			const char *t = dom_attr(g, "type");
			pf->f[PF_BUTTONS] += t && strcasecmp(t, "submit") == 0;
			break;
		}
		case GUMBO_TAG_META: {
			const char *key = dom_attr(g, "property");
			if (!key)
				key = dom_attr(g, "name");
			const char *content = dom_attr(g, "content");
			if (!key || !content)
				break;
			if (strcasecmp(key, "og:type") == 0) {
				if (strncasecmp(content, "article", 7) == 0 || strcasecmp(content, "blog") == 0)
					pf->f[PF_OG_ARTICLE] = 1;
				else if (strncasecmp(content, "product", 7) == 0 ||
					 strncasecmp(content, "og:product", 10) == 0)
					pf->f[PF_OG_PRODUCT] = 1;
				else if (strcasecmp(content, "website") == 0)
					pf->f[PF_OG_WEBSITE] = 1;
			} else if (strcasecmp(key, "article:published_time") == 0 ||
				   strcasecmp(key, "datePublished") == 0 ||
				   strcasecmp(key, "pubdate") == 0) {
				pf->f[PF_PUBLISHED] = 1;
			} else if (strcasecmp(key, "author") == 0 || strcasecmp(key, "article:author") == 0) {
				pf->f[PF_BYLINE] = 1;
			} else if (strcasecmp(key, "generator") == 0) {
				char low[64];
				size_t k = 0;
				for (; content[k] && k + 1 < sizeof low; k++)
					low[k] = (char)tolower((unsigned char)content[k]);
				low[k] = '\0';
				pf->f[PF_DOC_TOOL] |= has_any(low, doc_tools);
			} else if (strncasecmp(key, "product:price", 13) == 0 ||
				   strncasecmp(key, "og:price", 8) == 0) {
				pf->f[PF_OG_PRODUCT] = 1;
			}
			break;
		}
		case GUMBO_TAG_SCRIPT: {
			const char *json = dom_jsonld_text(g);
			if (json)
				jsonld_types(pf, json);
			break;
		}
		default:
			break;
		}
		const char *itemtype = dom_attr(g, "itemtype");
		if (itemtype)
			sd_type(pf, itemtype, strcspn(itemtype, " "));
		const char *itemprop = dom_attr(g, "itemprop");
		if (itemprop && strcmp(itemprop, "datePublished") == 0)
			pf->f[PF_PUBLISHED] = 1;
		else if (itemprop && strcmp(itemprop, "author") == 0)
			pf->f[PF_BYLINE] = 1;
		if (n->flags & DN_SKIP && tag != GUMBO_TAG_FORM)
			continue;
		if (element_names(g, names, sizeof names)) {
			pf->f[PF_POST_NAMES] += has_any(names, names_post);
			pf->f[PF_USER_NAMES] += has_any(names, names_user);
			pf->f[PF_PRODUCT_NAMES] += has_any(names, names_product);
			pf->f[PF_CARD_NAMES] += has_any(names, names_card);
			pf->f[PF_DOC_NAMES] += has_any(names, names_doc);
			pf->f[PF_MARKETING_NAMES] += has_any(names, names_marketing);
			pf->f[PF_CART] += has_any(names, cart_words);
			if (strstr(names, "byline") || strstr(names, "by-line"))
				pf->f[PF_BYLINE] = 1;
			pf->f[PF_SHARE_NAMES] += strstr(names, "share") != NULL;
			pf->f[PF_COMMENT_NAMES] += classify_names_comments(names);
			if (tag == GUMBO_TAG_A && (strstr(names, "btn") || strstr(names, "button") ||
						   strstr(names, "cta")))
				pf->f[PF_CTA_LINKS]++;
		}
	}
	pf->f[PF_TEXT] = d->nodes[0].text_len;
	pf->f[PF_LINK_TEXT] = d->nodes[0].link_len;
	if (!prices)
		return;
	/* prices per subtree: children come after their parent, so a backward
	 * pass adds each node's count to its parent's */
	for (size_t i = d->n; i-- > 1;)
		if (d->nodes[i].parent != UINT32_MAX && prices[i]) {
			uint32_t p = d->nodes[i].parent;
			prices[p] = (uint16_t)(prices[p] + prices[i] > 60000 ? 60000 : prices[p] + prices[i]);
		}
	for (size_t i = 0; i < d->n; i++)
		if (!(d->nodes[i].flags & (DN_TEXT | DN_SKIP)))
			card_runs(pf, d, i, prices);
	free(prices);
}

/* ---- scoring -------------------------------------------------------------- */

/* Each type adds up the weights of the evidence it sees; the highest sum
 * wins, article on a tie. The weights are a logistic regression over these
 * yes/no features fitted on the WCXB development pages (bench/page_type.py
 * measures them), rounded to integers: one point is about a third of a unit
 * of log-odds. Strong, specific evidence (a schema.org type, a URL word)
 * weighs 8-16; page shape, which every type shows a little of, 1-6. */
#define F(name) ((int64_t)pf->f[name])
#define ANY(name) (pf->f[name] > 0)

static int score_article(const struct page_features *pf)
{
	int s = 4; /* most pages on the web are articles: the prior */
	s += 5 * ANY(PF_SD_ARTICLE);    /* schema.org Article, NewsArticle, BlogPosting */
	s += 3 * ANY(PF_OG_ARTICLE);    /* og:type article (CMSs set it on pages too: weak) */
	s += 2 * ANY(PF_BYLINE);        /* someone wrote it */
	s += 1 * (ANY(PF_BYLINE) && ANY(PF_PUBLISHED)); /* ...on a given day */
	s += 4 * ANY(PF_URL_ARTICLE);   /* a date or a long slug of words in the path */
	/* running prose: >= 40 % of the text in long paragraphs */
	s += 3 * (F(PF_TEXT) > 0 && F(PF_PARA_TEXT) * 5 >= F(PF_TEXT) * 2);
	s += 3 * (F(PF_TIMES) >= 1 && F(PF_TIMES) <= 4);       /* a dated piece, not a feed */
	s += 5 * (F(PF_H1_WORDS) >= 7); /* a headline is a sentence, a name is short */
	s += 2 * ANY(PF_SHARE_NAMES);   /* share buttons: a story to pass on */
	s += 1 * ANY(PF_COMMENT_NAMES); /* a comment section under it */
	s += 4 * (F(PF_ARTICLES) >= 1 && F(PF_ARTICLES) <= 3); /* one <article>, not a list */
	return s;
}

static int score_forum(const struct page_features *pf)
{
	int s = -1;
	s += 8 * ANY(PF_SD_FORUM);      /* DiscussionForumPosting, QAPage */
	s += 14 * ANY(PF_URL_FORUM);    /* /forum/, /thread/, /questions/, /t/ */
	s += 1 * (F(PF_TIMES) >= 5);    /* every post dated */
	s += 2 * (F(PF_USER_NAMES) >= 10);   /* every post signed: avatars, user names */
	s += 3 * (F(PF_COMMENT_NAMES) >= 20); /* the page is mostly comments */
	s += 5 * (F(PF_POST_NAMES) >= 10);   /* messages, replies, answers */
	s += 8 * (F(PF_POST_NAMES) >= 50);
	return s;
}

static int score_product(const struct page_features *pf)
{
	int s = -3;
	s += 13 * ANY(PF_SD_PRODUCT);   /* schema.org Product, Offer */
	s += 9 * ANY(PF_OG_PRODUCT);    /* og:type product, product:price */
	s += 16 * ANY(PF_URL_PRODUCT);  /* /product/, /p/, /dp/, /item/ */
	s += 8 * ANY(PF_CART);         /* an add-to-cart button */
	s += 5 * (F(PF_PRICES) >= 1 && F(PF_PRICES) <= 15); /* a price, not a price list */
	return s;
}

static int score_collection(const struct page_features *pf)
{
	int s = 0;
	s += 2 * (F(PF_CARD_PRICED) >= 4);   /* a grid of cards with prices */
	s += 7 * ANY(PF_URL_COLLECTION);     /* /collections/, /category/, /c/, /shop/ */
	s += 2 * ANY(PF_SD_COLLECTION);      /* CollectionPage, ItemList, OfferCatalog */
	s += 8 * (F(PF_PRODUCT_NAMES) >= 40); /* product, price, cart all over the page */
	s += 3 * (F(PF_PRICES) >= 15);       /* many prices */
	s += 3 * (F(PF_H1_WORDS) >= 1 && F(PF_H1_WORDS) <= 3); /* a category name: "Rain jackets" */
	s += 3 * (F(PF_TITLE_LINKS) >= 15);  /* many product names as links */
	s += 1 * (F(PF_SVGS) >= 10);         /* shop furniture: rating stars, wish-list icons */
	return s;
}

static int score_listing(const struct page_features *pf)
{
	int s = 1;
	s += 17 * (F(PF_URL_LISTING) >= 2); /* the path ends in /news, /blog, ?page= */
	s += 3 * ANY(PF_URL_ROOT);          /* a home page lists what is inside */
	s += 1 * (F(PF_CARD_RUN) >= 8 && F(PF_CARD_PRICED) < 3); /* teasers, not products */
	s += 1 * (F(PF_TITLE_LINKS) >= 15); /* many headlines as links */
	s += 2 * (F(PF_TITLE_LINKS) >= 30);
	s += 3 * (F(PF_TITLE_LINKS) > F(PF_LONG_PARAS) + 5); /* more headlines than paragraphs */
	s += 2 * (F(PF_HEADING_LINKS) >= 6); /* headings that lead elsewhere */
	/* little running prose (< 20 % of the text), much linked text (> 30 %) */
	s += 2 * (F(PF_PARA_TEXT) * 5 < F(PF_TEXT) || F(PF_TEXT) == 0);
	s += 3 * (F(PF_LINK_TEXT) * 10 > F(PF_TEXT) * 3);
	s += 1 * (F(PF_H1_WORDS) <= 3);    /* a section name, or no headline at all */
	return s;
}

static int score_documentation(const struct page_features *pf)
{
	int s = -1;
	s += 8 * ANY(PF_URL_DOCS);        /* /docs/, /api/, /reference/, docs.* hosts */
	s += 3 * ANY(PF_SD_TECH);         /* TechArticle, APIReference */
	s += 11 * ANY(PF_DOC_TOOL);       /* made by Sphinx, MkDocs, Docusaurus... */
	s += 2 * (F(PF_PRE) >= 3);        /* code examples */
	s += 3 * (F(PF_PRE) >= 10);
	s += 6 * (F(PF_CODE) >= 10);      /* identifiers in the text */
	s += 3 * (F(PF_DOC_NAMES) >= 3);  /* toc, sidebar nav, docs classes */
	s += 7 * (F(PF_DOC_NAMES) >= 20);
	s += 4 * (F(PF_HEADING_ANCHORS) >= 2); /* headings you can link to */
	s += 5 * ANY(PF_EDIT_LINKS);      /* "edit this page", previous/next page */
	return s;
}

static int score_service(const struct page_features *pf)
{
	int s = 0;
	s += 11 * ANY(PF_URL_SERVICE);    /* /services/, /solutions/, /pricing/ */
	s += 5 * ANY(PF_URL_ROOT);        /* a home page presents the business */
	s += 6 * ANY(PF_SD_SERVICE);      /* Service, SoftwareApplication, LocalBusiness */
	s += 3 * ANY(PF_SD_FAQ);          /* FAQPage: questions a customer asks */
	/* a short path without date or long slug: /crm/, /data-analytics/ */
	s += 3 * ((ANY(PF_URL_ROOT) || (F(PF_URL_DEPTH) >= 1 && F(PF_URL_DEPTH) <= 2)) &&
		  !ANY(PF_URL_ARTICLE));
	s += 1 * (F(PF_MARKETING_NAMES) >= 3); /* hero, cta, pricing, testimonials */
	s += 2 * (F(PF_SECTIONS) >= 5);   /* a page of panels */
	s += 1 * (F(PF_CTA_LINKS) >= 3);  /* links dressed as buttons */
	s += 2 * ANY(PF_TEL_LINKS);       /* a number to call */
	/* headings over short blurbs rather than paragraphs of prose */
	s += 2 * (F(PF_H2) >= 3 && F(PF_H2) + F(PF_H3) >= F(PF_LONG_PARAS));
	s += 3 * (F(PF_CTA_WORDS) >= 2);  /* buttons: "get started", "request a demo" */
	return s;
}

#undef F
#undef ANY

enum page_type page_type_classify(const struct page_features *pf, int *scores)
{
	int s[PAGE_TYPE_COUNT];
	s[PAGE_ARTICLE] = score_article(pf);
	s[PAGE_FORUM] = score_forum(pf);
	s[PAGE_PRODUCT] = score_product(pf);
	s[PAGE_COLLECTION] = score_collection(pf);
	s[PAGE_LISTING] = score_listing(pf);
	s[PAGE_DOCUMENTATION] = score_documentation(pf);
	s[PAGE_SERVICE] = score_service(pf);
	enum page_type best = PAGE_ARTICLE;
	for (int t = 0; t < PAGE_TYPE_COUNT; t++)
		if (s[t] > s[best])
			best = (enum page_type)t;
	if (scores)
		memcpy(scores, s, sizeof s);
	return best;
}

enum page_type page_type_detect(const struct dom *d, const char *url)
{
	struct page_features pf;
	page_type_features(&pf, d, url);
	return page_type_classify(&pf, NULL);
}
