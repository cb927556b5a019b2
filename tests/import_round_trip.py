#!/usr/bin/env python3
"""Round trip of gongkai's own outputs through `gongkai import` (ctest import_round_trip).

For each sample report (form 2021 and form 2019): `gongkai build --format html,md,xlsx,json`, the
Markdown rendered to HTML by cmark-gfm (with the table extension), then both pages imported
(`gongkai import --format yaml`) and built to JSON again, and the XLSX built to JSON directly (the
official-workbook reader reads gongkai's own workbook). Every cell of the built report (given or
computed by check: the rendered tables print the totals a report leaves to check) must come back
with the same figure, and no other cell may hold one but the 0s the page prints beside a row's
given cells. (A page prints a cell the report leaves
out and a blank cell alike, empty: both come back blank.)

usage: import_round_trip.py GONGKAI ROOT
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

SAMPLES = ["sample-data/department-2023/report.yaml", "sample-data/government-2020/report.yaml"]


def run(cmd, **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def given(report_json):
    with open(report_json, encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    items = cells.items() if isinstance(cells, dict) else cells
    return {cid: c.get("value") for cid, c in items if c["state"] == "value"}


def main():
    gongkai, root = sys.argv[1], sys.argv[2]
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1700000000")
    failures = []
    for sample in SAMPLES:
        with tempfile.TemporaryDirectory() as tmp:
            run([gongkai, "--lang", "en", "build", os.path.join(root, sample), "--format", "html,md,xlsx,json",
                 "--allow-errors", "-o", os.path.join(tmp, "built")], env=env)
            [html] = glob.glob(os.path.join(tmp, "built", "*", "report.html"))
            [md] = glob.glob(os.path.join(tmp, "built", "*", "report.md"))
            [xlsx] = glob.glob(os.path.join(tmp, "built", "*", "report.xlsx"))
            [original_json] = glob.glob(os.path.join(tmp, "built", "*", "report.json"))
            with open(original_json, encoding="utf-8") as f:
                meta = json.load(f)
            md_html = os.path.join(tmp, "md.html")
            with open(md_html, "w", encoding="utf-8") as f:
                f.write(run(["cmark-gfm", "--extension", "table", md], env=env).stdout)
            want = given(original_json)
            who = ["--agency", meta["agency"], "--year", str(meta["year"]), "--level", meta["level"]]
            for name, page in (("html", html), ("markdown", md_html), ("xlsx", xlsx)):
                source = page
                if name != "xlsx":
                    source = os.path.join(tmp, f"{name}.yaml")
                    imp = run([gongkai, "--lang", "en", "import", page, "--format", "yaml", "-o", source] + who, env=env)
                    if imp.returncode != 0:
                        failures.append(f"{sample} ({name}): import exited {imp.returncode}:\n{imp.stderr}")
                        continue
                out = os.path.join(tmp, f"{name}-built")
                run([gongkai, "--lang", "en", "build", source, "--format", "json", "--allow-errors", "-o", out] + who,
                    env=env)
                [back_json] = glob.glob(os.path.join(out, "*", "report.json"))
                got = given(back_json)
                # A row the report gives in part prints its other cells as 0 (render/table_layout):
                # those come back as the 0 the page shows.
                got = {k: v for k, v in got.items() if k in want or v != 0}
                if got != want:
                    missing = sorted(set(want) - set(got))
                    extra = sorted(set(got) - set(want))
                    changed = sorted(k for k in set(want) & set(got) if want[k] != got[k])
                    failures.append(f"{sample} ({name}): {len(missing)} missing {missing[:5]}, {len(extra)} extra "
                                    f"{extra[:5]}, {len(changed)} changed {[(k, want[k], got[k]) for k in changed[:5]]}")
                else:
                    print(f"ok: {sample} via {name}: {len(want)} cells")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
