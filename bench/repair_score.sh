#!/bin/bash
# Repair quality on ../shared/repair/dev: runs score_repair.py with
# `scrape --repair` on the four damage variants (and the clean originals),
# with the issue's gates: mangled core recall >= 85 %, precision >= 99 %,
# <= 2 false edits / 10k; mojibake and entities recall >= 99 %, <= 1 / 10k.
#
#   bench/repair_score.sh [--bin PATH] [--show N]
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
bin=""
show=0
while (($#)); do
	case $1 in
		--bin) bin=$2; shift 2 ;;
		--show) show=$2; shift 2 ;;
		*) echo "usage: $0 [--bin PATH] [--show N]" >&2; exit 2 ;;
	esac
done
rep=$shared/repair
[ -d "$rep/dev" ] || { echo "no $rep/dev" >&2; exit 2; }
if [ -z "$bin" ]; then
	cmake -S "$here" -B "$here/build-bench" -DCMAKE_BUILD_TYPE=Release -DSCRAPE_TESTS=OFF >/dev/null
	cmake --build "$here/build-bench" -j2 >/dev/null
	bin=$here/build-bench/scrape
fi
bin=$(realpath "$bin")
cmd="$bin --repair -"
status=0
cd "$rep"
for v in mangled mangled-mojibake mangled-entities mangled-tags; do
	echo "== dev/$v"
	gates=()
	clean=(--no-clean-test)
	case $v in
		mangled) gates=(--min-precision 99 --max-false-edits 2); clean=() ;;
		mangled-mojibake|mangled-entities) gates=(--min-recall 99 --max-false-edits 1) ;;
	esac
	python3 score_repair.py dev/clean "dev/$v" --cmd "$cmd" --show "$show" "${clean[@]}" "${gates[@]}" || status=1
done
exit $status
