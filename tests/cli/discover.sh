#!/bin/bash
# Finding the pages of a site: scrape --sitemap, --feed and --crawl against
# the generated site of tests/site_gen.py, served by tests/http_server.py on
# 127.0.0.1 under the names site.test and other.test (--resolve: nothing
# leaves this machine). Each mode must find exactly the site's pages it
# should, fetch each once, obey robots.txt (for other.test too, after a
# redirect), rel=nofollow and the delay, skip non-HTML links, follow
# sitemap index files without looping, refuse a gzip bomb and broken XML,
# and continue a crawl killed with SIGKILL without losing or refetching pages.
# usage: discover.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
. "$src/tests/lib/server.sh"
server_start --log "$tmp/requests.log"
s="http://site.test:$port"
R=(--resolve "site.test:$port:127.0.0.1" --resolve "other.test:$port:127.0.0.1")
fail=0

# check NAME PYTHON-EXPRESSIONS...: runs checks with `exp` (site_gen.expected),
# helpers set_of(file), results(dir), log() and fails[].
check() {
	local name=$1
	shift
	python3 - "$tmp" "$port" "$src/tests" "$name" <<PY || fail=1
import json, os, sys
tmp, port, here, name = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
sys.dont_write_bytecode = True
sys.path.insert(0, here)
import site_gen
exp = site_gen.expected(port)
fails = []
def lines(f):
    return [l.rstrip("\n") for l in open(os.path.join(tmp, f))]
def results(d):
    return [json.loads(l) for l in open(os.path.join(tmp, d, "results.jsonl"))]
def log():
    out = []
    for l in open(os.path.join(tmp, "requests.log")):
        t, host, path = l.rstrip("\n").split("\t")
        out.append((float(t), host.split(":")[0], path))
    return out
def same(got, want, what):
    got, want = list(got), list(want)
    if len(got) != len(set(got)):
        fails.append("%s: repeated: %s" % (what, sorted({u for u in got if got.count(u) > 1})[:5]))
    if set(got) != set(want):
        fails.append("%s: %d found, %d wanted; extra %s, missing %s" % (what, len(set(got)), len(set(want)),
                     sorted(set(got) - set(want))[:5], sorted(set(want) - set(got))[:5]))
$(printf '%s\n' "$@")
for f in fails:
    print("FAIL %s: %s" % (name, f))
print("%s: %d checks failed" % (name, len(fails)))
sys.exit(1 if fails else 0)
PY
}
clear_log() { : >"$tmp/requests.log"; }

# --- sitemaps -------------------------------------------------------------
clear_log
"$bin" --sitemap "$s/" --list-only --delay 0 "${R[@]}" >"$tmp/sm.txt" 2>"$tmp/sm.err"
echo "sitemap from the home page: exit $?" >"$tmp/sm.status"
check sitemap-home \
	'same(lines("sm.txt"), exp["sitemap"], "sitemap URLs from the home page")' \
	'paths = [p for t, h, p in log()]' \
	'for p in ["/sitemap.xml", "/sitemaps/news.xml.gz", "/sitemaps/blog.xml", "/sitemaps/pages.txt", "/sitemaps/loop.xml"]:' \
	'    paths.count(p) == 1 or fails.append("%s fetched %d times (index cycle?)" % (p, paths.count(p)))' \
	'[p for p in paths if p.startswith(("/news/", "/blog/"))] and fails.append("--list-only fetched pages")' \
	'paths.count("/robots.txt") == 1 or fails.append("robots.txt asked %d times" % paths.count("/robots.txt"))' \
	'"exit 0" in open(os.path.join(tmp, "sm.status")).read() or fails.append(open(os.path.join(tmp, "sm.err")).read())'

