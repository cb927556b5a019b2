#!/usr/bin/env python3
"""e2e: `gongkai diff` of a series in real clients.

Chromium renders the HTML page (bounded, retried: html_chromium_check.chromium): the rendered
DOM has one SVG chart per key figure with its bars, the screenshot really shows them (pixels of
the bars' colour, decoded from the PNG here without any imaging library), and print-to-PDF gives
A4 pages with the years and the key figures' names. LibreOffice opens the XLSX and converts it
to PDF without error; the workbook has its native line chart, one series per key figure.

Usage: diff_clients_check.py GONGKAI ROOT WORKDIR [--keep-screenshot PNG]
"""
import argparse
import os
import re
import signal
import struct
import subprocess
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from html_chromium_check import chromium  # noqa: E402

SERIES = ["tests/data/diff/2020.yaml", "tests/data/diff/2021.yaml",
          "tests/golden/build-inputs/2022.yaml", "tests/golden/build-inputs/2023.yaml"]
BAR = (0x3B, 0x6E, 0xA8)  # svg.chart .bar in report-templates/html/diff.css


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG, unfiltered."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"PNG depth {depth} colour type {colour}"
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def bar_pixels(path):
    width, height, bpp, rows = png_pixels(path)
    n = 0
    for row in rows:
        for x in range(0, width * bpp, bpp):
            if abs(row[x] - BAR[0]) < 8 and abs(row[x + 1] - BAR[1]) < 8 and abs(row[x + 2] - BAR[2]) < 8:
                n += 1
    return n


def dump_dom(url, workdir):
    for attempt in range(1, 4):
        proc = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                 f"--user-data-dir={workdir}/dom-profile-{attempt}", "--dump-dom", url],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            continue
        dom = out.decode("utf-8", "replace")
        if "</html>" in dom:
            return dom
    raise SystemExit("FAIL: chromium did not dump the DOM of the diff page")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gongkai")
    ap.add_argument("root")
    ap.add_argument("workdir")
    ap.add_argument("--keep-screenshot")
    a = ap.parse_args()
    os.makedirs(a.workdir, exist_ok=True)
    html = os.path.join(a.workdir, "series.html")
    xlsx = os.path.join(a.workdir, "series.xlsx")
    for out in (html, xlsx):
        p = subprocess.run([a.gongkai, "diff", "--lang", "zh", "-o", out] + SERIES, cwd=a.root)
        if p.returncode not in (0, 1):
            raise SystemExit(f"FAIL: gongkai diff -o {out} exited {p.returncode}")
    failures = []
    with open(os.path.join(a.root, "report-templates/diff-thresholds.yaml"), encoding="utf-8") as f:
        keys = len(re.findall(r"^  - \S", f.read().split("\nkey_figures:")[1], re.M))

    url = "file://" + html
    dom = dump_dom(url, a.workdir)
    charts = len(re.findall(r'<svg[^>]*class="chart"', dom))
    bars = dom.count('<rect class="bar"')
    if charts != keys:
        failures.append(f"the rendered page has {charts} charts, expected {keys} (one per key figure)")
    if bars < keys:
        failures.append(f"the rendered page has {bars} bars")
    if "<script" in dom:
        failures.append("the page has a script")

    png = os.path.join(a.workdir, "series.png")
    chromium([f"--screenshot={png}", "--window-size=1100,1400"], url, png, a.workdir)
    painted = bar_pixels(png)
    if painted < 2000:
        failures.append(f"the screenshot shows {painted} pixels of the bars' colour: no charts visible")
    if a.keep_screenshot:
        with open(png, "rb") as src, open(a.keep_screenshot, "wb") as dst:
            dst.write(src.read())

    pdf = os.path.join(a.workdir, "series.pdf")
    chromium([f"--print-to-pdf={pdf}"], url, pdf, a.workdir)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    if not size or sorted(round(float(v)) for v in size.groups()) != [595, 842]:
        failures.append(f"the printed page is not A4: {size.group(0) if size else info}")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    for want in ("2020", "2023", "主要数字", "行政许可 · 本年处理决定数量"):
        if want not in text:
            failures.append(f"the printed page lacks {want!r}")

    with zipfile.ZipFile(xlsx) as z:
        names = z.namelist()
        chart_parts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        series = sum(z.read(n).decode("utf-8").count("<c:ser>") for n in chart_parts)
        cf = sum(z.read(n).decode("utf-8").count("<conditionalFormatting") for n in names
                 if n.startswith("xl/worksheets/sheet"))
    if len(chart_parts) != 1 or series != keys:
        failures.append(f"the workbook has {len(chart_parts)} chart parts with {series} series, expected 1 with {keys}")
    if cf == 0:
        failures.append("the workbook has no conditional formatting")
    env = dict(os.environ, HOME=a.workdir)
    lo_dir = os.path.join(a.workdir, "libreoffice")
    lo = subprocess.Popen(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", lo_dir, xlsx],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        out, _ = lo.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(lo.pid, signal.SIGKILL)
        lo.communicate()
        raise SystemExit("FAIL: LibreOffice did not convert the workbook in 180 s")
    lo_pdf = os.path.join(lo_dir, "series.pdf")
    if lo.returncode != 0 or not os.path.exists(lo_pdf):
        failures.append(f"LibreOffice could not convert the workbook: {out.decode('utf-8', 'replace')}")
    else:
        lo_text = subprocess.run(["pdftotext", lo_pdf, "-"], capture_output=True, text=True, check=True).stdout
        if "主要数字" not in lo_text:
            failures.append("LibreOffice's PDF lacks the key figures sheet")

    for f in failures:
        print("FAIL:", f)
    print(f"diff series: {charts} charts, {bars} bars in Chromium's DOM, {painted} bar pixels in the screenshot; "
          f"XLSX {len(chart_parts)} chart with {series} series, LibreOffice "
          f"{'converted' if lo.returncode == 0 else 'failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
