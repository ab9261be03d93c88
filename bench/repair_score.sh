#!/bin/bash
# Repair quality on ../shared/repair/dev: runs score_repair.py with
# `scrape --repair` on the four damage variants (and the clean originals),
# with the gates of issue 16: mangled core recall >= 87 %, precision >=
# 99.8 %, <= 0.8 false edits / 10k, <= 0.3 / 10k on the clean originals;
# mojibake and entities recall >= 99 %, <= 1 / 10k. Exits 1 when one fails.
#
#   bench/repair_score.sh [--bin PATH] [--show N]
set -uo pipefail
. "$(dirname "$0")/repair_common.sh"
[ -d "$rep/dev" ] || { echo "no $rep/dev" >&2; exit 2; }
cmd="$bin --repair -"
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$rep"
for v in mangled mangled-mojibake mangled-entities mangled-tags; do
	echo "== dev/$v"
	gates=()
	clean=(--no-clean-test)
	case $v in
		mangled) gates=(--min-precision 99.8 --max-false-edits 0.8); clean=() ;;
		mangled-mojibake|mangled-entities) gates=(--min-recall 99 --max-false-edits 1) ;;
	esac
	json=()
	[ "$v" = mangled ] && json=(--json "$tmp/mangled.json")
	python3 score_repair.py dev/clean "dev/$v" --cmd "$cmd" --show "$show" "${clean[@]}" "${gates[@]}" "${json[@]}" ||
		status=1
done
# the gates score_repair.py has no option for: core recall on dev/mangled,
# and false edits per 10k words on the clean originals
python3 - "$tmp/mangled.json" <<'PY' || status=1
import json, sys
d = json.load(open(sys.argv[1]))
core = d["mangled"]["totals"]["core_recall"]
clean = d["clean"]["totals"]["false_edits_per_10k"]
print("== gates: dev/mangled core recall %.1f %% (>= 87), clean originals %.2f false edits / 10k (<= 0.3)"
      % (100 * core, clean))
sys.exit(0 if core >= 0.87 and clean <= 0.3 else 1)
PY
exit $status
