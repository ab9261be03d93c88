/* Discovery: URL normalisation, W3C dates, sitemaps (urlset, index, gzip,
 * text, bombs), feeds (RSS 2.0, Atom, RSS 1.0), links and feed links of pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "discover.h"
#include "feed.h"
#include "links.h"
#include "scrape.h"
#include "sitemap.h"

static void norm_is(const char *ref, const char *base, const char *want)
{
	char *u = NULL;
	int rc = discover_normalize(&u, ref, strlen(ref), base);
	if (!want) {
		assert_int_equal(rc, SCRAPE_EUSAGE);
		assert_null(u);
		return;
	}
	assert_int_equal(rc, 0);
	assert_string_equal(u, want);
	free(u);
}

static void test_normalize(void **state)
{
	(void)state;
	const char *b = "http://Example.com:80/a/b/page.html?q=1";
	norm_is("HTTP://WWW.Example.COM:80/x/../y/./z.html#frag", NULL, "http://www.example.com/y/z.html");
	norm_is("https://example.com:443", NULL, "https://example.com/");
	norm_is("http://example.com:8080/", NULL, "http://example.com:8080/");
	norm_is("../c.html", b, "http://example.com/a/c.html");
	norm_is("  /root.html#top \n", b, "http://example.com/root.html");
	norm_is("?p=2", b, "http://example.com/a/b/page.html?p=2");
	norm_is("#only-a-fragment", b, "http://example.com/a/b/page.html?q=1");
	norm_is("//other.example/x", b, "http://other.example/x");
	norm_is("/caf%c3%a9", b, "http://example.com/caf%C3%A9");
	norm_is("mailto:someone@example.com", b, NULL);
	norm_is("javascript:void(0)", b, NULL);
	norm_is("ftp://example.com/f", NULL, NULL);
	norm_is("", b, NULL);
	char origin[128];
	assert_int_equal(discover_origin(origin, sizeof origin, "HTTP://Example.com:8080/a?b"), 0);
	assert_string_equal(origin, "http://example.com:8080");
	assert_int_equal(discover_origin(origin, sizeof origin, "https://example.com:443/"), 0);
	assert_string_equal(origin, "https://example.com");
}

static void test_dates(void **state)
{
	(void)state;
	long long t;
	assert_int_equal(discover_parse_date("1970-01-01", 10, &t), 0);
	assert_true(t == 0);
	assert_int_equal(discover_parse_date("2024", 4, &t), 0);
	assert_true(t == 1704067200LL);
	assert_int_equal(discover_parse_date(" 2024-03-01T12:30:15.25+01:00 ", 30, &t), 0);
	assert_true(t == 1709292615LL);
	assert_int_equal(discover_parse_date("2024-03-01T12:30Z", 17, &t), 0);
	assert_true(t == 1709296200LL);
	assert_int_equal(discover_parse_date("2024-02-30", 10, &t), -1);
	assert_int_equal(discover_parse_date("2024-13-01", 10, &t), -1);
	assert_int_equal(discover_parse_date("yesterday", 9, &t), -1);
	assert_int_equal(discover_parse_date("2024-03-01T25:00Z", 17, &t), -1);
}

static void test_sitemap_urlset(void **state)
{
	(void)state;
	const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
		"<url><loc>http://example.com/a.html</loc><lastmod>2024-01-02</lastmod></url>\n"
		"<url><loc> /b.html </loc></url>\n"
		"<url><lastmod>2024-01-02</lastmod></url>\n"
		"<url><loc>http://example.com/c?x=1&amp;y=2</loc><lastmod>not a date</lastmod></url>\n"
		"</urlset>\n";
	struct discover_list pages = DISCOVER_LIST_INIT, maps = DISCOVER_LIST_INIT;
	enum sitemap_kind kind;
	assert_int_equal(sitemap_parse(&pages, &maps, &kind, xml, strlen(xml), "http://example.com/sitemap.xml",
				       1 << 20), 0);
	assert_int_equal(kind, SITEMAP_URLSET);
	assert_int_equal(pages.n, 3);
	assert_int_equal(maps.n, 0);
	assert_string_equal(pages.v[0].url, "http://example.com/a.html");
	assert_true(pages.v[0].lastmod == 1704153600LL);
	assert_string_equal(pages.v[1].url, "http://example.com/b.html");
	assert_true(pages.v[1].lastmod == DISCOVER_NO_DATE);
	assert_string_equal(pages.v[2].url, "http://example.com/c?x=1&y=2");
	assert_true(pages.v[2].lastmod == DISCOVER_NO_DATE);
	discover_list_free(&pages);

	/* a cap: the rest is counted, not kept */
	pages.max = 2;
	assert_int_equal(sitemap_parse(&pages, &maps, &kind, xml, strlen(xml), "http://example.com/s.xml",
				       1 << 20), 0);
	assert_int_equal(pages.n, 2);
	assert_int_equal(pages.dropped, 1);
	discover_list_free(&pages);
}

