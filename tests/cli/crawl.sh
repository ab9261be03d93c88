#!/bin/bash
# Fetching URL lists (scrape -i LIST -o DIR) from the local test server
# (tests/http_server.py on 127.0.0.1; other host names are mapped to it with
# --resolve, so nothing leaves this machine): redirects and a loop, gzip and
# brotli, a charset only in the header, 404, 500, 503 retried until it gives
# up, 503 and 429 with Retry-After (seconds, HTTP-date), a reset, a stall past
# the timeout, a body over the size cap, a refused connection, a PDF,
# robots.txt groups, Disallow/Allow and Crawl-delay, per-host delays checked
# in the server's request log, and a run killed mid-way and resumed.
# usage: crawl.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
. "$src/tests/lib/server.sh"
server_start --log "$tmp/requests.log"
b="http://127.0.0.1:$port"
resolve=()
for h in polite.test slow.test resume.test down.test; do
	resolve+=(--resolve "$h:$port:127.0.0.1")
done

# --- one run over every case ---------------------------------------------
cat >"$tmp/urls.txt" <<LIST
# comments and blank lines are skipped

$b/article.html
$b/redirect
$b/loop
$b/gzip
$b/brotli
$b/latin1
$b/cp1251
$b/404
$b/500
$b/unavailable
$b/flaky?one
$b/ratelimit?one
$b/reset?one
$b/stall
$b/big
$b/pdf
$b/article.html
http://127.0.0.1:1/refused
http://polite.test:$port/article.html
http://polite.test:$port/private/secret.html
http://polite.test:$port/private/open/page.html
http://polite.test:$port/gzip
http://slow.test:$port/article.html?1
http://slow.test:$port/article.html?2
http://slow.test:$port/article.html?3
http://slow.test:$port/article.html?4
http://down.test:$port/article.html
LIST
start=$(date +%s.%N)
"$bin" -i "$tmp/urls.txt" -o "$tmp/out" --delay 0.2 --retries 1 --timeout 1.5 \
	--max-bytes 1000000 "${resolve[@]}" 2>"$tmp/err1" </dev/null
status=$?
end=$(date +%s.%N)

# Every check is in Python: results.jsonl, outputs and the request log.
python3 - "$tmp" "$port" "$status" "$start" "$end" <<'PY'
import json, os, sys
tmp, port, status, start, end = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
b = "http://127.0.0.1:%s" % port
fails = []
def check(cond, what):
    if not cond:
        fails.append(what)

lines = open(os.path.join(tmp, "out", "results.jsonl")).read().splitlines()
rows = [json.loads(l) for l in lines]
by = {}
for r in rows:
    check(r["url"] not in by, "one line per URL: %s twice" % r["url"])
    by[r["url"]] = r
check(len(rows) == 26, "26 distinct URLs in results.jsonl, got %d" % len(rows))
check(status != 0, "a run with failures exits non-zero, got 0")

def out_text(url):
    r = by[url]
    return open(os.path.join(tmp, "out", r["output"]), encoding="utf-8").read()

def expect(url, outcome, status=None, error=None, attempts=None, text=None):
    r = by.get(url)
    if r is None:
        fails.append("%s: no result line" % url)
        return
    check(r["outcome"] == outcome, "%s: outcome %s, want %s (%s)" % (url, r["outcome"], outcome, r["error"]))
    if status is not None:
        check(r["status"] == status, "%s: status %s, want %s" % (url, r["status"], status))
    if error is not None:
        check(r["error"] and r["error"].startswith(url + ": ") and error in r["error"],
              "%s: error %r lacks %r" % (url, r["error"], error))
    if attempts is not None:
        check(r["attempts"] == attempts, "%s: %s attempts, want %s" % (url, r["attempts"], attempts))
    if outcome == "ok":
        check(r["error"] is None and r["output"], "%s: ok without output" % url)
        check(r["bytes"] > 0, "%s: no bytes" % url)
        if text:
            t = out_text(url)
            check(text in t, "%s: output lacks %r: %r" % (url, text, t[:200]))
    else:
        check(r["output"] is None, "%s: a failure with an output" % url)

