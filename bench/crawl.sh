#!/bin/bash
# Fetching speed and politeness, for URL lists (-i) and for --crawl. Serves the pages of
# ../shared/bench/articles from tests/http_server.py on 127.0.0.1 under 50
# host names (h1.bench ... h50.bench, mapped with --resolve: nothing leaves
# this machine), fetches them all with `scrape -i`, politeness off
# (--delay 0 --ignore-robots) and on (defaults: 1 s per host, robots.txt),
# and checks in the server's request log that no host got two requests less
# than the delay apart in the polite run. Then crawls the same pages as one
# site (host bench.test: /p/ lists every page, each page links to the next
# five) with --crawl from /p/, politeness off (every page) and on (1 s delay:
# --max-pages 12, so about 1 page/s by design).
# usage: bench/crawl.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build}/scrape
pages=$here/../shared/bench/articles
[ -x "$bin" ] || { echo "no scrape binary at $bin" >&2; exit 1; }
[ -d "$pages" ] || { echo "no pages at $pages" >&2; exit 1; }
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*' NO_PROXY='*'
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
python3 "$here/tests/http_server.py" --port 0 --port-file "$tmp/port" --keep-alive \
	--pages "$pages" --log "$tmp/requests.log" --idle-exit 60 &
server=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/port")
resolve=()
for h in $(seq 1 50); do resolve+=(--resolve "h$h.bench:$port:127.0.0.1"); done
resolve+=(--resolve "bench.test:$port:127.0.0.1")
i=0
for f in "$pages"/*.html.gz; do
	name=$(basename "$f" .html.gz)
	echo "http://h$((i % 50 + 1)).bench:$port/pages/$name"
	i=$((i + 1))
done >"$tmp/urls.txt"
n=$(wc -l <"$tmp/urls.txt")
echo "$n pages on 50 hosts"

run() { # LABEL ARGS...
	local label=$1
	shift
	: >"$tmp/requests.log"
	rm -rf "$tmp/out"
	local t0 t1
	t0=$(date +%s.%N)
	"$bin" -o "$tmp/out" -q "${resolve[@]}" "$@" || echo "scrape exited $?"
	t1=$(date +%s.%N)
	python3 - "$label" "$t0" "$t1" "$tmp/out/results.jsonl" "$tmp/requests.log" <<'PY'
import json, sys
label, t0, t1, results, log = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = [json.loads(l) for l in open(results)]
ok = sum(r["outcome"] == "ok" for r in rows)
secs = t1 - t0
by_host = {}
for l in open(log):
    t, host, path = l.rstrip("\n").split("\t")
    by_host.setdefault(host, []).append(float(t))
gaps = [b - a for ts in by_host.values() for a, b in zip(sorted(ts), sorted(ts)[1:])]
print("%-34s %3d/%d ok  %6.2f s  %6.1f pages/s  requests %d on %d hosts, smallest gap on one host %.3f s"
      % (label, ok, len(rows), secs, len(rows) / secs, sum(map(len, by_host.values())), len(by_host),
         min(gaps) if gaps else 0))
if "politeness on" in label and gaps and min(gaps) < 1.0:
    bad = [(h, sorted(ts)) for h, ts in by_host.items()
           if any(b - a < 1.0 for a, b in zip(sorted(ts), sorted(ts)[1:]))]
    print("FAIL: requests to one host less than 1 s apart:", bad[:3])
    sys.exit(1)
PY
}
run "-i, politeness off (--delay 0 --ignore-robots)" -i "$tmp/urls.txt" --delay 0 --ignore-robots
run "-i, politeness on (delay 1 s, robots.txt)" -i "$tmp/urls.txt"
# the crawl's pages are made once by the server: a first crawl, not measured
"$bin" --crawl "http://bench.test:$port/p/" --max-pages 100000 --delay 0 --ignore-robots --list-only -q \
	"${resolve[@]}" >/dev/null 2>&1 || true
run "--crawl, politeness off" --crawl "http://bench.test:$port/p/" --max-pages 100000 --delay 0 --ignore-robots
run "--crawl, politeness off, --per-host 8" --crawl "http://bench.test:$port/p/" --max-pages 100000 --delay 0 --ignore-robots --per-host 8
run "--crawl, politeness on (--max-pages 12)" --crawl "http://bench.test:$port/p/" --max-pages 12
