#!/usr/bin/env python3
"""A small HTTP server for the fetch tests (Python 3 standard library only).

    python3 tests/http_server.py --port 0 --port-file FILE
        [--tls-cert CERT --tls-key KEY --tls-port-file FILE2] [--idle-exit SECONDS]

Binds 127.0.0.1 (port 0: a free one), writes the port to FILE once it is
listening, and serves until killed, or until --idle-exit seconds (default 120)
pass without a request, so a forgotten server never lingers. With a
certificate it also serves the same routes over TLS on a second free port.

Routes (the article is the same page in every encoding):
  /article.html   UTF-8 article, charset in the header
  /redirect       302 to /article.html     /redirect-chain/N  N redirects, then the article
  /gone           302 to /404
  /loop           a redirect loop          /to-ftp            302 to an ftp:// URL
  /gzip /deflate  the article, Content-Encoding gzip / deflate
  /brotli /zstd   Content-Encoding br / zstd (python3-brotli, else libbrotlienc and
                  libzstd through ctypes; 501 when there is no encoder)
  /latin1         windows-1252 bytes, charset only in the Content-Type header
  /cp1251         Russian in windows-1251, charset only in the header
  /no-type        the article without a Content-Type    /xhtml  application/xhtml+xml
  /404 /500       error statuses with an HTML body
  /pdf /png /octet /zip   non-HTML types with matching bytes
  /stall          waits 60 s before answering
  /big            a 2 MB page with Content-Length     /big-chunked  the same, chunked
  /gzip-bomb      64 MB of spaces gzipped to about 64 KB
  /empty          200 with an empty body
  /echo           an article that quotes the User-Agent and Accept-Encoding it got
URL-list (crawl) routes; the query makes each URL its own key K:
  /robots.txt     for a Host starting with "polite.": a `*` group disallowing
                  everything, then a group for scrape (Disallow /private, Allow
                  /private/open, Crawl-delay 0.5); for "down.": 503; else 404
  /flaky?K        503 with Retry-After: 1 the first time K is asked, then the article
  /ratelimit?K    429 with Retry-After as an HTTP-date 2 s ahead, then the article
  /unavailable    always 503 (no Retry-After)
  /reset?K        drops the connection without a response the first time, then the article
  /pages/NAME     NAME.html.gz from --pages DIR, sent gzip-encoded (text/html)
Host names starting with "site." and "other.": the generated site of tests/site_gen.py.
Host names starting with "bench." with --pages: / and /p/ list the pages,
/p/NAME is one linking to the next five (bench/crawl.sh crawls it).
With --log FILE every request is appended as "UNIX-TIME<TAB>HOST<TAB>PATH";
--keep-alive keeps connections open (default: Connection: close).
"""
import argparse
import ctypes
import ctypes.util
import email.utils
import gzip
import os
import socket
import ssl
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import site_gen as site  # noqa: E402  (beside this file)

try:
    import brotli  # python3-brotli; optional
except ImportError:
    brotli = None

TITLE = "Café owners’ guide to local testing"
PARAGRAPHS = [
    "The café on the corner opened its doors in spring, and the owners’ first "
    "decision was to serve only what they could bake themselves every morning.",
    "Regulars say the crème brûlée is worth the queue, but the real draw is the "
    "long table by the window where strangers end up talking for hours.",
    "Nobody expected a small shop to change the street, yet three new bakeries "
    "have opened nearby and the market now stays open late on Fridays.",
]
RUSSIAN_TITLE = "Привет из маленького кафе"
RUSSIAN = [
    "Маленькое кафе на углу открылось весной, и владельцы решили подавать только "
    "то, что могут испечь сами каждое утро.",
    "Постоянные гости говорят, что ради пирогов стоит постоять в очереди, но главное "
    "здесь длинный стол у окна, где незнакомцы разговаривают часами.",
]


def page(title, paragraphs, lang="en", charset=None):
    meta = '<meta charset="%s">' % charset if charset else ""
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return (
        '<!DOCTYPE html>\n<html lang="%s"><head>%s<title>%s</title></head>\n'
        '<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>\n'
        "<article><h1>%s</h1>\n%s</article>\n"
        "<footer>Copyright 2024, all rights reserved</footer></body></html>\n" % (lang, meta, title, title, body)
    )


