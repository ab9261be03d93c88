#!/bin/bash
# The --explain report in a real browser (headless Chromium): every block
# of the page appears in the rendered DOM with the kept or dropped mark and
# the reason the plain-text report gives, repair edits are marked, and a
# screenshot is saved (build/test-artifacts/explain-report.png). A page with
# hostile markup (scripts, "</html>" in its text, event attributes, quotes
# and tags in class names) gives a report in which nothing runs and nothing
# of the page is markup.
# Skips (77) without Chromium: Debian's `chromium` package is about 140 MB
# of downloads, more than the test suite should install on its own; install
# it (apt-get install chromium) to run this test.
# usage: explain_browser.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
browser=
for b in chromium chromium-browser google-chrome; do
	command -v "$b" >/dev/null && { browser=$b; break; }
done
if [ -z "$browser" ]; then
	echo "explain_browser: SKIPPED: no chromium (apt-get install chromium) to open the report in"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
artifacts=$(dirname "$bin")/test-artifacts
mkdir -p "$artifacts"
fail=0 pass=0
check() { # NAME CONDITION...
	local name=$1
	shift
	if "$@"; then pass=$((pass + 1)); else echo "FAIL $name"; fail=$((fail + 1)); fi
}
export XDG_CONFIG_HOME=$tmp/config # no user rules
chrome() { # URL MODE(dump-dom|screenshot=FILE)
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$tmp/profile" --window-size=1100,1600 "--$2" "$1" 2>>"$tmp/chrome.log"
}

cat >"$tmp/page.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Night ferries</title>
<link rel="canonical" href="https://www.example.com/ferries"></head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/travel">Travel</a></nav>
<div class="article-body">
<h1>Night ferries</h1>
<p>The night ferry leaves the harbour at eleven, and by midnight the lounge is full of lorry drivers asleep in their jackets, their boots lined up under the seats.</p>
<div class="share-bar">Share this <a href="#">Mail</a> <a href="#">Post</a></div>
<p>The crossing takes seven hours, which is long enough for a proper sleep if you book a cabin and short enough that nobody bothers.</p>
<p class="promo-note">Book early: cabins on summer weekends sell out weeks ahead, and the deck chairs go at the quay.</p>
<p>At dawn the coast appears as a grey line, then as cliffs, and the cafe opens its shutters with a clatter that wakes the whole deck.</p>
<p>Passengers say the Captainâ€™s announcements are the best part of the trip.</p>
</div>
<div class="related-stories"><h3>More travel</h3><ul><li><a href="/a">Sleeper trains are back</a></li><li><a href="/b">The last canal boats</a></li></ul></div>
<footer>Travel desk, 2 Harbour Road</footer>
</body></html>
HTML
printf '*.example.com drop p.promo-note\n' >"$tmp/rules"

"$bin" --rules "$tmp/rules" --explain "$tmp/report.html" "$tmp/page.html" >"$tmp/out.txt" 2>"$tmp/err"
check "explain run succeeds" [ $? -eq 0 ]
"$bin" --rules "$tmp/rules" --explain - "$tmp/page.html" >/dev/null 2>"$tmp/report.txt"
check "report written" [ -s "$tmp/report.html" ]
check "report has no external resources" sh -c "! grep -Eiq '(src|href|action|poster)=|url\(|@import' '$tmp/report.html'"
chrome "file://$tmp/report.html" dump-dom >"$tmp/dom.html"
check "chromium dumped the DOM" [ -s "$tmp/dom.html" ]
chrome "file://$tmp/report.html" "screenshot=$artifacts/explain-report.png" >/dev/null
check "screenshot saved" [ -s "$artifacts/explain-report.png" ]

# The blocks in the browser's DOM against the plain-text report, then
# against what the page is known to hold.
python3 - "$tmp/dom.html" "$tmp/report.txt" "$tmp/out.txt" >"$tmp/compare" 2>&1 <<'PY'
import html.parser, re, sys

class Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self.cur, self.field, self.depth = [], None, None, 0
        self.scripts = 0
        self.handlers = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        cls = (a.get("class") or "").split()
        if tag == "li" and "block" in cls:
            self.cur = {"state": a.get("data-state"), "cls": cls, "text": "", "why": "", "ins": [], "del": []}
            self.blocks.append(self.cur)
        elif self.cur is not None and tag == "div" and cls and cls[0] in ("text", "why", "detail"):
            self.field = cls[0]
        elif self.cur is not None and tag in ("ins", "del"):
            self.cur[tag].append("")
            self.mark = tag
    def handle_endtag(self, tag):
        if tag == "div":
            self.field = None
        if tag == "li":
            self.cur = None
        if tag in ("ins", "del"):
            self.mark = None
    def handle_data(self, data):
        if self.cur is not None and self.field in ("text", "why"):
            self.cur[self.field] += data
            if self.field == "text" and getattr(self, "mark", None):
                self.cur[self.mark][-1] += data

dom = Blocks()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
text = open(sys.argv[2], encoding="utf-8").read()
plain = [(m.group(2).lower(), m.group(4)) for m in
         re.finditer(r"^#(\d+) (KEPT|DROPPED) <([^>]*)>: .*\n   why: (.*)$", text, re.M)]
ok = True
def expect(cond, what):
    global ok
    if not cond:
        print("FAIL", what)
        ok = False
expect(dom.scripts == 0 and not dom.handlers, "no script and no event handler in the report")
expect(len(dom.blocks) == len(plain) and len(plain) >= 8,
       "as many blocks in the browser (%d) as in the text report (%d)" % (len(dom.blocks), len(plain)))
for i, (b, (state, why)) in enumerate(zip(dom.blocks, plain)):
    expect(b["state"] == state and state in b["cls"], "block %d: mark %s, want %s" % (i + 1, b["state"], state))
    expect(b["why"].strip() == why.strip(), "block %d: reason %r, want %r" % (i + 1, b["why"], why))
def block(words):
    for b in dom.blocks:
        if words in b["text"]:
            return b
    expect(False, "a block holds %r" % words)
    return {"state": None, "why": "", "ins": [], "del": []}
want = [
    ("Home Travel", "dropped", "<nav.site-nav> is never content"),
    ("lorry drivers asleep", "kept", "in the main content <div.article-body>"),
    ("Share this", "dropped", 'class "share-bar" names furniture'),
    ("seven hours", "kept", "in the main content"),
    ("Book early", "dropped", "dropped by rule"),
    ("At dawn the coast", "kept", "in the main content"),
    ("More travel", "dropped", "outside the main content"),
    ("Sleeper trains", "dropped", 'class "related-stories" names furniture'),
    ("Travel desk", "dropped", "outside the main content"),
    ("Night ferries", "dropped", "repeats the title"),
]
for words, state, why in want:
    b = block(words)
    expect(b["state"] == state, "%r is %s, want %s" % (words, b["state"], state))
    expect(why in b["why"], "%r: reason %r lacks %r" % (words, b["why"], why))
b = block("announcements")
expect(b["state"] == "kept" and "Captain\u2019s" in b["ins"] and any("Captain" in d for d in b["del"]),
       "the repair shows before and after: del %r ins %r" % (b["del"], b["ins"]))
out = open(sys.argv[3], encoding="utf-8").read()
for b in dom.blocks:
    if b["state"] == "kept":
        final = re.sub(r"\s+", " ", b["text"]).strip()
        # the kept text with the repair applied is the output's text
        shown = final
        for d in b["del"]:
            shown = shown.replace(d, "", 1)
        expect(re.sub(r"\s+", " ", shown).strip() in re.sub(r"\s+", " ", out), "kept block %r is in the output" % final[:40])
print("compare:", "ok" if ok else "differences")
sys.exit(0 if ok else 1)
PY
st=$?
cat "$tmp/compare"
check "browser DOM matches the text report and the page" [ $st -eq 0 ]

