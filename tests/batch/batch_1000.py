#!/usr/bin/env python3
"""Batch acceptance: 1,000 generated units, one of them broken.

- `gongkai check --roster` names the broken unit with its finding and exits 1;
- `gongkai merge` writes consolidated tallies equal to the sum of the units' figures, recomputed
  here independently from the unit files, and `gongkai check` passes the consolidated tallies
  of the 999 consistent units;
- the result does not depend on -j (byte-identical output for -j1 and -j2);
- `gongkai build --roster` (when the build command takes rosters) builds the other 999.
"""
import os
import re
import subprocess
import sys
import tempfile

def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)

def unit_cells(path):
    """{row.col: value} for the flow-mapping rows gen_province.py writes."""
    cells = {}
    table = None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(proactive|applications|review_litigation):\s*$", line)
        if m:
            table = m.group(1)
            continue
        m = re.match(r"^  ([a-z_.]+): \{(.*)\}\s*$", line)
        if m and table:
            for part in m.group(2).split(","):
                k, v = part.split(":")
                cells[f"{table}.{m.group(1)}.{k.strip()}"] = v.strip()
    return cells

def merged_cells(text):
    """{table.row.col: value} from gongkai's YAML tally writer (block mappings, comments)."""
    cells = {}
    table = row = None
    for line in text.splitlines():
        line = line.split("#")[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^([a-z_]+):\s*$", line)
        if m:
            table = m.group(1)
            continue
        m = re.match(r"^  ([a-z_.]+):\s*$", line)
        if m:
            row = m.group(1)
            continue
        m = re.match(r"^    ([a-z_]+):\s*(\S+)$", line)
        if m and table and row:
            cells[f"{table}.{row}.{m.group(1)}"] = m.group(2)
    return cells

def to_micro(v):
    whole, _, frac = v.partition(".")
    return int(whole) * 1000000 + int((frac + "000000")[:6])

def main():
    gongkai, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    gen = os.path.join(root, "bench", "gen_province.py")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        prov = os.path.join(tmp, "prov")
        run([sys.executable, gen, prov, "--units", "1000", "--broken", "1", "--seed", "7"], check=True)
        roster = os.path.join(prov, "roster.yaml")
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")

        c1 = run([gongkai, "check", "--lang", "en", "--roster", roster, "-j", "1"], env=env)
        c2 = run([gongkai, "check", "--lang", "en", "--roster", roster, "-j", "2"], env=env)
        if c1.returncode != 1:
            failures.append(f"check exit {c1.returncode}, expected 1\n{c1.stderr[-2000:]}")
        lines = [l for l in c1.stderr.splitlines() if "error[" in l]  # findings go to stderr
        if len(lines) != 1 or "u0000.yaml" not in lines[0] or "error[balance]" not in lines[0]:
            failures.append("check should name exactly the broken unit u0000.yaml with a balance error:\n" + "\n".join(lines[:5]))
        if "1000 units: 999 ok, 0 with warnings, 1 with errors, 0 unreadable" not in c1.stderr:
            failures.append("check summary wrong:\n" + c1.stderr[-500:])
        if (c1.stdout, c1.stderr) != (c2.stdout, c2.stderr):
            failures.append("check output differs between -j1 and -j2")

        # The consistent 999: remove the broken unit from its county and merge.
        broken = os.path.join(prov, "cities/c000/counties/k000/units/u0000.yaml")
        os.rename(broken, os.path.join(tmp, "broken.yaml"))
        out = os.path.join(tmp, "province.yaml")
        m = run([gongkai, "merge", "--lang", "en", "--quiet", roster, "-o", out, "-j", "2"], env=env)
        if m.returncode != 0:
            failures.append(f"merge exit {m.returncode}\n{m.stderr[-2000:]}")
        else:
            merged = merged_cells(open(out, encoding="utf-8").read())
            expected = {}
            for dirpath, _, names in os.walk(prov):
                for n in names:
                    if dirpath.endswith("units"):
                        for k, v in unit_cells(os.path.join(dirpath, n)).items():
                            expected[k] = expected.get(k, 0) + to_micro(v)
            diffs = [k for k in expected if to_micro(merged.get(k, "0")) != expected[k]]
            extra = [k for k in merged if k not in expected and to_micro(merged[k]) != 0]
            if diffs or extra or not expected:
                failures.append(f"merged cells differ from the independent sum: {diffs[:5]} {extra[:5]}")
            chk = run([gongkai, "check", "--lang", "en", out], env=env)
            if chk.returncode != 0:
                failures.append(f"the consolidated tallies do not pass check:\n{chk.stdout[:2000]}")
        os.rename(os.path.join(tmp, "broken.yaml"), broken)

        help_text = run([gongkai, "build", "--help"], env=env).stdout
        if "--roster" in help_text:
            outdir = os.path.join(tmp, "out")
            b = run([gongkai, "build", "--lang", "en", "--roster", roster, "-o", outdir, "-j", "2",
                     "--format", "md,json"], env=env)
            built = sum(1 for _, _, names in os.walk(outdir) for n in names if n.endswith(".md"))
            if b.returncode != 1 or built != 999:
                failures.append(f"build: exit {b.returncode} (expected 1), {built} reports built (expected 999)\n{b.stderr[-1500:]}")
            if "u0000.yaml" not in b.stdout + b.stderr:
                failures.append("build does not name the broken unit")
    for f in failures:
        print("FAIL " + f)
    print(f"batch: {0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
