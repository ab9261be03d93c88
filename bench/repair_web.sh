#!/bin/bash
# Repair precision and recall on web text of today, from other sites than
# the dev set's news: the human ground truth of ../shared/bench/wcxb-dev
# (articles, forums, service pages and documentation, 2025), which the
# repair rules were not written on. English texts of 300 words or more
# (at least 15 % common function words, under 5 % non-ASCII letters, as
# ../shared/repair/build_dev.py picks), every third one by file name, are
# mangled with `mangle.py --modes strip` (seed 3, the seed page's damage)
# and scored like dev/mangled: core recall, precision and false edits /
# 10k on the mangled texts, and false edits / 10k on the clean originals.
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
python3 - "$wcxb/truth" "$work/clean" <<'PY'
import glob, json, os, sys
truth, out = sys.argv[1:3]
func = set("the of and to a in is that for it on was with as by be at this are from or an have not "
           "but his they he she we you i their which has were had will been its".split())
kept = 0
for f in sorted(glob.glob(os.path.join(truth, "*.json"))):
    d = json.load(open(f, encoding="utf-8"))
    if d["_internal"]["page_type"]["primary"] not in ("article", "forum", "service", "documentation"):
        continue
    text = d["ground_truth"].get("main_content") or ""
    toks = text.split()
    if len(toks) < 300:
        continue
    fw = sum(1 for t in toks if t.lower().strip('.,;:!?"') in func) / len(toks)
    letters = [c for c in text if c.isalpha()]
    if fw < 0.15 or sum(1 for c in letters if ord(c) > 127) > 0.05 * len(letters):
        continue
    kept += 1
    if kept % 3 == 0:
        continue
    with open(os.path.join(out, d["file_id"] + ".txt"), "w", encoding="utf-8") as o:
        o.write(text.strip() + "\n")
PY
mangle_and_score "$work" 3 "wcxb-dev truth"
