#!/usr/bin/env python3
"""Builds test WARC files from the project's own fixture pages (stdlib only).

usage: make_warc.py OUTDIR FIXTURES_DIR
       make_warc.py --pages OUT.warc.gz LIST

With --pages: one WARC/1.1 file, one gzip member per record, from LIST (lines
"URI<TAB>FILE", FILE an .html or .html.gz page): a warcinfo record, then a
request and a response record for every page, in list order. The response's
HTTP header says "Content-Type: text/html" with no charset, so that the page
is decoded as it is from a file. Used by tests/cli/equivalence.sh.

Writes into OUTDIR:
  plain.warc         WARC/1.0, uncompressed
  member.warc.gz     WARC/1.1, one gzip member per record (Common Crawl layout)
  whole.warc.gz      WARC/1.1, the whole file in one gzip stream
    (all three hold the same records: warcinfo; request + response for every
    fixture page; a metadata record; an image/png response; a 404 page; a
    page with chunked transfer coding and gzip content coding; a page in
    windows-1252 declared only in its HTTP header)
  damaged.warc.gz    per-record gzip: good records around a record whose
                     Content-Length is too large, one whose Content-Length is
                     too small, a member with corrupt deflate data, and a
                     last record cut short
  damaged.warc       the same damage without gzip (no corrupt member)
  shard-NN.warc.gz   8 small files for the shard tests
  expected.json      what each file should give (see the test)
"""
import gzip
import json
import os
import sys
import uuid
import zlib

DATE = "2024-03-01T12:00:%02dZ"


def record(version, rtype, uri, content_type, block, n):
    head = [
        "WARC/%s" % version,
        "WARC-Type: %s" % rtype,
        "WARC-Record-ID: <urn:uuid:%s>" % uuid.UUID(int=n + 1),
        "WARC-Date: %s" % (DATE % (n % 60)),
    ]
    if uri:
        # WARC/1.0 wrote the URI in angle brackets
        head.append("WARC-Target-URI: %s" % (("<%s>" % uri) if version == "1.0" else uri))
    if content_type:
        head.append("Content-Type: %s" % content_type)
    head.append("Content-Length: %d" % len(block))
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(body, ctype, status="200 OK", extra=()):
    lines = ["HTTP/1.1 %s" % status, "Server: test"]
    if ctype:
        lines.append("Content-Type: %s" % ctype)
    lines += list(extra)
    if not any(h.lower().startswith("transfer-encoding") for h in extra):
        lines.append("Content-Length: %d" % len(body))
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x;ext=1\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def gz_member(data):
    # mtime fixed so that the files are the same on every run
    return gzip.compress(data, mtime=0)


def pages(fixtures):
    names = sorted(n for n in os.listdir(fixtures)
                   if n.endswith(".html") and not os.path.exists(os.path.join(fixtures, n[:-5] + ".opts"))
                   and n != "news-article-cp1252.html")
    return [(n, open(os.path.join(fixtures, n), "rb").read()) for n in names]


def pages_warc(out, listfile):
    """The pages of LISTFILE as one per-record gzip WARC file (see --pages)."""
    n = 0

    def member(rtype, uri, ctype, block):
        nonlocal n
        r = record("1.1", rtype, uri, ctype, block, n)
        n += 1
        # level 1: the bench pages come to a few hundred MB; this is a test file
        return gzip.compress(r, compresslevel=1, mtime=0)

    with open(out, "wb") as f:
        f.write(member("warcinfo", None, "application/warc-fields", b"software: make_warc.py --pages\r\n"))
        for line in open(listfile, encoding="utf-8"):
            uri, path = line.rstrip("\n").split("\t")
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as page:
                body = page.read()
            path_part = "/" + uri.split("/", 3)[3]
            f.write(member("request", uri, "application/http; msgtype=request",
                           b"GET " + path_part.encode() + b" HTTP/1.1\r\nHost: bench.test\r\n\r\n"))
            f.write(member("response", uri, "application/http; msgtype=response",
                           http_response(body, "text/html")))


