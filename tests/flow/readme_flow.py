#!/usr/bin/env python3
"""The README's flow, end to end, as a clerk runs it: registers -> init -> (the clerk writes table
二 and the prose) -> check -> build. No YAML is copied by hand: the folder made by `init` is the
one that is checked and built.

    tests/flow/readme_flow.py GONGKAI ROOT

The clerk's part is simulated by replacing each 【待填写】 left by init with a figure or a
sentence, and by stating the publication date and the fees, as README.md tells them to.
"""
import os
import re
import subprocess
import sys
import tempfile

gongkai, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def run(*args, cwd):
    p = subprocess.run([gongkai, *args], cwd=cwd, capture_output=True, text=True,
                       env={**os.environ, "LANG": "C.UTF-8"})
    return p.returncode, p.stdout, p.stderr


def expect(what, cond):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


with tempfile.TemporaryDirectory() as work:
    reg = os.path.join(root, "sample-data", "register")
    code, _, err = run("init", "2023", "--agency", "云溪市自然资源和规划局", "--year", "2023",
                       "--register", os.path.join(reg, "requests-2023.csv"),
                       "--cases", os.path.join(reg, "cases-2023.csv"), cwd=work)
    expect("init from the registers exits 0", code == 0)
    folder = os.path.join(work, "2023")
    report = os.path.join(folder, "report.yaml")
    text = open(report, encoding="utf-8").read()
    # Tables 三 and 四 come from the registers (150 requests, 105 received in 2023 …).
    expect("init counted the registers into report.yaml", re.search(r"natural_person: 68\b", text) is not None)

    code, _, err = run("check", "2023/report.yaml", cwd=work)
    expect("an untouched folder does not pass check (exit 1)", code == 1)
    # Each of table 二's ten figures by its cell; the prose stubs one finding per file, with
    # every further place listed.
    expect("every figure left to write is named",
           len(re.findall(r"report\.yaml:\d+:\d+: error\[stub\]", err)) == 10)
    expect("every prose file with a stub is named",
           all(f"2023/{n}" in err for n in ("overview.md", "problems.md", "other_matters.md")))

    # The clerk writes table 二 and the prose, the date and the fees.
    figures = iter(["3", "0", "41", "5", "2", "120", "956", "188", "12", "0"])
    text = re.sub(r"(?<=: )【待填写】", lambda m: next(figures), text)
    text = text.replace('form: "2021"\n', 'form: "2021"\npublished: 2024-01-20\nfees: none\n', 1)
    open(report, "w", encoding="utf-8").write(text)
    for name in ("overview.md", "problems.md", "other_matters.md"):
        path = os.path.join(folder, name)
        prose = open(path, encoding="utf-8").read().replace("【待填写】", "本局按照要求做好此项工作。")
        open(path, "w", encoding="utf-8").write(prose)

    code, _, err = run("check", "2023/report.yaml", cwd=work)
    expect("the written folder passes check (exit 0)", code == 0)
    expect("no error is left", "error[" not in err)
    code, _, err = run("build", "2023/report.yaml", "-o", "out", cwd=work)
    expect("build exits 0", code == 0)
    out = os.path.join(work, "out", "云溪市自然资源和规划局")
    for fmt in ("md", "html", "xlsx", "json"):
        expect(f"report.{fmt} written", os.path.isfile(os.path.join(out, f"report.{fmt}")))
    md = open(os.path.join(out, "report.md"), encoding="utf-8").read()
    expect("the published Markdown holds no stub", "【待填写】" not in md)
    expect("the published Markdown holds the registers' total of requests received (105)",
           "全年新收政府信息公开申请105件" in md)

if failures:
    sys.exit(f"readme_flow: {len(failures)} failed")
print("readme_flow: all passed")
