#!/usr/bin/env bash
# Hostile inputs (issue 11, "Hardening"): each must be answered in under 2 s. Prints, per
# workload, wall and user CPU seconds, peak RSS, the exit code and the bytes gongkai printed.
#
#   bench/hostile_bench.sh [GONGKAI] [RUNS] [ROWS] [CHARS]
#
# GONGKAI defaults to build/gongkai, RUNS to 3 (each run printed), ROWS to 1,000,000 register
# rows, CHARS to 3,000,000 characters of label. Inputs are generated once, deterministically
# (bench/gen_register.py --seed 1, then bench/gen_hostile.py), into $TMPDIR/gongkai-hostile-bench:
#
#   tally-good   a good register of ROWS rows                      gongkai tally
#   tally-bad    the same with a bad date and outcome on every row gongkai tally
#   label-csv    a label-keyed CSV whose row label has CHARS chars  gongkai check
#   key-row      a YAML tally whose row key has CHARS chars         gongkai check
#   key-top      a YAML tally whose top-level key has CHARS chars   gongkai check
#
# Needs GNU time (/usr/bin/time, Debian package `time`). Wall time on a shared machine is
# noisy; user CPU is the steadier figure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gongkai=$(realpath "${1:-$here/../build/gongkai}")
runs=${2:-3}
rows=${3:-1000000}
chars=${4:-3000000}
work=${TMPDIR:-/tmp}/gongkai-hostile-bench/$rows-$chars
mkdir -p "$work"
if [ ! -s "$work/key-top.yaml" ]; then
  echo "generating into $work ..." >&2
  python3 "$here/gen_register.py" "$rows" "$work/good-register.csv" --seed 1
  python3 "$here/gen_hostile.py" "$work/good-register.csv" "$work" --chars "$chars"
fi

run() {  # name, then the command's arguments
  local name=$1
  shift
  for i in $(seq "$runs"); do
    local code=0
    /usr/bin/time -f '%e %U %M' -o "$work/time.txt" "$gongkai" "$@" >"$work/out.txt" 2>&1 || code=$?
    read -r wall user rss < <(tail -n 1 "$work/time.txt")  # (a first line says a non-zero exit)
    awk -v n="$name" -v i="$i" -v w="$wall" -v u="$user" -v r="$rss" -v c="$code" -v b="$(wc -c <"$work/out.txt")" \
      'BEGIN { printf "%-11s run %s: %6.2f s wall %6.2f s user %7.1f MiB RSS  exit %s  %s bytes printed\n", n, i, w, u, r / 1024, c, b }'
  done
}

cd "$work"
echo "$(basename "$work"): $(stat -c %s good-register.csv) and $(stat -c %s bad-register.csv) bytes of register"
run tally-good tally good-register.csv --year 2024 --agency X --level department -o tally-good.yaml
run tally-bad tally bad-register.csv --year 2024 --agency X --level department -o tally-bad.yaml
run label-csv check label.csv --agency X --year 2023
run key-row check key-row.yaml
run key-top check key-top.yaml
