#!/usr/bin/env bash
# e2e: the per-unit overview opens in LibreOffice and in Chromium with one row per unit.
# Usage: test_overview_clients.sh GONGKAI SOURCE_DIR
set -euo pipefail
gongkai=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
"$gongkai" merge --quiet --lang zh sample-data/county-2023/roster.yaml -o "$tmp/county.yaml" \
  --overview "$tmp/overview.xlsx"
"$gongkai" check --quiet --lang zh --roster sample-data/county-2023/roster.yaml --overview "$tmp/overview.html" >/dev/null
units=8

# LibreOffice: the workbook converted back to CSV has a header and one row per unit.
HOME="$tmp" soffice --headless --norestore --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 \
  --outdir "$tmp" "$tmp/overview.xlsx" >/dev/null 2>&1
rows=$(($(wc -l <"$tmp/overview.csv") - 1))
if [ "$rows" -ne "$units" ]; then
  echo "FAIL: LibreOffice reads $rows unit rows from overview.xlsx, expected $units"
  exit 1
fi
grep -q "青川县白杨镇人民政府" "$tmp/overview.csv" || { echo "FAIL: a unit is missing from overview.xlsx"; exit 1; }

# Chromium: the page as rendered (DOM after load, with its sorting script run) has one body
# row per unit.
# Headless Chromium now and then hangs on a loaded machine: each attempt is bounded (a fresh
# profile, killed with its children after 90 s) and retried at most three times.
for attempt in 1 2 3; do
  rm -rf "$tmp/chrome"
  if timeout -k 5 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chrome" --dump-dom "file://$tmp/overview.html" >"$tmp/dom.html" 2>/dev/null &&
    grep -q '</html>' "$tmp/dom.html"; then
    break
  fi
  echo "chromium attempt $attempt did not finish; retrying" >&2
done
body_rows=$(grep -o '<tr class="[a-z]*">' "$tmp/dom.html" | wc -l)
if [ "$body_rows" -ne "$units" ]; then
  echo "FAIL: Chromium shows $body_rows unit rows in overview.html, expected $units"
  exit 1
fi
echo "overview: LibreOffice $rows rows, Chromium $body_rows rows"
echo "e2e overview: 1 passed, 0 failed"
