#!/bin/bash
# Runs scrape-warc.sbatch as a real job array on a one-node Slurm cluster
# started here (Debian: apt-get install slurmctld slurmd slurm-client), with
# WARC files made from the project's fixtures, then checks that the shards
# together hold every record of a single run exactly once and that a second
# submission with the outputs in place does nothing.
#
#   contrib/slurm/test-local-cluster.sh BUILD/scrape
#
# The cluster (auth/none, ports 16817-16818, state in a temporary folder) is
# stopped at the end. Not part of ctest: it starts daemons.
set -euo pipefail
scrape=$(realpath "${1:?usage: $0 PATH/TO/scrape}")
src=$(cd "$(dirname "$0")/../.." && pwd)
command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null ||
	{ echo "needs slurmctld, slurmd and slurm-client" >&2; exit 2; }
dir=$(mktemp -d)
export SLURM_CONF=$dir/slurm.conf
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT
mkdir -p "$dir/state" "$dir/spool"
cat >"$SLURM_CONF" <<CONF
ClusterName=scrapetest
SlurmctldHost=localhost
AuthType=auth/none
CredType=cred/none
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/ctld.pid
SlurmdPidFile=$dir/d.pid
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmctldLogFile=$dir/ctld.log
SlurmdLogFile=$dir/d.log
NodeName=localhost CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -c >"$dir/ctld.out" 2>&1 &
pids+=($!)
sleep 2
slurmd -D >"$dir/d.out" 2>&1 &
pids+=($!)
for _ in $(seq 30); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 1; done

python3 "$src/tests/make_warc.py" "$dir/warcs" "$src/fixtures" >/dev/null
ls "$dir"/warcs/*.warc* | sort >"$dir/list.txt"
submit() {
	local jid
	jid=$(sbatch --parsable --cpus-per-task=1 --mem-per-cpu=400M --chdir="$dir" \
		--export=ALL,SCRAPE="$scrape" --array=0-2 "$src/contrib/slurm/scrape-warc.sbatch" \
		"$dir/list.txt" "$dir/out" 3)
	for _ in $(seq 120); do [ -z "$(squeue -h -j "$jid" 2>/dev/null)" ] && break; sleep 1; done
	echo "$jid"
}
jid=$(submit)
# exit status 3: the test WARCs hold damaged records on purpose
single=$({ "$scrape" --warc --files-from "$dir/list.txt" 2>/dev/null || true; } | wc -l)
sharded=$(zcat "$dir"/out/shard-*-of-00003.jsonl.gz | wc -l)
unique=$(zcat "$dir"/out/shard-*-of-00003.jsonl.gz |
	python3 -c 'import json,sys; print(len({(r["warc_file"], r["offset"]) for r in map(json.loads, sys.stdin)}))')
echo "job $jid: 3 tasks, single run $single lines, shards $sharded lines, $unique distinct records"
[ "$single" -eq "$sharded" ] && [ "$sharded" -eq "$unique" ] || { echo "FAIL: shards differ from a single run"; exit 1; }
before=$(stat -c %Y "$dir"/out/*)
jid=$(submit)
[ "$before" = "$(stat -c %Y "$dir"/out/*)" ] || { echo "FAIL: resubmission rewrote shards"; exit 1; }
grep -q "nothing to do" "$dir/scrape-warc-${jid}_0.log" || { echo "FAIL: resubmission did work"; exit 1; }
echo "job $jid: resubmitted, every task found its shard and did nothing"
