#!/usr/bin/env python3
"""Meta-test of the rule table (lib/gongkai/check/rules.cpp, listed by `gongkai rules`).

Every rule has
  - a broken sample: sample-data/broken/<id>.<ext> (further files of the sample are named
    <id>.<something>.<ext>) and sample-data/broken/<id>.expected, the finding lines it must
    produce (English), at least one of them naming the rule;
  - a golden case: a tests/golden/<case>/ whose cmd names the sample and whose expected output
    shows the rule (text `[<id>]` or JSON `"rule": "<id>"`) and every line of <id>.expected;
unless its row says why no sample can show it (`no_sample`, printed here).
And every rule any golden case shows is a row of the table.

Reads files only (and runs `gongkai rules` once): fast. Fails naming each rule that lacks one.

usage: check_rule_samples.py GONGKAI ROOT
"""
import json
import os
import re
import subprocess
import sys


def main():
    gongkai, root = sys.argv[1], sys.argv[2]
    proc = subprocess.run([gongkai, "--lang", "en", "rules", "--format", "json"], capture_output=True, text=True,
                          env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))
    if proc.returncode != 0:
        print(f"gongkai rules failed ({proc.returncode}): {proc.stderr}")
        return 1
    rules = json.loads(proc.stdout)
    ids = {r["id"] for r in rules}
    broken = os.path.join(root, "sample-data", "broken")
    golden = os.path.join(root, "tests", "golden")
    names = sorted(os.listdir(broken))
    cases = []
    for case in sorted(os.listdir(golden)):
        cmd_path = os.path.join(golden, case, "cmd")
        if not os.path.isfile(cmd_path):
            continue
        with open(cmd_path, encoding="utf-8") as f:
            cmd = f.read()
        shown = ""
        for out in ("expected.stdout", "expected.stderr"):
            p = os.path.join(golden, case, out)
            if os.path.exists(p):
                with open(p, encoding="utf-8", errors="replace") as f:
                    shown += f.read()
        cases.append((case, cmd, shown))

    failures = []
    exempt = []
    for r in rules:
        rid = r["id"]
        if r.get("no_sample"):
            exempt.append(f"  {rid}: {r['no_sample']}")
            continue
        samples = [n for n in names if n.startswith(rid + ".") and not n.endswith(".expected")]
        expected_path = os.path.join(broken, rid + ".expected")
        if not samples:
            failures.append(f"{rid}: no broken sample sample-data/broken/{rid}.<ext>")
            continue
        if not os.path.exists(expected_path):
            failures.append(f"{rid}: no sample-data/broken/{rid}.expected")
            continue
        with open(expected_path, encoding="utf-8") as f:
            expected_lines = [l for l in f.read().splitlines() if l.strip()]
        if not any(f"[{rid}]" in l for l in expected_lines):
            failures.append(f"{rid}: sample-data/broken/{rid}.expected names no finding [{rid}]")
        mark = re.compile(r"\[" + re.escape(rid) + r"\]|\"rule\": \"" + re.escape(rid) + "\"")
        uses = [c for c in cases if f"sample-data/broken/{rid}." in c[1]]
        showing = [c for c in uses if mark.search(c[2])]
        if not showing:
            failures.append(f"{rid}: no golden case runs sample-data/broken/{rid}.* and shows [{rid}]"
                            + (f" (cases running it: {', '.join(c[0] for c in uses)})" if uses else ""))
            continue
        if not any(all(l in c[2] for l in expected_lines) for c in showing):
            failures.append(f"{rid}: no golden case shows every line of sample-data/broken/{rid}.expected "
                            f"(cases: {', '.join(c[0] for c in showing)})")

    # The other way round: a rule shown by a golden case is a row of the table.
    seen = set()
    for case, _, shown in cases:
        for m in re.finditer(r"\b(?:error|warning|info)\[([a-z][a-z-]*)\]|\"rule\": \"([a-z][a-z-]*)\"", shown):
            rid = m.group(1) or m.group(2)
            if rid not in ids and rid not in seen:
                seen.add(rid)
                failures.append(f"{rid}: shown by golden case {case} but not a row of lib/gongkai/check/rules.cpp")

    if exempt:
        print(f"{len(exempt)} rules without a broken sample, and why:")
        print("\n".join(exempt))
    if failures:
        print(f"{len(failures)} problems:")
        print("\n".join("  " + f for f in failures))
        return 1
    print(f"{len(rules) - len(exempt)} rules, each with a broken sample and a golden case")
    return 0


if __name__ == "__main__":
    sys.exit(main())
