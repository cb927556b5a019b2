#!/usr/bin/env bash
# e2e: the two real report pages (tests/data/real-pages/) pasted into a spreadsheet as an office
# does — opened in LibreOffice Calc and saved as XLSX; saved as .ods and converted back to XLSX;
# the tables alone in a sheet that starts a few rows and columns in; each table on a sheet of
# its own (tests/e2e/real_pages_variants.py makes them) — are read by gongkai to exactly the
# figures of their CSV transcriptions (tests/data/real-reports/), with the same findings
# (tests/e2e/real_pages_check.py compares them).
#
# Usage: test_real_pages_libreoffice.sh GONGKAI ROOT   (ctest passes both; label e2e: `make e2e`)
# Exit 77 (skipped) when LibreOffice is not installed: `scripts/install-deps.sh e2e` installs it.
set -euo pipefail
gongkai=$1
root=$2
if ! command -v soffice >/dev/null 2>&1; then
  echo "SKIP: soffice not found (scripts/install-deps.sh e2e installs libreoffice-calc)" >&2
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-e2e-pages.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

status=0
for year in 2021 2022; do
  page="$root/tests/data/real-pages/${year}_pingtan_syq.html"
  csv="$root/tests/data/real-reports/${year}_pingtan_syq.csv"
  echo "== $year: $page"
  mapfile -t books < <(python3 "$root/tests/e2e/real_pages_variants.py" "$page" "$tmp/$year/books")
  if [ "${#books[@]}" -ne 4 ]; then
    echo "FAIL: $year: expected 4 workbooks from real_pages_variants.py, got ${#books[@]}" >&2
    status=1
    continue
  fi
  python3 "$root/tests/e2e/real_pages_check.py" "$gongkai" "$csv" 平潭综合实验区 "$year" "$tmp/$year/check" \
    "${books[@]}" || status=1
done
exit $status
