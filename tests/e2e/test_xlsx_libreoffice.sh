#!/usr/bin/env bash
# e2e: the XLSX report opened by LibreOffice Calc (Debian's libreoffice-calc), recalculated and
# converted back to CSV: every figure equals the model's (the JSON output of the same build),
# formulas included — also with every cached formula value poisoned, and after a part of a
# total is edited (tests/e2e/xlsx_libreoffice_check.py says how).
#
# Two builds: the sample department (consistent, totals partly given, partly derived), and a
# broken sample built with --allow-errors, whose wrong given total must stay as printed.
#
# Usage: test_xlsx_libreoffice.sh GONGKAI ROOT   (ctest passes both; label e2e: `make e2e`)
# Exit 77 (skipped) when LibreOffice is not installed: `scripts/install-deps.sh e2e` installs it.
set -euo pipefail
gongkai=$1
root=$2
if ! command -v soffice >/dev/null 2>&1; then
  echo "SKIP: soffice not found (scripts/install-deps.sh e2e installs libreoffice-calc)" >&2
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-e2e-xlsx.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

run_case() {
  local name=$1
  shift
  local out="$tmp/$name"
  "$gongkai" build "$@" --format xlsx,json -o "$out/build"
  local xlsx json
  xlsx=$(find "$out/build" -name '*.xlsx' | sort | head -n 1)
  json=$(find "$out/build" -name report.json | sort | head -n 1)
  if [ -z "$xlsx" ] || [ -z "$json" ]; then
    echo "FAIL: $name: gongkai build wrote no .xlsx or no .json under $out/build" >&2
    return 1
  fi
  echo "== $name: $xlsx"
  python3 "$root/tests/e2e/xlsx_libreoffice_check.py" --xlsx "$xlsx" --json "$json" --workdir "$out/lo"
}

status=0
run_case department "$root/sample-data/department-2023/report.yaml" || status=1
run_case case-total "$root/sample-data/broken/case-total.yaml" --allow-errors || status=1
exit $status
