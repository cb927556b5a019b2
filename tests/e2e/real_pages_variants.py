#!/usr/bin/env python3
"""Makes the workbooks an office gets by pasting a published report page into a spreadsheet.

From one real page (tests read ../shared/data/real-pages/*.html, the pages as published), with
LibreOffice Calc (`soffice`, Debian's libreoffice-calc):

  page.xlsx        the page opened in Calc (HTML filter) and saved as XLSX: the whole page in
                   one sheet, the tables one under another among the page's text;
  page-ods.xlsx    the page saved as .ods, and that .ods converted to XLSX;
  page-offset.xlsx only the tables, copied into a sheet that starts a few rows and columns in:
                   a title row, a blank row, and a blank column before them;
  page-sheets.xlsx each table (二, 三, 四 with its heading row) on a sheet of its own.

The last two are made by editing the page as flat ODS (`--convert-to fods`), which Calc writes
with its merges as spans of cells, so that rows and columns can be added or moved without
touching a span; Calc then converts the edited .fods to XLSX. Nothing here writes XLSX itself.

Usage: real_pages_variants.py PAGE.html OUTDIR   (prints the paths of the workbooks made)
"""
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}
T = "{%s}" % NS["table"]
TX = "{%s}" % NS["text"]
OFFICE = "{%s}" % NS["office"]


def soffice(args, workdir, profile):
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"] + args
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        sys.exit(f"soffice {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")


def convert(src, fmt, outdir, profile, html=False):
    args = (["--infilter=HTML (StarCalc)"] if html else []) + ["--convert-to", fmt, "--outdir", outdir, src]
    soffice(args, outdir, profile)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
    if not os.path.exists(out):
        sys.exit(f"soffice wrote no {out}")
    return out


def register_namespaces(path):
    for _, (prefix, uri) in ET.iterparse(path, events=["start-ns"]):
        ET.register_namespace(prefix, uri)


def row_text(row):
    return "".join("".join(c.itertext()) for c in row).strip()


def find_row(rows, start, prefix):
    for i in range(start, len(rows)):
        if row_text(rows[i]).startswith(prefix):
            return i
    sys.exit(f"no row starting with {prefix!r} in the page")


def title_row(text, blank_columns):
    row = ET.Element(T + "table-row")
    if blank_columns:
        ET.SubElement(row, T + "table-cell", {T + "number-columns-repeated": str(blank_columns)})
    cell = ET.SubElement(row, T + "table-cell", {OFFICE + "value-type": "string"})
    ET.SubElement(cell, TX + "p").text = text
    return row


def blank_row():
    row = ET.Element(T + "table-row")
    ET.SubElement(row, T + "table-cell")
    return row


def shifted(row, columns):
    """The row with `columns` empty cells before its own."""
    row = copy.deepcopy(row)
    if columns:
        row.insert(0, ET.Element(T + "table-cell", {T + "number-columns-repeated": str(columns)}))
    return row


def edit_fods(fods, out_offset, out_sheets, title):
    register_namespaces(fods)
    tree = ET.parse(fods)
    sheet = tree.getroot().find(".//table:table", NS)
    spreadsheet = tree.getroot().find(".//office:spreadsheet", NS)
    columns = sheet.findall("table:table-column", NS)
    rows = sheet.findall("table:table-row", NS)
    two = find_row(rows, 0, "二、主动公开政府信息情况")
    three = find_row(rows, two, "三、收到和处理政府信息公开申请情况")
    four = find_row(rows, three, "四、政府信息公开")
    five = find_row(rows, four, "五、存在的主要问题")
    # The tables without the section headings; 二 starts right below its heading.
    tables = [rows[two + 1 : three], rows[three + 1 : four], rows[four + 1 : five]]

    def new_sheet(name, content_rows, blank_columns, with_title):
        t = ET.Element(T + "table", {T + "name": name})
        if blank_columns:
            ET.SubElement(t, T + "table-column", {T + "number-columns-repeated": str(blank_columns)})
        for c in columns:
            t.append(copy.deepcopy(c))
        if with_title:
            t.append(title_row(with_title, 0))
            t.append(blank_row())
        for r in content_rows:
            t.append(shifted(r, blank_columns))
        return t

    # One sheet: a title, a blank row, the three tables one under another from column B.
    for child in list(spreadsheet):
        if child.tag == T + "table":
            spreadsheet.remove(child)
    at = [i for i, c in enumerate(list(spreadsheet))]
    insert_at = len(at)
    for i, c in enumerate(list(spreadsheet)):
        if c.tag in (T + "named-expressions", T + "database-ranges"):
            insert_at = i
            break
    spreadsheet.insert(insert_at, new_sheet("年报表格", [r for t in tables for r in t], 1, title))
    tree.write(out_offset, encoding="UTF-8", xml_declaration=True)

    # Three sheets: each table with its section heading, 表二 … 表四.
    spreadsheet.remove(spreadsheet[insert_at])
    headed = [rows[two:three], rows[three:four], rows[four:five]]
    for k, (name, content) in enumerate(zip(["表二", "表三", "表四"], headed)):
        spreadsheet.insert(insert_at + k, new_sheet(name, content, 0, None))
    tree.write(out_sheets, encoding="UTF-8", xml_declaration=True)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    page, outdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(page))[0]
    work = tempfile.mkdtemp(prefix="gongkai-pages-")
    try:
        profile = os.path.join(work, "profile")
        src = os.path.join(work, stem + ".html")
        shutil.copyfile(page, src)
        made = []
        # 1. The page saved as XLSX.
        made.append(shutil.copy(convert(src, "xlsx", work, profile, html=True), os.path.join(outdir, stem + ".xlsx")))
        # 2. Saved as .ods, converted back to XLSX.
        ods_dir = os.path.join(work, "ods")
        os.makedirs(ods_dir)
        ods = convert(src, "ods", ods_dir, profile, html=True)
        made.append(shutil.copy(convert(ods, "xlsx", ods_dir, profile), os.path.join(outdir, stem + "-ods.xlsx")))
        # 3, 4. The tables moved in a flat ODS, converted to XLSX.
        fods = convert(src, "fods", work, profile, html=True)
        title = f"{stem} 政府信息公开工作年度报告表格"
        edit_dir = os.path.join(work, "edit")
        os.makedirs(edit_dir)
        offset = os.path.join(edit_dir, stem + "-offset.fods")
        sheets = os.path.join(edit_dir, stem + "-sheets.fods")
        edit_fods(fods, offset, sheets, title)
        for f in (offset, sheets):
            xlsx = convert(f, "xlsx", edit_dir, profile)
            made.append(shutil.copy(xlsx, os.path.join(outdir, os.path.basename(xlsx))))
        for m in made:
            print(m)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
