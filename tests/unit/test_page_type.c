/* The page-type classifier (cleaners/extract/page_type.c) on small
 * hand-written pages, one or more per type: some typed by structured data,
 * some by URL words, some by the shape of the page alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "dom.h"
#include "page_type.h"
#include "scrape.h"

#define PARA "<p>The committee met on Tuesday to weigh the proposal in detail, and after a long " \
	     "debate about costs, timing and the people it would affect, it agreed to send the plan " \
	     "back for another round of consultation before any final vote.</p>"

/* The page type scrape_html gives `html` fetched from `url` (may be NULL). */
static const char *type_of(const char *html, const char *url)
{
	static char name[32];
	scrape_result *r = NULL;
	int rc = scrape_html(&r, html, strlen(html), NULL, url, NULL);
	assert_int_equal(rc, SCRAPE_OK);
	snprintf(name, sizeof name, "%s", scrape_result_page_type(r));
	scrape_result_free(r);
	return name;
}

/* The features of a page, for checks on single pieces of evidence. */
static struct page_features features_of(const char *html, const char *url)
{
	struct arena a;
	arena_init(&a, 4096, 0);
	struct dom d;
	assert_int_equal(dom_parse(&d, html, strlen(html), 512, &a), SCRAPE_OK);
	struct page_features pf;
	page_type_features(&pf, &d, url);
	dom_free(&d);
	arena_free(&a);
	return pf;
}

static void article_with_date_byline_and_prose(void **state)
{
	(void)state;
	static const char html[] =
		"<html><head><meta property=\"og:type\" content=\"article\">"
		"<meta property=\"article:published_time\" content=\"2024-03-02T10:00:00Z\"></head>"
		"<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
		"<article><h1>Town votes to repair the old bridge</h1>"
		"<p class=\"byline\">By Ann Example</p><time datetime=\"2024-03-02\">2 March 2024</time>"
		PARA PARA PARA "<div class=\"share-buttons\"><a href=\"#\">Share</a></div></article>"
		"</body></html>";
	assert_string_equal(type_of(html, "https://news.example.org/2024/03/02/town-votes-to-repair-the-old-bridge"),
			    "article");
	/* without any URL the page still reads as an article */
	assert_string_equal(type_of(html, NULL), "article");
}

static void forum_thread_by_url_and_posts(void **state)
{
	(void)state;
	static const char post[] =
		"<div class=\"message\"><div class=\"message-user\"><span class=\"username\">member%d</span>"
		"</div><time datetime=\"2024-01-0%d\">Jan %d</time><div class=\"message-body\">"
		"<p>I had the same problem with the pump; replacing the seal fixed it for me.</p></div></div>";
	char html[8192] = "<html><head><title>Pump keeps leaking</title></head><body><h1>Pump keeps leaking</h1>";
	for (int i = 1; i <= 6; i++) {
		char p[512];
		snprintf(p, sizeof p, post, i, i, i);
		strcat(html, p);
	}
	strcat(html, "</body></html>");
	assert_string_equal(type_of(html, "https://example.net/forum/threads/pump-keeps-leaking.1234/"), "forum");
	assert_string_equal(type_of(html, "https://community.example.net/t/pump-keeps-leaking/77"), "forum");
}

static void forum_by_structured_data(void **state)
{
	(void)state;
	static const char html[] =
		"<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
		"\"@type\":\"QAPage\",\"mainEntity\":{\"@type\":\"Question\",\"name\":\"Why?\"}}</script>"
		"</head><body><h1>Why does my loop never end?</h1>"
		"<div class=\"question\"><p>My loop runs forever although the counter grows each time round, what am I missing here?</p></div>"
		"<div class=\"answer\"><p>You compare with the wrong variable: the condition reads the old copy, so it never changes.</p></div>"
		"</body></html>";
	assert_string_equal(type_of(html, "https://example.dev/q/1234"), "forum");
}

static void product_by_json_ld_and_cart(void **state)
{
	(void)state;
	static const char html[] =
		"<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org/\","
		"\"@type\":\"Product\",\"name\":\"Stoneware mug\",\"offers\":{\"@type\":\"Offer\","
		"\"price\":\"24.00\",\"priceCurrency\":\"USD\"}}</script></head>"
		"<body><h1>Stoneware mug, 350 ml</h1><span class=\"price\">$24.00</span>"
		"<button class=\"add-to-cart\">Add to cart</button>"
		"<div class=\"description\"><p>A hand-thrown mug with a speckled glaze that keeps coffee warm "
		"and sits well in the hand; every piece differs a little from the next one.</p></div>"
		"</body></html>";
	assert_string_equal(type_of(html, NULL), "product");
}

