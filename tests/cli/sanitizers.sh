#!/bin/bash
# The test suite, all 181 pages of ../shared/bench and a fixed sample of pages
# of other kinds (every 13th WCXB dev page in name order, 105 pages, as
# markdown) under AddressSanitizer and UndefinedBehaviorSanitizer: builds a
# sanitized tree beside the current build (unless this build is sanitized
# already) and runs its tests.
# usage: sanitizers.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2 shared=$3
if nm -C "$bin" 2>/dev/null | grep -q __asan_init; then
	echo "SKIP: this build is sanitized; its own ctest run covers it"
	exit 77
fi
build=$(dirname "$bin")/sanitized
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DSCRAPE_SANITIZE=ON >"$build.log" 2>&1 &&
	cmake --build "$build" -j"$(nproc)" >>"$build.log" 2>&1 || { tail -30 "$build.log"; exit 1; }
# the sanitized tree's own suite, less what needs no second run (the hostile
# pages have 5-second budgets meant for the optimised build; equivalence runs
# 520 pages ten ways, too slow here: the pages run once below instead)
ctest --test-dir "$build" -j2 --output-on-failure -E 'fuzz|sanitizers|valgrind|hostile|equivalence' || exit 1
if [ -d "$shared/bench/articles" ]; then
	out=$(mktemp -d)
	trap 'rm -rf "$out"' EXIT
	"$build/scrape" -q -j2 -o "$out" "$shared/bench/articles" 2>"$out.err"
	st=$?
	if [ "$st" -ne 0 ] || grep -q "runtime error\|ERROR: AddressSanitizer\|LeakSanitizer" "$out.err"; then
		echo "FAIL bench pages under sanitizers (exit $st):"
		head -40 "$out.err"
		rm -f "$out.err"
		exit 1
	fi
	rm -f "$out.err"
	echo "181 bench pages: clean under ASan+UBSan"
fi
if [ -d "$shared/bench/wcxb-dev/pages" ]; then
	wout=$(mktemp -d)
	trap 'rm -rf "${out:-}" "$wout"' EXIT
	mapfile -t wcxb < <(find "$shared/bench/wcxb-dev/pages" -name '*.html.gz' | LC_ALL=C sort | awk 'NR % 13 == 1')
	"$build/scrape" -q -j2 --format markdown -o "$wout/md" "${wcxb[@]}" 2>"$wout/err"
	st=$?
	# pages with no main content give exit 5 and a line in failures.tsv; any
	# other failure, or a sanitizer report, is an error
	others=$(tail -n +2 "$wout/md/failures.tsv" 2>/dev/null | grep -vc $'\tno main content found\t')
	if [ "$st" -ne 0 ] && [ "$st" -ne 5 ] || [ "$others" -ne 0 ] ||
		grep -q "runtime error\|ERROR: AddressSanitizer\|LeakSanitizer" "$wout/err"; then
		echo "FAIL WCXB sample under sanitizers (exit $st):"
		head -40 "$wout/err"
		tail -n +2 "$wout/md/failures.tsv" 2>/dev/null | grep -v $'\tno main content found\t' | head
		exit 1
	fi
	echo "${#wcxb[@]} WCXB dev pages (every 13th): clean under ASan+UBSan," \
		"$(find "$wout/md" -name '*.md' | wc -l) with text"
fi
