"""A generated web site for the discovery tests (tests/cli/discover.sh),
served by tests/http_server.py for Host names starting with "site." and
"other." (mapped to 127.0.0.1 with --resolve: nothing leaves the machine).

site.test:
  /                      home: links to every section, a nofollow link, a PDF by
                         extension and one by type only, redirects to other.test,
                         mailto and fragment links; announces /feed.rss and /feed.atom
  /news/N.html           N = 1..200, each links to the next and to a far one (cycles)
  /blog/post-N/          N = 1..60, relative links under <base href="/blog/">
  /private/N.html        N = 1..20, disallowed by robots.txt
  /about.html
  /secret-nofollow.html  only linked with rel=nofollow
  /download              application/pdf without an extension
  /files/report.pdf      linked, never to be fetched (extension)
  /go-other              302 to other.test/landing.html
  /go-other-private      302 to other.test/landing-private.html (disallowed there)
  /robots.txt            Disallow: /private/, Sitemap: /sitemap.xml
  /sitemap.xml           index: news.xml.gz, blog.xml, pages.txt, loop.xml
  /sitemaps/news.xml.gz  urlset of the news (gzip, application/gzip), <lastmod>s
  /sitemaps/blog.xml     urlset of the blog posts and /about.html
  /sitemaps/pages.txt    plain text: /about.html and /blog/post-1/ again
  /sitemaps/loop.xml     index back to /sitemap.xml and news.xml.gz (a cycle)
  /sitemaps/broken.xml   not well-formed    /sitemaps/bomb.xml.gz  80 MB once unpacked
  /sitemaps/deep-N.xml   an index of deep-N+1.xml, without end
  /feed.rss /feed.atom /feed.rdf   RSS 2.0 (news 1..10), Atom (blog 1..10), RSS 1.0 (news 11..15)
other.test:
  /robots.txt            Disallow: /landing-private.html
  /landing.html, /landing-private.html
"""
import gzip

NEWS, BLOG, PRIVATE = 200, 60, 20
CACHE = {}
HTML = "text/html; charset=utf-8"


def news_lastmod(i):
    return "2024-01-%02dT10:00:00Z" % (i % 28 + 1)


def page(title, links, extra_head=""):
    paras = "".join(
        "<p>%s is a page of the generated test site. It has enough words in each paragraph "
        "to be kept as the main content of the page, paragraph %d.</p>\n" % (title, k) for k in range(3))
    nav = " ".join('<a href="%s"%s>%s</a>' % (h, rel, h) for h, rel in links)
    return ('<!DOCTYPE html>\n<html><head><title>%s</title>%s</head><body><nav>%s</nav>'
            "<article><h1>%s</h1>\n%s</article></body></html>\n" % (title, extra_head, nav, title, paras)).encode()


def base(port):
    return "http://site.test:%s" % port