clear_log
"$bin" --sitemap "$s/sitemap.xml" -o "$tmp/smout" --delay 0 "${R[@]}" 2>"$tmp/smout.err"
st=$?
check sitemap-fetch \
	"$st == 0 or fails.append('exit $st: ' + open(os.path.join(tmp, 'smout.err')).read()[-300:])" \
	'rows = results("smout")' \
	'same([r["url"] for r in rows], exp["sitemap"], "pages fetched from the sitemap")' \
	'[r for r in rows if r["outcome"] != "ok"] and fails.append("not ok: %s" % [r for r in rows if r["outcome"] != "ok"][:2])' \
	'all(os.path.exists(os.path.join(tmp, "smout", r["output"])) for r in rows if r["output"]) or fails.append("missing outputs")' \
	'paths = [p for t, h, p in log() if p.startswith(("/news/", "/blog/", "/about"))]' \
	'len(paths) == len(set(paths)) or fails.append("a page fetched twice")'

# --resume after a complete run: the sitemaps are read again, no page is fetched
clear_log
"$bin" --sitemap "$s/sitemap.xml" -o "$tmp/smout" --resume --delay 0 "${R[@]}" 2>"$tmp/smres.err"
st=$?
check sitemap-resume "$st == 0 or fails.append('exit $st')" \
	'[p for t, h, p in log() if p.startswith(("/news/", "/blog/", "/about"))] and fails.append("--resume fetched pages again")' \
	'"261 done before (--resume)" in open(os.path.join(tmp, "smres.err")).read() or fails.append(open(os.path.join(tmp, "smres.err")).read()[-300:])' \
	'len(results("smout")) == 261 or fails.append("results.jsonl grew: %d lines" % len(results("smout")))'

"$bin" --sitemap "$s/sitemap.xml" --lastmod-after 2024-01-20 --list-only --delay 0 "${R[@]}" >"$tmp/lm.txt" 2>/dev/null
check lastmod 'same(lines("lm.txt"), exp["lastmod"]("2024-01-20"), "--lastmod-after 2024-01-20")' \
	'len(lines("lm.txt")) == 63 or fails.append("63 news after the date, got %d" % len(lines("lm.txt")))'

# broken input: distinct exit codes, messages naming the URL and the reason
"$bin" --sitemap "$s/sitemaps/broken.xml" --list-only --delay 0 "${R[@]}" >/dev/null 2>"$tmp/broken.err"
st=$?
grep -q "$s/sitemaps/broken.xml: not well-formed XML at line 1" "$tmp/broken.err" && [ $st -eq 3 ] ||
	{ echo "FAIL broken sitemap: exit $st, $(cat "$tmp/broken.err")"; fail=1; }
"$bin" --sitemap "$s/sitemaps/bomb.xml.gz" --list-only --delay 0 --max-bytes 1000000 "${R[@]}" >/dev/null 2>"$tmp/bomb.err"
st=$?
grep -q "$s/sitemaps/bomb.xml.gz" "$tmp/bomb.err" && grep -q "exceeds" "$tmp/bomb.err" && [ $st -eq 3 ] ||
	{ echo "FAIL sitemap bomb: exit $st, $(cat "$tmp/bomb.err")"; fail=1; }
"$bin" --sitemap "$s/sitemaps/missing.xml" --list-only --delay 0 "${R[@]}" >/dev/null 2>"$tmp/404.err"
st=$?
grep -q "$s/sitemaps/missing.xml: HTTP 404" "$tmp/404.err" && [ $st -eq 4 ] ||
	{ echo "FAIL missing sitemap: exit $st, $(cat "$tmp/404.err")"; fail=1; }
"$bin" --sitemap "http://other.test:$port/" --list-only --delay 0 "${R[@]}" >/dev/null 2>"$tmp/none.err"
st=$?
grep -q "no pages found" "$tmp/none.err" && [ $st -eq 5 ] ||
	{ echo "FAIL a site without sitemaps: exit $st, $(cat "$tmp/none.err")"; fail=1; }

clear_log
"$bin" --sitemap "$s/sitemaps/deep-0.xml" --list-only --delay 0 "${R[@]}" >/dev/null 2>"$tmp/deep.err"
st=$?
n=$(grep -c "/sitemaps/deep-" "$tmp/requests.log")
grep -q "nested deeper than 5 levels" "$tmp/deep.err" && [ $st -eq 3 ] && [ "$n" -eq 6 ] ||
	{ echo "FAIL endless index: exit $st, $n index files read, $(cat "$tmp/deep.err")"; fail=1; }

