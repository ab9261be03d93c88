#!/usr/bin/env python3
"""The architecture, checked (docs/ARCHITECTURE.md).

1. Includes run one way: cli -> library entry (src/) -> stages (scraper/,
   cleaners/extract/, cleaners/repair/) -> utilities (src/util/). scraper/
   and cleaners/ never include each other's headers; a stage includes no
   other stage (the subfolders of scraper/ are one stage); the utilities
   include no stage; only the entry and the CLI see more than one part.
2. No two source files call each other's functions (a circle between
   files): the call graph between files has no cycle of two or more.

usage: layout.py SOURCE_DIR
"""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
PARTS = ["src/util", "scraper", "cleaners/extract", "cleaners/repair", "src", "cli"]
# which parts each part may include (besides itself and include/scrape.h)
ALLOWED = {
    "src/util": set(),
    "scraper": {"src/util"},
    "cleaners/extract": {"src/util"},
    "cleaners/repair": {"src/util"},
    "src": {"src/util", "scraper", "cleaners/extract", "cleaners/repair"},
    # the tool drives its bulk modes with the scraper's readers (WARC, fetch)
    "cli": {"src/util", "scraper"},
}


def part_of(rel):
    for p in PARTS:  # most specific first
        if rel.startswith(p + "/"):
            return p
    return None


def sources():
    out = []
    for top in ("src", "scraper", "cleaners", "cli"):
        for d, _, files in os.walk(os.path.join(ROOT, top)):
            for f in files:
                if f.endswith((".c", ".h")):
                    out.append(os.path.relpath(os.path.join(d, f), ROOT))
    return sorted(out)


def strip_comments(s):
    s = re.sub(r"/\*.*?\*/", " ", s, flags=re.S)
    s = re.sub(r"//[^\n]*", " ", s)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', s)


def bodies(src):
    """Text inside top-level braces (function bodies, initialisers)."""
    out, depth = [], 0
    for ch in src:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth > 0:
            out.append(ch)
            continue
        out.append(" " if depth == 0 else ch)
    return "".join(out)


def main():
    files = sources()
    by_name = {}
    for rel in files:
        by_name.setdefault(os.path.basename(rel), []).append(rel)
    problems = []

    # 1. includes
    for rel in files:
        part = part_of(rel)
        text = open(os.path.join(ROOT, rel), encoding="utf-8").read()
        for inc in re.findall(r'^#include "([^"]+)"', text, re.M):
            if inc == "scrape.h":
                continue
            targets = by_name.get(os.path.basename(inc), [])
            if not targets:
                problems.append(f"{rel}: includes {inc}, which is no header of the tree")
                continue
            tpart = part_of(targets[0])
            if tpart != part and tpart not in ALLOWED[part]:
                problems.append(f"{rel} ({part}) includes {inc} ({tpart})")

    # 2. call cycles between files
    defined = {}
    for rel in files:
        text = strip_comments(open(os.path.join(ROOT, rel), encoding="utf-8").read())
        for m in re.finditer(r"^(?!static\b(?!\s+inline))[A-Za-z_][\w \t\*]*?\b([a-z_][a-z0-9_]*)\s*\([^;{)]*\)\s*\{",
                             text, re.M):
            defined.setdefault(m.group(1), set()).add(rel)
    unit = lambda rel: rel[:-2]  # a .c and its .h are one module
    calls = {}
    for rel in files:
        text = bodies(strip_comments(open(os.path.join(ROOT, rel), encoding="utf-8").read()))
        for name in set(re.findall(r"\b([a-z_][a-z0-9_]*)\s*\(", text)):
            for d in defined.get(name, ()):
                if unit(d) != unit(rel):
                    calls.setdefault(unit(rel), {}).setdefault(unit(d), name)
    # Tarjan's strongly connected components over the module graph
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in calls.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(calls):
        if v not in index:
            visit(v)
    for comp in sccs:
        detail = "; ".join(f"{a} calls {b} ({calls[a][b]})" for a in comp for b in comp
                           if b in calls.get(a, {}))
        problems.append("files calling each other in a circle: " + detail)

    for p in problems:
        print("FAIL", p)
    print(f"layout: {len(files)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