static size_t gz(unsigned char *out, size_t cap, const char *data, size_t len)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)data;
	z.avail_in = (unsigned)len;
	z.next_out = out;
	z.avail_out = (unsigned)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t n = z.total_out;
	deflateEnd(&z);
	return n;
}

static void test_sitemap_index_gzip_text(void **state)
{
	(void)state;
	const char *xml = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
		"<sitemap><loc>http://example.com/s1.xml.gz</loc><lastmod>2023-05-06T07:08:09Z</lastmod></sitemap>"
		"<sitemap><loc>http://example.com/s2.xml</loc></sitemap></sitemapindex>";
	unsigned char z[4096];
	size_t zn = gz(z, sizeof z, xml, strlen(xml));
	struct discover_list pages = DISCOVER_LIST_INIT, maps = DISCOVER_LIST_INIT;
	enum sitemap_kind kind;
	assert_int_equal(sitemap_parse(&pages, &maps, &kind, (const char *)z, zn, "http://example.com/i.xml.gz",
				       1 << 20), 0);
	assert_int_equal(kind, SITEMAP_INDEX);
	assert_int_equal(pages.n, 0);
	assert_int_equal(maps.n, 2);
	assert_string_equal(maps.v[1].url, "http://example.com/s2.xml");
	discover_list_free(&maps);

	/* a gzip bomb: 8 MB of blanks is refused at a 1 MB cap */
	size_t big = 8 << 20;
	char *blank = malloc(big);
	unsigned char *bz = malloc(1 << 20);
	assert_non_null(blank);
	assert_non_null(bz);
	memset(blank, ' ', big);
	size_t bn = gz(bz, 1 << 20, blank, big);
	assert_int_equal(sitemap_parse(&pages, &maps, &kind, (const char *)bz, bn, "http://example.com/bomb.xml.gz",
				       1 << 20), SCRAPE_ELIMIT);
	free(blank);
	free(bz);

	const char *text = "http://example.com/one\r\n  https://example.com/two#x\n\nnot a url\nftp://x/\n";
	assert_int_equal(sitemap_parse(&pages, &maps, &kind, text, strlen(text), "http://example.com/s.txt",
				       1 << 20), 0);
	assert_int_equal(kind, SITEMAP_TEXT);
	assert_int_equal(pages.n, 2);
	assert_string_equal(pages.v[1].url, "https://example.com/two");
	discover_list_free(&pages);

	const char *html = "<!DOCTYPE html><html><body><p>hi</p></body></html>";
	assert_int_equal(sitemap_parse(&pages, &maps, &kind, html, strlen(html), "http://example.com/", 1 << 20),
			 SCRAPE_ENOCONTENT);
	assert_non_null(strstr(scrape_error_last(), "http://example.com/: not a sitemap (root element <html>"));
	const char *bad = "<urlset><url><loc>x</url></urlset>";
	assert_int_equal(sitemap_parse(&pages, &maps, &kind, bad, strlen(bad), "http://example.com/bad.xml",
				       1 << 20), SCRAPE_EENCODING);
	assert_non_null(strstr(scrape_error_last(), "http://example.com/bad.xml: not well-formed XML at line 1"));
	const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
		"<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><urlset><url><loc>&lol2;</loc></url></urlset>";
	assert_int_equal(sitemap_parse(&pages, &maps, &kind, laughs, strlen(laughs), "http://example.com/l.xml",
				       1 << 20), SCRAPE_EENCODING);
	assert_non_null(strstr(scrape_error_last(), "entity declarations are refused"));
	assert_int_equal(pages.n, 0);

	const char *robots = "User-agent: *\nDisallow: /private\nSitemap: http://example.com/a.xml\n"
		"sitemap:/relative.xml # comment\nSITEMAP : https://example.com/b.xml.gz\n";
	assert_int_equal(sitemap_from_robots(&maps, robots, strlen(robots), "http://example.com/robots.txt"), 0);
	assert_int_equal(maps.n, 3);
	assert_string_equal(maps.v[0].url, "http://example.com/a.xml");
	assert_string_equal(maps.v[1].url, "http://example.com/relative.xml");
	assert_string_equal(maps.v[2].url, "https://example.com/b.xml.gz");
	discover_list_free(&maps);
}