# --- feeds ------------------------------------------------------------------
for f in rss atom rdf; do
	"$bin" --feed "$s/feed.$f" --list-only --delay 0 "${R[@]}" >"$tmp/feed-$f.txt" 2>/dev/null
done
"$bin" --feed "$s/" --list-only --delay 0 "${R[@]}" >"$tmp/feed-home.txt" 2>/dev/null
clear_log
"$bin" --feed "$s/feed.atom" -o "$tmp/feedout" --delay 0 "${R[@]}" 2>/dev/null
check feeds 'same(lines("feed-rss.txt"), exp["rss"], "RSS 2.0")' \
	'same(lines("feed-atom.txt"), exp["atom"], "Atom")' \
	'same(lines("feed-rdf.txt"), exp["rdf"], "RSS 1.0")' \
	'same(lines("feed-home.txt"), exp["rss"] + exp["atom"], "feeds found on the home page")' \
	'rows = results("feedout")' \
	'same([r["url"] for r in rows if r["outcome"] == "ok"], exp["atom"], "pages fetched from the Atom feed")'

# --- crawl ------------------------------------------------------------------
clear_log
"$bin" --crawl "$s/" --max-pages 1000 -o "$tmp/crawl" --delay 0 "${R[@]}" 2>"$tmp/crawl.err"
st=$?
check crawl \
	"$st == 0 or fails.append('exit $st: ' + open(os.path.join(tmp, 'crawl.err')).read()[-300:])" \
	'rows = results("crawl")' \
	'same([r["url"] for r in rows], exp["crawl"], "pages of the crawl")' \
	'by = {r["url"]: r for r in rows}' \
	'b = "http://site.test:%s" % port' \
	'for u in exp["private"]: by.get(u, {}).get("outcome") == "disallowed" or fails.append("%s not disallowed" % u)' \
	'by[b + "/download"]["outcome"] == "not_html" or fails.append("download: %s" % by[b + "/download"])' \
	'by[b + "/go-other"]["outcome"] == "ok" and by[b + "/go-other"]["final_url"] == "http://other.test:%s/landing.html" % port or fails.append("go-other: %s" % by[b + "/go-other"])' \
	'r = by[b + "/go-other-private"]' \
	'r["outcome"] == "disallowed" and "disallowed by http://other.test:%s/robots.txt" % port in r["error"] or fails.append("go-other-private: %s" % r)' \
	'L = log()' \
	'site = [p for t, h, p in L if h == "site.test" and p != "/robots.txt"]' \
	'len(site) == len(set(site)) or fails.append("pages fetched twice: %s" % sorted({p for p in site if site.count(p) > 1})[:5])' \
	'[p for p in site if p.startswith("/private/")] and fails.append("a disallowed page was fetched")' \
	'"/secret-nofollow.html" in site and fails.append("a nofollow link was followed")' \
	'"/files/report.pdf" in site and fails.append("a .pdf link was fetched")' \
	'other = [p for t, h, p in L if h == "other.test"]' \
	'other.count("/robots.txt") == 1 or fails.append("other.test robots.txt asked %d times" % other.count("/robots.txt"))' \
	'"/landing-private.html" in other and fails.append("a page disallowed on the redirect target was fetched")' \
	'[h for t, h, p in L if h not in ("site.test", "other.test")] and fails.append("another host was contacted")' \
	'fr = [l.split("\t", 1)[1] for l in lines("crawl/frontier.tsv")]' \
	'same(fr, exp["crawl"], "frontier.tsv")'

# depth: the home page and what it links to
"$bin" --crawl "$s/" --max-pages 1000 --max-depth 1 --list-only --delay 0 "${R[@]}" >"$tmp/depth1.txt" 2>/dev/null
check depth 'b = "http://site.test:%s" % port' \
	'want = [b + "/", b + "/news/1.html", b + "/news/2.html", b + "/blog/post-1/", b + "/about.html", b + "/download", b + "/go-other", b + "/go-other-private"] + exp["private"]' \
	'same(lines("depth1.txt"), want, "--max-depth 1")'