ARTICLE = page(TITLE, PARAGRAPHS).encode("utf-8")
LATIN1 = page(TITLE, PARAGRAPHS).encode("windows-1252")
CP1251 = page(RUSSIAN_TITLE, RUSSIAN, lang="ru").encode("windows-1251")
BIG = page(TITLE, PARAGRAPHS * 4500).encode("utf-8")  # about 2 MB
BOMB = gzip.compress(b" " * (64 << 20), 9)


def _load(*names):
    for name in names:
        if name:
            try:
                return ctypes.CDLL(name)
            except OSError:
                pass
    return None


def brotli_encode(data):
    """Brotli: the python3-brotli module, else libbrotlienc (a libcurl dependency)."""
    if brotli is not None:
        return brotli.compress(data)
    lib = _load("libbrotlienc.so.1", ctypes.util.find_library("brotlienc"))
    if lib is None:
        return None
    f = lib.BrotliEncoderCompress
    f.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_size_t, ctypes.c_char_p,
                  ctypes.POINTER(ctypes.c_size_t), ctypes.c_char_p]
    f.restype = ctypes.c_int
    size = ctypes.c_size_t(len(data) + 1024)
    out = ctypes.create_string_buffer(size.value)
    if not f(11, 22, 0, len(data), data, ctypes.byref(size), out):
        return None
    return out.raw[:size.value]


def zstd_encode(data):
    """Zstandard through libzstd (a libcurl dependency)."""
    lib = _load("libzstd.so.1", ctypes.util.find_library("zstd"))
    if lib is None:
        return None
    lib.ZSTD_compressBound.argtypes = [ctypes.c_size_t]
    lib.ZSTD_compressBound.restype = ctypes.c_size_t
    lib.ZSTD_compress.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                  ctypes.c_size_t, ctypes.c_int]
    lib.ZSTD_compress.restype = ctypes.c_size_t
    lib.ZSTD_isError.argtypes = [ctypes.c_size_t]
    lib.ZSTD_isError.restype = ctypes.c_uint
    cap = lib.ZSTD_compressBound(len(data))
    out = ctypes.create_string_buffer(cap)
    n = lib.ZSTD_compress(out, cap, data, len(data), 19)
    return None if lib.ZSTD_isError(n) else out.raw[:n]


def encoded(body, encoding):
    """A route serving body compressed, or 501 when no encoder is at hand."""
    if body is None:
        return (501, "text/plain", b"no %s encoder here\n" % encoding.encode(), {})
    return (200, HTML_UTF8, body, {"Content-Encoding": encoding})


HTML_UTF8 = "text/html; charset=utf-8"
# path -> (status, content type, body, extra headers)
STATIC = {
    "/article.html": (200, HTML_UTF8, ARTICLE, {}),
    "/redirect": (302, HTML_UTF8, b"<a href=/article.html>moved</a>", {"Location": "/article.html"}),
    "/gone": (302, HTML_UTF8, b"", {"Location": "/404"}),
    "/loop": (302, HTML_UTF8, b"<a href=/loop>again</a>", {"Location": "/loop"}),
    "/to-ftp": (302, HTML_UTF8, b"", {"Location": "ftp://127.0.0.1:1/article.html"}),
    "/gzip": (200, HTML_UTF8, gzip.compress(ARTICLE), {"Content-Encoding": "gzip"}),
    "/deflate": (200, HTML_UTF8, zlib.compress(ARTICLE), {"Content-Encoding": "deflate"}),
    "/brotli": encoded(brotli_encode(ARTICLE), "br"),
    "/zstd": encoded(zstd_encode(ARTICLE), "zstd"),
    "/latin1": (200, "text/html; charset=windows-1252", LATIN1, {}),
    "/cp1251": (200, "text/html; charset=windows-1251", CP1251, {}),
    "/no-type": (200, None, ARTICLE, {}),
    "/xhtml": (200, "application/xhtml+xml; charset=utf-8", ARTICLE, {}),
    "/404": (404, HTML_UTF8, page("Not found", ["There is nothing here at all."]).encode(), {}),
    "/500": (500, HTML_UTF8, page("Server error", ["Something broke on our side."]).encode(), {}),
    "/pdf": (200, "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", {}),
    "/png": (200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {}),
    "/octet": (200, "application/octet-stream", b"\x00\x01\x02\x03" * 64, {}),
    "/zip": (200, "application/zip", b"PK\x03\x04" + b"\x00" * 60, {}),
    "/big": (200, HTML_UTF8, BIG, {}),
    "/gzip-bomb": (200, HTML_UTF8, BOMB, {"Content-Encoding": "gzip"}),
    "/empty": (200, HTML_UTF8, b"", {}),
}

