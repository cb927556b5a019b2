#!/usr/bin/env python3
"""The Markdown gongkai writes parses with cmark-gfm, tables intact.

For every golden Markdown output (tests/golden/build-*/expected-files/**/*.md, and the
expected.stdout of build cases whose cmd asks for --format md), runs `cmark-gfm -e table` and
checks that every row of each GFM table of the source (a `|` header line followed by a
delimiter line) has as many cells as its header (cmark-gfm would silently drop or pad them), that
each comes out as an HTML table with the same number of rows and cells, and that no table line
is left over as a paragraph.
"""
import argparse
import glob
import html.parser
import os
import re
import subprocess
import sys

DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def source_tables(md):
    """[(header cells, body rows)] of the GFM tables in `md`, by line structure."""
    lines = md.split("\n")
    tables, i = [], 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and DELIMITER.match(lines[i + 1]):
            cells = len(split_row(lines[i]))
            j = i + 2
            uneven = []
            while j < len(lines) and lines[j].startswith("|"):
                if len(split_row(lines[j])) != cells:
                    uneven.append(j + 1)
                j += 1
            tables.append((cells, j - i - 2, uneven))
            i = j
        else:
            i += 1
    return tables


def split_row(line):
    cells, cur, esc = [], "", False
    for ch in line.strip()[1:-1]:  # between the outer pipes
        if esc:
            cur += ch
            esc = False
        elif ch == "\\":
            cur += ch
            esc = True
        elif ch == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += ch
    cells.append(cur)
    return cells


class Tables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables = []  # [[cells per row]]
        self.stray_pipes = 0
        self._depth = 0
        self._in_p = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._depth += 1
            self.tables.append([])
        elif tag == "tr" and self._depth:
            self.tables[-1].append(0)
        elif tag in ("td", "th") and self._depth:
            self.tables[-1][-1] += 1
        elif tag == "p":
            self._in_p = True

    def handle_endtag(self, tag):
        if tag == "table":
            self._depth -= 1
        elif tag == "p":
            self._in_p = False

    def handle_data(self, data):
        if self._in_p and not self._depth and data.lstrip().startswith("|"):
            self.stray_pipes += 1


def check(path, md):
    html_out = subprocess.run(["cmark-gfm", "-e", "table"], input=md.encode("utf-8"), capture_output=True, check=True)
    parsed = Tables()
    parsed.feed(html_out.stdout.decode("utf-8"))
    want = source_tables(md)
    problems = []
    if len(parsed.tables) != len(want):
        problems.append(f"{len(want)} tables in the source, {len(parsed.tables)} in cmark-gfm's HTML")
    for n, (cells, body, uneven) in enumerate(want, 1):
        if uneven:
            problems.append(f"table {n}: lines {uneven} do not have the header's {cells} cells")
    for n, ((cells, body, _), got) in enumerate(zip(want, parsed.tables), 1):
        if len(got) != body + 1:
            problems.append(f"table {n}: {body + 1} rows in the source, {len(got)} parsed")
        bad = [r for r, c in enumerate(got, 1) if c != cells]
        if bad:
            problems.append(f"table {n}: rows {bad} do not have {cells} cells")
    if parsed.stray_pipes:
        problems.append(f"{parsed.stray_pipes} table line(s) parsed as a paragraph")
    if not want:
        problems.append("no table at all")
    return [f"{path}: {p}" for p in problems], len(want)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    args = ap.parse_args()
    golden = os.path.join(args.root, "tests", "golden")
    files = sorted(glob.glob(os.path.join(golden, "build-*", "expected-files", "**", "*.md"), recursive=True))
    for case in sorted(glob.glob(os.path.join(golden, "build-*", "cmd"))):
        out = os.path.join(os.path.dirname(case), "expected.stdout")
        if re.search(r"--format md(\s|$)", open(case, encoding="utf-8").read()) and os.path.exists(out):
            files.append(out)
    if not files:
        print("markdown-tables: no golden Markdown found")
        return 1
    failures, tables = [], 0
    for f in files:
        found, n = check(os.path.relpath(f, args.root), open(f, encoding="utf-8").read())
        failures += found
        tables += n
    for f in failures:
        print("FAIL " + f)
    print(f"markdown-tables: {len(files)} files, {tables} tables, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
