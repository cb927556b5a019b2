#!/usr/bin/env bash
# Remakes the test PDFs of this folder (README.md says what each is). Needs gongkai built, and
# chromium, libreoffice-writer, poppler-utils, img2pdf and qpdf (scripts/install-deps.sh e2e).
# Usage: tests/data/import/pdf/make_pdfs.sh GONGKAI ROOT   (run from anywhere)
set -euo pipefail
gongkai=$1
root=$(cd "$2" && pwd)
here="$root/tests/data/import/pdf"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-make-pdfs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
chromium_flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$tmp/chromium-profile")
lo=(libreoffice --headless --norestore "-env:UserInstallation=file://$tmp/lo-profile")

# (a) gongkai's own HTML report of the sample department, printed by headless Chromium (its
# default page header and footer: date, title, file URL and page number on every page).
"$gongkai" -q build "$root/sample-data/department-2023/report.yaml" --format html -o "$tmp/build"
python3 "$here/trim_prose.py" "$(find "$tmp/build" -name report.html | head -n 1)" "$tmp/report.html"
chromium "${chromium_flags[@]}" --print-to-pdf="$tmp/chromium.pdf" "file://$tmp/report.html" 2>/dev/null
cp "$tmp/chromium.pdf" "$here/department-2023-chromium.pdf"

# (b) the real 2022 page of 平潭综合实验区 (../shared/data/real-pages/), its article cut out and
# converted by LibreOffice Writer/Web.
python3 "$here/extract_article.py" "$root/../shared/data/real-pages/2022_pingtan_syq.html" \
  "平潭综合实验区2022年度政府信息公开工作年度报告" "$tmp/article.html"
python3 "$here/trim_prose.py" "$tmp/article.html" "$tmp/pingtan-2022.html"
"${lo[@]}" --convert-to pdf:writer_web_pdf_Export --outdir "$tmp" "$tmp/pingtan-2022.html" >/dev/null 2>&1
cp "$tmp/pingtan-2022.pdf" "$here/pingtan-2022-libreoffice.pdf"

# (d) a scanned PDF: page 1 of (a) rendered to an image and wrapped in a PDF with no text layer.
pdftoppm -r 50 -gray -png -f 1 -l 1 "$here/department-2023-chromium.pdf" "$tmp/scan"
img2pdf -o "$here/scanned.pdf" "$tmp"/scan*.png

# A corrupt PDF: the first 3000 bytes of (b).
head -c 3000 "$here/pingtan-2022-libreoffice.pdf" >"$here/truncated.pdf"
# Encrypted PDFs (AES-256): page 4 of (b) with a user password (refused: a password is needed),
# and the whole of (b) with an owner password only (read: no password is needed to open it).
qpdf --empty --pages "$here/pingtan-2022-libreoffice.pdf" 4 -- "$tmp/page4.pdf"
qpdf --encrypt u o 256 -- "$tmp/page4.pdf" "$here/encrypted.pdf"
qpdf --encrypt "" o 256 -- "$here/pingtan-2022-libreoffice.pdf" "$here/owner-password.pdf"
ls -l "$here"/*.pdf
