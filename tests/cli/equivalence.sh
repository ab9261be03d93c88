#!/bin/bash
# One output per page, however it is run (issue 13): every page of
# ../shared/bench/articles and a fixed sample of the WCXB dev pages, each run
# alone (one process per page), must give the same bytes in
#   -o DIR with -j1, with -jN, with the inputs in another (fixed) order,
#   --jsonl (its "text"), and --warc over a WARC file of the same pages (its
#   "text"; the HTTP header carries no charset, as a file has none; the
#   record's URL is given to the page run alone with --url)
# and fail the same way (same status and message) where they fail. On a
# subset, text with the title, markdown and json run alone equal -o's files,
# the --jsonl line equals the page's --format json object byte for byte, and
# --warc --format markdown gives the markdown less its title line. Every
# output is valid UTF-8, every JSON line strict JSON (tests/equivalence.py).
# EQUIV_STRIDE=N takes every N-th WCXB page (default 4; 1: all 1,355),
# EQUIV_SUBSET=N every N-th page of the sample for the formats (default 5);
# EQUIV_KEEP=1 keeps the outputs (the folder is printed).
# usage: equivalence.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2 shared=$3
if [ ! -d "$shared/bench/articles" ] || [ ! -d "$shared/bench/wcxb-dev/pages" ]; then
	echo "SKIP: $shared/bench is not there"
	exit 77
fi
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
tmp=$(mktemp -d)
if [ -n "${EQUIV_KEEP:-}" ]; then
	echo "keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi
jobs=$(nproc)
[ "$jobs" -ge 2 ] || jobs=2
times=""
stage() { # NAME COMMAND...: runs it, notes its wall time; its exit status
	local name=$1 t0=$EPOCHREALTIME st
	shift
	"$@"
	st=$?
	times="$times $name $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')s"
	return $st
}
# each page of LIST in a process of its own, jobs at a time:
# NAME/KEY.out, NAME/KEY.err and NAME/KEY.rc (exit status)
alone() { # NAME LIST OPTIONS...
	local d=$tmp/$1 list=$tmp/$2
	shift 2
	mkdir -p "$d/a" "$d/w"
	# shellcheck disable=SC2016 # expanded by sh -c
	EQ_BIN=$bin EQ_DIR=$d EQ_PAGES=$tmp/pages EQ_OPTS="$*" EQ_URL=${EQ_URL:-} xargs -a "$list" -d '\n' -P "$jobs" -n 1 sh -c \
		'"$EQ_BIN" $EQ_OPTS ${EQ_URL:+--url "http://bench.test/$1.html"} "$EQ_PAGES/$1.html.gz" >"$EQ_DIR/$1.out" 2>"$EQ_DIR/$1.err"; echo $? >"$EQ_DIR/$1.rc"' sh
}
# the same with --url naming the page's address in the WARC file (a record
# carries its URL, a saved file does not: the reference for --warc)
alone_url() { # NAME LIST OPTIONS...
	EQ_URL=1 alone "$@"
}
run() { # OUT RC_FILE COMMAND...: standard output to OUT, exit status to RC_FILE
	local out=$1 rcf=$2
	shift 2
	"$@" >"$out" 2>"$tmp/stderr"
	echo $? >"$rcf"
}

stage prepare python3 "$src/tests/equivalence.py" prepare "$shared" "$tmp" "${EQUIV_STRIDE:-4}" "${EQUIV_SUBSET:-5}" ||
	{ echo "FAIL preparing the pages"; exit 1; }
mapfile -t shuffled <"$tmp/shuffled"

stage alone alone single keys --no-title
stage j1 run /dev/null "$tmp/j1.rc" "$bin" -q -j1 --no-title -o "$tmp/j1" "$tmp/pages"
stage j"$jobs" run /dev/null "$tmp/jN.rc" "$bin" -q -j"$jobs" --no-title -o "$tmp/jN" "$tmp/pages"
stage shuffled run /dev/null "$tmp/shuf.rc" "$bin" -q -j1 --no-title -o "$tmp/shuf" "${shuffled[@]}"
stage jsonl run "$tmp/all.jsonl" "$tmp/jsonl.rc" "$bin" -q -j"$jobs" --jsonl "$tmp/pages"
stage alone-url alone_url single-url keys --no-title
stage warc run "$tmp/warc.jsonl" "$tmp/warc.jsonl.rc" "$bin" -q -j"$jobs" --warc "$tmp/all.warc.gz"

# formats, on the subset: text with the title, markdown, json
formats_alone() {
	alone single-t subkeys
	alone single-md subkeys --format markdown
	alone single-json subkeys --format json
	alone_url single-md-url subkeys --format markdown
}
formats_bulk() {
	run /dev/null "$tmp/sub-t.rc" "$bin" -q -j"$jobs" -o "$tmp/sub-t" "$tmp/sub"
	run /dev/null "$tmp/sub-md.rc" "$bin" -q -j"$jobs" --format markdown -o "$tmp/sub-md" "$tmp/sub"
	run /dev/null "$tmp/sub-json.rc" "$bin" -q -j"$jobs" --format json -o "$tmp/sub-json" "$tmp/sub"
	run "$tmp/sub-warc-md.jsonl" "$tmp/sub-warc-md.jsonl.rc" \
		"$bin" -q -j"$jobs" --format markdown --warc "$tmp/sub.warc.gz"
}
stage formats-alone formats_alone
stage formats-bulk formats_bulk

stage check python3 "$src/tests/equivalence.py" check "$tmp"
st=$?
echo "wall times:$times"
[ "$st" -eq 0 ]