static void product_by_url_and_button_in_german(void **state)
{
	(void)state;
	static const char html[] =
		"<html><body><h1>Wanderschuh Alpin, Herren</h1><p class=\"preis\">89,95 \xe2\x82\xac</p>"
		"<button>In den Warenkorb</button><p>Ein leichter Schuh f\xc3\xbcr lange Touren, mit "
		"griffiger Sohle und wasserdichter Membran, der auch nach vielen Kilometern bequem bleibt.</p>"
		"</body></html>";
	assert_string_equal(type_of(html, "https://shop.example.de/produkt/wanderschuh-alpin-herren"), "product");
}

static void collection_grid_of_priced_cards(void **state)
{
	(void)state;
	char html[16384] = "<html><body><h1>Rain jackets</h1><div class=\"grid\">";
	for (int i = 1; i <= 20; i++) {
		char card[512];
		snprintf(card, sizeof card,
			 "<div class=\"product-card\"><a href=\"/item/%d\">Lightweight packable rain jacket, model %d</a>"
			 "<span class=\"price\">$%d.99</span></div>", i, i, 40 + i);
		strcat(html, card);
	}
	strcat(html, "</div><p>Free returns within 30 days.</p></body></html>");
	/* no URL and no structured data: the grid of prices says it */
	assert_string_equal(type_of(html, NULL), "collection");
	assert_string_equal(type_of(html, "https://example.com/collections/rain-jackets"), "collection");
}

static void listing_of_teasers(void **state)
{
	(void)state;
	char html[16384] = "<html><body><h1>Latest</h1><main>";
	for (int i = 1; i <= 16; i++) {
		char teaser[512];
		snprintf(teaser, sizeof teaser,
			 "<article class=\"teaser\"><h2><a href=\"/2024/05/%02d/story-%d\">Council sets out its plan "
			 "for the harbour, part %d</a></h2><p>A short summary of the story.</p></article>", i, i, i);
		strcat(html, teaser);
	}
	strcat(html, "</main></body></html>");
	assert_string_equal(type_of(html, NULL), "listing");
	assert_string_equal(type_of(html, "https://example.org/news/"), "listing");
}

static void documentation_with_code_and_anchors(void **state)
{
	(void)state;
	static const char html[] =
		"<html><body><nav class=\"docs-sidebar\"><a href=\"/docs/install\">Install</a>"
		"<a href=\"/docs/config\">Configure</a></nav><main><h1>Configuration</h1>"
		"<h2 id=\"files\">Files <a class=\"headerlink\" href=\"#files\">#</a></h2>"
		"<p>The tool reads <code>config.toml</code> from the <code>--dir</code> folder.</p>"
		"<pre><code>[server]\nport = 8080</code></pre>"
		"<h2 id=\"env\">Environment <a class=\"headerlink\" href=\"#env\">#</a></h2>"
		"<p>Set <code>APP_HOME</code> to override <code>XDG_CONFIG_HOME</code>.</p>"
		"<pre><code>export APP_HOME=/srv/app</code></pre><pre><code>app --check</code></pre>"
		"<a href=\"https://github.com/example/app/edit/main/docs/config.md\">Edit this page</a>"
		"</main></body></html>";
	assert_string_equal(type_of(html, "https://example.org/en-us/docs/config"), "documentation");
	assert_string_equal(type_of(html, NULL), "documentation");
}

static void service_landing_page(void **state)
{
	(void)state;
	static const char html[] =
		"<html><body><section class=\"hero\"><h1>Accounting for small firms</h1>"
		"<a class=\"btn btn-primary\" href=\"/demo\">Request a demo</a>"
		"<a class=\"btn\" href=\"/start\">Get started</a></section>"
		"<section class=\"features\"><h2>Invoices</h2><p>Send them in seconds.</p></section>"
		"<section class=\"features\"><h2>Payroll</h2><p>Pay everyone on time.</p></section>"
		"<section class=\"features\"><h2>Reports</h2><p>Know where you stand.</p></section>"
		"<section class=\"testimonials\"><h2>What clients say</h2><p>It saved us a day a week.</p></section>"
		"<section class=\"cta\"><h2>Talk to us</h2><a href=\"tel:+15550100\">Call now</a></section>"
		"</body></html>";
	assert_string_equal(type_of(html, "https://example.com/"), "service");
	assert_string_equal(type_of(html, "https://example.com/services/bookkeeping/"), "service");
}

