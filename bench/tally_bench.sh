#!/usr/bin/env bash
# Times `gongkai tally` on a generated request register (CSV) and prints rows/s and peak RSS.
#
#   bench/tally_bench.sh [GONGKAI] [ROWS] [RUNS] [csv|xlsx]
#
# GONGKAI defaults to build/gongkai (build it with -DCMAKE_BUILD_TYPE=Release for figures that
# mean anything), ROWS to 1,000,000, RUNS to 3 (each run is printed; the best is summarised),
# the register's format to csv (xlsx: as Excel saves it, shared strings and serial dates).
# The register is written once by bench/gen_register.py into $TMPDIR/gongkai-tally-bench and
# reused. Peak RSS comes from GNU time (/usr/bin/time -v, Debian package `time`) when present,
# else from polling VmHWM in /proc while the process runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gongkai=${1:-$here/../build/gongkai}
rows=${2:-1000000}
runs=${3:-3}
format=${4:-csv}
work=${TMPDIR:-/tmp}/gongkai-tally-bench
mkdir -p "$work"
csv=$work/register-$rows.$format
if [ ! -s "$csv" ]; then
  echo "generating $rows rows into $csv ..." >&2
  python3 "$here/gen_register.py" "$rows" "$csv"
fi
bytes=$(stat -c %s "$csv")

# Runs the tally once; prints "<seconds> <peak RSS in KiB>".
run_once() {
  local out=$work/tally.yaml
  rm -f "$out"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/time.txt" "$gongkai" -q tally "$csv" --year 2023 --agency bench -o "$out"
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    python3 -c 'import sys
p=[float(x) for x in sys.argv[1].split(":")]
s=0.0
for x in p: s=s*60+x
print(f"{s:.3f} {sys.argv[2]}")' "$wall" "$rss"
  else
    local start end pid hwm=0 h
    start=$(date +%s.%N)
    "$gongkai" -q tally "$csv" --year 2023 --agency bench -o "$out" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      h=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$h" ] && [ "$h" -gt "$hwm" ] && hwm=$h
      sleep 0.01
    done
    wait "$pid"
    end=$(date +%s.%N)
    python3 -c 'import sys; print(f"{float(sys.argv[2])-float(sys.argv[1]):.3f} {sys.argv[3]}")' "$start" "$end" "$hwm"
  fi
}

best=""
for i in $(seq "$runs"); do
  read -r secs rss < <(run_once)
  python3 -c 'import sys
rows,b,s,r=int(sys.argv[1]),int(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4])
print(f"run {sys.argv[5]}: {rows} rows ({b/1e6:.1f} MB) in {s:.3f} s = {rows/s:,.0f} rows/s, peak RSS {r/1024:.1f} MiB")' \
    "$rows" "$bytes" "$secs" "$rss" "$i"
  if [ -z "$best" ] || python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' "$secs" "${best%% *}"; then
    best="$secs $rss"
  fi
done
python3 -c 'import sys
rows,s,r=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3])
print(f"best: {s:.3f} s, {rows/s:,.0f} rows/s, peak RSS {r/1024:.1f} MiB")' "$rows" ${best}
