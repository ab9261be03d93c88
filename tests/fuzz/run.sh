#!/bin/bash
# Builds the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined,
# in their own build folder) and runs one for a given time, or replays files.
#   tests/fuzz/run.sh TARGET SECONDS      fuzz (TARGET: decode html repair gunzip)
#   tests/fuzz/run.sh TARGET FILE...      run the target on these inputs once
#   tests/fuzz/run.sh --build             only build
# Environment: FUZZ_BUILD (default build-fuzz in the source tree), SHARED
# (default ../shared beside the source tree: bench pages for seeds).
# Exit 77 when clang or libFuzzer is missing (Debian: clang libclang-rt-14-dev).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$src/build-fuzz}
shared=${SHARED:-$src/../shared}
targets="decode html repair gunzip"

if ! command -v clang >/dev/null ||
	! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }' |
	clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
	echo "fuzz: clang with libFuzzer is not available (apt-get install clang libclang-rt-14-dev)"
	exit 77
fi

build_all() {
	mkdir -p "$build"
	# one build at a time in this folder (ctest may run two fuzz tests at once)
	exec 9>"$build/.lock"
	flock 9
	if [ ! -f "$build/CMakeCache.txt" ]; then
		CC=clang cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCRAPE_TESTS=OFF \
			-DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
			>"$build/cmake.log" 2>&1 || { cat "$build/cmake.log"; exit 1; }
	fi
	cmake --build "$build" --target scrape_lib -j2 >"$build/build.log" 2>&1 ||
		{ grep -E 'error' "$build/build.log" | head -20; exit 1; }
	local libs
	libs=$(pkg-config --libs gumbo libcurl zlib libcjson)
	for t in $targets; do
		local exe=$build/fuzz_$t
		if [ ! -x "$exe" ] || [ "$src/tests/fuzz/fuzz_$t.c" -nt "$exe" ] || [ "$build/libscrape.a" -nt "$exe" ]; then
			# shellcheck disable=SC2086
			clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
				-D_POSIX_C_SOURCE=200809L -I"$src/include" -I"$src/src" -I"$src/scraper" -I"$src/cleaners" \
				"$src/tests/fuzz/fuzz_$t.c" "$build/libscrape.a" $libs -lpthread -lm -o "$exe"
		fi
	done
	flock -u 9
}

# Seed corpora, generated (never committed): fixtures and bench pages.
seeds() {
	local t=$1 dir=$build/seeds/$1
	[ -d "$dir" ] && return 0
	mkdir -p "$dir.tmp"
	local i=0 f
	for f in "$src"/fixtures/*.html "$src"/fixtures/*.html.gz "$shared"/bench/articles/*.html.gz; do
		[ -f "$f" ] || continue
		i=$((i + 1))
		# (head closes the pipe early: SIGPIPE upstream is expected)
		case $t in
		html) zcat -f "$f" >"$dir.tmp/$i" ;;
		decode) { printf '\000'; zcat -f "$f" | head -c 8192; } >"$dir.tmp/$i" || true ;;
		gunzip) if [ $i -le 40 ]; then zcat -f "$f" | head -c 16384 | gzip -c >"$dir.tmp/$i" || true; fi ;;
		repair) zcat -f "$f" | sed -e 's/<[^>]*>//g' | head -c 8192 >"$dir.tmp/$i" || true ;;
		esac
	done
	for f in "$src"/fixtures/*.txt; do
		[ "$t" = repair ] && [ -f "$f" ] && cp "$f" "$dir.tmp/txt-$(basename "$f")"
	done
	mv "$dir.tmp" "$dir"
}

build_all
[ "${1:-}" = --build ] && exit 0
t=${1:?usage: run.sh TARGET SECONDS | TARGET FILE... | --build}
shift
case " $targets " in *" $t "*) ;; *) echo "fuzz: unknown target $t ($targets)"; exit 2 ;; esac
exe=$build/fuzz_$t
if [ $# -eq 1 ] && [[ $1 =~ ^[0-9]+$ ]]; then
	seeds "$t"
	mkdir -p "$build/corpus/$t" "$build/artifacts"
	dict=()
	case $t in html|decode) dict=(-dict="$src/tests/fuzz/html.dict") ;; esac
	exec "$exe" -max_total_time="$1" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
		-print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${dict[@]}" \
		"$build/corpus/$t" "$build/seeds/$t"
fi
exec "$exe" -rss_limit_mb=2048 -timeout=10 "$@"
