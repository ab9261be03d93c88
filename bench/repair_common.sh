# Shared by the repair benchmarks (source it): the options --bin PATH and
# --show N, the ../shared folder, and the binary (a Release build in
# build-bench when --bin is not given). Sets here, shared, rep, bin, show.
here=$(cd "$(dirname "${BASH_SOURCE[1]}")/.." && pwd)
shared=${SHARED:-$here/../shared}
rep=$shared/repair
bin=""
show=0
while (($#)); do
	case $1 in
		--bin) bin=$2; shift 2 ;;
		--show) show=$2; shift 2 ;;
		*) echo "usage: $0 [--bin PATH] [--show N]" >&2; exit 2 ;;
	esac
done
[ -f "$rep/score_repair.py" ] || { echo "no $rep/score_repair.py" >&2; exit 2; }
if [ -z "$bin" ]; then
	cmake -S "$here" -B "$here/build-bench" -DCMAKE_BUILD_TYPE=Release -DSCRAPE_TESTS=OFF >/dev/null
	cmake --build "$here/build-bench" -j2 >/dev/null
	bin=$here/build-bench/scrape
fi
bin=$(realpath "$bin")

# mangle_and_score WORK SEED LABEL: mangles every WORK/clean/*.txt with
# `mangle.py --modes strip` (the seed page's damage) into WORK/mangled
# (texts it cannot mangle are dropped), prints LABEL with the texts and
# words, and scores the repair on them like dev/mangled, clean-text test
# included.
mangle_and_score() {
	local work=$1 seed=$2 label=$3 f
	mkdir -p "$work/mangled"
	for f in "$work"/clean/*.txt; do
		python3 "$rep/mangle.py" --modes strip --seed "$seed" -o "$work/mangled/$(basename "$f")" "$f" 2>/dev/null ||
			rm -f "$f"
	done
	echo "$label: texts $(ls "$work/clean" | wc -l), words $(cat "$work"/clean/*.txt | wc -w)"
	(cd "$rep" && python3 score_repair.py "$work/clean" "$work/mangled" --cmd "$bin --repair -" --show "$show")
}
