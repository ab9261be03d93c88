#!/bin/bash
# Extraction quality and speed on ../shared/bench/articles (181 pages with
# ground truth): builds scrape (Release), runs `scrape --no-title` over every
# page with ../shared/bench/run_extractor.sh, and prints F1, precision, recall
# and accuracy from ../shared/bench/score.py, and pages per second.
#
#   bench/extraction.sh [--worst N] [--bin PATH] [-- EXTRA SCRAPE OPTIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
worst=0
bin=""
while (($#)); do
	case $1 in
		--worst) worst=$2; shift 2 ;;
		--bin) bin=$2; shift 2 ;;
		--) shift; break ;;
		*) echo "usage: $0 [--worst N] [--bin PATH] [-- OPTIONS]" >&2; exit 2 ;;
	esac
done
[ -d "$shared/bench/articles" ] || { echo "no $shared/bench/articles" >&2; exit 2; }
if [ -z "$bin" ]; then
	cmake -S "$here" -B "$here/build-bench" -DCMAKE_BUILD_TYPE=Release -DSCRAPE_TESTS=OFF >/dev/null
	cmake --build "$here/build-bench" -j"$(nproc)" >/dev/null
	bin=$here/build-bench/scrape
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "scrape: $bin --no-title $*"
bash "$shared/bench/run_extractor.sh" "$out" -- "$bin" --no-title "$@" {} | tail -2
python3 "$shared/bench/score.py" --pred "$out" --n-bootstrap 200
if [ "$worst" -gt 0 ]; then
	python3 "$shared/bench/score.py" --pred "$out" --n-bootstrap 0 --per-doc | sed -n "3,$((worst + 3))p"
fi
