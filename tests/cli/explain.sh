#!/bin/bash
# --explain without a browser: the report's blocks in document order with
# their marks and reasons (HTML and plain text agree), the report for a page
# with no content, usage errors, and a hostile page whose report holds no
# markup of its own (the browser test, explain_browser.sh, renders it too).
# usage: explain.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
. "$(dirname "$0")/common.bash"
export XDG_CONFIG_HOME=$tmp/config

page=$src/fixtures/news-article.html
"$bin" --explain "$tmp/r.html" "$page" >"$tmp/out" 2>"$tmp/err"
check "explain: exit 0" [ $? -eq 0 ]
check "explain: the text is printed as without it" cmp -s "$tmp/out" "$src/fixtures/news-article.txt"
"$bin" --explain - "$page" >/dev/null 2>"$tmp/r.txt"
python3 - "$tmp/r.html" "$tmp/r.txt" "$src/fixtures/news-article.txt" <<'PY'
import html, re, sys
h = open(sys.argv[1], encoding="utf-8").read()
t = open(sys.argv[2], encoding="utf-8").read()
want = open(sys.argv[3], encoding="utf-8").read()
blocks = re.findall(r'<li class="block (kept|dropped)" id="b(\d+)" data-state="(\w+)">.*?<div class="text">(.*?)</div>\n<div class="why">(.*?)</div>', h, re.S)
plain = re.findall(r"^#(\d+) (KEPT|DROPPED) <[^>]*>: (.*)\n   why: (.*)$", t, re.M)
ok = len(blocks) == len(plain) > 5
for (cls, num, state, text, why), (pnum, pstate, ptext, pwhy) in zip(blocks, plain):
    ok &= cls == state == pstate.lower() and num == pnum and html.unescape(why) == pwhy
kept = [html.unescape(re.sub(r"<del>.*?</del>|</?ins>", "", b[3])) for b in blocks if b[0] == "kept"]
body = want.split("\n\n", 1)[1]
# every kept block's text is in the output, in order
pos = 0
for k in kept:
    i = body.find(k.replace("\t", " | "), pos) if "\t" not in k else body.find(k.split("\t")[0], pos)
    ok &= i >= 0
    pos = max(pos, i)
counts = re.search(r'id="kept-count">(\d+)<.*?id="dropped-count">(\d+)<', h, re.S)
ok &= counts is not None and int(counts.group(1)) == len(kept) and int(counts.group(2)) == len(blocks) - len(kept)
sys.exit(0 if ok else 1)
PY
check "explain: HTML and text reports agree; kept blocks are the output, in order" [ $? -eq 0 ]
check "explain: summary" sh -c "grep -q '^page type: article' '$tmp/r.txt' && grep -q '^main content: <' '$tmp/r.txt' && grep -q '^time: decode' '$tmp/r.txt'"

# no main content: exit 5, and the report says why
printf '<html><body><nav><a href="/">Home</a> <a href="/a">About us</a></nav></body></html>' >"$tmp/empty.html"
"$bin" --explain "$tmp/e.html" "$tmp/empty.html" >/dev/null 2>&1
check "no content: exit 5" [ $? -eq 5 ]
check "no content: the report says why" sh -c "grep -q 'no main content found' '$tmp/e.html' && grep -q 'data-state=\"dropped\"' '$tmp/e.html' && grep -q 'is never content' '$tmp/e.html'"

# usage errors
"$bin" --explain - "$page" "$page" >/dev/null 2>"$tmp/err"
check "two pages: exit 2" [ $? -eq 2 ]
"$bin" --explain - -o "$tmp/o" "$page" >/dev/null 2>"$tmp/err"
check "with -o: exit 2" [ $? -eq 2 ]
"$bin" --explain "$tmp/no/such/dir/r.html" "$page" >/dev/null 2>"$tmp/err"
st=$?
check "unwritable report: exit 6, named" sh -c "[ $st -eq 6 ] && grep -q 'r.html: cannot write the report' '$tmp/err'"

# hostile markup comes out as text
cat >"$tmp/hostile.html" <<'HTML'
<html><head><title>T&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title><script>alert(0)</script></head>
<body onload="alert(1)"><div class='a" onclick="alert(2)' id="&lt;/li&gt;&lt;script&gt;alert(3)&lt;/script&gt;">
<p>This long enough paragraph says &lt;/html&gt;&lt;script&gt;alert(4)&lt;/script&gt; and &lt;img src=x onerror=alert(5)&gt; as words, with commas, more words.</p>
<p onmouseover="alert(6)">Second paragraph, also long enough to count as text, with commas, and quotes " and '.</p>
</div></body></html>
HTML
"$bin" --explain "$tmp/h.html" "$tmp/hostile.html" >/dev/null 2>&1
python3 - "$tmp/h.html" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    tags, attrs = [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag); self.attrs += [k for k, _ in attrs]
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
allowed = {"html", "head", "meta", "title", "style", "body", "h1", "table", "tr", "th", "td", "span", "ol", "li", "div", "del", "ins"}
bad = set(p.tags) - allowed
handlers = [a for a in p.attrs if a.startswith("on") or a in ("src", "href")]
sys.exit(0 if not bad and not handlers else 1)
PY
check "hostile: only the report's own elements and attributes" [ $? -eq 0 ]
check "hostile: the page's markup is escaped text" has "$tmp/h.html" "&lt;/html&gt;&lt;script&gt;alert(4)&lt;/script&gt;"

echo "explain: $pass passed, $fail failed"
[ $fail -eq 0 ]