# the delay, and --max-pages
clear_log
"$bin" --crawl "$s/news/1.html" --max-pages 12 -o "$tmp/slow" --delay 0.1 "${R[@]}" 2>/dev/null
check delay 'rows = results("slow")' \
	'len(rows) == 12 or fails.append("--max-pages 12: %d pages" % len(rows))' \
	'ts = sorted(t for t, h, p in log() if h == "site.test")' \
	'gaps = [b - a for a, b in zip(ts, ts[1:])]' \
	'gaps and min(gaps) >= 0.095 or fails.append("--delay 0.1 not kept: smallest gap %.3f" % min(gaps or [0]))' \
	'all(r["url"].startswith("http://site.test:%s/news/" % port) for r in rows) or fails.append("left the path prefix /news/")'

# the delay holds for sitemaps and pages alike, in one run
clear_log
"$bin" --sitemap "$s/" --max-pages 8 -o "$tmp/slowmap" --delay 0.1 "${R[@]}" 2>/dev/null
check sitemap-delay 'rows = results("slowmap")' \
	'len(rows) == 8 and all(r["outcome"] == "ok" for r in rows) or fails.append("--max-pages 8: %s" % [(r["url"], r["outcome"]) for r in rows])' \
	'ts = sorted(t for t, h, p in log() if h == "site.test")' \
	'len(ts) >= 12 or fails.append("%d requests, want robots.txt, 5 sitemaps and 8 pages" % len(ts))' \
	'gaps = [b - a for a, b in zip(ts, ts[1:])]' \
	'gaps and min(gaps) >= 0.095 or fails.append("--delay 0.1 not kept: smallest gap %.3f" % min(gaps or [0]))'

# --- killed with SIGKILL, then --resume ------------------------------------
clear_log
"$bin" --crawl "$s/" --max-pages 1000 -o "$tmp/res" --delay 0.01 -q "${R[@]}" 2>/dev/null &
pid=$!
sleep 1.5
kill -9 "$pid"
wait "$pid" 2>/dev/null
before=$(wc -l <"$tmp/res/results.jsonl")
"$bin" --crawl "$s/" --max-pages 1000 -o "$tmp/res" --delay 0 --resume "${R[@]}" 2>"$tmp/res.err"
st=$?
check resume "$st == 0 or fails.append('exit $st: ' + open(os.path.join(tmp, 'res.err')).read()[-300:])" \
	"0 < $before < len(exp['crawl']) or fails.append('the killed run should have recorded some pages, not all: $before')" \
	'rows = results("res")' \
	'final = {}' \
	'for r in rows: final[r["url"]] = r' \
	'same(final, exp["crawl"], "pages after the resumed crawl")' \
	'ok = [r["url"] for r in rows if r["outcome"] == "ok"]' \
	'len(ok) == len(set(ok)) or fails.append("a page recorded ok twice")' \
	'site = [p for t, h, p in log() if h == "site.test" and p != "/robots.txt"]' \
	'again = sorted({p for p in site if site.count(p) > 1})' \
	'len(again) <= 3 or fails.append("more than the pages in flight fetched again: %s" % again)'

# --- usage errors -----------------------------------------------------------
"$bin" --crawl "$s/" -o "$tmp/x" >/dev/null 2>"$tmp/u1"
[ $? -eq 2 ] && grep -q -- "--max-pages" "$tmp/u1" || { echo "FAIL --crawl without --max-pages: $(cat "$tmp/u1")"; fail=1; }
"$bin" --sitemap "$s/" >/dev/null 2>"$tmp/u2"
[ $? -eq 2 ] && grep -q -- "-o DIR" "$tmp/u2" || { echo "FAIL --sitemap without -o: $(cat "$tmp/u2")"; fail=1; }
"$bin" --feed "ftp://x/" --list-only >/dev/null 2>"$tmp/u3"
[ $? -eq 2 ] && grep -q "http(s) URL" "$tmp/u3" || { echo "FAIL --feed ftp: $(cat "$tmp/u3")"; fail=1; }
"$bin" --sitemap "$s/" --lastmod-after yesterday --list-only >/dev/null 2>"$tmp/u4"
[ $? -eq 2 ] && grep -q "lastmod-after wants a date" "$tmp/u4" || { echo "FAIL --lastmod-after: $(cat "$tmp/u4")"; fail=1; }
exit $fail
