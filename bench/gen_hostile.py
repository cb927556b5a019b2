#!/usr/bin/env python3
"""Writes the hostile inputs of bench/hostile_bench.sh into a folder, from files of the repository.

    bench/gen_hostile.py GOOD_REGISTER.csv OUT_DIR [--chars 3000000]

GOOD_REGISTER.csv is a request register of bench/gen_register.py. Written (deterministic: the
same arguments give the same bytes):

  bad-register.csv   the register with every row's received date and outcome unreadable
                     (2024-13-<n % 40>, 乱写结果<n % 3>): two findings per row, 43 distinct
  label.csv          sample-data/broken/label.csv with one row label of --chars characters (CJK)
  key-row.yaml       sample-data/broken/unknown-key.yaml with a row key of --chars characters
  key-top.yaml       the same with a top-level key of --chars characters
"""
import argparse
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def bad_register(good, out):
    # As awk -F, would: the register of gen_register.py has no quoted fields; line ends kept.
    with open(good, encoding="utf-8", newline="") as src, open(out, "w", encoding="utf-8", newline="") as dst:
        header = src.readline()
        names = header.rstrip("\r\n").split(",")
        received, outcome = names.index("收到日期"), names.index("办理结果")
        dst.write(header)
        for n, line in enumerate(src, start=2):  # n: the line, as awk's NR
            fields = line.split(",")
            fields[received] = f"2024-13-{n % 40}"
            fields[outcome] = f"乱写结果{n % 3}"
            dst.write(",".join(fields))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("good")
    ap.add_argument("out")
    ap.add_argument("--chars", type=int, default=3_000_000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    bad_register(a.good, os.path.join(a.out, "bad-register.csv"))
    long_label = "公" * a.chars

    with open(os.path.join(ROOT, "sample-data/broken/label.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    fields = lines[2].split(",")
    fields[1] = long_label
    lines[2] = ",".join(fields)
    with open(os.path.join(a.out, "label.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")

    with open(os.path.join(ROOT, "sample-data/broken/unknown-key.yaml"), encoding="utf-8") as f:
        tally = f.read()
    # Explicit keys (`? key`): a plain YAML key is limited to 1024 characters by the parser.
    row_key = "  carried_foward: {natural_person: 1}"
    assert tally.count(row_key) == 1
    with open(os.path.join(a.out, "key-row.yaml"), "w", encoding="utf-8", newline="") as f:
        f.write(tally.replace(row_key, f"  ? {long_label}\n  : {{natural_person: 1}}"))
    top = "review_litigation:"
    assert tally.count(top) == 1
    with open(os.path.join(a.out, "key-top.yaml"), "w", encoding="utf-8", newline="") as f:
        f.write(tally.replace(top, f"? {long_label}\n: 1\n{top}"))


if __name__ == "__main__":
    main()
