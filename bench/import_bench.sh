#!/usr/bin/env bash
# gongkai import on many pages: N copies (default 1,000) of the real 2022 page
# (tests/data/import/2022_pingtan_syq.html, 268 KB: a CMS page with Word-exported tables),
# imported as one folder to long CSVs, with -j 1 and -j all cores. Prints wall time, user CPU,
# pages/s and peak RSS (GNU time). Not a test.
# usage: bench/import_bench.sh [GONGKAI] [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gongkai=${1:-$root/build/gongkai}
n=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for i in $(seq -w 1 "$n"); do cp "$root/tests/data/import/2022_pingtan_syq.html" "$work/pages/2022_unit$i.html"; done
for jobs in 1 0; do
  rm -rf "$work/out"
  label=$([ "$jobs" = 0 ] && echo "all cores ($(nproc))" || echo "$jobs")
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %M" -o "$work/time" "$gongkai" --quiet import "$work/pages" -o "$work/out" -j "$jobs" 2>/dev/null \
    || { echo "import failed"; exit 1; }
  end=$(date +%s.%N)
  read -r user rss <"$work/time"
  wall=$(echo "$end - $start" | bc -l)
  printf 'import %s pages, -j %s: wall %.2f s, user CPU %.2f s, %.0f pages/s, peak RSS %d MiB, %s outputs\n' \
    "$n" "$label" "$wall" "$user" "$(echo "$n / $wall" | bc -l)" $((rss / 1024)) "$(ls "$work/out" | wc -l)"
done
