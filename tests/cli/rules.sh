#!/bin/bash
# Per-site rules: each rule changes the output in its direction (the
# fixtures in fixtures/site-rules, without and with their rules file), bad
# rules are usage errors naming line and column, the default rules file is
# read (and --no-rules or --rules replace it), and the rules work the same
# in one-page, bulk, JSONL, WARC (by the record's URL) and --check runs.
# usage: rules.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
fx=$src/fixtures/site-rules
. "$(dirname "$0")/common.bash"
# no user rules file from the machine running the tests
export XDG_CONFIG_HOME=$tmp/config HOME=$tmp/home
mkdir -p "$HOME"

run() { "$bin" "$@" 2>"$tmp/err"; }
run --no-rules "$fx/drop-aside.html" >"$tmp/drop0"
run --rules "$fx/rules" "$fx/drop-aside.html" >"$tmp/drop1"
check "drop: the paragraph is there without rules" has "$tmp/drop0" "Editor's aside"
check "drop: the rule takes it out" hasnt "$tmp/drop1" "Editor's aside"
check "drop: the rest stays" has "$tmp/drop1" "Volunteers are typing"
check "drop: equals the fixture" cmp -s "$tmp/drop1" "$fx/drop-aside.txt"

run --no-rules "$fx/keep-factbox.html" >"$tmp/keep0"
run --rules "$fx/rules" "$fx/keep-factbox.html" >"$tmp/keep1"
check "keep: the box is dropped without rules" hasnt "$tmp/keep0" "nine thousand cubic metres"
check "keep: the rule brings it in, in place" \
	grep -Pzq 'closes the gate again as the tide turns\.\n\nFact box\n\nThe mill pond holds' "$tmp/keep1"
check "keep: the unrelated aside stays out" hasnt "$tmp/keep1" "More from the mills"

run --no-rules "$fx/main-docs.html" >"$tmp/main0"
run --rules "$fx/rules" "$fx/main-docs.html" >"$tmp/main1"
check "main: extraction alone takes the changelog" has "$tmp/main0" "Version 4.2"
check "main: the rule picks the docs" has "$tmp/main1" "Download the archive"
check "main: and only them" hasnt "$tmp/main1" "Version 4.2"

run --rules "$fx/rules" "$fx/other-host.html" >"$tmp/other"
check "host rules stay on their host" has "$tmp/other" "Editor's aside"

# bad rules: usage error 2, FILE:LINE:COLUMN
printf '# ok\n*.example.com drop .a\n* keep div >\n' >"$tmp/bad"
"$bin" --rules "$tmp/bad" "$fx/drop-aside.html" >/dev/null 2>"$tmp/err"
check "bad rule: exit 2" [ $? -eq 2 ]
check "bad rule: line and column" has "$tmp/err" "scrape: $tmp/bad:3:13: expected a selector, found the end"
"$bin" --rules "$tmp/absent" "$fx/drop-aside.html" >/dev/null 2>"$tmp/err"
check "missing rules file: exit 2" [ $? -eq 2 ]

# the default file: XDG_CONFIG_HOME, then ~/.config; --no-rules and --rules replace it
mkdir -p "$XDG_CONFIG_HOME/scrape" "$HOME/.config/scrape"
cp "$fx/rules" "$XDG_CONFIG_HOME/scrape/rules"
run "$fx/drop-aside.html" >"$tmp/d"
check "default file under XDG_CONFIG_HOME" hasnt "$tmp/d" "Editor's aside"
run --no-rules "$fx/drop-aside.html" >"$tmp/d"
check "--no-rules ignores it" has "$tmp/d" "Editor's aside"
printf '* drop p\n' >"$tmp/other-rules"
run --rules "$tmp/other-rules" "$fx/drop-aside.html" >"$tmp/d"
check "--rules replaces it" hasnt "$tmp/d" "Volunteers" 
printf '* main [broken\n' >"$XDG_CONFIG_HOME/scrape/rules"
"$bin" "$fx/drop-aside.html" >/dev/null 2>"$tmp/err"
check "a broken default file is a usage error too" [ $? -eq 2 ]
rm -r "$XDG_CONFIG_HOME/scrape"
cp "$fx/rules" "$HOME/.config/scrape/rules"
(unset XDG_CONFIG_HOME; "$bin" "$fx/drop-aside.html" >"$tmp/d" 2>/dev/null)
check "default file under ~/.config" hasnt "$tmp/d" "Editor's aside"
rm -r "$HOME/.config/scrape"

