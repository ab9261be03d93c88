#!/bin/bash
# A short libFuzzer run of every target (tests/fuzz/run.sh); skips (77)
# without clang and libFuzzer. FUZZ_SECONDS sets the time per target.
# usage: fuzz_smoke.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2 shared=$3
export FUZZ_BUILD=${FUZZ_BUILD:-$(dirname "$bin")/fuzz} SHARED=$shared
secs=${FUZZ_SECONDS:-15} # 9 targets: the test stays under 3 minutes
bash "$src/tests/fuzz/run.sh" --build || exit $?
fail=0
for t in $(bash "$src/tests/fuzz/run.sh" --list); do
	if bash "$src/tests/fuzz/run.sh" "$t" "$secs" >"$FUZZ_BUILD/$t.log" 2>&1; then
		echo "fuzz $t: $(grep -E '^stat::number_of_executed_units' "$FUZZ_BUILD/$t.log" | awk '{print $2}') runs," \
			"$(grep -oE 'cov: [0-9]+' "$FUZZ_BUILD/$t.log" | tail -1), no crash"
	else
		echo "FAIL fuzz $t:"
		grep -A30 -E '^==[0-9]+==|runtime error|Test unit written' "$FUZZ_BUILD/$t.log" | head -60
		fail=1
	fi
done
exit $fail