def main():
    if sys.argv[1] == "--pages":
        pages_warc(sys.argv[2], sys.argv[3])
        return
    out, fixtures = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    site = "http://example.test/"
    cp1252 = open(os.path.join(fixtures, "news-article-header-charset.html"), "rb").read()
    assert b"charset" not in cp1252.lower().split(b"</head>")[0], "the page must not declare its charset"

    def build(version):
        recs, expect, n = [], [], 0

        def add(kind, rtype, uri, ctype, block, **info):
            nonlocal n
            recs.append(record(version, rtype, uri, ctype, block, n))
            expect.append(dict(kind=kind, url=uri, date=DATE % (n % 60), **info))
            n += 1

        add("skip", "warcinfo", None, "application/warc-fields", b"software: make_warc.py\r\nformat: WARC\r\n")
        for name, html in pages(fixtures):
            uri = site + name
            add("skip", "request", uri, "application/http; msgtype=request",
                b"GET /" + name.encode() + b" HTTP/1.1\r\nHost: example.test\r\n\r\n")
            add("page", "response", uri, "application/http; msgtype=response",
                http_response(html, "text/html; charset=utf-8"), fixture=name)
        add("skip", "metadata", site + "news-article.html", "application/warc-fields", b"fetchTimeMs: 12\r\n")
        add("skip", "response", site + "logo.png", "application/http; msgtype=response",
            http_response(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image/png"))
        add("skip", "response", site + "missing.html", "application/http; msgtype=response",
            http_response(b"<html><body><p>Not found</p></body></html>", "text/html", "404 Not Found"))
        body = open(os.path.join(fixtures, "news-article.html"), "rb").read()
        add("page", "response", site + "coded.html", "application/http; msgtype=response",
            http_response(chunked(gzip.compress(body, mtime=0)), "text/html",
                          extra=("Transfer-Encoding: chunked", "Content-Encoding: gzip")),
            fixture="news-article.html")
        add("page", "response", site + "cp1252.html", "application/http; msgtype=response",
            http_response(cp1252, "text/html; charset=windows-1252"),
            fixture="news-article-header-charset.html", charset="windows-1252")
        # a page whose bytes would break a careless JSON writer
        para = b"Control \x01 and escape \x1b, quotes \" and backslashes \\, a line separator \xe2\x80\xa8, " \
            b"bytes that are not UTF-8 \xff\xfe\xc3, and a NUL \x00 in a long enough paragraph of text. "
        hostile = b"<html><head><title>Bad \x01 \"title\" \\ \xe2\x80\xa9 \xff</title></head><body><article>" + \
            b"".join(b"<p>" + para * 3 + b"</p>" for _ in range(4)) + b"</article></body></html>"
        add("hostile", "response", site + "hostile.html", "application/http; msgtype=response",
            http_response(hostile, "text/html; charset=utf-8"))
        # header bytes that are not UTF-8 (and a quote) in the URI
        recs[-1] = recs[-1].replace(b"hostile.html", b"hostile-\xff\xc0\"-.html", 1)
        expect[-1]["url"] = site + "hostile-\ufffd\ufffd\"-.html"
        return recs, expect

    files = {}
    recs, expect = build("1.0")
    with open(os.path.join(out, "plain.warc"), "wb") as f:
        offsets = []
        for r in recs:
            offsets.append((f.tell(), len(r)))
            f.write(r)
    files["plain.warc"] = dict(records=expect, offsets=offsets)

    recs, expect = build("1.1")
    with open(os.path.join(out, "member.warc.gz"), "wb") as f:
        offsets = []
        for r in recs:
            m = gz_member(r)
            offsets.append((f.tell(), len(m)))
            f.write(m)
    files["member.warc.gz"] = dict(records=expect, offsets=offsets)
    with open(os.path.join(out, "whole.warc.gz"), "wb") as f:
        f.write(gzip.compress(b"".join(recs), mtime=0))
    files["whole.warc.gz"] = dict(records=expect)

    # damage: good, CL too large, good, CL too small, good, corrupt member, good, truncated
    page = dict((n, h) for n, h in pages(fixtures))
    good = [(site + "good-%d.html" % i, page[name], name) for i, name in
            enumerate(["news-article.html", "div-soup.html", "list-and-table.html", "split-sections.html"])]
    n = 100

    def resp(uri, html, cl_delta=0):
        nonlocal n
        block = http_response(html, "text/html")
        r = record("1.1", "response", uri, "application/http; msgtype=response", block, n)
        n += 1
        if cl_delta:
            r = r.replace(b"Content-Length: %d" % len(block), b"Content-Length: %d" % (len(block) + cl_delta))
        return r

    def damaged(with_gzip):
        parts, expect = [], []
        parts.append(resp(*good[0][:2]))
        expect.append(dict(kind="page", url=good[0][0], fixture=good[0][2]))
        parts.append(resp(site + "too-long.html", page["index-page.html"], cl_delta=+5000))
        expect.append(dict(kind="error", url=site + "too-long.html"))
        parts.append(resp(*good[1][:2]))
        expect.append(dict(kind="page", url=good[1][0], fixture=good[1][2]))
        parts.append(resp(site + "too-short.html", page["index-page.html"], cl_delta=-300))
        expect.append(dict(kind="error", url=site + "too-short.html"))
        parts.append(resp(*good[2][:2]))
        expect.append(dict(kind="page", url=good[2][0], fixture=good[2][2]))
        if with_gzip:
            bad = bytearray(gz_member(resp(site + "corrupt.html", page["json-ld-body.html"])))
            for i in range(40, 60):
                bad[i] ^= 0x55
            parts.append(bytes(bad))
            expect.append(dict(kind="error", url=None))
        parts.append(resp(*good[3][:2]))
        expect.append(dict(kind="page", url=good[3][0], fixture=good[3][2]))
        last = resp(site + "cut.html", page["reader-comments.html"])
        parts.append(last[: len(last) // 2])
        expect.append(dict(kind="error", url=site + "cut.html"))
        return parts, expect

    parts, expect = damaged(True)
    with open(os.path.join(out, "damaged.warc.gz"), "wb") as f:
        for p in parts:
            # the corrupt member is already gzip; so is nothing else
            f.write(p if p[:2] == b"\x1f\x8b" else gz_member(p))
    files["damaged.warc.gz"] = dict(records=expect)
    parts, expect = damaged(False)
    with open(os.path.join(out, "damaged.warc"), "wb") as f:
        f.write(b"".join(parts))
    files["damaged.warc"] = dict(records=expect)

    # shards: 8 files of 2 or 3 pages each
    names = [name for name, _ in pages(fixtures)]
    for k in range(8):
        with open(os.path.join(out, "shard-%02d.warc.gz" % k), "wb") as f:
            for j, name in enumerate(names):
                if j % 8 == k or (j + 3) % 8 == k:
                    f.write(gz_member(resp(site + "s%d/%s" % (k, name), page[name])))
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(files, f, indent=1)


if __name__ == "__main__":
    main()