last_request = time.monotonic()
LOG = {"file": None, "lock": threading.Lock(), "keep_alive": False, "pages": None}
SEEN = set()  # keys of /flaky, /ratelimit, /reset already answered once


def first_time(key):
    with LOG["lock"]:
        if key in SEEN:
            return False
        SEEN.add(key)
        return True


ROBOTS_POLITE = (b"User-agent: *\nDisallow: /\n\n"
                 b"# the group for scrape: the * group above does not apply to it\n"
                 b"User-agent: Scrape/2.0\nUser-agent: otherbot\n"
                 b"Disallow: /private\nAllow: /private/open\nCrawl-delay: 0.5\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms stall between them
    server_version = "scrape-test"

    def log_message(self, fmt, *args):  # quiet: the tests print what matters
        pass

    def send(self, status, ctype, body, headers):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        if not LOG["keep_alive"]:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        global last_request
        last_request = time.monotonic()
        path = self.path.split("?", 1)[0]
        host = self.headers.get("Host", "")
        if LOG["file"]:
            with LOG["lock"]:
                LOG["file"].write("%.6f\t%s\t%s\n" % (time.time(), host, self.path))
                LOG["file"].flush()
        if self.crawl_route(path, host.split(":", 1)[0]):
            return
        try:
            if path in STATIC:
                self.send(*STATIC[path])
            elif path.startswith("/redirect-chain/"):
                n = int(path.rsplit("/", 1)[1])
                to = "/redirect-chain/%d" % (n - 1) if n > 1 else "/article.html"
                self.send(302, HTML_UTF8, b"", {"Location": to})
            elif path == "/stall":
                time.sleep(60)
                self.send(200, HTML_UTF8, ARTICLE, {})
            elif path == "/big-chunked":
                self.send_response(200)
                self.send_header("Content-Type", HTML_UTF8)
                self.send_header("Transfer-Encoding", "chunked")
                self.send_header("Connection", "close")
                self.end_headers()
                for i in range(0, len(BIG), 16384):
                    chunk = BIG[i:i + 16384]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            elif path == "/echo":
                seen = [
                    "This page saw the user agent [%s] on its way in." % self.headers.get("User-Agent", ""),
                    "It also saw the accepted encodings [%s] in the request."
                    % self.headers.get("Accept-Encoding", ""),
                    PARAGRAPHS[0],
                ]
                self.send(200, HTML_UTF8, page("Request echo", seen).encode("utf-8"), {})
            else:
                self.send(404, "text/plain", b"no such route\n", {})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout or a size limit): expected


