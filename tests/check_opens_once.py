#!/usr/bin/env python3
"""`gongkai check` reads each input once (issue 8): with two years of one agency given together
(the cross-year pair is made from the reports already read and checked) and with a report whose
prose and section 六 data the check also runs, `strace -f -e trace=openat` shows each input opened
exactly once. Skipped (exit 77) when strace is not installed or cannot trace here.

usage: check_opens_once.py GONGKAI ROOT
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CASES = [
    # two years of one agency, paired by agency and year; the 2023 report has prose, fees and a
    # work plan (each of its files is an input too)
    ["tests/golden/build-inputs/2022.yaml", "tests/golden/build-inputs/2023.yaml"],
    # the same, as CSV (no prose)
    ["tests/data/real-reports/2021_pingtan_syq.csv", "tests/data/real-reports/2022_pingtan_syq.csv"],
]


def main():
    gongkai, root = sys.argv[1], sys.argv[2]
    if shutil.which("strace") is None:
        print("SKIP: strace is not installed")
        return 77
    failures = []
    for inputs in CASES:
        missing = [p for p in inputs if not os.path.exists(os.path.join(root, p))]
        if missing:
            failures.append(f"inputs missing: {missing}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            trace = os.path.join(tmp, "trace.txt")
            cmd = ["strace", "-f", "-e", "trace=openat", "-o", trace, gongkai, "--lang", "en", "check", "-j", "2"]
            proc = subprocess.run(cmd + inputs, cwd=root, capture_output=True, text=True,
                                  env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))
            if not os.path.exists(trace) or "PTRACE" in proc.stderr or "Operation not permitted" in proc.stderr:
                print(f"SKIP: strace cannot trace here: {proc.stderr.strip()[:200]}")
                return 77
            with open(trace, encoding="utf-8", errors="replace") as f:
                opened = [m.group(1) for line in f if "O_DIRECTORY" not in line
                          for m in [re.search(r'openat\([^,]*, "([^"]*)"', line)] if m]
        counts = {}
        for p in opened:
            counts[os.path.normpath(p)] = counts.get(os.path.normpath(p), 0) + 1
        # every input named on the command line, and every file beside them that was read
        watched = {os.path.normpath(p) for p in inputs}
        for p in list(counts):
            if any(os.path.dirname(p) == os.path.dirname(i) for i in inputs):
                watched.add(p)
        for p in sorted(watched):
            n = counts.get(p, 0)
            if n != 1:
                failures.append(f"check {' '.join(inputs)}: {p} opened {n} times")
    if failures:
        print("\n".join(failures))
        return 1
    print(f"{len(CASES)} runs: each input opened once")
    return 0


if __name__ == "__main__":
    sys.exit(main())
