#!/bin/bash
# WARC mode: plain, per-record gzip and whole-file gzip WARCs built from the
# fixtures by tests/make_warc.py; damaged records reported, the rest read;
# skipped records counted; JSON lines valid and in input order; offsets that
# cut the record out again; shards that split the files exactly once, written
# atomically and replaced on a re-run.
# usage: warc.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
. "$(dirname "$0")/common.bash"
w=$tmp/w
python3 "$src/tests/make_warc.py" "$w" "$src/fixtures" || { echo "FAIL make_warc.py"; exit 1; }

# reference: each fixture page on its own, as JSON
for f in "$src"/fixtures/*.html; do
	n=$(basename "$f")
	opts=""
	[ -f "${f%.html}.opts" ] && opts=$(cat "${f%.html}.opts")
	# shellcheck disable=SC2086
	"$bin" -q --format json $opts "$f" >"$tmp/ref-$n.json" 2>/dev/null
done

for f in plain.warc member.warc.gz whole.warc.gz damaged.warc.gz damaged.warc; do
	"$bin" -j2 --warc "$w/$f" >"$tmp/$f.jsonl" 2>"$tmp/$f.err"
	echo $? >"$tmp/$f.status"
done
check "good files exit 0" [ "$(cat "$tmp/plain.warc.status")$(cat "$tmp/member.warc.gz.status")$(cat "$tmp/whole.warc.gz.status")" = 000 ]
check "damaged files exit 3" [ "$(cat "$tmp/damaged.warc.gz.status")$(cat "$tmp/damaged.warc.status")" = 33 ]
# make_warc.py writes a request and a response for each fixture page without
# .opts (news-article-cp1252 left out too, see pages() there), and seven
# records besides (warcinfo, metadata, an image, a 404...)
npages=0
for f in "$src"/fixtures/*.html; do
	[ -f "${f%.html}.opts" ] || [ "$(basename "$f")" = news-article-cp1252.html ] || npages=$((npages + 1))
done
for f in plain.warc member.warc.gz whole.warc.gz; do
	check "$f: skipped records counted" grep -q "$((2 * npages + 7)) records read.*$((npages + 4)) skipped: 1 warcinfo, $npages request, 1 metadata, 1 HTTP status not 2xx, 1 not HTML" "$tmp/$f.err"
done
check "damaged: each bad record on stderr" [ "$(grep -c '^scrape: .*damaged.warc.gz@[0-9]*: ' "$tmp/damaged.warc.gz.err")" -eq 4 ]

# every line valid JSON (strict UTF-8, no raw control characters), in order,
# with the text of the fixture page it came from
python3 - "$w" "$tmp" <<'PY' && pass=$((pass + 1)) || { echo "FAIL jsonl content"; fail=$((fail + 1)); }
import json, os, subprocess, sys, zlib
w, tmp = sys.argv[1], sys.argv[2]
exp = json.load(open(os.path.join(w, "expected.json")))
def ref(name):
    return json.loads(open(os.path.join(tmp, "ref-%s.json" % name), encoding="utf-8").read())
for f, info in exp.items():
    raw = open(os.path.join(tmp, f + ".jsonl"), "rb").read()
    lines = raw.decode("utf-8").split("\n")   # strict: raises on bad UTF-8
    assert lines[-1] == "", f
    rows = [json.loads(l) for l in lines[:-1]]  # strict: no raw control characters
    assert all("\u2028" not in l and "\u2029" not in l for l in lines), f
    want = [r for r in info["records"] if r["kind"] != "skip"]
    assert len(rows) == len(want), (f, len(rows), len(want))
    for row, r in zip(rows, want):
        assert row["warc_file"].endswith("/" + f), row["warc_file"]
        if r["url"]:
            assert row["url"] == r["url"], (f, row["url"], r["url"])
        if r["kind"] == "error":
            assert "error" in row and "text" not in row, (f, row)
            continue
        assert "error" not in row, (f, row)
        if "date" in r:
            assert row["date"] == r["date"], (row["date"], r["date"])
        assert row["status"] == 200
        if r["kind"] == "hostile":
            assert row["title"].startswith("Bad ") and "backslashes \\" in row["text"], row
            continue
        want_doc = ref(r["fixture"])
        assert row["title"] == want_doc["title"], (f, row["title"], want_doc["title"])
        assert row["text"] == want_doc["text"], (f, r["fixture"])
        if r.get("charset") == "windows-1252":
            assert "island\u2019s" in row["text"], "windows-1252 from the HTTP header"
    # offsets: plain files and per-record gzip give file offsets of each record
    offs = info.get("offsets")
    recs = [r for r in info["records"]]
    data = open(os.path.join(w, f), "rb").read()
    for row in rows:
        if offs:
            k = [r["url"] for r in recs].index(row["url"]) if row["url"] in [r["url"] for r in recs if r["kind"] != "skip"] else None
            # the response is the last record with this URL that is not skipped
            k = max(i for i, r in enumerate(recs) if r["url"] == row["url"] and r["kind"] != "skip")
            assert [row["offset"], row["length"]] == offs[k], (f, row["url"], row["offset"], row["length"], offs[k])
            assert "offsets" not in row
        if row.get("offsets") == "decompressed":
            piece = zlib.decompress(data, 31)[row["offset"]:row["offset"] + row["length"]]
        else:
            piece = data[row["offset"]:row["offset"] + row["length"]]
            if f.endswith(".gz") and "error" not in row:
                piece = zlib.decompress(piece, 31)
                assert piece.endswith(b"\r\n\r\n")
        if "error" not in row:
            assert piece.startswith(b"WARC/1."), (f, piece[:20])
            assert "\ufffd" in row["url"] or row["url"].encode() in piece[:1000]
    if f == "whole.warc.gz":
        assert all(r.get("offsets") == "decompressed" for r in rows)
print("ok")
PY

# every extracted page says what type of page it is
check "page_type on every text line" [ "$(grep '"text":' "$tmp/member.warc.gz.jsonl" | grep -vc '"page_type":"[a-z]*"')" -eq 0 ]
check "page_type values" [ "$(grep -c '"page_type":"\(article\|forum\|product\|collection\|listing\|documentation\|service\)"' "$tmp/member.warc.gz.jsonl")" -ge 1 ]

# the damaged files: what went wrong is said
check "wrong Content-Length reported" [ "$(grep -c 'does not end where its Content-Length says' "$tmp/damaged.warc.gz.jsonl")" -eq 2 ]
check "corrupt member reported" grep -q '"error":"corrupt gzip data"' "$tmp/damaged.warc.gz.jsonl"
check "truncated record reported" grep -q '"url":"http://example.test/cut.html".*"error":"truncated record"' "$tmp/damaged.warc.gz.jsonl"
# dd + gunzip cuts a record out of a per-record gzip file
line=$(grep '"url":"http://example.test/good-1.html"' "$tmp/damaged.warc.gz.jsonl")
off=$(echo "$line" | sed 's/.*"offset":\([0-9]*\).*/\1/') len=$(echo "$line" | sed 's/.*"length":\([0-9]*\).*/\1/')
dd if="$w/damaged.warc.gz" bs=1 skip="$off" count="$len" 2>/dev/null | gunzip >"$tmp/cut" 2>/dev/null
check "dd + gunzip gives the record back" grep -q "WARC-Target-URI: http://example.test/good-1.html" "$tmp/cut"

