#!/bin/bash
# Fetching URLs from a local test server (tests/http_server.py on 127.0.0.1):
# redirects, compressed bodies, header charsets, and every failure as one
# stderr line "scrape: URL: reason" with the documented exit status.
# usage: fetch.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
. "$src/tests/lib/server.sh"

# A self-signed certificate, so that https can be seen to verify certificates.
tls_args=()
if command -v openssl >/dev/null &&
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
		-subj /CN=127.0.0.1 -keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1; then
	tls_args=(--tls-cert "$tmp/cert.pem" --tls-key "$tmp/key.pem" --tls-port-file "$tmp/tls-port")
fi

server_start "${tls_args[@]}"
base="http://127.0.0.1:$(cat "$tmp/port")"
fail=0 pass=0

# expect NAME WANT_STATUS WANT_STDOUT WANT_STDERR -- ARGS... (the last ARG is the URL)
# A failure must print exactly one stderr line "scrape: URL: ...WANT_STDERR...".
expect() {
	local name=$1 want=$2 out=$3 msg=$4
	shift 5
	local url=${!#}
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	local got=$?
	local lines
	lines=$(wc -l <"$tmp/err")
	if [ "$got" -ne "$want" ]; then
		echo "FAIL $name: exit $got, want $want; stderr: $(head -c 300 "$tmp/err")"
	elif [ -n "$out" ] && ! grep -qF -- "$out" "$tmp/out"; then
		echo "FAIL $name: stdout lacks '$out': $(head -c 300 "$tmp/out")"
	elif [ "$want" -ne 0 ] && [ "$lines" -ne 1 ]; then
		echo "FAIL $name: want one stderr line, got $lines: $(head -c 300 "$tmp/err")"
	elif [ "$want" -ne 0 ] && ! grep -qF -- "scrape: $url: " "$tmp/err"; then
		echo "FAIL $name: stderr does not start with 'scrape: $url: ': $(cat "$tmp/err")"
	elif [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then
		echo "FAIL $name: stderr lacks '$msg': $(cat "$tmp/err")"
	else
		pass=$((pass + 1))
		return
	fi
	fail=$((fail + 1))
}

title="Café owners’ guide to local testing"
body="Regulars say the crème brûlée is worth the queue"

# pages, however they travel
expect article 0 "$title" "" -- "$base/article.html"
expect article-body 0 "$body" "" -- --no-title "$base/article.html"
expect redirect 0 "$body" "" -- "$base/redirect"
expect redirect-final-url 0 "\"url\":\"$base/article.html\"" "" -- --format json "$base/redirect"
expect ten-redirects 0 "$body" "" -- "$base/redirect-chain/10"
expect gzip 0 "$body" "" -- "$base/gzip"
expect deflate 0 "$body" "" -- "$base/deflate"
for enc in brotli zstd; do
	# the server answers 501 when it has no encoder for it (see http_server.py)
	if "$bin" "$base/$enc" 2>&1 >/dev/null | grep -qF "HTTP 501"; then
		echo "note: the test server has no $enc encoder, that case did not run"
	else
		expect "$enc" 0 "$body" "" -- "$base/$enc"
	fi
done
expect no-content-type 0 "$body" "" -- "$base/no-type"
expect xhtml 0 "$body" "" -- "$base/xhtml"
expect big-under-default-cap 0 "$body" "" -- --no-title "$base/big"

# the charset comes from the Content-Type header only
expect latin1-header 0 "$title" "" -- "$base/latin1"
expect latin1-header-body 0 "$body" "" -- "$base/latin1"
expect cp1251-header 0 "Привет из маленького кафе" "" -- "$base/cp1251"
expect cp1251-header-body 0 "Маленькое кафе на углу открылось весной" "" -- "$base/cp1251"

# what the server is told
version=$("$bin" --version | awk '{print $2}')
expect default-user-agent 0 "[scrape/$version]" "" -- "$base/echo"
expect user-agent 0 "[Test-Agent/2.0 (local)]" "" -- --user-agent "Test-Agent/2.0 (local)" "$base/echo"
expect accept-encoding 0 "gzip" "" -- "$base/echo"

# fetch failures: exit 4
expect http-404 4 "" "HTTP 404" -- "$base/404"
expect http-500 4 "" "HTTP 500" -- "$base/500"
expect http-404-after-redirect 4 "" "HTTP 404 (redirected to $base/404)" -- "$base/gone"
expect redirect-loop 4 "" "too many redirects" -- "$base/loop"
expect eleven-redirects 4 "" "too many redirects" -- "$base/redirect-chain/11"
expect redirect-to-ftp 4 "" "ftp" -- "$base/to-ftp"
start=$(date +%s)
expect timeout 4 "" "timed out" -- --timeout 1 "$base/stall"
if [ $(($(date +%s) - start)) -gt 10 ]; then
	echo "FAIL timeout: took $(($(date +%s) - start)) s with --timeout 1"
	fail=$((fail + 1))
fi
refused_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
expect refused 4 "" "Connection refused" -- "http://127.0.0.1:$refused_port/article.html"
if [ -s "$tmp/tls-port" ]; then
	expect tls-self-signed 4 "" "certificate" -- "https://127.0.0.1:$(cat "$tmp/tls-port")/article.html"
else
	echo "note: openssl missing, the TLS verification case did not run"
fi

# input errors: exit 3
expect pdf 3 "" "not HTML (Content-Type: application/pdf)" -- "$base/pdf"
expect png 3 "" "not HTML (Content-Type: image/png)" -- "$base/png"
expect octet-stream 3 "" "not HTML (Content-Type: application/octet-stream)" -- "$base/octet"
expect zip 3 "" "not HTML (Content-Type: application/zip)" -- "$base/zip"
expect big 3 "" "response body exceeds 100000 bytes" -- --max-bytes 100000 "$base/big"
expect big-chunked 3 "" "response body exceeds 100000 bytes" -- --max-bytes 100000 "$base/big-chunked"
expect gzip-bomb 3 "" "response body exceeds 1000000 bytes" -- --max-bytes 1000000 "$base/gzip-bomb"
expect empty 3 "" "empty" -- "$base/empty"

# usage: not a URL libcurl accepts
expect bad-host 2 "" "invalid URL" -- "http://exa mple.com/"
expect no-host 2 "" "invalid URL" -- "http://"

echo "fetch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
