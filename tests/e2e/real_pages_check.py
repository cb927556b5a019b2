#!/usr/bin/env python3
"""Checks that gongkai reads a pasted report page (XLSX) to exactly the figures of its CSV.

For each workbook: `gongkai build --format json` of the workbook and of the CSV transcription
give the report JSON of both; every cell must have the same state and figure. `gongkai check
--format json` of both must give the same findings (rule, severity, cells, expected, actual),
leaving out the notes on how each was read (info findings of rules `form` and `meta`), and the
workbook's check must exit as the CSV's does.

Usage: real_pages_check.py GONGKAI CSV AGENCY YEAR WORKDIR XLSX...
"""
import json
import os
import subprocess
import sys


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def findings(gongkai, path, agency, year):
    proc = run([gongkai, "check", "--format", "json", "--lang", "en", "--agency", agency, "--year", year, path])
    try:
        items = json.loads(proc.stdout) if proc.stdout.strip() else []
    except json.JSONDecodeError:
        items = [{"unparsed": proc.stdout + proc.stderr}]
    kept = []
    for d in items:
        if d.get("severity") == "info" and d.get("rule") in ("form", "meta"):
            continue
        cells = [c.get("id") for c in d.get("cells", [])]
        kept.append((d.get("severity"), d.get("rule"), tuple(cells), d.get("expected"), d.get("actual"),
                     d.get("message", "") if not cells else ""))
    return proc.returncode, sorted(kept, key=repr), proc.stderr


def cells_of(report):
    """{cell id: (state, value, computed)} from a report JSON."""
    return {cell_id: (c.get("state"), c.get("value"), c.get("computed")) for cell_id, c in report["cells"].items()}


def report_json(gongkai, path, agency, year, outdir):
    proc = run([gongkai, "build", "--allow-errors", "--format", "json", "--agency", agency, "--year", year,
                "-o", outdir, path])
    found = []
    for dirpath, _, names in os.walk(outdir):
        found += [os.path.join(dirpath, n) for n in names if n == "report.json"]
    if len(found) != 1:
        sys.exit(f"FAIL: gongkai build of {path} wrote {len(found)} JSON files (exit {proc.returncode}):\n"
                 f"{proc.stderr}")
    with open(found[0], encoding="utf-8") as f:
        return json.load(f)


def main():
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    gongkai, csv, agency, year, workdir = sys.argv[1:6]
    workbooks = sys.argv[6:]
    os.makedirs(workdir, exist_ok=True)
    want_exit, want_findings, _ = findings(gongkai, csv, agency, year)
    want_cells = cells_of(report_json(gongkai, csv, agency, year, os.path.join(workdir, "csv")))
    if not want_cells:
        sys.exit(f"FAIL: no cells found in the report JSON of {csv}")
    failed = False
    for i, xlsx in enumerate(workbooks):
        name = os.path.basename(xlsx)
        problems = []
        got_exit, got_findings, stderr = findings(gongkai, xlsx, agency, year)
        if got_exit != want_exit:
            problems.append(f"check exits {got_exit}, the CSV's {want_exit}: {stderr}")
        if got_findings != want_findings:
            extra = [f for f in got_findings if f not in want_findings]
            missing = [f for f in want_findings if f not in got_findings]
            problems.append(f"findings differ: extra {extra}, missing {missing}")
        got_cells = cells_of(report_json(gongkai, xlsx, agency, year, os.path.join(workdir, f"xlsx{i}")))
        for cell_id in sorted(set(want_cells) | set(got_cells)):
            if want_cells.get(cell_id) != got_cells.get(cell_id):
                problems.append(f"{cell_id}: {got_cells.get(cell_id)}, the CSV gives {want_cells.get(cell_id)}")
        if problems:
            failed = True
            print(f"FAIL: {name}:")
            for p in problems[:40]:
                print(f"  {p}")
        else:
            print(f"ok: {name}: {len(got_cells)} cells as in {os.path.basename(csv)}, "
                  f"{len(got_findings)} findings as the CSV's, exit {got_exit}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