# bulk and JSONL
mkdir -p "$tmp/in"
cp "$fx"/*.html "$tmp/in/"
"$bin" -q -j2 --rules "$fx/rules" -o "$tmp/out" "$tmp/in" 2>/dev/null
ok=1
for f in drop-aside keep-factbox main-docs other-host; do cmp -s "$tmp/out/$f.txt" "$fx/$f.txt" || ok=0; done
check "bulk -o: rules applied to every page" [ $ok -eq 1 ]
"$bin" -q -j2 --rules "$fx/rules" --jsonl "$tmp/in" >"$tmp/jsonl" 2>/dev/null
check "--jsonl: rules applied" sh -c "grep -c 'nine thousand cubic metres' '$tmp/jsonl' | grep -qx 1 && ! grep -q 'first printed in the winter issue' '$tmp/jsonl'"

# WARC: the host is the record's URL (the page's canonical URL says otherwise)
python3 - "$fx/other-host.html" "$tmp/t.warc" <<'PY'
import sys
page = open(sys.argv[1], 'rb').read()
out = open(sys.argv[2], 'wb')
for i, url in enumerate(["https://news.example.com/gulls", "https://birds.example.net/gulls"]):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0000000%d-0000-0000-0000-000000000000>\r\n"
            "WARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (i, url, len(http)))
    out.write(head.encode() + http + b"\r\n\r\n")
PY
"$bin" --rules "$fx/rules" --warc "$tmp/t.warc" >"$tmp/warc.jsonl" 2>"$tmp/err"
check "WARC: two records" [ "$(wc -l <"$tmp/warc.jsonl")" -eq 2 ]
check "WARC: the rule for the record's host applies" sh -c "head -1 '$tmp/warc.jsonl' | grep -q news.example.com && ! head -1 '$tmp/warc.jsonl' | grep -q 'Editor'"
check "WARC: not on another host" sh -c "tail -1 '$tmp/warc.jsonl' | grep -q birds.example.net && tail -1 '$tmp/warc.jsonl' | grep -q 'Editor'"

# --check: the folder's own rules file; a changed rule shows up as a difference
"$bin" --check "$fx" >"$tmp/check" 2>&1
check "--check with the folder's rules passes" [ $? -eq 0 ]
mkdir -p "$tmp/fx"
cp "$fx"/*.html "$fx"/*.txt "$tmp/fx/"
"$bin" --check "$tmp/fx" >"$tmp/check" 2>&1
check "--check without the rules file fails" [ $? -eq 1 ]
printf '%s\n' '--rules' "$fx/rules" >"$tmp/fx/drop-aside.opts"
"$bin" --check "$tmp/fx" >"$tmp/check" 2>&1
check "--check: a fixture's .opts may give --rules" has "$tmp/check" "fixtures: 2 passed, 2 failed"

# --explain names the rule that decided
"$bin" --rules "$fx/rules" --explain - "$fx/keep-factbox.html" >/dev/null 2>"$tmp/explain"
check "--explain names the keep rule" has "$tmp/explain" "forced in by rule $fx/rules:8 (*.example.com keep aside.fact-box)"
"$bin" --rules "$fx/rules" --explain - "$fx/drop-aside.html" >/dev/null 2>"$tmp/explain"
check "--explain names the drop rule" has "$tmp/explain" "dropped by rule $fx/rules:5 (*.example.com drop .story-body p.editor-aside)"
"$bin" --rules "$fx/rules" --explain - "$fx/main-docs.html" >/dev/null 2>"$tmp/explain"
check "--explain names the main rule" has "$tmp/explain" "chosen by rule $fx/rules:11 (docs.example.org main article .content)"

echo "rules: $pass passed, $fail failed"
[ $fail -eq 0 ]
