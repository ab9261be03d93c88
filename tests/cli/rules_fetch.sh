#!/bin/bash
# Per-site rules on fetched pages: the host is the URL's (here mapped to the
# local test server with --resolve), in a one-URL run and in a URL-list run.
# The page names birds.example.net as canonical; the fetched URL wins.
# usage: rules_fetch.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
. "$src/tests/lib/server.sh"
export XDG_CONFIG_HOME=$tmp/config
mkdir -p "$tmp/pages"
gzip -c "$src/fixtures/site-rules/other-host.html" >"$tmp/pages/gulls.html.gz"
server_start --pages "$tmp/pages"
fail=0 pass=0
check() { # NAME CONDITION...
	local name=$1
	shift
	if "$@"; then pass=$((pass + 1)); else echo "FAIL $name"; fail=$((fail + 1)); fi
}
rules=$src/fixtures/site-rules/rules
res=(--resolve "news.example.com:$port:127.0.0.1" --resolve "birds.test:$port:127.0.0.1")

# one URL (no --resolve outside URL lists: the server's own address as host)
printf '127.0.0.1 drop .story-body p.editor-aside\n' >"$tmp/ip-rules"
"$bin" --rules "$tmp/ip-rules" "http://127.0.0.1:$port/pages/gulls" >"$tmp/a" 2>"$tmp/err"
check "one URL: fetched" grep -q "herring gulls" "$tmp/a"
check "one URL: the rule for the URL's host applies" sh -c "! grep -q 'Editor' '$tmp/a'"
"$bin" --rules "$rules" "http://127.0.0.1:$port/pages/gulls" >"$tmp/b" 2>"$tmp/err"
check "one URL: rules for other hosts do not" grep -q "Editor's aside" "$tmp/b"

printf 'http://news.example.com:%s/pages/gulls?1\nhttp://birds.test:%s/pages/gulls?2\n' "$port" "$port" >"$tmp/list"
"$bin" --rules "$rules" "${res[@]}" --delay 0 -i "$tmp/list" -o "$tmp/out" 2>"$tmp/err"
check "URL list: ran" [ $? -eq 0 ]
news=$(find "$tmp/out" -path '*news.example.com*' -name '*.txt' | head -1)
birds=$(find "$tmp/out" -path '*birds.test*' -name '*.txt' | head -1)
check "URL list: the host's rule applies" sh -c "[ -s '$news' ] && ! grep -q 'Editor' '$news'"
check "URL list: not on another host" sh -c "[ -s '$birds' ] && grep -q 'Editor' '$birds'"

echo "rules_fetch: $pass passed, $fail failed"
[ $fail -eq 0 ]
