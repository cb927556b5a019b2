#!/usr/bin/env python3
"""Checks a gongkai HTML report as Chromium prints it.

Given the HTML and the JSON of the same build, renders the page with headless Chromium to a
screenshot and to PDF (print-to-PDF, the page's own A4 print stylesheet), then checks with
poppler-utils that:
  - every page is A4;
  - the title, the six section headings and every row and column label of tables 二, 三 and 四
    (from the JSON's cell labels) are in the printed text: all sections, all table rows;
  - every printed word lies inside its page: nothing cut off;
  - the screenshot was written and is not blank.
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, **kw)


def complete(path):
    """Whether Chromium finished writing PATH: a PDF ends with %%EOF, a PNG with its IEND chunk."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 1024))
            tail = f.read()
    except OSError:
        return False
    return b"%%EOF" in tail if path.endswith(".pdf") else tail.endswith(b"IEND\xaeB`\x82")


def chromium(args, url, output, workdir):
    """Runs headless Chromium until OUTPUT is complete. Each attempt gets a fresh profile and
    its own process group; an attempt that hangs (headless Chromium sometimes does not exit
    after writing, or stalls at start on a loaded machine) is killed with its children and
    retried, at most three times, so a stuck browser can neither hang nor fail the test alone."""
    base = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--no-first-run",
            "--disable-background-networking", "--disable-dev-shm-usage", "--disable-extensions",
            "--disable-component-update", "--disable-sync"]
    log = []
    for attempt in range(1, 4):
        if os.path.exists(output):
            os.remove(output)
        profile = tempfile.mkdtemp(prefix="chromium-profile.", dir=workdir)
        proc = subprocess.Popen(base + [f"--user-data-dir={profile}"] + args + [url],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=90)
            log.append(f"attempt {attempt}: exit {proc.returncode}")
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            log.append(f"attempt {attempt}: no exit after 90 s, killed")
        shutil.rmtree(profile, ignore_errors=True)
        if complete(output):
            return
        log.append(out.decode("utf-8", "replace")[-2000:])
    raise SystemExit(f"FAIL: chromium did not write {output}:\n" + "\n".join(log))


def squeeze(s):
    return re.sub(r"\s+", "", s)


def hidden_rows(model):
    """(table, row) of the sub-rows not printed: those of a category the report gives alone
    (its own figure given, none of its sub-rows), which prints as one row (spec §3)."""
    rows = {}
    for cell in model["cells"].values():
        rows.setdefault((cell["table"], cell["row"]), []).append(cell)
    given = lambda cells: any(c["state"] != "absent" and not c["computed"] for c in cells)
    hidden = set()
    for (table, row), cells in rows.items():
        subs = [k for k in rows if k[0] == table and k[1].startswith(row + ".")]
        if subs and given(cells) and not any(given(rows[k]) for k in subs):
            hidden.update(subs)
    return hidden


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--html", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--workdir", required=True)
    a = ap.parse_args()
    os.makedirs(a.workdir, exist_ok=True)
    url = "file://" + os.path.abspath(a.html)
    pdf = os.path.join(a.workdir, "report.pdf")
    png = os.path.join(a.workdir, "report.png")
    chromium([f"--print-to-pdf={pdf}"], url, pdf, a.workdir)
    chromium([f"--screenshot={png}", "--window-size=1000,4000"], url, png, a.workdir)
    model = json.load(open(a.json, encoding="utf-8"))
    failures = []

    info = run(["pdfinfo", pdf]).stdout.decode()
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    if "(A4)" not in info:
        failures.append("the PDF is not A4: " + re.search(r"Page size:.*", info).group(0))

    text = squeeze(run(["pdftotext", "-raw", pdf, "-"]).stdout.decode("utf-8"))
    wanted = [model["title"]] + [s["heading"] for s in model["sections"]]
    labels = set()
    hidden = hidden_rows(model)
    for cell in model["cells"].values():
        labels.update(cell["label"]["column"])
        if (cell["table"], cell["row"]) not in hidden:
            labels.update(cell["label"]["row"])
    wanted += sorted(labels)
    missing = [w for w in wanted if squeeze(w) not in text]
    if missing:
        failures.append(f"{len(missing)} of {len(wanted)} headings and labels not printed, e.g. {missing[:5]}")

    bbox = run(["pdftotext", "-bbox", pdf, "-"]).stdout.decode("utf-8")
    bbox = re.sub(r"<!DOCTYPE[^>]*>", "", bbox).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    outside = 0
    for page in ET.fromstring(bbox).iter("page"):
        w, h = float(page.get("width")), float(page.get("height"))
        for word in page.iter("word"):
            if float(word.get("xMin")) < 0 or float(word.get("yMin")) < 0 or \
               float(word.get("xMax")) > w + 0.5 or float(word.get("yMax")) > h + 0.5:
                outside += 1
    if outside:
        failures.append(f"{outside} printed words fall outside their page")

    size = os.path.getsize(png) if os.path.exists(png) else 0
    if size < 20000:
        failures.append(f"the screenshot {png} is missing or blank ({size} bytes)")

    for f in failures:
        print("FAIL: " + f)
    print(f"{os.path.basename(os.path.dirname(a.html))}: {pages} A4 pages, {len(wanted)} headings and labels "
          f"checked, screenshot {size} bytes: {'ok' if not failures else 'FAILED'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
