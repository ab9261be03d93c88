#!/bin/bash
# Bulk throughput against the Gumbo floor, on ../shared/bench/articles
# (181 pages, 31 MB decompressed) repeated R times (default 5).
#
#   bench/throughput.sh [R]
#
# Prints the time of the floor (parse, and parse + walk every node), of
# `scrape -o` single-threaded and with -j set to the number of cores, the
# ratios scrape/floor and the multi-core speed-up, and the peak memory (RSS).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
repeat=${1:-5}
cores=$(nproc)
[ -d "$shared/bench/articles" ] || { echo "no $shared/bench/articles" >&2; exit 2; }
build=$here/build-bench
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSCRAPE_TESTS=OFF >/dev/null
cmake --build "$build" -j"$cores" >/dev/null
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the same pages, decompressed, repeated: folder r<k>/ holds copy k
for k in $(seq 1 "$repeat"); do
	mkdir -p "$work/pages/r$k"
	for f in "$shared"/bench/articles/*.html.gz; do
		gzip -dc "$f" >"$work/pages/r$k/$(basename "$f" .gz)"
	done
done
mb=$(du -sm "$work/pages" | cut -f1)
largest=$(find "$work/pages/r1" -type f -printf '%s\n' | sort -n | tail -1)
echo "pages: $((181 * repeat)) ($mb MB), largest page $((largest / 1024)) KiB, $cores cores"

secs() { # run a command, print its wall seconds; peak RSS in $work/rss
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
	read -r s rss <"$work/time"
	echo "$rss" >"$work/rss"
	echo "$s"
}
floor_parse=$(secs "$build/gumbo_floor" "$work"/pages/r*/*.html)
floor_walk=$(secs "$build/gumbo_floor" --walk "$work"/pages/r*/*.html)
one=$(secs "$build/scrape" -q -j1 -o "$work/out1" "$work/pages"); rss1=$(cat "$work/rss")
many=$(secs "$build/scrape" -q -j"$cores" -o "$work/outn" "$work/pages"); rssn=$(cat "$work/rss")
awk -v fp="$floor_parse" -v fw="$floor_walk" -v one="$one" -v many="$many" -v mb="$mb" \
    -v c="$cores" -v r1="$rss1" -v rn="$rssn" -v big="$largest" 'BEGIN {
	printf "gumbo floor, parse:         %6.2f s  %6.1f MB/s\n", fp, mb / fp
	printf "gumbo floor, parse + walk:  %6.2f s  %6.1f MB/s\n", fw, mb / fw
	printf "scrape -j1:                 %6.2f s  %6.1f MB/s  ratio to parse+walk floor %.2f\n", one, mb / one, one / fw
	printf "scrape -j%d:                 %6.2f s  %6.1f MB/s  speed-up over -j1 %.2fx\n", c, many, mb / many, one / many
	printf "peak RSS: -j1 %.1f MB, -j%d %.1f MB (budget 64 MB + 10 x largest page per worker = %.1f MB)\n",
		r1 / 1024, c, rn / 1024, 64 + 10 * big * c / 1048576
}'
