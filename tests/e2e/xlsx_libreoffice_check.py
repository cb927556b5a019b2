#!/usr/bin/env python3
"""The XLSX report in a real client: LibreOffice Calc opens it, recalculates every formula and
exports each sheet as CSV; every figure must equal the model's (the JSON output of the same
build), formulas included.

Three rounds, each converted by LibreOffice with "always recalculate on load":
  1. the workbook as written;
  2. the same workbook with every formula's cached value replaced by a wrong number, so the
     figures shown can only come from LibreOffice evaluating the formulas;
  3. the workbook with one part of a total edited (+1) on each table sheet: the total follows.

Where a model cell sits is found from the workbook's own labels: a value cell matches a model
cell when the nearest label above it is the cell's column label, the nearest label left of it
is its row label (or, on a sheet without row labels, the row label is somewhere above), and
every label of the cell's row and column path stands above or left of it. Category rows the
form does not print (（三）不予公开 …) are the only model cells allowed to have no place.

Usage: xlsx_libreoffice_check.py --xlsx report.xlsx --json report.json --workdir DIR
"""
import argparse
import csv
import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}
POISON = "987654321"

# "Always recalculate" for OOXML files (0 = always, 1 = never, 2 = ask), so LibreOffice does
# not simply trust the cached values.
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
# Field separator 44 (,), text delimiter 34 ("), UTF-8 (76), from line 1, …, formulas'
# results not "as shown" (raw values), all sheets (-1): one file per sheet, <name>-<sheet>.csv.
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def ref_to_rc(ref):
    m = re.fullmatch(r"\$?([A-Z]+)\$?([0-9]+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + (ord(ch) - 64)
    return int(m.group(2)) - 1, col - 1


def rc_to_ref(r, c):
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{r + 1}"


def read_parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}, [i for i in z.infolist()]


def write_parts(path, parts, infos):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in infos:
            z.writestr(info, parts[info.filename])


def shared_strings(parts):
    if "xl/sharedStrings.xml" not in parts:
        return []
    root = ET.fromstring(parts["xl/sharedStrings.xml"])
    return ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in root.findall("m:si", NS)]


def sheets(parts):
    """[(name, part)] in tab order."""
    wb = ET.fromstring(parts["xl/workbook.xml"])
    rels = ET.fromstring(parts["xl/_rels/workbook.xml.rels"])
    target = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
    out = []
    for s in wb.find("m:sheets", NS).findall("m:sheet", NS):
        t = target[s.get("{%s}id" % NS["r"])]
        out.append((s.get("name"), t.lstrip("/") if t.startswith("/") else "xl/" + t))
    return out


class SheetGrid:
    """Labels (with their merged extent), value cells and formulas of one worksheet."""

    def __init__(self, xml, strings):
        root = ET.fromstring(xml)
        self.labels = {}    # (r, c) -> text, for every position a label covers
        self.values = {}    # (r, c) -> cell element, top-left value positions
        self.formulas = {}  # (r, c) -> formula text
        texts = {}
        for c in root.iter("{%s}c" % NS["m"]):
            rc = ref_to_rc(c.get("r"))
            if c.get("t") == "s":
                texts[rc] = strings[int(c.find("m:v", NS).text)]
            else:
                self.values[rc] = c
                f = c.find("m:f", NS)
                if f is not None:
                    self.formulas[rc] = f.text
        merges = []
        mc = root.find("m:mergeCells", NS)
        if mc is not None:
            for m in mc.findall("m:mergeCell", NS):
                a, b = m.get("ref").split(":")
                merges.append((ref_to_rc(a), ref_to_rc(b)))
        self.labels.update(texts)
        for (r0, c0), (r1, c1) in merges:
            top = texts.get((r0, c0))
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self.values.pop((r, c), None)  # covered: not a place of its own
                        if top is not None:
                            self.labels[(r, c)] = top

    def above(self, r, c):
        return [self.labels[(i, c)] for i in range(r) if (i, c) in self.labels]

    def left(self, r, c):
        return [self.labels[(r, j)] for j in range(c) if (r, j) in self.labels]


def place_cells(model, sheet_of_table, grids):
    """{cell id: (sheet name, (r, c))}; checks every printed model cell has exactly one place."""
    places = {}
    row_paths = [tuple(c["label"]["row"]) for c in model["cells"].values()]
    for cid, cell in model["cells"].items():
        sheet = sheet_of_table[cell["table"]]
        g = grids[sheet]
        rows, cols = cell["label"]["row"], cell["label"]["column"]
        found = []
        for (r, c) in g.values:
            above, left = g.above(r, c), g.left(r, c)
            if not above or above[-1] != cols[-1]:
                continue
            if left:
                if left[-1] != rows[-1]:
                    continue
            elif rows[-1] not in above:
                continue
            if all(lbl in above or lbl in left for lbl in rows + cols):
                found.append((r, c))
        if len(found) == 1:
            places[cid] = (sheet, found[0])
            continue
        is_category = any(len(p) > len(rows) and p[:len(rows)] == tuple(rows) for p in row_paths)
        if is_category:
            continue  # the form prints no row for a category: its sub-rows stand for it
        fail(f"{cid}: {len(found)} places on sheet {sheet} ({[rc_to_ref(*p) for p in found]})")
    return places


