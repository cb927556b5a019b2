#!/usr/bin/env bash
# Consolidation and batch at pipeline scale: generates a synthetic province of N consistent
# units (default 10,000) and times `gongkai check --roster`, `gongkai merge` and, when the build
# command takes rosters, `gongkai build --roster` (md and xlsx), and the roster diff of the
# province's year before (generated with it, the same units) and its year, `gongkai diff
# --roster` (text and xlsx), printing wall time, CPU time, units per second and peak memory.
# Usage: bench/province_bench.sh BUILD_DIR [UNITS]
set -euo pipefail
build=${1:-build}
units=${2:-10000}
gongkai="$(cd "$build" && pwd)/gongkai"
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/bench/gen_province.py" "$tmp/prov" --units "$units" --seed 11 --previous "$tmp/prev" >/dev/null
measure() {  # name, command...
  local name=$1
  shift
  local start end
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M %U %S" -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/err" || true
  else
    "$@" >/dev/null 2>"$tmp/err" || true
    echo "? ? ?" >"$tmp/rss"
  fi
  end=$(date +%s.%N)
  local secs
  secs=$(python3 -c "print(f'{$end - $start:.2f}')")
  local rss user sys
  read -r rss user sys <"$tmp/rss"
  printf '%-34s %8s s wall  %s+%s s CPU  %10s units/s  peak RSS %s KiB\n' "$name" "$secs" "$user" "$sys" \
    "$(python3 -c "print(f'{$units / max($end - $start, 1e-9):.0f}')")" "$rss"
}
echo "province: $units units ($(nproc) cores)"
measure "check --roster -j$(nproc)" "$gongkai" check --quiet --roster "$tmp/prov/roster.yaml" -j "$(nproc)"
measure "merge -j$(nproc)" "$gongkai" merge --quiet "$tmp/prov/roster.yaml" -o "$tmp/province.yaml" -j "$(nproc)"
measure "merge -j1" "$gongkai" merge --quiet "$tmp/prov/roster.yaml" -o "$tmp/province1.yaml" -j 1
if "$gongkai" build --help 2>/dev/null | grep -q -- --roster; then
  measure "build --roster md,xlsx -j$(nproc)" "$gongkai" build --quiet --roster "$tmp/prov/roster.yaml" -o "$tmp/out" \
    --format md,xlsx -j "$(nproc)"
fi
if "$gongkai" diff --help 2>/dev/null | grep -q -- --roster; then
  measure "diff --roster -j$(nproc)" "$gongkai" diff --quiet --roster "$tmp/prev/roster.yaml" "$tmp/prov/roster.yaml" \
    -o "$tmp/diff.txt" -j "$(nproc)"
  measure "diff --roster xlsx -j$(nproc)" "$gongkai" diff --quiet --roster "$tmp/prev/roster.yaml" \
    "$tmp/prov/roster.yaml" --format xlsx -o "$tmp/diff.xlsx" -j "$(nproc)"
  tail -1 "$tmp/diff.txt"
fi
