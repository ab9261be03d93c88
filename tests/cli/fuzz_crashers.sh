#!/bin/bash
# Replays tests/fuzz/crashers/TARGET-* (inputs that once crashed or hung a
# fuzz target, kept after the fix) through their target; skips (77) without
# clang and libFuzzer.
# usage: fuzz_crashers.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2 shared=$3
export FUZZ_BUILD=${FUZZ_BUILD:-$(dirname "$bin")/fuzz} SHARED=$shared
bash "$src/tests/fuzz/run.sh" --build || exit $?
fail=0 n=0
for t in $(bash "$src/tests/fuzz/run.sh" --list); do
	for f in "$src"/tests/fuzz/crashers/"$t"-*; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		if ! bash "$src/tests/fuzz/run.sh" "$t" "$f" >"$FUZZ_BUILD/replay.log" 2>&1; then
			echo "FAIL $(basename "$f"):"
			tail -30 "$FUZZ_BUILD/replay.log"
			fail=1
		fi
	done
done
echo "fuzz crashers: $n replayed"
exit $fail
