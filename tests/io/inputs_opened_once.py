#!/usr/bin/env python3
"""Each input of `gongkai build` and `gongkai check` is opened once (issue 8).

A report folder (report.yaml, its prose files, its work plan) whose YAML names last year's
report (`previous:`) is built and checked under `strace -f -e trace=openat,open`; every input
file must be opened exactly once. Exit 77 (skipped) when strace is missing or cannot trace here.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

OPEN = re.compile(r'open(?:at)?\((?:AT_FDCWD|\d+), "([^"]*)", [^)]*\)\s*=\s*(-?\d+)')


def opened(trace_file, cwd):
    """{real path: number of successful opens}."""
    counts = {}
    with open(trace_file, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = OPEN.search(line)
            if not m or int(m.group(2)) < 0:
                continue
            path = os.path.realpath(os.path.join(cwd, m.group(1)))
            counts[path] = counts.get(path, 0) + 1
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gongkai", required=True)
    ap.add_argument("--root", required=True)
    args = ap.parse_args()
    gongkai = os.path.abspath(args.gongkai)
    if shutil.which("strace") is None:
        print("strace not found: skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        probe = subprocess.run(["strace", "-o", os.devnull, "true"], capture_output=True)
        if probe.returncode != 0:
            print("strace cannot trace here: skipped")
            return 77
        sample = os.path.join(args.root, "sample-data", "department-2023")
        shutil.copytree(sample, os.path.join(tmp, "2023"))
        shutil.copytree(sample, os.path.join(tmp, "2022"))
        # This year's report takes its prose from files and names last year's report.
        current = os.path.join(tmp, "2023", "report.yaml")
        text = open(current, encoding="utf-8").read()
        text = text[: text.index("\nprose:")] + (
            "\nprose:\n  overview: {file: overview.md}\n  problems: {file: problems.md}\n"
            "  other_matters: {file: other_matters.md}\n\nprevious: ../2022/report.yaml\n")
        open(current, "w", encoding="utf-8").write(text)
        last = os.path.join(tmp, "2022", "report.yaml")
        text = open(last, encoding="utf-8").read()
        text = text.replace("year: 2023", "year: 2022").replace("published: 2024-01-25", "published: 2023-01-20")
        open(last, "w", encoding="utf-8").write(text)
        inputs = [os.path.join(tmp, "2023", n)
                  for n in ("report.yaml", "overview.md", "problems.md", "other_matters.md", "workplan.yaml")]
        inputs.append(last)  # read as a report: its own work plan is not needed
        failures = []
        commands = {
            "build": ["build", "2023/report.yaml", "-o", "out", "--lang", "en"],
            "check": ["check", "2023/report.yaml", "--lang", "en"],
        }
        env = dict(os.environ, SOURCE_DATE_EPOCH="0")
        for name, argv in commands.items():
            trace = os.path.join(tmp, f"{name}.strace")
            run = subprocess.run(["strace", "-f", "-e", "trace=openat,open", "-o", trace, gongkai] + argv,
                                 cwd=tmp, capture_output=True, text=True, env=env)
            if run.returncode not in (0, 1) or not os.path.exists(trace):
                failures.append(f"{name}: exit {run.returncode}\n{run.stderr}")
                continue
            counts = opened(trace, tmp)
            for path in inputs:
                n = counts.get(os.path.realpath(path), 0)
                if n != 1:
                    failures.append(f"{name}: {os.path.relpath(path, tmp)} opened {n} times")
        for f in failures:
            print("FAIL", f)
        if failures:
            return 1
        print(f"ok: {len(inputs)} inputs, each opened once by build and check")
        return 0


if __name__ == "__main__":
    sys.exit(main())
