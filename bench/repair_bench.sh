#!/bin/bash
# Repair speed: MB/s of `scrape --repair` on one core over a text corpus
# (default: ../shared/repair/dev/mangled, repeated to at least 20 MB), and the
# time to open the built-in tables (an empty input: process start + table).
#
#   bench/repair_bench.sh [--bin PATH] [DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
bin=""
if [ "${1:-}" = --bin ]; then
	bin=$2
	shift 2
fi
dir=${1:-$shared/repair/dev/mangled}
[ -d "$dir" ] || { echo "no $dir" >&2; exit 2; }
if [ -z "$bin" ]; then
	cmake -S "$here" -B "$here/build-bench" -DCMAKE_BUILD_TYPE=Release -DSCRAPE_TESTS=OFF >/dev/null
	cmake --build "$here/build-bench" -j2 >/dev/null
	bin=$here/build-bench/scrape
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$dir"/*.txt > "$work/one.txt"
one=$(stat -c %s "$work/one.txt")
reps=$(( (20 * 1024 * 1024 + one - 1) / one ))
: > "$work/big.txt"
for _ in $(seq "$reps"); do cat "$work/one.txt" >> "$work/big.txt"; done
size=$(stat -c %s "$work/big.txt")
# one core: taskset when available
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
best=""
for _ in 1 2 3 4 5; do
	s=$(date +%s.%N)
	$pin "$bin" --repair "$work/big.txt" > /dev/null
	e=$(date +%s.%N)
	t=$(echo "$e - $s" | bc -l)
	if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
printf 'repair: %.1f MB in %.3f s = %.1f MB/s (best of 5, one core)\n' \
	"$(echo "$size / 1048576" | bc -l)" "$best" "$(echo "$size / 1048576 / $best" | bc -l)"
# table load: an empty input runs the whole start-up, tables included
: > "$work/empty.txt"
best=""
for _ in $(seq 10); do
	s=$(date +%s.%N)
	"$bin" --repair "$work/empty.txt" > /dev/null
	e=$(date +%s.%N)
	t=$(echo "($e - $s) * 1000" | bc -l)
	if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
printf 'table load (whole process on empty input, best of 10): %.1f ms\n' "$best"
