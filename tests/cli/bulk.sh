#!/bin/bash
# Bulk cleaning: -o mirrors the input tree, failures are listed and do not
# stop the run, --resume skips what is done, --jsonl keeps input order.
# usage: bulk.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
. "$(dirname "$0")/common.bash"

in=$tmp/in
mkdir -p "$in/a/b" "$in/c"
cp "$src/fixtures/news-article.html" "$in/a/news.html"
gzip -c "$src/fixtures/div-soup.html" >"$in/a/b/soup.html.gz"
cp "$src/fixtures/list-and-table.html" "$in/c/list.htm"
cp "$src/fixtures/reader-comments.html" "$in/c/comments.xhtml"
printf '%%PDF-1.5\n' >"$in/c/fake.html"
: >"$in/c/empty.html"
echo "not a page" >"$in/c/notes.txt"

"$bin" -q -j2 -o "$tmp/out" "$in" 2>"$tmp/err"
st=$?
check "exit status is non-zero when a page failed" [ "$st" -eq 3 ]
check "tree mirrored" [ -s "$tmp/out/a/news.txt" -a -s "$tmp/out/a/b/soup.txt" -a -s "$tmp/out/c/list.txt" -a -s "$tmp/out/c/comments.txt" ]
check "output equals single-page output" cmp -s "$tmp/out/a/news.txt" "$src/fixtures/news-article.txt"
check "gzip input" cmp -s "$tmp/out/a/b/soup.txt" "$src/fixtures/div-soup.txt"
check "non-html files ignored" [ ! -e "$tmp/out/c/notes.txt" ]
check "failed pages have no output" [ ! -e "$tmp/out/c/fake.txt" -a ! -e "$tmp/out/c/empty.txt" ]
check "failures.tsv lists both failures" [ "$(grep -c "$in/c/" "$tmp/out/failures.tsv")" -eq 2 ]
check "no temporary files left" [ -z "$(find "$tmp/out" -name '*.tmp.*')" ]

# --resume: nothing is redone; a touched input is
before=$(stat -c %Y.%N "$tmp/out/a/news.txt")
sleep 1.1
touch "$in/c/list.htm"
"$bin" -j2 --resume -o "$tmp/out" "$in" 2>"$tmp/err"
check "resume reports up-to-date pages" grep -q "3 up to date" "$tmp/err"
check "resume keeps finished outputs" [ "$(stat -c %Y.%N "$tmp/out/a/news.txt")" = "$before" ]
check "resume redoes newer inputs" [ "$tmp/out/c/list.txt" -nt "$tmp/out/a/news.txt" ]

# --format json into .json files; --jsonl in input order, valid JSON per line
"$bin" -q --format json -o "$tmp/json" "$in/a" >/dev/null 2>&1
check "json outputs" [ -s "$tmp/json/news.json" ]
"$bin" -q -j2 --jsonl "$in" >"$tmp/lines" 2>/dev/null
check "one JSON line per page" [ "$(wc -l <"$tmp/lines")" -eq 6 ]
python3 - "$tmp/lines" <<'PY' && pass=$((pass + 1)) || { echo "FAIL jsonl content"; fail=$((fail + 1)); }
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
paths = [r["path"].split("/in/")[1] for r in rows]
assert paths == ["a/b/soup.html.gz", "a/news.html", "c/comments.xhtml", "c/empty.html", "c/fake.html", "c/list.htm"], paths
assert rows[1]["title"].startswith("Ports chief"), rows[1]["title"]
assert "text" in rows[1] and "error" not in rows[1]
assert "error" in rows[3] and "empty" in rows[3]["error"]
assert "error" in rows[4] and "PDF" in rows[4]["error"]
types = {"article", "forum", "product", "collection", "listing", "documentation", "service"}
assert rows[1]["page_type"] == "article", rows[1].get("page_type")
assert all(r["page_type"] in types for r in rows if "text" in r)
assert "page_type" not in rows[4]  # not HTML: never parsed, no type
PY
check "json outputs have a page_type" grep -q '"page_type":"article"' "$tmp/json/news.json"

# usage errors
"$bin" -o "$tmp/x" >/dev/null 2>&1
check "-o without inputs is a usage error" [ $? -eq 2 ]
"$bin" -j0 -o "$tmp/x" "$in" >/dev/null 2>&1
check "-j0 is a usage error" [ $? -eq 2 ]

