#!/bin/bash
# Extraction quality and speed on ../shared/bench/articles (181 pages with
# ground truth): builds scrape (Release), runs `scrape --no-title` over every
# page with ../shared/bench/run_extractor.sh, and prints F1, precision, recall
# and accuracy from ../shared/bench/score.py, and pages per second.
#
# With --wcxb: the WCXB development set instead (../shared/bench/wcxb-dev,
# 1,355 pages of seven page types, ~400 MB of HTML): one timed bulk run
# (`scrape --no-title -jN -q -o OUT pages/`) gives the per-type F1 table of
# wcxb-dev/score.py, the count of empty or missing outputs and the
# end-to-end time and MB/s; a second run with --jsonl gives the page-type
# confusion table and accuracy (bench/page_type.py).
#
#   bench/extraction.sh [--wcxb] [--worst N] [--bin PATH] [-- EXTRA SCRAPE OPTIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
worst=0
bin=""
wcxb=0
while (($#)); do
	case $1 in
		--wcxb) wcxb=1; shift ;;
		--worst) worst=$2; shift 2 ;;
		--bin) bin=$2; shift 2 ;;
		--) shift; break ;;
		*) echo "usage: $0 [--wcxb] [--worst N] [--bin PATH] [-- OPTIONS]" >&2; exit 2 ;;
	esac
done
if [ "$wcxb" = 1 ]; then
	set=$shared/bench/wcxb-dev
	[ -d "$set/pages" ] || { echo "no $set/pages" >&2; exit 2; }
else
	[ -d "$shared/bench/articles" ] || { echo "no $shared/bench/articles" >&2; exit 2; }
fi
if [ -z "$bin" ]; then
	cmake -S "$here" -B "$here/build-bench" -DCMAKE_BUILD_TYPE=Release -DSCRAPE_TESTS=OFF >/dev/null
	cmake --build "$here/build-bench" -j"$(nproc)" >/dev/null
	bin=$here/build-bench/scrape
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ "$wcxb" = 1 ]; then
	jobs=$(nproc)
	echo "scrape: $bin --no-title -j$jobs -q -o OUT $set/pages $*"
	start=$(date +%s.%N)
	"$bin" --no-title -j"$jobs" -q -o "$out/text" "$@" "$set/pages" || true  # failures are counted below
	end=$(date +%s.%N)
	python3 "$set/score.py" --truth "$set/truth" --pred "$out/text" --per-type
	if [ "$worst" -gt 0 ]; then
		python3 "$set/score.py" --truth "$set/truth" --pred "$out/text" --per-doc | sed -n "1,$((worst + 3))p"
	fi
	# empty or missing outputs, and the HTML's size for MB/s
	python3 - "$set" "$out/text" "$start" "$end" <<'PY'
import gzip, os, sys
folder, pred, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
ids = sorted(n[:-5] for n in os.listdir(os.path.join(folder, "truth")) if n.endswith(".json"))
missing = empty = 0
for i in ids:
    p = os.path.join(pred, i + ".txt")
    if not os.path.exists(p):
        missing += 1
    elif not open(p, "rb").read().strip():
        empty += 1
size = 0
for n in os.listdir(os.path.join(folder, "pages")):
    p = os.path.join(folder, "pages", n)
    if n.endswith(".gz"):
        with gzip.open(p, "rb") as f:
            while chunk := f.read(1 << 20):
                size += len(chunk)
    else:
        size += os.path.getsize(p)
secs = end - start
print("outputs: %d of %d pages missing (failed), %d empty" % (missing, len(ids), empty))
print("bulk run: %.1f s for %d pages, %.1f MB of HTML (uncompressed): %.1f MB/s, %.0f pages/s"
      % (secs, len(ids), size / 1e6, size / 1e6 / secs, len(ids) / secs))
PY
	"$bin" --jsonl -j"$jobs" -q "$@" "$set/pages" >"$out/pages.jsonl" || true
	python3 "$here/bench/page_type.py" --truth "$set/truth" --jsonl "$out/pages.jsonl"
	exit 0
fi
echo "scrape: $bin --no-title $*"
bash "$shared/bench/run_extractor.sh" "$out" -- "$bin" --no-title "$@" {} | tail -2
python3 "$shared/bench/score.py" --pred "$out" --n-bootstrap 200
if [ "$worst" -gt 0 ]; then
	python3 "$shared/bench/score.py" --pred "$out" --n-bootstrap 0 --per-doc | sed -n "3,$((worst + 3))p"
fi
