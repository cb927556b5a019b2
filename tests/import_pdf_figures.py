#!/usr/bin/env python3
"""Every figure of the two text PDFs of tests/data/import/pdf, imported, against the figures they
were made from (ctest import_pdf_figures, tests/data/import/pdf/README.md):

- pingtan-2022-libreoffice.pdf against the hand transcription tests/data/real-reports/
  2022_pingtan_syq.csv;
- department-2023-chromium.pdf against the sample report it was printed from
  (sample-data/department-2023/report.yaml, built to HTML);
- owner-password.pdf (the first, with an owner password only) against the same transcription.

Both sides are built to report JSON by gongkai (`build --format json`), and every cell is compared:
a figure missing, extra or different fails. `check` must also find the same errors and warnings on
both sides (info lines, which name the input, are left out; prose findings do not arise: check of a
page or PDF reads its tables only).

usage: import_pdf_figures.py GONGKAI ROOT
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

CASES = [
    ("tests/data/import/pdf/pingtan-2022-libreoffice.pdf", "tests/data/real-reports/2022_pingtan_syq.csv", None),
    ("tests/data/import/pdf/department-2023-chromium.pdf", None, "sample-data/department-2023/report.yaml"),
    # The LibreOffice PDF encrypted with an owner password only: read as the unencrypted one.
    ("tests/data/import/pdf/owner-password.pdf", "tests/data/real-reports/2022_pingtan_syq.csv", None),
]


def run(cmd, env, ok=(0, 1)):
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def cells(gongkai, source, tmp, name, env):
    out = os.path.join(tmp, name)
    run([gongkai, "--lang", "en", "build", source, "--format", "json", "--allow-errors", "--agency", "x",
         "--year", "2022", "-o", out], env)
    [path] = glob.glob(os.path.join(out, "*", "report.json"))
    with open(path, encoding="utf-8") as f:
        data = json.load(f)["cells"]
    items = data.items() if isinstance(data, dict) else [(c["id"], c) for c in data]
    return {cid: c.get("value") for cid, c in items if c.get("state") == "value"}


def findings(gongkai, source, env):
    proc = run([gongkai, "--lang", "en", "check", source], env)
    lines = []
    for line in (proc.stdout + proc.stderr).splitlines():
        if ": info[" in line or line.startswith("checked "):
            continue
        # Findings name their place in the source: keep the rule and the message.
        at = line.find(": error[") if ": error[" in line else line.find(": warning[")
        lines.append(line[at:] if at >= 0 else line)
    return sorted(lines)


def main():
    gongkai, root = sys.argv[1], sys.argv[2]
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1700000000")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for pdf, csv, yaml in CASES:
            pdf = os.path.join(root, pdf)
            if yaml:
                built = os.path.join(tmp, "html")
                run([gongkai, "-q", "build", os.path.join(root, yaml), "--format", "html", "-o", built], env)
                [want_source] = glob.glob(os.path.join(built, "*", "report.html"))
            else:
                want_source = os.path.join(root, csv)
            got = cells(gongkai, pdf, tmp, "got", env)
            want = cells(gongkai, want_source, tmp, "want", env)
            if not want:
                failures.append(f"{want_source}: no figures read")
            for cid in sorted(set(got) | set(want)):
                if got.get(cid) != want.get(cid):
                    failures.append(f"{os.path.basename(pdf)}: {cid}: imported {got.get(cid)!r}, expected {want.get(cid)!r}")
            f_got, f_want = findings(gongkai, pdf, env), findings(gongkai, want_source, env)
            if f_got != f_want:
                failures.append(f"{os.path.basename(pdf)}: check finds\n  " + "\n  ".join(f_got) +
                                f"\nbut on {os.path.basename(want_source)}\n  " + "\n  ".join(f_want))
            for d in ("got", "want", "html"):
                subprocess.run(["rm", "-rf", os.path.join(tmp, d)], check=True)
            print(f"{os.path.basename(pdf)}: {len(want)} figures compared")
    for f in failures:
        print(f"FAIL {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