# A hostile page: nothing of it runs or loads in the report.
cat >"$tmp/hostile.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Hostile &lt;/title&gt;&lt;script&gt;document.title='pwned-title'&lt;/script&gt;</title>
<script>document.title = 'pwned-head';</script>
<base href="http://attacker.invalid/">
<link rel="stylesheet" href="http://attacker.invalid/x.css">
</head>
<body onload="document.body.setAttribute('data-pwned','onload')">
<div class="story&quot; onmouseover=&quot;alert(1)&quot; x=&quot;" id="a'><script>document.title='pwned-id'</script>">
<p onclick="alert(2)">This paragraph is long enough to be the story, and it mentions &lt;script&gt;document.body.setAttribute('data-pwned','text')&lt;/script&gt; as plain words.</p>
<p>It also says &lt;/html&gt; and &lt;/body&gt; in its text, then goes on, as a story would, for a while longer, with commas, and more.</p>
<p>An image follows <img src="http://attacker.invalid/pixel.png" onerror="document.body.setAttribute('data-pwned','img')"> inside the text, and <iframe src="http://attacker.invalid/"></iframe> a frame.</p>
<p>The end &amp; some quotes: "double" and 'single', and a &lt;style&gt;body{display:none}&lt;/style&gt; too.</p>
</div>
<svg><script>document.title='pwned-svg'</script></svg>
</body></html>
HTML
"$bin" --explain "$tmp/hostile-report.html" "$tmp/hostile.html" >/dev/null 2>"$tmp/err"
check "hostile: report written" [ -s "$tmp/hostile-report.html" ]
chrome "file://$tmp/hostile-report.html" dump-dom >"$tmp/hostile-dom.html"
check "hostile: chromium dumped the DOM" [ -s "$tmp/hostile-dom.html" ]
chrome "file://$tmp/hostile-report.html" "screenshot=$artifacts/explain-hostile.png" >/dev/null
python3 - "$tmp/hostile-dom.html" "$tmp/hostile-report.html" <<'PY' >"$tmp/hcompare" 2>&1
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.title, self.in_title, self.text = [], [], "", False, ""
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self.in_title = tag == "title"
    def handle_endtag(self, tag):
        self.in_title = False
    def handle_data(self, d):
        if self.in_title:
            self.title += d
        self.text += d
ok = True
for name in sys.argv[1:]:
    p = P()
    p.feed(open(name, encoding="utf-8").read())
    bad_tags = {"script", "img", "iframe", "base", "link", "svg", "object", "embed"} & set(p.tags)
    bad_attrs = [k for k, v in p.attrs if k.startswith("on") or k in ("src", "href")]
    checks = [
        (not bad_tags, "no active elements, got %s" % sorted(bad_tags)),
        (not bad_attrs, "no event handlers or links, got %s" % bad_attrs),
        (not any(k == "data-pwned" for k, _ in p.attrs), "no script ran (data-pwned)"),
        (p.title.startswith("scrape --explain: Hostile </title><script>"),
         "no script changed the title, the page's title is text: %r" % p.title),
        ("<script>document.body.setAttribute('data-pwned','text')</script>" in p.text,
         "the page's words are shown as text"),
        ("</html>" in p.text, "</html> in the page's text is text"),
        ('onmouseover="alert(1)"' in p.text, "the class attribute is shown as text"),
    ]
    for cond, what in checks:
        if not cond:
            print("FAIL %s: %s" % (name, what))
            ok = False
print("hostile:", "ok" if ok else "unsafe")
sys.exit(0 if ok else 1)
PY
st=$?
cat "$tmp/hcompare"
check "hostile: nothing runs, the page is text" [ $st -eq 0 ]
cp "$tmp/report.html" "$artifacts/explain-report.html"

echo "explain_browser: $pass passed, $fail failed (screenshots in $artifacts)"
[ $fail -eq 0 ]
