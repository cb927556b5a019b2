#!/usr/bin/env bash
# make bench: every benchmark, each printing its own figures. Never part of the tests.
set -euo pipefail
build=${1:-build}
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh" bench
echo "== gongkai against the Python peer (same files, alternating runs)"
python3 "$root/bench/peer_compare.py" --gongkai "$build/gongkai" ${BENCH_PEER_ARGS:-}
echo "== one small report, phase by phase (in process)"
"$build/bench/phases_bench"
echo "== XLSX streaming read"
"$build/bench/xlsx_read_bench"
echo "== case register tally"
"$root/bench/tally_bench.sh" "$build/gongkai"
echo "== hostile inputs: a register of 1,000,000 bad rows, a 3,000,000-character label (each under 2 s)"
"$root/bench/hostile_bench.sh" "$build/gongkai"
echo "== province: check, merge, build"
"$root/bench/province_bench.sh" "$build" "${BENCH_UNITS:-10000}"
