#!/usr/bin/env bash
# Remakes the workbooks in xlsx/ from the two pages with LibreOffice Calc (soffice), as
# tests/e2e/real_pages_variants.py does, and derives 2022_pingtan_syq-unknown-row.xlsx.
# Usage: tests/data/real-pages/make_fixtures.sh   (from anywhere; needs libreoffice-calc)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-fixtures.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$here/xlsx"
for page in 2021_pingtan_syq 2022_pingtan_syq; do
  python3 "$root/tests/e2e/real_pages_variants.py" "$here/$page.html" "$tmp/$page" >/dev/null
done
cp "$tmp/2022_pingtan_syq/2022_pingtan_syq.xlsx" "$tmp/2022_pingtan_syq/2022_pingtan_syq-offset.xlsx" \
  "$tmp/2021_pingtan_syq/2021_pingtan_syq-ods.xlsx" "$tmp/2021_pingtan_syq/2021_pingtan_syq-sheets.xlsx" "$here/xlsx/"
# The row 行政强制 of table 二 renamed 行政征收, a row the form does not have.
python3 - "$here/xlsx/2022_pingtan_syq.xlsx" "$here/xlsx/2022_pingtan_syq-unknown-row.xlsx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for info in z.infolist():
        data = z.read(info)
        if info.filename == "xl/sharedStrings.xml":
            old = "<t xml:space=\"preserve\">行政强制</t>".encode()
            if old not in data:
                old = "<t>行政强制</t>".encode()
            assert data.count(old) == 1, "行政强制 not found once in the shared strings"
            data = data.replace(old, old.replace("行政强制".encode(), "行政征收".encode()))
        out.writestr(info, data)
PY
ls -l "$here/xlsx"
