#!/bin/bash
# Memory errors and leaks under valgrind: every unit test, the fixtures, a bulk
# run over all 181 pages of ../shared/bench (when present), one over a fixed
# sample of pages of other kinds (every 13th WCXB dev page in name order, 105
# pages, --jsonl, one thread) and the repair seed.
# Skips (77) without valgrind, and for sanitizer builds (ASan and valgrind
# do not mix).
# usage: valgrind.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2 shared=$3
command -v valgrind >/dev/null || { echo "SKIP: valgrind is not installed"; exit 77; }
if nm -C "$bin" 2>/dev/null | grep -q __asan_init; then
	echo "SKIP: $bin is built with AddressSanitizer"
	exit 77
fi
dir=$(dirname "$bin")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
	--suppressions="$src/tests/valgrind.supp")
fail=0 pass=0
run() { # NAME COMMAND...
	local name=$1
	shift
	"${vg[@]}" "$@" >"$tmp/out" 2>"$tmp/err"
	local st=$?
	if [ "$st" -eq 99 ] || grep -q "^==[0-9]*==" "$tmp/err"; then
		echo "FAIL $name (valgrind):"
		head -40 "$tmp/err"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}
# the unit tests are built in tests/ of the build folder
for t in "$dir"/tests/test_* "$dir"/test_*; do
	[ -x "$t" ] && run "$(basename "$t")" "$t"
done
run fixtures "$bin" --check "$src/fixtures"
run bulk-fixtures "$bin" -q -j2 -o "$tmp/fx" "$src/fixtures"
run repair-fixtures "$bin" --repair "$src"/fixtures/repair/*.mangled.txt
run site-rules "$bin" --check "$src/fixtures/site-rules"
for f in "$src"/fixtures/site-rules/*.html "$src"/fixtures/news-article.html "$src"/fixtures/index-page.html; do
	run "explain-$(basename "$f")" "$bin" --rules "$src/fixtures/site-rules/rules" --explain "$tmp/report.html" "$f"
	run "explain-text-$(basename "$f")" "$bin" --explain - "$f"
done
if [ -d "$shared/bench/articles" ]; then
	run bench-pages "$bin" -q -j2 -o "$tmp/bench" "$shared/bench/articles"
	run repair-seed "$bin" --repair "$shared/fixtures/repair/presstv-iraq.mangled.txt"
fi
if [ -d "$shared/bench/wcxb-dev/pages" ]; then
	mapfile -t wcxb < <(find "$shared/bench/wcxb-dev/pages" -name '*.html.gz' | LC_ALL=C sort | awk 'NR % 13 == 1')
	run "wcxb-sample (${#wcxb[@]} pages)" "$bin" -q -j1 --jsonl "${wcxb[@]}"
	if [ "$(wc -l <"$tmp/out")" -ne "${#wcxb[@]}" ]; then
		echo "FAIL wcxb-sample: $(wc -l <"$tmp/out") JSON lines for ${#wcxb[@]} pages"
		fail=$((fail + 1))
	fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