static void feed_is(const char *xml, enum feed_kind want_kind, size_t n, const char *const *urls)
{
	struct discover_list l = DISCOVER_LIST_INIT;
	enum feed_kind kind;
	assert_int_equal(feed_parse(&l, &kind, xml, strlen(xml), "http://example.com/feed/", 1 << 20), 0);
	assert_int_equal(kind, want_kind);
	assert_int_equal(l.n, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(l.v[i].url, urls[i]);
	discover_list_free(&l);
}

static void test_feeds(void **state)
{
	(void)state;
	const char *rss2 = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
		"<link>http://example.com/</link>"
		"<item><title>A</title><link>http://example.com/a.html</link>"
		"<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>"
		"<item><guid isPermaLink=\"true\">http://example.com/b.html</guid></item>"
		"<item><guid isPermaLink=\"false\">urn:x</guid></item>"
		"<item><link>../c.html</link></item></channel></rss>";
	const char *const rss2_urls[] = { "http://example.com/a.html", "http://example.com/b.html",
					  "http://example.com/c.html" };
	feed_is(rss2, FEED_RSS2, 3, rss2_urls);
	const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
		"<link rel=\"self\" href=\"http://example.com/feed/\"/>"
		"<entry><link rel=\"edit\" href=\"http://example.com/edit/1\"/>"
		"<link href=\"http://example.com/1.html\"/><updated>2024-01-01T00:00:00Z</updated></entry>"
		"<entry><link rel=\"alternate\" type=\"text/html\" href=\"/2.html\"/></entry></feed>";
	const char *const atom_urls[] = { "http://example.com/1.html", "http://example.com/2.html" };
	feed_is(atom, FEED_ATOM, 2, atom_urls);
	const char *rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
		"xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"http://example.com/\">"
		"<link>http://example.com/</link></channel>"
		"<item rdf:about=\"http://example.com/x.html\"><link>http://example.com/x.html</link></item>"
		"<item rdf:about=\"http://example.com/y.html\"></item></rdf:RDF>";
	const char *const rdf_urls[] = { "http://example.com/x.html", "http://example.com/y.html" };
	feed_is(rdf, FEED_RSS1, 2, rdf_urls);

	struct discover_list l = DISCOVER_LIST_INIT;
	enum feed_kind kind;
	const char *html = "<html><head><title>x</title></head></html>";
	assert_int_equal(feed_parse(&l, &kind, html, strlen(html), "http://example.com/", 1 << 20),
			 SCRAPE_ENOCONTENT);
	assert_non_null(strstr(scrape_error_last(), "http://example.com/: not a feed (root element <html>"));
}

static void test_links(void **state)
{
	(void)state;
	const char *html = "<!DOCTYPE html><html><head><base href=\"/dir/\">"
		"<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">"
		"<link rel=\"alternate stylesheet\" type=\"text/css\" href=\"s.css\">"
		"<link rel=\"Alternate\" type=\"application/atom+xml; charset=utf-8\" href=\"/atom\">"
		"</head><body><a href=\"a.html#x\">a</a> <a href=\"a.html\">again</a>"
		"<a href=\"/b.html\" rel=\"external nofollow\">b</a><a href=\"mailto:x@y\">m</a>"
		"<a href=\"http://other.example/c\">c</a><a>no href</a>"
		"<map><area href=\"../d.html\"></map><template><a href=\"t.html\">t</a></template></body></html>";
	struct discover_list l = DISCOVER_LIST_INIT;
	int nf = -1;
	assert_int_equal(links_extract(&l, &nf, html, strlen(html), "http://example.com/x/page.html",
				       LINKS_FOLLOW), 0);
	assert_int_equal(nf, 0);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0].url, "http://example.com/dir/a.html");
	assert_string_equal(l.v[1].url, "http://other.example/c");
	assert_string_equal(l.v[2].url, "http://example.com/d.html");
	assert_string_equal(l.v[3].url, "http://example.com/dir/t.html");
	discover_list_free(&l);
	assert_int_equal(links_extract(&l, NULL, html, strlen(html), "http://example.com/x/page.html",
				       LINKS_FEEDS), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].url, "http://example.com/dir/feed.xml");
	assert_string_equal(l.v[1].url, "http://example.com/atom");
	discover_list_free(&l);

	const char *nofollow = "<meta name=\"ROBOTS\" content=\"noindex, nofollow\"><a href=\"/a\">a</a>";
	assert_int_equal(links_extract(&l, &nf, nofollow, strlen(nofollow), "http://example.com/", LINKS_FOLLOW), 0);
	assert_int_equal(nf, 1);
	assert_int_equal(l.n, 0);

	assert_true(links_not_page("http://example.com/img/photo.JPG"));
	assert_true(links_not_page("http://example.com/doc.pdf?download=1"));
	assert_false(links_not_page("http://example.com/page.html"));
	assert_false(links_not_page("http://example.com/v1.2/"));
	assert_false(links_not_page("http://example.com/"));
	assert_false(links_not_page("http://example.com/article"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_sitemap_urlset),
		cmocka_unit_test(test_sitemap_index_gzip_text),
		cmocka_unit_test(test_feeds),
		cmocka_unit_test(test_links),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
