#!/bin/bash
# Every fixtures/repair/NAME.mangled.txt, run through `scrape --repair`, must
# give NAME.expected.txt byte for byte (both from standard input and as a file).
# Usage: repair_fixtures.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1
dir=$2/fixtures/repair
out=$(mktemp)
trap 'rm -f "$out"' EXIT
fail=0
count=0
for m in "$dir"/*.mangled.txt; do
	name=$(basename "$m" .mangled.txt)
	want=$dir/$name.expected.txt
	count=$((count + 1))
	if [ ! -f "$want" ]; then
		echo "FAIL $name: $want is missing"
		fail=1
		continue
	fi
	for how in file stdin; do
		if [ $how = file ]; then
			"$bin" --repair "$m" > "$out"
		else
			"$bin" --repair - < "$m" > "$out"
		fi
		rc=$?
		if [ $rc -ne 0 ] || ! cmp -s "$out" "$want"; then
			echo "FAIL $name ($how, exit $rc)"
			diff "$out" "$want" | head -20
			fail=1
		fi
	done
done
if [ $count -eq 0 ]; then
	echo "FAIL: no fixtures in $dir"
	exit 1
fi
[ $fail -eq 0 ] && echo "ok: $count repair fixtures"
exit $fail
