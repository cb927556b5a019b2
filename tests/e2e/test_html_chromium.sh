#!/usr/bin/env bash
# e2e: the HTML report in headless Chromium (Debian's chromium): a screenshot and a
# print-to-PDF on A4 show all six sections and every table row, nothing cut off
# (tests/e2e/html_chromium_check.py says how it is checked).
#
# Three builds: the sample department (form 2021), the sample county government (form 2019),
# and the golden build input with its work plan, a category given alone and --previous.
#
# Usage: test_html_chromium.sh GONGKAI ROOT   (ctest passes both; label e2e: `make e2e`)
# Exit 77 (skipped) when Chromium or poppler-utils is missing: `scripts/install-deps.sh e2e`.
set -euo pipefail
gongkai=$1
root=$2
for tool in chromium pdftotext pdfinfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (scripts/install-deps.sh e2e installs it)" >&2
    exit 77
  fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-e2e-html.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

run_case() {
  local name=$1
  shift
  local out="$tmp/$name"
  "$gongkai" -q build "$@" --format html,json -o "$out/build"
  local html json
  html=$(find "$out/build" -name 'report.html' | sort | head -n 1)
  json=$(find "$out/build" -name 'report.json' | sort | head -n 1)
  python3 "$root/tests/e2e/html_chromium_check.py" --html "$html" --json "$json" --workdir "$out/chromium"
}

status=0
run_case department "$root/sample-data/department-2023/report.yaml" || status=1
run_case government-2020 "$root/sample-data/government-2020/report.yaml" || status=1
run_case golden-input "$root/tests/golden/build-inputs/2023.yaml" \
  --previous "$root/tests/golden/build-inputs/2022.yaml" || status=1
exit $status
