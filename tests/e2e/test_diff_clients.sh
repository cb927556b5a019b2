#!/usr/bin/env bash
# e2e: `gongkai diff` of a series: the HTML page in headless Chromium shows its SVG charts (DOM,
# screenshot pixels, A4 print), and LibreOffice opens the XLSX with its native chart and
# converts it to PDF (tests/e2e/diff_clients_check.py says how each is checked).
# Usage: test_diff_clients.sh GONGKAI ROOT   (ctest passes both; label e2e: `make e2e`)
# Exit 77 (skipped) when Chromium, LibreOffice or poppler-utils is missing.
set -euo pipefail
gongkai=$1
root=$2
for tool in chromium soffice pdftotext pdfinfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (scripts/install-deps.sh e2e installs it)" >&2
    exit 77
  fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-e2e-diff.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python3 "$root/tests/e2e/diff_clients_check.py" "$gongkai" "$root" "$tmp"
