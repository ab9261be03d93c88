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