def urlset(urls):
    body = "".join("<url><loc>%s</loc>%s</url>\n" % (u, "<lastmod>%s</lastmod>" % m if m else "")
                   for u, m in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n%s</urlset>\n' % body).encode()


def index(urls):
    body = "".join("<sitemap><loc>%s</loc></sitemap>\n" % u for u in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n%s</sitemapindex>\n'
            % body).encode()


def site_route(path, port):
    b = base(port)
    if path == "/":
        links = [("/news/1.html", ""), ("/news/1.html#comments", ""), ("/news/../news/2.html", ""),
                 ("/blog/post-1/", ""), ("/about.html", ""), ("/private/1.html", ""),
                 ("/secret-nofollow.html", ' rel="nofollow"'), ("/files/report.pdf", ""),
                 ("/download", ""), ("/go-other", ""), ("/go-other-private", ""),
                 ("mailto:someone@site.test", ""), ("#top", ""), ("http://elsewhere.test/x.html", "")]
        links += [("/private/%d.html" % i, "") for i in range(2, PRIVATE + 1)]
        head = ('<link rel="alternate" type="application/rss+xml" href="/feed.rss">'
                '<link rel="alternate" type="application/atom+xml" href="%s/feed.atom">' % b)
        return 200, HTML, page("Home", links, head), {}
    if path.startswith("/news/") and path.endswith(".html"):
        try:
            i = int(path[6:-5])
        except ValueError:
            return None
        if not 1 <= i <= NEWS:
            return None
        links = [("/news/%d.html" % (i % NEWS + 1), ""), ("/news/%d.html" % ((i * 7) % NEWS + 1), ""), ("/", "")]
        return 200, HTML, page("News %d" % i, links), {}
    if path.startswith("/blog/post-") and path.endswith("/"):
        try:
            i = int(path[11:-1])
        except ValueError:
            return None
        if not 1 <= i <= BLOG:
            return None
        links = [("post-%d/" % (i % BLOG + 1), ""), ("../news/%d.html" % i, "")]
        return 200, HTML, page("Blog post %d" % i, links, '<base href="/blog/">'), {}
    if path.startswith("/private/"):
        return 200, HTML, page("Private", [("/", "")]), {}
    if path in ("/about.html", "/secret-nofollow.html"):
        return 200, HTML, page(path[1:-5], [("/", "")]), {}
    if path in ("/download", "/files/report.pdf"):
        return 200, "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", {}
    if path == "/go-other":
        return 302, HTML, b"", {"Location": "http://other.test:%s/landing.html" % port}
    if path == "/go-other-private":
        return 302, HTML, b"", {"Location": "http://other.test:%s/landing-private.html" % port}
    if path == "/robots.txt":
        return 200, "text/plain", ("User-agent: *\nDisallow: /private/\n\nSitemap: %s/sitemap.xml\n" % b).encode(), {}
    if path == "/sitemap.xml":
        return 200, "application/xml", index(["%s/sitemaps/news.xml.gz" % b, "%s/sitemaps/blog.xml" % b,
                                               "%s/sitemaps/pages.txt" % b, "%s/sitemaps/loop.xml" % b]), {}
    if path == "/sitemaps/news.xml.gz":
        urls = [("%s/news/%d.html" % (b, i), news_lastmod(i)) for i in range(1, NEWS + 1)]
        return 200, "application/gzip", gzip.compress(urlset(urls)), {}
    if path == "/sitemaps/blog.xml":
        urls = [("%s/blog/post-%d/" % (b, i), None) for i in range(1, BLOG + 1)] + [("%s/about.html" % b, None)]
        return 200, "application/xml", urlset(urls), {}
    if path == "/sitemaps/pages.txt":
        return 200, "text/plain", ("%s/about.html\n%s/blog/post-1/\n" % (b, b)).encode(), {}
    if path == "/sitemaps/loop.xml":
        return 200, "application/xml", index(["%s/sitemap.xml" % b, "%s/sitemaps/news.xml.gz" % b]), {}
    if path.startswith("/sitemaps/deep-") and path.endswith(".xml"):
        try:
            n = int(path[15:-4])
        except ValueError:
            return None
        return 200, "application/xml", index(["%s/sitemaps/deep-%d.xml" % (b, n + 1)]), {}
    if path == "/sitemaps/broken.xml":
        return 200, "application/xml", b"<urlset><url><loc>%s/a.html</url></urlset>" % b.encode(), {}
    if path == "/sitemaps/bomb.xml.gz":
        if "bomb" not in CACHE:  # 80 MB of blanks in about 80 KB, made once
            CACHE["bomb"] = gzip.compress(b"<urlset>" + b" " * (80 << 20), 6)
        return 200, "application/gzip", CACHE["bomb"], {}
    if path == "/feed.rss":
        items = "".join("<item><title>News %d</title><link>%s/news/%d.html</link>"
                        "<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>" % (i, b, i) for i in range(1, 11))
        return 200, "application/rss+xml", ('<?xml version="1.0"?><rss version="2.0"><channel>'
                                            "<title>Site</title><link>%s/</link>%s</channel></rss>" % (b, items)).encode(), {}
    if path == "/feed.atom":
        entries = "".join('<entry><title>Post %d</title><link rel="alternate" href="/blog/post-%d/"/>'
                          "<id>tag:site.test,2024:%d</id><updated>2024-01-01T00:00:00Z</updated></entry>"
                          % (i, i, i) for i in range(1, 11))
        return 200, "application/atom+xml", ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                                             '<title>Site</title><link rel="self" href="%s/feed.atom"/>%s</feed>'
                                             % (b, entries)).encode(), {}
    if path == "/feed.rdf":
        items = "".join('<item rdf:about="%s/news/%d.html"><title>N</title><link>%s/news/%d.html</link></item>'
                        % (b, i, b, i) for i in range(11, 16))
        return 200, "application/rdf+xml", (
            '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="%s/"><title>S</title><link>%s/</link>'
            "</channel>%s</rdf:RDF>" % (b, b, items)).encode(), {}
    return None


def other_route(path, port):
    if path == "/robots.txt":
        return 200, "text/plain", b"User-agent: *\nDisallow: /landing-private.html\n", {}
    if path in ("/landing.html", "/landing-private.html"):
        return 200, HTML, page("Landing", [("/elsewhere.html", ""), ("http://site.test:%s/about.html" % port, "")]), {}
    return None


def route(path, hostname, port):
    """(status, type, body, headers) for a site route, None when it is none."""
    if hostname.startswith("site."):
        return site_route(path, port) or (404, "text/plain", b"no such page\n", {})
    if hostname.startswith("other."):
        return other_route(path, port) or (404, "text/plain", b"no such page\n", {})
    return None


def expected(port):
    """What each mode should find: lists of URLs."""
    b = base(port)
    news = ["%s/news/%d.html" % (b, i) for i in range(1, NEWS + 1)]
    blog = ["%s/blog/post-%d/" % (b, i) for i in range(1, BLOG + 1)]
    private = ["%s/private/%d.html" % (b, i) for i in range(1, PRIVATE + 1)]
    about = "%s/about.html" % b
    return {
        "sitemap": news + blog + [about],
        "news": news,
        "lastmod": lambda after: ["%s/news/%d.html" % (b, i) for i in range(1, NEWS + 1) if news_lastmod(i) > after],
        "rss": news[:10],
        "atom": blog[:10],
        "rdf": news[10:15],
        "crawl": [b + "/"] + news + blog + private + [about, b + "/download", b + "/go-other", b + "/go-other-private"],
        "private": private,
    }
