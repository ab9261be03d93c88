#!/usr/bin/env python3
"""Page-type accuracy of scrape against WCXB labels: a confusion table.

Rows are the WCXB label (_internal.page_type.primary of each truth file,
"category" read as "collection", a missing type as "article", as in WCXB's
evaluate.py), columns the page_type scrape printed; "none" counts pages
without a prediction (scrape failed on them or left them out). Then the
accuracy over all pages and over the even and odd page ids separately (to
check weights fitted on one half against the other half), and per type the
recall (diagonal / row) and precision (diagonal / column).

Usage:
  page_type.py --truth DIR (--jsonl FILE | --json DIR)

--jsonl reads the lines of `scrape --jsonl` ("path" and "page_type" keys);
--json reads <id>.json files of `scrape --format json -o DIR`. A page's id is
its file name up to the first dot (pages/0042.html.gz -> 0042).
Standard library only.
"""

import argparse
import json
import os
import sys

TYPES = ("article", "forum", "product", "collection", "listing",
         "documentation", "service")


def page_id(path):
    return os.path.basename(path).split(".", 1)[0]


def read_truth(folder):
    """{id: label} of every truth file."""
    labels = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            doc = json.load(f)
        label = ((doc.get("_internal") or {}).get("page_type") or {}).get("primary") or "article"
        labels[page_id(name)] = "collection" if label == "category" else label
    return labels


def read_jsonl(path):
    preds = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if obj.get("page_type") and obj.get("path"):
                preds[page_id(obj["path"])] = obj["page_type"]
    return preds


def read_json_dir(folder):
    preds = {}
    for name in os.listdir(folder):
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                obj = json.load(f)
        except (OSError, json.JSONDecodeError):
            continue
        if obj.get("page_type"):
            preds[page_id(name)] = obj["page_type"]
    return preds


def accuracy(labels, preds, ids):
    ids = list(ids)
    if not ids:
        return 0.0, 0
    right = sum(1 for i in ids if preds.get(i) == labels[i])
    return right / len(ids), len(ids)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--truth", required=True, help="folder of <id>.json truth files")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--jsonl", help="output of scrape --jsonl")
    src.add_argument("--json", help="folder of scrape --format json outputs")
    args = ap.parse_args()

    truth = args.truth
    if os.path.isdir(os.path.join(truth, "truth")):
        truth = os.path.join(truth, "truth")
    labels = read_truth(truth)
    preds = read_jsonl(args.jsonl) if args.jsonl else read_json_dir(args.json)
    if not labels:
        sys.exit("no truth files in " + truth)

    cols = list(TYPES) + sorted({p for p in preds.values() if p not in TYPES}) + ["none"]
    table = {t: {c: 0 for c in cols} for t in TYPES}
    for i, label in labels.items():
        table.setdefault(label, {c: 0 for c in cols})
        p = preds.get(i, "none")
        table[label][p if p in cols else "none"] += 1

    width = 13
    print("page type: rows = WCXB label, columns = scrape's page_type")
    print("%-*s" % (width, "") + "".join("%7s" % c[:6] for c in cols) + "   total  recall")
    col_sum = {c: 0 for c in cols}
    for label, row in table.items():
        total = sum(row.values())
        if not total:
            continue
        for c in cols:
            col_sum[c] += row[c]
        print("%-*s" % (width, label) + "".join("%7d" % row[c] for c in cols) +
              "%8d  %5.3f" % (total, row.get(label, 0) / total))
    print("%-*s" % (width, "precision") + "".join(
        "%7s" % ("%.3f" % (table[c][c] / col_sum[c]) if c in table and col_sum[c] else "-")
        for c in cols))
    acc, n = accuracy(labels, preds, labels)
    even, ne = accuracy(labels, preds, [i for i in labels if i.isdigit() and int(i) % 2 == 0])
    odd, no = accuracy(labels, preds, [i for i in labels if i.isdigit() and int(i) % 2 == 1])
    print("accuracy %.3f over %d pages (even ids %.3f over %d, odd ids %.3f over %d); "
          "%d without a prediction" % (acc, n, even, ne, odd, no,
                                       sum(1 for i in labels if i not in preds)))
    have, nh = accuracy(labels, preds, [i for i in labels if i in preds])
    print("accuracy %.3f over the %d pages with a prediction" % (have, nh))


if __name__ == "__main__":
    main()
