#!/bin/bash
# Hostile pages, generated here (never committed): each must finish within
# 5 seconds of CPU time and 512 MB with the expected exit status and message;
# CPU, not wall time, so that other tests running beside this one on a busy
# machine do not count, and a hang still fails (20 s wall: timeout's 124). Prints a
# table: page, seconds, peak memory, exit status, first line of stderr.
# usage: hostile.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$(realpath "$1")
if [ ! -x /usr/bin/time ]; then
	echo "skip: /usr/bin/time is missing (Debian package time)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
max_s=5 max_kb=$((512 * 1024)) fail=0

article='<html><head><title>Hostile</title></head><body><article><h1>Hostile page</h1><p>This paragraph is the article: it is long enough, with commas, words and sentences, to be taken as the main content of the page by the extractor.</p>'

gen() { # NAME PYTHON-EXPRESSION-WRITING-BYTES-TO-f
	python3 -c "import sys,zlib
f=open(sys.argv[1],'wb')
A=sys.argv[2].encode()
$2
f.close()" "$tmp/$1" "$article" || { echo "FAIL cannot generate $1"; exit 1; }
}

gen deep-divs.html "f.write(A+b'<div>'*100000+b'<p>deep text</p>'+b'</div>'*100000+b'<p>After the deep part, a second paragraph of the article, still long enough to count.</p></article>')"
gen unclosed-b.html "f.write(A+b'<b>'*100000+b'bold text')"
gen deep-table.html "f.write(A+b'<table><tr><td>'*33334+b'cell')"
gen deep-svg.html "f.write(A+b'<svg>'+b'<g>'*100000+b'</svg>')"
gen nested-a.html "f.write(A+b'<a href=x>link '*100000)"
gen million-attrs.html "f.write(b'<html><body><div '+b' '.join(b'a%d=1' % i for i in range(1000000))+b'>'+A[12:])"
gen many-nodes.html "f.write(A+b'<br>x'*2000000)"
gen nul-bytes.html "f.write(b'\\0'*1000000)"
gen invalid-utf8.html "
bad=[b'\\x80',b'\\xff',b'\\xc0\\xaf',b'\\xed\\xa0\\x80',b'\\xf4\\x90\\x80\\x80',b'\\xe2\\x82',b'\\xfe']
body=A[A.index(b'<body>'):]
out=b'<html><head><meta charset=utf-8></head>'
for i,c in enumerate(body):
	out+=bytes([c])+bad[i%len(bad)]
f.write(out)"
gen bad-codepoint.html "f.write(A+b'<p>Entities out of range: &#x110000; &#0; &#xD800; &#99999999999; &#x; and the paragraph goes on long enough to count.</p>')"
gen unknown-charset.html "f.write(b'<meta charset=\"x-no-such-encoding\">'+A+b'<p>Caf\\xc3\\xa9 in UTF-8 under an unknown label, a paragraph long enough to count.</p>')"
gen fake-utf16-meta.html "f.write(b'<meta charset=\"utf-16\">'+A)"
gen fake-utf16-bom.html "f.write(b'\\xff\\xfe'+A+b'!')"
gen gzip-bomb.html.gz "
c=zlib.compressobj(9,zlib.DEFLATED,31)
z=bytes(1<<20)
for _ in range(1024):
	f.write(c.compress(z))
f.write(c.flush())"
# 200 MB of real markup
yes '<p>two hundred megabytes of paragraphs</p>' | head -c 200000000 >"$tmp/200mb.html"

cd "$tmp" || exit 1
# NAME WANT_STATUS WANT_STDERR_SUBSTRING ("" when stderr does not matter)
check() {
	local name=$1 want=$2 msg=$3
	/usr/bin/time -f '%U %S %M' -o "$tmp/time" timeout 20 "$bin" "$name" >"$tmp/out" 2>"$tmp/err"
	local got=$? user sys secs kb verdict=ok
	read -r user sys kb < <(tail -1 "$tmp/time")
	secs=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')
	if [ "$got" -ne "$want" ]; then
		verdict="FAIL: exit $got, want $want"
	elif [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then
		verdict="FAIL: stderr lacks '$msg'"
	elif awk -v s="$secs" -v m="$max_s" 'BEGIN{exit !(s > m)}'; then
		verdict="FAIL: over ${max_s} s"
	elif [ "$kb" -gt "$max_kb" ]; then
		verdict="FAIL: over 512 MB"
	fi
	case $verdict in FAIL*) fail=$((fail + 1)) ;; esac
	printf '%-22s %6s s %7s MB  exit %s  %s  %s\n' "$name" "$secs" "$((kb / 1024))" "$got" \
		"$(head -1 "$tmp/err" | cut -c1-110)" "$verdict"
}

printf '%-22s %8s %10s  %s\n' page cpu-time peak-memory 'exit, message, verdict'
check deep-divs.html 0 'depth limit of 512 (--max-depth)'
check unclosed-b.html 0 'depth limit of 512 (--max-depth)'
check deep-table.html 0 'depth limit of 512 (--max-depth)'
check deep-svg.html 0 'depth limit of 512 (--max-depth)'
check nested-a.html 0 ''
check million-attrs.html 0 'attributes dropped'
check many-nodes.html 0 'node limit of 1000000 (--max-nodes)'
check nul-bytes.html 3 'binary data'
check invalid-utf8.html 0 ''
check bad-codepoint.html 0 ''
check unknown-charset.html 0 ''
check fake-utf16-meta.html 0 ''
check fake-utf16-bom.html 0 ''  # the byte-order mark wins, as in browsers
check gzip-bomb.html.gz 3 'decompressed size exceeds the limit of 33554432 bytes'
check 200mb.html 3 'larger than the limit of 33554432 bytes'

# the out-of-range references become U+FFFD, never a code point past U+10FFFF
"$bin" "$tmp/bad-codepoint.html" >"$tmp/out" 2>/dev/null
if ! grep -q $'\xef\xbf\xbd' "$tmp/out" || grep -qP '\xf4[\x90-\xbf]' "$tmp/out"; then
	echo "FAIL bad-codepoint.html: want U+FFFD for &#x110000;"
	fail=$((fail + 1))
fi
# the output limit cuts and says so
"$bin" --max-output 100 "$tmp/deep-divs.html" >"$tmp/out" 2>"$tmp/err"
got=$?
if [ "$got" -ne 3 ] || [ "$(wc -c <"$tmp/out")" -gt 100 ] || [ "$(wc -c <"$tmp/out")" -lt 90 ] ||
	! grep -qF 'output limit of 100 bytes (--max-output)' "$tmp/err"; then
	echo "FAIL --max-output 100: exit $got, $(wc -c <"$tmp/out") bytes, $(head -1 "$tmp/err")"
	fail=$((fail + 1))
fi
# a smaller depth limit is honoured, and so is --max-nodes
"$bin" --max-depth 20 "$tmp/deep-divs.html" >/dev/null 2>"$tmp/err"
grep -qF 'depth limit of 20 (--max-depth)' "$tmp/err" || { echo "FAIL --max-depth 20: $(cat "$tmp/err")"; fail=$((fail + 1)); }
"$bin" --max-nodes 50 "$tmp/deep-divs.html" >/dev/null 2>"$tmp/err"
grep -qF 'node limit of 50 (--max-nodes)' "$tmp/err" || { echo "FAIL --max-nodes 50: $(cat "$tmp/err")"; fail=$((fail + 1)); }

if [ "$fail" -ne 0 ]; then
	echo "hostile: $fail failures"
	exit 1
fi
echo "hostile: all pages within ${max_s} s and 512 MB"
