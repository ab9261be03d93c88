#!/bin/bash
# The canonical repair example: `scrape --repair` on the Press TV article a bad
# scraper saved must print exactly the expected text.
# Usage: repair_seed.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1
shared=$3
dir=$shared/fixtures/repair
if [ ! -f "$dir/presstv-iraq.mangled.txt" ]; then
	echo "skip: $dir is not there"
	exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if ! "$bin" --repair "$dir/presstv-iraq.mangled.txt" > "$out"; then
	echo "FAIL: scrape --repair exited with an error"
	exit 1
fi
if ! cmp -s "$out" "$dir/presstv-iraq.expected.txt"; then
	echo "FAIL: output differs from presstv-iraq.expected.txt"
	diff "$out" "$dir/presstv-iraq.expected.txt" | head -40
	exit 1
fi
# The same page as a web page shows it (one paragraph per line, the form
# labels gone): the pipeline's repair sees the scraper's damage (plain
# ASCII, lost apostrophes, fused function words) and every line it keeps
# is the expected line.
html=$(mktemp --suffix=.html)
trap 'rm -f "$out" "$html"' EXIT
{
	echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Press TV</title></head><body><article>'
	grep -v -e '^$' -e '^Your ' "$dir/presstv-iraq.mangled.txt" |
		sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's|.*|<p>&</p>|'
	echo '</article></body></html>'
} > "$html"
if ! "$bin" --no-title "$html" > "$out"; then
	echo "FAIL: scrape exited with an error on the page"
	exit 1
fi
if [ "$(grep -c . "$out")" -lt 15 ] || grep -vxF -e '' -f "$dir/presstv-iraq.expected.txt" "$out"; then
	echo "FAIL: the page's lines differ from presstv-iraq.expected.txt (above)"
	exit 1
fi
echo "ok: presstv-iraq"
