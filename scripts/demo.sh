#!/usr/bin/env bash
# make demo: check the sample agencies, build the sample department's report into out/,
# and consolidate the sample county.
set -euo pipefail
gongkai=${1:-build/gongkai}
cd "$(dirname "$0")/.."
run() {
  echo "\$ gongkai $*"
  "$gongkai" "$@"
}
run --lang zh check sample-data/department-2023/report.yaml sample-data/government-2020/report.yaml
run --lang zh build sample-data/department-2023/report.yaml -o out
run --lang zh merge sample-data/county-2023/roster.yaml -o out/county-2023.yaml --overview out/county-2023-overview.html
echo
echo "The sample department's report:"
find out -type f | sort | sed 's/^/  /'