title = "Café owners’ guide to local testing"
expect(b + "/article.html", "ok", 200, text=title, attempts=1)
expect(b + "/redirect", "ok", 200, text=title)
check(by[b + "/redirect"]["final_url"] == b + "/article.html", "redirect: final_url %s" % by[b + "/redirect"]["final_url"])
expect(b + "/loop", "failed", error="too many redirects")
expect(b + "/gzip", "ok", 200, text=title)
expect(b + "/brotli", "ok", 200, text=title)
expect(b + "/latin1", "ok", 200, text="crème brûlée")
expect(b + "/cp1251", "ok", 200, text="Привет из маленького кафе")
expect(b + "/404", "failed", 404, "HTTP 404", attempts=1)
expect(b + "/500", "failed", 500, "HTTP 500", attempts=1)
expect(b + "/unavailable", "failed", 503, "HTTP 503", attempts=2)
expect(b + "/flaky?one", "ok", 200, attempts=2, text=title)
expect(b + "/ratelimit?one", "ok", 200, attempts=2, text=title)
expect(b + "/reset?one", "ok", 200, attempts=2, text=title)
expect(b + "/stall", "failed", error="timed out", attempts=2)
expect(b + "/big", "failed", error="exceeds 1000000 bytes")
expect(b + "/pdf", "not_html", 200, "not HTML (Content-Type: application/pdf)")
expect("http://127.0.0.1:1/refused", "failed", error="Connection refused")
p = "http://polite.test:%s" % port
expect(p + "/article.html", "ok", 200, text=title)
expect(p + "/private/secret.html", "disallowed", error="disallowed by " + p + "/robots.txt")
expect(p + "/private/open/page.html", "failed", 404)  # allowed, so fetched
expect(p + "/gzip", "ok", 200)
for i in range(1, 5):
    expect("http://slow.test:%s/article.html?%d" % (port, i), "ok", 200)
expect("http://down.test:%s/article.html" % port, "disallowed", error="robots.txt answered HTTP 503")

# outputs: inside out/, named from the URL, written atomically (no leftovers)
for root, dirs, files in os.walk(os.path.join(tmp, "out")):
    for f in files:
        check(".tmp." not in f, "temporary file left: %s" % f)
names = [r["output"] for r in rows if r["output"]]
check(len(set(names)) == len(names), "output names collide")
for n in names:
    check(not n.startswith("/") and ".." not in n.split("/"), "unsafe name %s" % n)

# the request log: what was asked, and when
log = []
for l in open(os.path.join(tmp, "requests.log")):
    t, host, path = l.rstrip("\n").split("\t")
    log.append((float(t), host.split(":")[0], path))
def times(host, path=None):
    return [t for t, h, q in log if h == host and (path is None or q == path)]
check(not [1 for t, h, q in log if q.startswith("/private/secret")], "a disallowed URL was fetched")
check(len(times("127.0.0.1", "/article.html")) == 2, "the duplicate URL was fetched again (or redirect target missing)")
check(len(times("polite.test", "/robots.txt")) == 1, "robots.txt fetched %d times on one host" % len(times("polite.test", "/robots.txt")))
def gaps(ts):
    ts = sorted(ts)
    return [b - a for a, b in zip(ts, ts[1:])]
g = gaps(times("polite.test"))
check(len(g) == 3 and min(g) >= 0.48, "Crawl-delay 0.5 not kept on polite.test: gaps %s" % g)
g = gaps(times("slow.test"))
check(len(g) == 4 and min(g) >= 0.19, "--delay 0.2 not kept on slow.test: gaps %s" % g)
g = gaps(times("127.0.0.1", "/flaky?one"))
check(len(g) == 1 and g[0] >= 0.95, "Retry-After: 1 not honoured: %s" % g)
g = gaps(times("127.0.0.1", "/ratelimit?one"))
check(len(g) == 1 and g[0] >= 0.99, "Retry-After HTTP-date not honoured: %s" % g)
check(end - start < 25, "the run took %.1f s" % (end - start))