def libreoffice_csv(soffice, xlsx, outdir, profile):
    """{sheet name: rows} as LibreOffice computes and exports them."""
    os.makedirs(outdir, exist_ok=True)
    cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", CSV_FILTER, "--outdir", outdir, xlsx]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    base = os.path.splitext(os.path.basename(xlsx))[0]
    out = {}
    for name in os.listdir(outdir):
        if name.startswith(base + "-") and name.endswith(".csv"):
            with open(os.path.join(outdir, name), encoding="utf-8", newline="") as f:
                out[name[len(base) + 1:-4]] = list(csv.reader(f))
    return out


def shown(rows, r, c):
    if r >= len(rows) or c >= len(rows[r]):
        return ""
    return rows[r][c]


def same_figure(cell, text):
    v = cell["value"]
    if v is None:
        return text == ""
    if text == "":
        return False
    try:
        return decimal.Decimal(text) == decimal.Decimal(str(v))
    except decimal.InvalidOperation:
        return False


def check_round(label, model, places, csvs, expect=None):
    checked = 0
    for cid, (sheet, (r, c)) in places.items():
        if sheet not in csvs:
            fail(f"{label}: LibreOffice exported no sheet {sheet!r} (got {sorted(csvs)})")
            return 0
        text = shown(csvs[sheet], r, c)
        cell = dict(model["cells"][cid])
        if expect and cid in expect:
            cell["value"] = expect[cid]
        if not same_figure(cell, text):
            fail(f"{label}: {cid} at {sheet}!{rc_to_ref(r, c)}: LibreOffice shows {text!r}, model {cell['value']!r}")
        checked += 1
    return checked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xlsx", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    args = ap.parse_args()

    with open(args.json, encoding="utf-8") as f:
        model = json.load(f)
    parts, infos = read_parts(args.xlsx)
    strings = shared_strings(parts)
    sheet_list = sheets(parts)
    headings = {s["table"]: s["heading"] for s in model["sections"] if s["kind"] == "table"}
    names = [n for n, _ in sheet_list]
    sheet_of_table = {}
    for table, heading in headings.items():
        if heading not in names:
            fail(f"no sheet named {heading!r} for table {table} (sheets: {names})")
            return 1
        sheet_of_table[table] = heading
    part_of = dict(sheet_list)
    grids = {n: SheetGrid(parts[part_of[n]], strings) for n in sheet_of_table.values()}
    places = place_cells(model, sheet_of_table, grids)
    formulas = sum(len(g.formulas) for g in grids.values())
    if formulas == 0:
        fail("the workbook has no formulas")

    os.makedirs(args.workdir, exist_ok=True)
    profile = os.path.abspath(os.path.join(args.workdir, "profile"))
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(PROFILE)

    # 1. As written.
    n = check_round("as written", model, places,
                    libreoffice_csv(args.soffice, os.path.abspath(args.xlsx), os.path.join(args.workdir, "r1"), profile))

    # 2. Cached formula values poisoned: only evaluation gives the model's figures.
    poisoned = dict(parts)
    for name, part in part_of.items():
        if name in grids:
            poisoned[part] = re.sub(rb"(</f><v>)[^<]*(</v>)", rb"\g<1>" + POISON.encode() + rb"\g<2>", parts[part])
            if grids[name].formulas and poisoned[part] == parts[part]:
                fail(f"{name}: could not poison the cached formula values")
    p2 = os.path.join(args.workdir, "poisoned.xlsx")
    write_parts(p2, poisoned, infos)
    check_round("cached values poisoned", model, places,
                libreoffice_csv(args.soffice, p2, os.path.join(args.workdir, "r2"), profile))

    # 3. One part of a total edited per table sheet: the total follows.
    edited = dict(parts)
    expect = {}
    by_place = {(s, rc): cid for cid, (s, rc) in places.items()}
    for name, g in grids.items():
        for rc, formula in sorted(g.formulas.items()):
            m = re.fullmatch(r"SUM\(([A-Z]+[0-9]+)[,:].*\)", formula)
            if not m:
                continue
            part_rc = ref_to_rc(m.group(1))
            part_id, total_id = by_place.get((name, part_rc)), by_place.get((name, rc))
            if part_id is None or total_id is None or part_rc in g.formulas:
                continue
            part_cell, total_cell = model["cells"][part_id], model["cells"][total_id]
            if part_cell["kind"] != "count" or total_cell["value"] is None:
                continue
            old = part_cell["value"] or 0
            xml = edited[part_of[name]]
            ref = rc_to_ref(*part_rc).encode()
            new_xml, k = re.subn(rb'<c r="' + ref + rb'"( s="[0-9]+")?(/>|><v>[^<]*</v></c>)',
                                 lambda mm: b'<c r="' + ref + b'"' + (mm.group(1) or b"") + b"><v>" +
                                 str(old + 1).encode() + b"</v></c>", xml)
            if k != 1:
                continue
            edited[part_of[name]] = new_xml
            expect[part_id] = old + 1
            expect[total_id] = total_cell["value"] + 1
            break
        else:
            if g.formulas:
                fail(f"{name}: found no total whose first part could be edited")
    p3 = os.path.join(args.workdir, "edited.xlsx")
    write_parts(p3, edited, infos)
    csvs3 = libreoffice_csv(args.soffice, p3, os.path.join(args.workdir, "r3"), profile)
    for cid, value in expect.items():
        sheet, rc = places[cid]
        text = shown(csvs3[sheet], *rc)
        if not same_figure({"value": value}, text):
            fail(f"edited: {cid} at {sheet}!{rc_to_ref(*rc)}: LibreOffice shows {text!r}, expected {value}")

    print(f"xlsx_libreoffice_check: {n} cells on {len(grids)} sheets, {formulas} formulas, "
          f"{len(expect) // 2} edits followed; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
