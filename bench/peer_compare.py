#!/usr/bin/env python3
"""gongkai against the Python peer (../shared/peer: pandas + openpyxl), side by side.

    bench/peer_compare.py --gongkai build/gongkai [--peer DIR] [--runs 3] [--only NAME,...]
                          [--build-units 1000] [--merge-units 10000] [--check-units 10000]
                          [--csv-rows 1000000] [--xlsx-rows 200000] [--markdown FILE]

Every workload runs on the same generated files (the peer's own deterministic generators), peer
and gongkai alternating run by run so that a ratio holds on a noisy machine. For each it prints
the median wall time, the CPU time (user + system of the whole process tree), the peak RSS, the
throughput and the ratio peer / gongkai of the medians. Nothing here is a test: it only prints.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PYTHON = "/usr/bin/python3"  # the peer runs with Debian's python3-pandas and python3-openpyxl


def run(cmd, ok=(0,)):
    """Runs cmd; returns (wall seconds, cpu seconds, peak RSS KiB). Fails loudly on an error."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        sys.exit(f"bench: {' '.join(cmd)} exited {code}:\n{err.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


class Workload:
    def __init__(self, name, size, unit, count, gongkai, peer=None, prepare=None, ok=(0,), before_each=None):
        self.name, self.size, self.unit, self.count = name, size, unit, count
        self.gongkai, self.peer, self.prepare, self.ok = gongkai, peer, prepare, ok
        # Called before each gongkai run, outside the time measured (a fresh output folder).
        self.before_each = before_each


def measure(w, runs):
    if w.prepare:
        w.prepare()
    g, p = [], []
    for i in range(runs):
        # Alternate which goes first so that neither always meets a warm or a cold cache.
        order = [("g", w.gongkai), ("p", w.peer)] if i % 2 == 0 else [("p", w.peer), ("g", w.gongkai)]
        for who, cmd in order:
            if cmd is None:
                continue
            if who == "g" and w.before_each:
                w.before_each()
            if callable(cmd):
                cmd = cmd(i)
            (g if who == "g" else p).append(run(cmd, w.ok if who == "g" else (0,)))
    return g, p


def median(samples, k):
    return statistics.median(s[k] for s in samples)


def fmt_s(x):
    return f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--gongkai", default=os.path.join(here, "..", "build", "gongkai"))
    ap.add_argument("--peer", default=os.path.join(here, "..", "..", "shared", "peer"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated workload names")
    ap.add_argument("--build-units", type=int, default=1000)
    ap.add_argument("--merge-units", type=int, default=10000)
    ap.add_argument("--check-units", type=int, default=10000)
    ap.add_argument("--csv-rows", type=int, default=1000000)
    ap.add_argument("--xlsx-rows", type=int, default=200000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--markdown", help="also write the table as Markdown to this file")
    ap.add_argument("--keep", help="generate into this folder and keep it (default: a temporary one)")
    a = ap.parse_args()

    gk = os.path.abspath(a.gongkai)
    peer = os.path.abspath(a.peer)
    if not os.path.exists(os.path.join(peer, "gen.py")):
        sys.exit(f"bench: no peer at {peer} (pass --peer)")
    work = a.keep or tempfile.mkdtemp(prefix="gongkai-peer-bench-")
    os.makedirs(work, exist_ok=True)
    root = os.path.abspath(os.path.join(here, ".."))

    def gen_units(n):
        d = os.path.join(work, f"units-{n}")
        if not os.path.isdir(d):
            subprocess.run([PYTHON, os.path.join(peer, "gen.py"), "units", str(n), d], check=True)
        roster = os.path.join(work, f"roster-{n}.yaml")
        with open(roster, "w", encoding="utf-8") as f:
            f.write(f'agency: 基准省\nlevel: government\nyear: 2023\nform: "2021"\nunits:\n  - units-{n}/*.csv\n')
        return d, roster

    def gen_register(n, xlsx):
        csv = os.path.join(work, f"register-{n}.csv")
        if not os.path.exists(csv):
            subprocess.run([PYTHON, os.path.join(peer, "gen.py"), "register", str(n), csv], check=True,
                           stderr=subprocess.DEVNULL)
        if not xlsx:
            return csv
        x = os.path.join(work, f"register-{n}.xlsx")
        if not os.path.exists(x):
            subprocess.run([PYTHON, os.path.join(peer, "gen_xlsx_sst.py"), csv, x], check=True)
        return x

    wanted = set(filter(None, a.only.split(",")))
    workloads = []

    def add(name, *args, **kw):
        if not wanted or name in wanted:
            workloads.append((name, args, kw))

    j = str(a.jobs)
    # What the runs write, removed only when the bench ends (even with --keep: these are outputs).
    out = os.path.join(work, "out")

    def fresh_out():
        os.makedirs(out, exist_ok=True)

    add("build", a.build_units)
    add("merge", a.merge_units)
    add("check", a.check_units)
    add("tally-csv", a.csv_rows)
    add("tally-xlsx", a.xlsx_rows)
    add("one-report")
    add("start-up")

    results = []
    for name, args, _ in workloads:
        if name == "build":
            n = args[0]
            d, roster = gen_units(n)
            # Each run writes into a folder of its own, and none is removed until every run is done:
            # ext4 skips the inodes freed in the last 30 seconds when it allocates new ones, one
            # inode-table lookup each, so removing the last run's 6,000 files just before a run
            # doubled its time (4.2 s instead of 2.1 s for gongkai, the system time 4.3 s instead
            # of 1.1 s). A province's build writes a new folder; it does not follow a mass delete.
            def gcmd(i):
                return [gk, "-q", "build", "--roster", roster, "-o", f"{out}/g-{i}", "--format", "md,html,xlsx,json",
                        "--allow-errors", "-j", j]

            def pcmd(i):
                return [PYTHON, f"{peer}/peer_build.py", d, f"{out}/p-{i}", "--template", "-j", j]
            # The peer's units carry no prose, so gongkai finds missing-section errors in each: it
            # writes every output anyway (--allow-errors, stamped) and exits 1, as documented.
            w = Workload(name, f"{n} units", "units/s", n, gcmd, pcmd, fresh_out, ok=(0, 1))
        elif name == "merge":
            n = args[0]
            d, roster = gen_units(n)
            w = Workload(name, f"{n} units", "units/s", n,
                         [gk, "-q", "merge", roster, "-o", os.path.join(work, "merged.yaml"), "-j", j],
                         [PYTHON, os.path.join(peer, "peer_merge.py"), d, "-o", os.path.join(work, "merged.csv")])
        elif name == "check":
            n = args[0]
            d, roster = gen_units(n)
            # The peer checks nothing; its merge (reading every unit) is the nearest job it does.
            w = Workload("check --roster", f"{n} units", "units/s", n,
                         [gk, "-q", "check", "--roster", roster, "-j", j],
                         [PYTHON, os.path.join(peer, "peer_merge.py"), d, "-o", os.path.join(work, "merged.csv")])
        elif name in ("tally-csv", "tally-xlsx"):
            n = args[0]
            reg = gen_register(n, name == "tally-xlsx")
            w = Workload(name, f"{n} rows", "rows/s", n,
                         [gk, "-q", "tally", reg, "--year", "2024", "--agency", "基准", "-o",
                          os.path.join(work, "tally.yaml")],
                         [PYTHON, os.path.join(peer, "peer_tally.py"), reg, "--year", "2024"])
        elif name == "one-report":
            report = os.path.join(root, "sample-data", "department-2023", "report.yaml")
            # gongkai alone, as a pipeline runs it, into a folder emptied before each run (not timed),
            # apart from the build's folders (whose removal would slow the allocation of inodes).
            one = os.path.join(work, "one")
            w = Workload(name, "md+html+xlsx+json", "reports/s", 1,
                         [gk, "-q", "build", report, "-o", one, "--format", "md,html,xlsx,json"],
                         [PYTHON, "-c", "import pandas, openpyxl"],
                         before_each=lambda: shutil.rmtree(one, ignore_errors=True))
        else:
            w = Workload(name, "gongkai --version", "runs/s", 1, [gk, "--version"], [PYTHON, "-c", "pass"])
        print(f"bench: {w.name} ({w.size}) ...", file=sys.stderr, flush=True)
        g, p = measure(w, a.runs)
        results.append((w, g, p))

    header = ("| workload | size | peer wall | gongkai wall | gongkai CPU | gongkai throughput | "
              "gongkai peak RSS | ratio |")
    lines = [header, "|---|---|---|---|---|---|---|---|"]
    for w, g, p in results:
        gw, gc, gr = median(g, 0), median(g, 1), max(s[2] for s in g)
        pw = median(p, 0) if p else None
        ratio = f"{pw / gw:.1f}×" if pw else "—"
        lines.append(f"| {w.name} | {w.size} | {fmt_s(pw) if pw else '—'} | {fmt_s(gw)} | {fmt_s(gc)} | "
                     f"{w.count / gw:,.0f} {w.unit} | {gr / 1024:.0f} MiB | {ratio} |")
    print(f"# gongkai vs the Python peer: {a.runs} alternating runs each, medians; "
          f"{os.cpu_count()} cores, -j {j}")
    print("\n".join(lines))
    if a.markdown:
        with open(a.markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    shutil.rmtree(out, ignore_errors=True)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
