#!/usr/bin/env bash
# make demo: check the sample agencies and build the sample department's report.
set -uo pipefail
gongkai=${1:-build/gongkai}
cd "$(dirname "$0")/.."
echo "== gongkai check sample-data/department-2023/report.yaml sample-data/government-2020/report.yaml"
"$gongkai" check --lang zh sample-data/department-2023/report.yaml sample-data/government-2020/report.yaml
rc=$?
if [ $rc -ne 0 ]; then
  echo "demo: the sample data should pass its check (exit $rc)" >&2
  exit $rc
fi
if "$gongkai" build --help >/dev/null 2>&1; then
  echo "== gongkai build sample-data/department-2023/report.yaml -o out"
  "$gongkai" build sample-data/department-2023/report.yaml -o out || exit $?
  find out -type f | sort
fi
