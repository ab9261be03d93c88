#!/bin/bash
# Bad input gives one clear line on standard error naming the source and the
# reason, the documented exit status, and never a crash.
# usage: bad_input.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0

# expect NAME WANT_STATUS WANT_STDERR_SUBSTRING -- ARGS...
expect() {
	local name=$1 want=$2 msg=$3
	shift 4
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	local got=$?
	local lines
	lines=$(wc -l <"$tmp/err")
	if [ "$got" -ne "$want" ]; then
		echo "FAIL $name: exit $got, want $want; stderr: $(head -c 300 "$tmp/err")"
		fail=$((fail + 1))
	elif [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then
		echo "FAIL $name: stderr lacks '$msg': $(head -c 300 "$tmp/err")"
		fail=$((fail + 1))
	elif [ "$want" -ne 0 ] && [ "$want" -ne 2 ] && [ "$lines" -ne 1 ]; then
		echo "FAIL $name: want one stderr line, got $lines"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

: >"$tmp/empty.html"
printf '   \n\t\n' >"$tmp/blank.html"
head -c 4096 /dev/urandom | tr -d '\n' | tr '\000' '\001' >"$tmp/random.bin"
printf '\000\001\002\003%.0s' $(seq 1 500) >"$tmp/binary.html"
printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >"$tmp/paper.html"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$tmp/image.html"
printf '<html><body><article><p>Caf\xe9 cr\xe8me, na\xefve text in a page that says nothing of its charset, long enough to be content.</p></article></body></html>' >"$tmp/latin1.html"
printf '<html><head><meta charset="utf-8"></head><body><article><p>Broken \xff\xfe bytes \xc3 in the middle of a paragraph that is long enough to be content.</p></article></body></html>' >"$tmp/invalid-utf8.html"
printf '<html><body><nav><a href="/">Home</a></nav></body></html>' >"$tmp/nothing.html"
printf 'not gzip at all' | gzip -c | head -c 20 >"$tmp/truncated.html.gz"

expect empty-file 3 "$tmp/empty.html: empty document" -- "$tmp/empty.html"
expect blank-file 3 "empty document" -- "$tmp/blank.html"
expect binary-file 3 "$tmp/binary.html: binary data" -- "$tmp/binary.html"
expect pdf-as-page 3 "PDF" -- "$tmp/paper.html"
expect png-as-page 3 "PNG" -- "$tmp/image.html"
expect missing-file 3 "$tmp/missing.html: No such file or directory" -- "$tmp/missing.html"
expect directory 3 "is a directory" -- "$tmp"
expect truncated-gzip 3 "truncated.html.gz" -- "$tmp/truncated.html.gz"
expect no-content 5 "no main content" -- "$tmp/nothing.html"
expect too-big 3 "limit of 10 bytes" -- --max-bytes 10 "$tmp/latin1.html"
expect unknown-option 2 "unknown option '--frobnicate'" -- --frobnicate "$tmp/latin1.html"
expect no-source 2 "no source given" --
expect bad-format 2 "unknown format 'pdf'" -- --format pdf "$tmp/latin1.html"
expect bad-number 2 "--max-bytes wants a positive whole number" -- --max-bytes -5 "$tmp/latin1.html"

# undeclared windows-1252 and invalid UTF-8 still give text, with nothing dropped
expect latin1-guess 0 "" -- --no-title "$tmp/latin1.html"
grep -q "Café crème, naïve text" "$tmp/out" || { echo "FAIL latin1-guess: $(cat "$tmp/out")"; fail=$((fail + 1)); }
expect invalid-utf8 0 "" -- --no-title "$tmp/invalid-utf8.html"
grep -q "Broken �� bytes � in the middle" "$tmp/out" || { echo "FAIL invalid-utf8: $(cat "$tmp/out")"; fail=$((fail + 1)); }

# several sources: the run goes on past a bad one and exits with its status
"$bin" --no-title "$tmp/latin1.html" "$tmp/missing.html" "$tmp/invalid-utf8.html" >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 3 ] && grep -q "Café" "$tmp/out" && grep -q "Broken" "$tmp/out" && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
	pass=$((pass + 1))
else
	echo "FAIL several-sources: exit $st, stderr: $(cat "$tmp/err")"
	fail=$((fail + 1))
fi

# standard input
"$bin" --no-title - <"$tmp/latin1.html" >"$tmp/out" 2>"$tmp/err" && grep -q "Café" "$tmp/out" && pass=$((pass + 1)) ||
	{ echo "FAIL stdin: $(cat "$tmp/err")"; fail=$((fail + 1)); }

# gzip input
gzip -c "$tmp/latin1.html" >"$tmp/page.html.gz"
"$bin" --no-title "$tmp/page.html.gz" >"$tmp/out" 2>"$tmp/err" && grep -q "Café" "$tmp/out" && pass=$((pass + 1)) ||
	{ echo "FAIL gzip: $(cat "$tmp/err")"; fail=$((fail + 1)); }

# a gzip bomb is refused at the limit, not expanded
head -c 50000000 /dev/zero | gzip -c >"$tmp/bomb.html.gz"
expect gzip-bomb 3 "decompressed size exceeds the limit of 1000000 bytes" -- --max-bytes 1000000 "$tmp/bomb.html.gz"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