# standard input: the same lines
"$bin" -q --warc - <"$w/member.warc.gz" >"$tmp/stdin.jsonl"
check "standard input" cmp -s <(sed 's/"warc_file":"[^"]*"//' "$tmp/stdin.jsonl") <(sed 's/"warc_file":"[^"]*"//' "$tmp/member.warc.gz.jsonl")
check "standard input named -" grep -q '"warc_file":"-"' "$tmp/stdin.jsonl"

# shards: 8 files over 4 shards, with --files-from; every record exactly once
ls "$w"/shard-*.warc.gz >"$tmp/list"
"$bin" -q --warc --files-from "$tmp/list" >"$tmp/all.jsonl"
for i in 0 1 2 3; do
	"$bin" -q -j2 --warc --shard "$i/4" --files-from "$tmp/list" -o "$tmp/out"
done
check "one output per shard" [ "$(ls "$tmp/out" | grep -c '^shard-0000[0-3]-of-00004.jsonl.gz$')" -eq 4 ]
check "no temporary files" [ "$(ls -A "$tmp/out" | wc -l)" -eq 4 ]
zcat "$tmp"/out/*.gz | sort >"$tmp/union"
check "shards: union equals one run, each record once" cmp -s "$tmp/union" <(sort "$tmp/all.jsonl")
check "shards: records of 8 files" [ "$(cut -d, -f2 "$tmp/union" | sort -u | wc -l)" -eq 8 ]
check "shard 1 has files 1 and 5" [ "$(zcat "$tmp/out/shard-00001-of-00004.jsonl.gz" | grep -o 'shard-0[0-9].warc.gz' | sort -u | tr '\n' ' ')" = "shard-01.warc.gz shard-05.warc.gz " ]
# a re-run replaces its output; --resume leaves it
cp "$tmp/out/shard-00001-of-00004.jsonl.gz" "$tmp/before.gz"
echo garbage >"$tmp/out/shard-00001-of-00004.jsonl.gz"
"$bin" -q --warc --shard 1/4 --files-from "$tmp/list" -o "$tmp/out"
check "re-run replaces the output" cmp -s <(zcat "$tmp/out/shard-00001-of-00004.jsonl.gz") <(zcat "$tmp/before.gz")
touch -d '2000-01-01' "$tmp/out/shard-00002-of-00004.jsonl.gz"
"$bin" --warc --shard 2/4 --resume --files-from "$tmp/list" -o "$tmp/out" 2>"$tmp/err"
check "--resume skips a finished shard" grep -q "nothing to do" "$tmp/err"
check "--resume leaves it untouched" [ "$(stat -c %Y "$tmp/out/shard-00002-of-00004.jsonl.gz")" = "$(date -d 2000-01-01 +%s)" ]
"$bin" -q --warc --shard 4/4 "$w/plain.warc" >/dev/null 2>&1
check "bad --shard is a usage error" [ $? -eq 2 ]
"$bin" -q --warc "$tmp/missing.warc" >"$tmp/missing.jsonl" 2>/dev/null
check "missing file: exit 3 and an error line" [ $? -eq 3 ] && grep -q '"error":' "$tmp/missing.jsonl"

# with -o, an unreadable WARC file leaves no output (a re-run retries it)
"$bin" -q --warc -o "$tmp/out2" "$w/shard-00.warc.gz" "$tmp/missing.warc" 2>/dev/null
check "unreadable input: exit 3, no output" [ $? -eq 3 ] && [ -z "$(ls -A "$tmp/out2" 2>/dev/null)" ]

# the Slurm recipe, run as the array's tasks would run it
for i in 0 1 2 3; do
	SLURM_ARRAY_TASK_ID=$i SLURM_CPUS_PER_TASK=2 SCRAPE=$bin bash "$src/contrib/slurm/scrape-warc.sbatch" "$tmp/list" "$tmp/slurm" 4 -q
done
check "sbatch script: union equals one run" cmp -s <(zcat "$tmp"/slurm/*.gz | sort) <(sort "$tmp/all.jsonl")
SLURM_ARRAY_TASK_ID=1 SCRAPE=$bin bash "$src/contrib/slurm/scrape-warc.sbatch" "$tmp/list" "$tmp/slurm" 4 2>"$tmp/err"
check "sbatch script: a finished task does nothing" [ $? -eq 0 ] && grep -q "nothing to do" "$tmp/err"

echo "warc: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
