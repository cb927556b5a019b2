#!/usr/bin/env python3
"""The batch build's syscalls per unit are constant (issue 10): counted with `strace -f -c`.

    tests/batch/syscalls_per_unit.py GONGKAI ROOT [--units 100,1000] [--tolerance 0.10]

Builds generated provinces of 1, 100 and 1,000 units (bench/gen_province.py, all four formats,
-j 2) under strace and takes the syscalls one unit costs beyond the 1-unit run:
(calls(n) - calls(1)) / (n - 1). futex is left out (it counts lock contention between the
worker threads, which depends on timing, not on the work). The per-unit figure at 1,000 units
must be within the tolerance of the one at 100: before the fix, "is this output an input?"
stat-ed every input for every output, and the figure grew with the number of units.
Label `heavy` (`make heavy`); needs strace (scripts/install-deps.sh heavy). Prints the figures.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


def count_calls(strace_out):
    """{syscall: calls} from `strace -c` output."""
    calls = {}
    for line in open(strace_out, encoding="utf-8", errors="replace"):
        m = re.match(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$", line)
        if m and m.group(2) != "total":
            calls[m.group(2)] = int(m.group(1))
    return calls


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gongkai")
    ap.add_argument("root")
    ap.add_argument("--units", default="100,1000")
    ap.add_argument("--tolerance", type=float, default=0.10)
    args = ap.parse_args()
    if shutil.which("strace") is None:
        print("SKIP: strace is not installed (scripts/install-deps.sh heavy)")
        return 77
    sizes = [int(x) for x in args.units.split(",")]
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1700000000")
    totals = {}
    by_call = {}
    with tempfile.TemporaryDirectory(prefix="gongkai-syscalls-") as tmp:
        for n in [1] + sizes:
            prov = os.path.join(tmp, f"prov{n}")
            subprocess.run([sys.executable, os.path.join(args.root, "bench", "gen_province.py"), prov, "--units",
                            str(n), "--seed", "11"], check=True, capture_output=True)
            out = os.path.join(tmp, f"out{n}")
            trace = os.path.join(tmp, f"strace{n}.txt")
            p = subprocess.run(["strace", "-f", "-c", "-o", trace, args.gongkai, "-q", "build", "--roster",
                                os.path.join(prov, "roster.yaml"), "-o", out, "-j", "2"],
                               capture_output=True, text=True, env=env)
            built = sum(1 for _, _, names in os.walk(out) for f in names if f == "report.md")
            if p.returncode != 0 or built != n:
                print(f"FAIL build of {n} units: exit {p.returncode}, {built} reports\n{p.stderr[-1500:]}")
                return 1
            calls = count_calls(trace)
            calls.pop("futex", None)
            by_call[n] = calls
            totals[n] = sum(calls.values())
            shutil.rmtree(out)
            shutil.rmtree(prov)
    base = totals[1]
    per_unit = {n: (totals[n] - base) / (n - 1) for n in sizes}
    print(f"syscalls (futex left out): 1 unit {base}; " +
          "; ".join(f"{n} units {totals[n]} ({per_unit[n]:.1f} per unit beyond the first)" for n in sizes))
    for n in sizes:
        top = sorted(((c - by_call[1].get(k, 0)) / (n - 1), k) for k, c in by_call[n].items())[-6:]
        print(f"  {n} units, per unit: " + ", ".join(f"{k} {v:.1f}" for v, k in reversed(top)))
    lo, hi = per_unit[sizes[0]], per_unit[sizes[-1]]
    ratio = hi / lo if lo else float("inf")
    ok = abs(ratio - 1) <= args.tolerance
    print(f"{'ok' if ok else 'FAIL'}: per unit at {sizes[-1]} / at {sizes[0]} = {ratio:.3f} "
          f"(tolerance ±{args.tolerance:.0%})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