# bad inputs among good ones: a corrupt .gz, a dangling link and a folder
# named like pages, a binary file; the run goes on and lists each
bad=$tmp/bad
mkdir -p "$bad/dir.html"
cp "$src/fixtures/news-article.html" "$bad/good.html"
printf '\037\213\010\000this is not deflate data at all' >"$bad/corrupt.html.gz"
gzip -c "$src/fixtures/div-soup.html" | head -c 200 >"$bad/truncated.html.gz"
ln -s "$bad/nowhere.html" "$bad/dangling.html"
head -c 3000 /dev/zero >"$bad/zeros.html"
"$bin" -q -j2 -o "$tmp/badout" "$bad" "$bad/dangling.html" 2>"$tmp/err"
st=$?
check "bad inputs: non-zero exit" [ "$st" -ne 0 ]
check "bad inputs: the good page is written" cmp -s "$tmp/badout/good.txt" "$src/fixtures/news-article.txt"
check "bad inputs: corrupt and truncated gzip listed" [ "$(grep -c 'gzip' "$tmp/badout/failures.tsv")" -eq 2 ]
check "bad inputs: binary listed" grep -q "zeros.html.*binary" "$tmp/badout/failures.tsv"
check "bad inputs: unreadable named on stderr" grep -q "dangling.html" "$tmp/err"

# an output folder inside the input folder is not read back as input
inner=$tmp/inner
mkdir -p "$inner"
cp "$src/fixtures/news-article.html" "$src/fixtures/div-soup.html" "$inner/"
"$bin" -q --format json -o "$inner/out" "$inner" 2>/dev/null
"$bin" -q --format json -o "$inner/out" "$inner" 2>"$tmp/err"
check "output inside input: two pages, twice" [ "$(find "$inner/out" -name '*.json' | wc -l)" -eq 2 ]
check "output inside input: nothing nested" [ ! -e "$inner/out/out" ]

# an interrupted run, resumed: every output whole, none lost
many=$tmp/many
mkdir -p "$many"
for i in $(seq 1 300); do cp "$src/fixtures/list-and-table.html" "$many/p$i.html"; done
"$bin" -q -j2 -o "$tmp/intr" "$many" 2>/dev/null &
pid=$!
# kill it once some outputs exist (and long before all 300 do)
for _ in $(seq 200); do
	[ "$(find "$tmp/intr" -name 'p*.txt' 2>/dev/null | wc -l)" -ge 5 ] && break
	sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
partial=$(find "$tmp/intr" -name 'p*.txt' | wc -l)
bad_partial=0
for f in "$tmp"/intr/p*.txt; do
	[ -e "$f" ] || continue
	cmp -s "$f" "$src/fixtures/list-and-table.txt" || bad_partial=$((bad_partial + 1))
done
check "interrupted: every output written is whole ($partial written)" [ "$bad_partial" -eq 0 ]
"$bin" -j2 --resume -o "$tmp/intr" "$many" 2>"$tmp/err"
check "resumed: exit 0" [ $? -eq 0 ]
check "resumed: all 300 outputs" [ "$(find "$tmp/intr" -name 'p*.txt' | wc -l)" -eq 300 ]
check "interrupted: killed part-way ($partial of 300)" [ "$partial" -gt 0 -a "$partial" -lt 300 ]
check "resumed: finished pages were not redone" grep -q "$partial up to date" "$tmp/err"
bad_all=0
for f in "$tmp"/intr/p*.txt; do cmp -s "$f" "$src/fixtures/list-and-table.txt" || bad_all=$((bad_all + 1)); done
check "resumed: every output whole" [ "$bad_all" -eq 0 ]
find "$tmp/intr" -name '*.tmp.*' -delete # left by the kill: harmless, never read as output

# --url: where one saved page came from, as a WARC record would say
"$bin" --format json --url https://shop.example/collections/lamps "$src/fixtures/card-collection.html" >"$tmp/url.json"
check "--url is the page's url without a canonical one" grep -q '"url":"https://shop.example/collections/lamps"' "$tmp/url.json"
"$bin" -q --url https://shop.example/ -o "$tmp/url-out" "$src/fixtures/card-collection.html" 2>"$tmp/url.err"
check "--url with -o is a usage error" [ $? -eq 2 ]
check "--url with -o says why" grep -q -- "--url names where one saved page came from" "$tmp/url.err"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