/* Single pieces of evidence. */
static void structured_data_and_url_evidence(void **state)
{
	(void)state;
	/* @type arrays, schema.org URLs, broken JSON after the type */
	struct page_features pf = features_of(
		"<script type=\"application/ld+json\">{\"@type\": [\"WebPage\", \"FAQPage\"], broken</script>"
		"<div itemscope itemtype=\"https://schema.org/Product\"><p>x</p></div>", NULL);
	assert_int_equal(pf.f[PF_SD_FAQ], 1);
	assert_int_equal(pf.f[PF_SD_ORG_PAGE], 1);
	assert_int_equal(pf.f[PF_SD_PRODUCT], 1);
	assert_int_equal(pf.f[PF_SD_ARTICLE], 0);
	/* a locale segment is not a path word; the path's last word says "list" */
	pf = features_of("<p>x</p>", "https://example.com/en-gb/blog/");
	assert_int_equal(pf.f[PF_URL_LISTING], 2);
	assert_int_equal(pf.f[PF_URL_DEPTH], 1);
	pf = features_of("<p>x</p>", "https://example.com/blog/2023/05/how-to-plant-a-small-orchard");
	assert_int_equal(pf.f[PF_URL_LISTING], 1);
	assert_int_equal(pf.f[PF_URL_ARTICLE], 1);
	pf = features_of("<p>x</p>", "https://docs.example.com/");
	assert_int_equal(pf.f[PF_URL_DOCS], 1);
	assert_int_equal(pf.f[PF_URL_ROOT], 1);
	/* prices in several notations, and numbers that are not prices */
	pf = features_of("<span>$19.99</span><span>12,50 \xe2\x82\xac</span><span>\xc2\xa3 5</span>"
			 "<span>USD 120</span><span>Page 3 of 10</span><span>2024</span>", NULL);
	assert_int_equal(pf.f[PF_PRICES], 4);
}

/* A page without content gets a type too, through scrape_error_page_type();
 * a failure before parsing leaves none (never the previous page's). */
static void failed_pages_keep_their_type(void **state)
{
	(void)state;
	static const char empty[] = "<html><head><script type=\"application/ld+json\">"
				    "{\"@type\":\"Product\"}</script></head><body><nav><a href=\"/\">Home</a>"
				    "</nav></body></html>";
	scrape_result *r = NULL;
	assert_int_equal(scrape_html(&r, empty, strlen(empty), NULL, "https://example.com/p/lamp", NULL),
			 SCRAPE_ENOCONTENT);
	assert_null(r);
	assert_non_null(scrape_error_page_type());
	assert_string_equal(scrape_error_page_type(), "product");
	static const char binary[] = "%PDF-1.7\n\x00\x01\x02";
	assert_int_not_equal(scrape_html(&r, binary, sizeof binary - 1, NULL, NULL, NULL), SCRAPE_OK);
	assert_null(scrape_error_page_type());
}

/* class and id values longer than the buffer they are read into */
static void long_class_names_are_cut(void **state)
{
	(void)state;
	char html[4096] = "<div class=\"";
	for (int i = 0; i < 100; i++)
		strcat(html, "product ");
	strcat(html, "\" id=\"");
	for (int i = 0; i < 100; i++)
		strcat(html, "message");
	strcat(html, "\"><p>Text.</p></div>");
	struct page_features pf = features_of(html, NULL);
	assert_int_equal(pf.f[PF_PRODUCT_NAMES], 1);
	assert_int_equal(pf.f[PF_POST_NAMES], 0); /* the id did not fit */
}

static void names_are_stable(void **state)
{
	(void)state;
	assert_string_equal(page_type_name(PAGE_ARTICLE), "article");
	assert_string_equal(page_type_name(PAGE_DOCUMENTATION), "documentation");
	assert_string_equal(page_type_name(PAGE_SERVICE), "service");
	for (int f = 0; f < PF_COUNT; f++)
		assert_true(page_feature_name((enum page_feature)f)[0] != '?');
	assert_string_equal(scrape_result_page_type(NULL), "article");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(article_with_date_byline_and_prose),
		cmocka_unit_test(forum_thread_by_url_and_posts),
		cmocka_unit_test(forum_by_structured_data),
		cmocka_unit_test(product_by_json_ld_and_cart),
		cmocka_unit_test(product_by_url_and_button_in_german),
		cmocka_unit_test(collection_grid_of_priced_cards),
		cmocka_unit_test(listing_of_teasers),
		cmocka_unit_test(documentation_with_code_and_anchors),
		cmocka_unit_test(service_landing_page),
		cmocka_unit_test(structured_data_and_url_evidence),
		cmocka_unit_test(failed_pages_keep_their_type),
		cmocka_unit_test(long_class_names_are_cut),
		cmocka_unit_test(names_are_stable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