def crawl_route(self, path, hostname):
    """The URL-list routes; True when path was one of them."""
    key = self.path
    found = site.route(path, hostname, self.server.server_address[1])
    if found:
        self.send(*found)
    elif path == "/robots.txt":
        if hostname.startswith("polite."):
            self.send(200, "text/plain", ROBOTS_POLITE, {})
        elif hostname.startswith("down."):
            self.send(503, "text/plain", b"down for maintenance\n", {})
        else:
            self.send(404, "text/plain", b"no robots.txt here\n", {})
    elif path == "/flaky":
        if first_time(key):
            self.send(503, "text/plain", b"busy, come back\n", {"Retry-After": "1"})
        else:
            self.send(200, HTML_UTF8, ARTICLE, {})
    elif path == "/ratelimit":
        if first_time(key):
            when = email.utils.formatdate(time.time() + 2, usegmt=True)
            self.send(429, "text/plain", b"slow down\n", {"Retry-After": when})
        else:
            self.send(200, HTML_UTF8, ARTICLE, {})
    elif path == "/unavailable":
        self.send(503, "text/plain", b"still down\n", {})
    elif path == "/reset":
        if first_time(key):
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:
            self.send(200, HTML_UTF8, ARTICLE, {})
    elif hostname.startswith("bench.") and LOG["pages"] and (path == "/" or path.startswith("/p/")):
        self.send(*bench_site(path))
    elif path.startswith("/pages/") and LOG["pages"]:
        name = os.path.basename(path[len("/pages/"):])
        try:
            with open(os.path.join(LOG["pages"], name + ".html.gz"), "rb") as f:
                body = f.read()
        except OSError:
            self.send(404, "text/plain", b"no such page\n", {})
            return True
        self.send(200, "text/html", body, {"Content-Encoding": "gzip"})
    else:
        return False
    return True


Handler.crawl_route = crawl_route


def bench_site(path):
    """Host bench.*: the --pages articles as a site to crawl: / and /p/ list
    every page (a section page), each page /p/NAME links to the next five
    (a ring), gzip-encoded; each made once (the server is not what is measured)."""
    names = BENCH.get("names")
    if names is None:
        names = BENCH["names"] = sorted(f[:-8] for f in os.listdir(LOG["pages"]) if f.endswith(".html.gz"))
    if path in ("/", "/p/"):
        links = "".join('<li><a href="/p/%s">%s</a></li>' % (n, n) for n in names)
        intro = ("<p>Every article of the benchmark set is listed on this page, and each article "
                 "links to the five that follow it, so a crawl from here finds them all.</p>")
        body = ("<html><head><title>Bench site</title></head><body><article><h1>Bench site</h1>%s"
                "<ul>%s</ul></article></body></html>" % (intro, links)).encode()
        return 200, HTML_UTF8, body, {}
    name = os.path.basename(path[3:])
    if name not in names:
        return 404, "text/plain", b"no such page\n", {}
    if name in BENCH:
        return BENCH[name]
    k = names.index(name)
    nav = "".join('<a href="/p/%s">next %d</a> ' % (names[(k + i) % len(names)], i) for i in range(1, 6))
    with open(os.path.join(LOG["pages"], name + ".html.gz"), "rb") as f:
        html = gzip.decompress(f.read())
    cut = html.lower().rfind(b"</body>")
    html = (html[:cut] if cut >= 0 else html) + ("<nav>%s</nav></body></html>" % nav).encode()
    BENCH[name] = (200, "text/html", gzip.compress(html, 1), {"Content-Encoding": "gzip"})
    return BENCH[name]


BENCH = {}


def serve(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()


def write_port(path, port):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, path)  # readers never see a half-written file


def main():
    ap = argparse.ArgumentParser(description="HTTP server for the scrape fetch tests")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--tls-cert")
    ap.add_argument("--tls-key")
    ap.add_argument("--tls-port-file")
    ap.add_argument("--idle-exit", type=float, default=120.0)
    ap.add_argument("--log")
    ap.add_argument("--keep-alive", action="store_true")
    ap.add_argument("--pages")
    args = ap.parse_args()
    if args.log:
        LOG["file"] = open(args.log, "a")
    LOG["keep_alive"] = args.keep_alive
    LOG["pages"] = args.pages

    ThreadingHTTPServer.daemon_threads = True
    httpd = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    serve(httpd)
    if args.tls_cert and args.tls_key and args.tls_port_file:
        tlsd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        tlsd.socket = ctx.wrap_socket(tlsd.socket, server_side=True)
        serve(tlsd)
        write_port(args.tls_port_file, tlsd.server_address[1])
    write_port(args.port_file, httpd.server_address[1])

    while time.monotonic() - last_request < args.idle_exit:
        time.sleep(1)
    sys.stderr.write("http_server.py: no request for %g s, exiting\n" % args.idle_exit)
    os._exit(0)


if __name__ == "__main__":
    main()
