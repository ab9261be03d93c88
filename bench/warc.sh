#!/bin/bash
# WARC throughput beside bulk cleaning of the same pages, in the same run.
#
#   bench/warc.sh [R] [JOBS]
#
# Builds a WARC (one gzip member per record, the Common Crawl layout; a
# request and a response record per page) from the 181 pages of
# ../shared/bench/articles repeated R times (default 3), then times
#   scrape --warc FILE.warc.gz          (JSONL on standard output)
#   scrape --warc -o DIR FILE.warc.gz   (JSONL gzipped into DIR, atomically)
#   scrape -o DIR PAGES/                (bulk: one .txt per page)
#   scrape --jsonl PAGES/               (bulk: JSONL on standard output)
# with -j JOBS threads (default: the number of cores) and prints pages/s and
# MB/s (MB of HTML, decompressed) for each.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
repeat=${1:-3}
jobs=${2:-$(nproc)}
[ -d "$shared/bench/articles" ] || { echo "no $shared/bench/articles" >&2; exit 2; }
build=${BUILD:-$here/build-bench}
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSCRAPE_TESTS=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target scrape >/dev/null
bin=$build/scrape

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for k in $(seq 1 "$repeat"); do
	mkdir -p "$work/pages/r$k"
	for f in "$shared"/bench/articles/*.html.gz; do
		gzip -dc "$f" >"$work/pages/r$k/$(basename "$f" .gz)"
	done
done
python3 - "$work/pages" "$work/pages.warc.gz" <<'PY'
import gzip, os, sys, uuid
root, out = sys.argv[1], sys.argv[2]
n = 0
with open(out, "wb") as f:
    for d in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, d))):
            body = open(os.path.join(root, d, name), "rb").read()
            uri = "http://bench.test/%s/%s" % (d, name)
            for rtype, block in (("request", b"GET /%s HTTP/1.1\r\nHost: bench.test\r\n\r\n" % name.encode()),
                                 ("response", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
                                  % len(body) + body)):
                head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                        "WARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Target-URI: %s\r\n"
                        "Content-Type: application/http; msgtype=%s\r\nContent-Length: %d\r\n\r\n"
                        % (rtype, uuid.UUID(int=n), uri, rtype, len(block))).encode()
                f.write(gzip.compress(head + block + b"\r\n\r\n", compresslevel=6, mtime=0))
                n += 1
PY
pages=$(find "$work/pages" -type f | wc -l)
html_bytes=$(find "$work/pages" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
warc_bytes=$(stat -c %s "$work/pages.warc.gz")
echo "pages: $pages, HTML $(awk -v b="$html_bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB;" \
	"WARC (per-record gzip, request + response per page) $(awk -v b="$warc_bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB; -j $jobs"

run() { # NAME COMMAND...: wall time, pages/s, MB/s of HTML
	local name=$1
	shift
	local t0 t1
	t0=$(date +%s.%N)
	local st=0
	"$@" >/dev/null 2>"$work/err" || st=$?
	# 0, or 3/5 when some page has no content or is not HTML: the run went on
	[ "$st" -eq 0 ] || [ "$st" -eq 3 ] || [ "$st" -eq 5 ] || { echo "$name failed ($st):" >&2; cat "$work/err" >&2; exit 1; }
	t1=$(date +%s.%N)
	awk -v n="$name" -v t0="$t0" -v t1="$t1" -v p="$pages" -v b="$html_bytes" \
		'BEGIN {s = t1 - t0; printf "%-28s %6.2f s  %7.1f pages/s  %6.1f MB/s\n", n, s, p / s, b / 1e6 / s}'
}
run "scrape --warc (stdout)" "$bin" -q -j"$jobs" --warc "$work/pages.warc.gz"
rm -rf "$work/out-warc"
run "scrape --warc -o (gzip)" "$bin" -q -j"$jobs" --warc -o "$work/out-warc" "$work/pages.warc.gz"
rm -rf "$work/out-bulk"
run "scrape -o (bulk files)" "$bin" -q -j"$jobs" -o "$work/out-bulk" "$work/pages"
run "scrape --jsonl (bulk files)" "$bin" -q -j"$jobs" --jsonl "$work/pages"
lines=$(zcat "$work/out-warc"/*.jsonl.gz | wc -l)
[ "$lines" -eq "$pages" ] || { echo "WARC run wrote $lines lines for $pages pages" >&2; exit 1; }
