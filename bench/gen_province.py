#!/usr/bin/env python3
"""Generates a synthetic province of consistent units for gongkai's tests and benchmarks.

    bench/gen_province.py OUT_DIR --units 1000 [--seed 1] [--year 2023] [--broken 1]

Writes OUT_DIR/roster.yaml (the province) → cities/<c>/roster.yaml → counties/<k>/roster.yaml
→ units/<n>.yaml, each unit a form-2021 YAML tally (docs/yaml-tally.md) whose figures are
consistent: per applicant column, received + carried over = handled + carried forward. Derived
totals are left out, so gongkai computes them. --broken N makes the first N units break the
`balance` rule (their 结转下年度 for 自然人 is one too many). Deterministic for a seed.

--previous DIR also writes the year before into DIR, the same units by name (a roster diff's
last year: `gongkai diff --roster DIR/roster.yaml OUT_DIR/roster.yaml`): each unit's 结转下年度
is this year's 上年结转 and its 现行有效件数 chains, so carry-over holds everywhere; its other
figures are drawn afresh (from another random stream: this year's files are the same with or
without --previous), so swings are flagged here and there.
"""
import argparse
import os
import random

COLUMNS = ["natural_person", "business", "research", "nonprofit", "legal_services", "other_org"]
OUTCOMES = ["granted", "partly_granted",
            "refused.state_secret", "refused.prohibited_by_law", "refused.security_stability",
            "refused.third_party", "refused.internal_affairs", "refused.process_info",
            "refused.enforcement_file", "refused.query_matter",
            "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
            "not_handled.petition", "not_handled.repeated", "not_handled.publication",
            "not_handled.excessive", "not_handled.confirmation",
            "other.no_correction", "other.fee_unpaid", "other.other"]
# Outcomes are not equally likely: most requests are granted or the information is not held.
WEIGHTS = [40, 8, 1, 1, 1, 2, 1, 2, 1, 1, 25, 3, 2, 2, 2, 1, 1, 1, 2, 1, 2]


