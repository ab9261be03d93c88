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
echo "ok: presstv-iraq"