err = open(os.path.join(tmp, "err1")).read()
check("26 URLs: 15 ok, 8 failed, 1 not HTML, 2 disallowed by robots.txt, 1 duplicates dropped" in err,
      "summary line: %s" % err.splitlines()[-4:])
for f in fails:
    print("FAIL", f)
print("run 1: %d checks failed" % len(fails))
sys.exit(1 if fails else 0)
PY
[ $? -eq 0 ] || fail=1

# --- a run killed mid-way, then resumed ----------------------------------
for i in $(seq 1 30); do echo "http://resume.test:$port/article.html?r$i"; done >"$tmp/resume.txt"
"$bin" -i - -o "$tmp/res" --delay 0.1 --per-host 1 "${resolve[@]}" <"$tmp/resume.txt" 2>"$tmp/err2" &
pid=$!
sleep 1.3
kill -9 "$pid"
wait "$pid" 2>/dev/null
before=$(wc -l <"$tmp/res/results.jsonl")
# a line torn by the kill must not spoil the next run
printf '{"url":"http://resume.test:%s/article.html?r30","outc' "$port" >>"$tmp/res/results.jsonl"
"$bin" -i "$tmp/resume.txt" -o "$tmp/res" --delay 0.1 --resume "${resolve[@]}" 2>"$tmp/err3" </dev/null
status=$?
python3 - "$tmp" "$port" "$status" "$before" <<'PY'
import json, os, sys
tmp, port, status, before = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
fails = []
ok = {}
for l in open(os.path.join(tmp, "res", "results.jsonl")):
    try:
        r = json.loads(l)
    except ValueError:
        if not l.startswith('{"url":"http://resume.test:%s/article.html?r30","outc' % port):
            fails.append("unexpected torn line %r" % l)
        continue
    if r["outcome"] == "ok":
        ok[r["url"]] = ok.get(r["url"], 0) + 1
        if not os.path.exists(os.path.join(tmp, "res", r["output"])):
            fails.append("missing output %s" % r["output"])
want = ["http://resume.test:%s/article.html?r%d" % (port, i) for i in range(1, 31)]
if status != 0:
    fails.append("the resumed run exited %d" % status)
if not 0 < before < 30:
    fails.append("the killed run should have finished some but not all URLs: %d" % before)
for u in want:
    if ok.get(u) != 1:
        fails.append("%s: %s ok lines, want 1" % (u, ok.get(u, 0)))
asked = {}
for l in open(os.path.join(tmp, "requests.log")):
    t, host, path = l.rstrip("\n").split("\t")
    if host.startswith("resume.test") and path != "/robots.txt":
        asked[path] = asked.get(path, 0) + 1
again = [p for p, n in asked.items() if n > 1]
if len(again) > 1:
    fails.append("more than the one in-flight URL fetched twice: %s" % again)
err = open(os.path.join(tmp, "err3")).read()
if "%d done before (--resume)" % before not in err:
    fails.append("resume summary: %s" % err.splitlines()[-2:])
for f in fails:
    print("FAIL", f)
print("resume: %d checks failed" % len(fails))
sys.exit(1 if fails else 0)
PY
[ $? -eq 0 ] || fail=1

# --- usage errors ----------------------------------------------------------
"$bin" -i "$tmp/urls.txt" >/dev/null 2>"$tmp/err4"
if [ $? -ne 2 ] || ! grep -q -- "-o DIR" "$tmp/err4"; then
	echo "FAIL: -i without -o: $(cat "$tmp/err4")"
	fail=1
fi
"$bin" -o "$tmp/mix" "$b/article.html" "$src/fixtures" >/dev/null 2>"$tmp/err5"
if [ $? -ne 2 ] || ! grep -q "not an http(s) URL" "$tmp/err5"; then
	echo "FAIL: URLs mixed with files: $(cat "$tmp/err5")"
	fail=1
fi
exit "${fail:-0}"
