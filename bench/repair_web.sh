#!/bin/bash
# Repair precision and recall on web text of today, from other sites than
# the dev set's news: the human ground truth of ../shared/bench/wcxb-dev
# (articles, forums, service pages and documentation, 2025), which the
# repair rules were not written on. English texts of 300 words or more
# (build_dev.is_english() of ../shared/repair, the dev set's own test),
# two of every three by file name, are mangled with `mangle.py --modes
# strip` (seed 3, the seed page's damage) and scored like dev/mangled:
# core recall, precision and false edits / 10k on the mangled texts, and
# false edits / 10k on the clean originals.
# Nothing is copied into the project: the texts are built in a temporary
# folder on each run.
#
# The truth texts are the pages as people wrote them, so a false edit here
# may be a repair the truth does not make: mojibake or entities the page
# itself carried, or an author's "dont". --show N lists them to read.
#
#   bench/repair_web.sh [--bin PATH] [--show N]
set -uo pipefail
. "$(dirname "$0")/repair_common.sh"
wcxb=$shared/bench/wcxb-dev
[ -d "$wcxb/truth" ] || { echo "no $wcxb/truth" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/clean" "$work/mangled"
python3 - "$wcxb/truth" "$work/clean" "$rep" <<'PY'
import glob, json, os, sys
truth, out, rep = sys.argv[1:4]
sys.path.insert(0, rep)
from build_dev import is_english  # the dev set's own test: function words, non-ASCII letters
kept = 0
for f in sorted(glob.glob(os.path.join(truth, "*.json"))):
    d = json.load(open(f, encoding="utf-8"))
    if d["_internal"]["page_type"]["primary"] not in ("article", "forum", "service", "documentation"):
        continue
    text = d["ground_truth"].get("main_content") or ""
    if len(text.split()) < 300 or not is_english(text):
        continue
    kept += 1
    if kept % 3 == 0:
        continue
    with open(os.path.join(out, d["file_id"] + ".txt"), "w", encoding="utf-8") as o:
        o.write(text.strip() + "\n")
PY
mangle_and_score "$work" 3 "wcxb-dev truth"