def unit_yaml(rng, name, year, broken, facts=None, carry=None):
    """`facts`, when given, receives what last year's unit must agree with; `carry`, when given,
    is that (this year's facts): 结转下年度 per column and the 现行有效件数 to chain to."""
    lines = [f"agency: {name}", "level: department", f"year: {year}", 'form: "2021"',
             f"published: {year + 1}-01-20", "proactive:"]
    in_force = rng.randint(0, 60)
    issued = rng.randint(0, 8)
    regulations = rng.randint(0, 3)
    repealed = rng.randint(0, 3)
    if carry is not None:  # last year: this year's in force − issued + repealed
        regulations = carry["regulations"]
        in_force = carry["in_force"]
    if facts is not None:
        # Below 0 it cannot chain: that unit's 现行有效件数 breaks (flagged, as a real one would be).
        facts.update(regulations=regulations, in_force=max(0, in_force - issued + repealed))
    lines.append(f"  regulations: {{issued: 0, repealed: 0, in_force: {regulations}}}")
    lines.append(f"  normative_docs: {{issued: {issued}, repealed: {repealed}, in_force: {in_force}}}")
    lines.append(f"  licensing: {{decisions: {rng.randint(0, 5000)}}}")
    lines.append(f"  penalty: {{decisions: {rng.randint(0, 800)}}}")
    lines.append(f"  coercion: {{decisions: {rng.randint(0, 50)}}}")
    lines.append(f"  fees: {{amount: {rng.randint(0, 5000000) / 100:.2f}}}")
    rows = {r: {} for r in ["received", "carried_over"] + OUTCOMES + ["carried_forward"]}
    for i, col in enumerate(COLUMNS):
        scale = 60 if i == 0 else 6
        received = rng.randint(0, scale)
        carried_over = rng.randint(0, max(1, scale // 10))
        forward = rng.randint(0, min(received + carried_over, max(1, scale // 10)))
        if carry is not None:  # last year's carried forward is this year's carried over
            forward = carry["carried_over"][col]
            received = max(received, forward - carried_over)
        if facts is not None:
            facts.setdefault("carried_over", {})[col] = carried_over
        handled = received + carried_over - forward
        counts = [0] * len(OUTCOMES)
        for _ in range(handled):
            counts[rng.choices(range(len(OUTCOMES)), WEIGHTS)[0]] += 1
        rows["received"][col] = received
        rows["carried_over"][col] = carried_over
        rows["carried_forward"][col] = forward + (1 if broken and i == 0 else 0)
        for o, n in zip(OUTCOMES, counts):
            rows[o][col] = n
    lines.append("applications:")
    for row, cells in rows.items():
        if any(cells.values()) or row in ("received", "carried_over", "carried_forward"):
            inner = ", ".join(f"{c}: {v}" for c, v in cells.items())
            lines.append(f"  {row}: {{{inner}}}")
    lines.append("review_litigation:")
    for row in ["review", "litigation_direct", "litigation_after_review"]:
        vals = [rng.randint(0, 3), rng.randint(0, 1), rng.randint(0, 1), rng.randint(0, 1)]
        lines.append(f"  {row}: {{upheld: {vals[0]}, corrected: {vals[1]}, other: {vals[2]}, pending: {vals[3]}}}")
    lines += ["prose:",
              f'  overview: "{year}年，本单位新收政府信息公开申请{{{{applications.received.total}}}}件，'
              f'上年结转{{{{applications.carried_over.total}}}}件。"',
              '  problems: "依申请公开答复的规范性有待提高。下一步将加强业务培训。"',
              '  other_matters: "本年度未收取信息处理费。本单位已落实上级年度政务公开工作要点的各项任务。"']
    return "\n".join(lines) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--units", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--year", type=int, default=2023)
    ap.add_argument("--broken", type=int, default=0)
    ap.add_argument("--per-county", type=int, default=50)
    ap.add_argument("--counties-per-city", type=int, default=10)
    ap.add_argument("--previous", help="also write the year before, the same units, into this folder")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    prev_rng = random.Random(args.seed + 7919)
    folders = [(args.out, args.year)] + ([(args.previous, args.year - 1)] if args.previous else [])
    counties = max(1, (args.units + args.per_county - 1) // args.per_county)
    cities = max(1, (counties + args.counties_per_city - 1) // args.counties_per_city)
    n = 0
    city_entries = []
    for c in range(cities):
        county_entries = []
        for k in range(args.counties_per_city):
            if n >= args.units:
                break
            kdir = f"cities/c{c:03d}/counties/k{k:03d}"
            for u in range(args.per_county):
                if n >= args.units:
                    break
                name = f"第{c + 1}市第{k + 1}县第{u + 1}单位"
                facts = {}
                write(os.path.join(args.out, kdir, "units", f"u{u:04d}.yaml"),
                      unit_yaml(rng, name, args.year, n < args.broken, facts if args.previous else None))
                if args.previous:
                    write(os.path.join(args.previous, kdir, "units", f"u{u:04d}.yaml"),
                          unit_yaml(prev_rng, name, args.year - 1, False, None, facts))
                n += 1
            for out, year in folders:
                write(os.path.join(out, kdir, "roster.yaml"),
                      f"agency: 第{c + 1}市第{k + 1}县人民政府\nlevel: government\nyear: {year}\nunits:\n  - units/*.yaml\n")
            county_entries.append(f"counties/k{k:03d}/roster.yaml")
        for out, year in folders:
            write(os.path.join(out, f"cities/c{c:03d}", "roster.yaml"),
                  f"agency: 第{c + 1}市人民政府\nlevel: government\nyear: {year}\nunits:\n"
                  + "".join(f"  - {e}\n" for e in county_entries))
        city_entries.append(f"cities/c{c:03d}/roster.yaml")
    for out, year in folders:
        write(os.path.join(out, "roster.yaml"),
              f"agency: 某省人民政府\nlevel: government\nyear: {year}\npublished: {year + 1}-03-25\nunits:\n"
              + "".join(f"  - {e}\n" for e in city_entries))
    print(f"{n} units in {counties} counties and {cities} cities under {args.out}/roster.yaml")


if __name__ == "__main__":
    main()
