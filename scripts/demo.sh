#!/usr/bin/env bash
# make demo: check the sample agencies, build the sample department's report into out/,
# consolidate the sample county, and compare years: the department 2022 → 2023 and its series
# 2021–2023, the county's units 2022 → 2023 (a roster diff, as text and as a page).
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
d=sample-data/department
run --lang zh diff $d-2022/report.yaml $d-2023/report.yaml -o out/department-diff-2022-2023.txt
run --lang zh diff $d-2021/report.yaml $d-2022/report.yaml $d-2023/report.yaml -o out/department-series-2021-2023.txt
c=sample-data/county
run --lang zh diff --roster $c-2022/roster.yaml $c-2023/roster.yaml -o out/county-diff-2022-2023.txt
run --lang zh diff --roster --format html $c-2022/roster.yaml $c-2023/roster.yaml -o out/county-diff-2022-2023.html
echo
echo "The sample department's report, the county's consolidation and the year-over-year diffs:"
find out -type f | sort | sed 's/^/  /'
