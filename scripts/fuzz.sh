#!/usr/bin/env bash
# Runs every libFuzzer target of a GONGKAI_FUZZ build for a set time and prints, per target,
# the executions per second and whether anything was found.
#
#   scripts/fuzz.sh BUILD_DIR [SECONDS] [TARGET...]
#
# Each target starts from its seed corpus (tests/fuzz/corpus/<target>/, read only) and writes
# the inputs it discovers to BUILD_DIR/corpus/<target>/; a crash, leak or hang (an input taking
# more than 10 s) is written to BUILD_DIR/artifacts/<target>/ and makes the script exit 1. A
# finding becomes a regression case: copy it into tests/fuzz/corpus/<target>/ and fix it.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for d in "$here"/tests/fuzz/corpus/*/; do targets+=("$(basename "$d")"); done
fi
failed=0
for t in "${targets[@]}"; do
  exe=$build/tests/fuzz/fuzz_$t
  [ -x "$exe" ] || { echo "fuzz: $exe is not built" >&2; failed=1; continue; }
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  log=$build/artifacts/$t/fuzz.log
  "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$t/" "$build/corpus/$t" "$here/tests/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "fuzz $t: ${execs:-?} executions in ${seconds} s, ${rate:-?} exec/s, nothing found"
  else
    echo "fuzz $t: FOUND a problem after ${execs:-?} executions (exit $rc): see $log and $build/artifacts/$t/"
    failed=1
  fi
done
exit $failed
