#!/usr/bin/env python3
"""The JSON Schemas of report-templates/schemas/ (ctest `json_schemas`, in make test):

1. each schema is a valid schema of its draft (2020-12 for gongkai's, draft-07 for SARIF 2.1.0);
2. outputs recorded by golden cases validate, and the same outputs broken on purpose (a key
   removed, a wrong type, an unknown key, a value out of its set) are rejected — so neither a
   wrong schema nor a wrong output can pass unseen; the golden runner's check fails on them too;
3. a CI-style run: `gongkai check --format sarif` over every unit of sample-data (each report,
   the county roster, the official-layout workbook, every broken sample) in zh and en, and
   `gongkai diff --format sarif`, validates against the official SARIF 2.1.0 schema.

usage: test_json_schemas.py GONGKAI ROOT
"""
import copy
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "golden"))
import json_schemas  # noqa: E402

failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)


def load(root, case, stream):
    with open(os.path.join(root, "tests", "golden", case, "expected." + stream), encoding="utf-8") as f:
        return json.loads(f.read())


def rejected(schemas, name, doc, mutate, what):
    broken = copy.deepcopy(doc)
    mutate(broken)
    expect(schemas.errors(name, broken), f"{name}: a broken document was accepted ({what})")


def run(gongkai, root, args):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1700000000")
    return subprocess.run([gongkai] + args, cwd=root, env=env, capture_output=True, timeout=120)


def main():
    gongkai, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    schemas = json_schemas.Schemas(root)

    # 1. Every schema file is known, valid for its draft, and has its $id.
    for name, file in json_schemas.SCHEMA_FILES.items():
        expect(file in schemas.by_file, f"missing report-templates/schemas/{file}")
        schemas.validator(name)  # check_schema raises on an invalid schema
        if name != "sarif":
            s = schemas.by_file[file]
            expect(s.get("$schema") == "https://json-schema.org/draft/2020-12/schema", f"{file}: not draft 2020-12")
            expect(s.get("$id", "").endswith("/" + file), f"{file}: $id does not name the file")
    listed = set(json_schemas.SCHEMA_FILES.values())
    for file in schemas.by_file:
        expect(file in listed, f"report-templates/schemas/{file} is not used by json_schemas.py")

    # 2. Recorded outputs validate; broken on purpose, they do not.
    findings = load(root, "check-json", "stderr")
    expect(not schemas.errors("findings", findings), f"check-json: {schemas.errors('findings', findings)[:3]}")
    rejected(schemas, "findings", findings, lambda d: d["findings"][0].pop("rule"), "a finding without its rule")
    rejected(schemas, "findings", findings, lambda d: d["findings"][0].update(severity="fatal"), "severity fatal")
    rejected(schemas, "findings", findings, lambda d: d["findings"][0].update(line="12"), "line as text")
    rejected(schemas, "findings", findings, lambda d: d["findings"][0].update(colour="red"), "an unknown key")
    rejected(schemas, "findings", findings, lambda d: d["summary"].pop("errors"), "summary without errors")
    rejected(schemas, "findings", findings, lambda d: d["units"][0].update(status="fine"), "unit status fine")

    report = load(root, "build-form-2019-json-stdout-zh", "stdout")
    expect(not schemas.errors("report", report), f"report: {schemas.errors('report', report)[:3]}")
    first = next(iter(report["cells"]))
    rejected(schemas, "report", report, lambda d: d["cells"][first].update(state="zero"), "cell state zero")
    rejected(schemas, "report", report, lambda d: d["cells"][first].update(value=1.5), "a count as 1.5")
    rejected(schemas, "report", report, lambda d: d["cells"].update({"not-an-id": d["cells"][first]}), "a bad ID")
    rejected(schemas, "report", report, lambda d: d.pop("stamped_with_errors"), "no stamped_with_errors")
    rejected(schemas, "report", report, lambda d: d["sections"][0].update(kind="poem"), "section kind poem")

    for case in ("diff-yoy-json", "diff-series-json"):
        diff = load(root, case, "stdout")
        expect(not schemas.errors("diff", diff), f"{case}: {schemas.errors('diff', diff)[:3]}")
        rejected(schemas, "diff", diff, lambda d: d.update(extra=1), "an unknown key")
        rejected(schemas, "diff", diff, lambda d: d["summary"].update(cross_year_failed="no"), "a flag as text")
    diff = load(root, "diff-yoy-json", "stdout")
    rejected(schemas, "diff", diff, lambda d: d["cells"][0].update(kind="moved"), "cell kind moved")
    rejected(schemas, "diff", diff, lambda d: d["cells"][0]["old"].update(state="zero"), "old state zero")

    for case, name in (("rules-json", "rules"), ("forms-2019-json", "forms")):
        doc = load(root, case, "stdout")
        expect(not schemas.errors(name, doc), f"{case}: {schemas.errors(name, doc)[:3]}")
    rejected(schemas, "rules", load(root, "rules-json", "stdout"), lambda d: d[0].update(scope="galaxy"), "scope")
    rejected(schemas, "forms", load(root, "forms-2019-json", "stdout"), lambda d: d.pop("cells"), "no cells")

    manifest_files = glob.glob(os.path.join(root, "tests", "golden", "*", "expected-files", "*", "manifest.json"))
    expect(manifest_files, "no golden case records a manifest.json")
    for path in manifest_files[:1]:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
        expect(not schemas.errors("manifest", manifest), f"{path}: {schemas.errors('manifest', manifest)[:3]}")
        rejected(schemas, "manifest", manifest, lambda d: d["outputs"][0].update(sha256="abc"), "a short hash")
        rejected(schemas, "manifest", manifest, lambda d: d["inputs"][0].update(base="output"), "input base output")
        rejected(schemas, "manifest", manifest, lambda d: d.update(manifest="other/2"), "another format")
        rejected(schemas, "manifest", manifest, lambda d: d.pop("command"), "no command line")

    # The golden runner's check: JSON with no schema, and JSON that breaks its schema, fail.
    cmd = "gongkai check --format json x.yaml"
    expect(not json_schemas.check_output(schemas, cmd, "stderr", json.dumps(findings),
                                         json_schemas.schema_for_stream(cmd, "stderr")), "runner: valid findings failed")
    broken = copy.deepcopy(findings)
    broken["findings"][0]["severity"] = "fatal"
    expect(json_schemas.check_output(schemas, cmd, "stderr", json.dumps(broken),
                                     json_schemas.schema_for_stream(cmd, "stderr")), "runner: broken findings passed")
    expect(json_schemas.check_output(schemas, "gongkai forms 2019", "stdout", '{"a": 1}',
                                     json_schemas.schema_for_stream("gongkai forms 2019", "stdout")),
           "runner: JSON with no schema passed")
    expect(json_schemas.schema_for_file("gongkai check a.yaml --overview $OUT/o.json", "o.json") == "overview",
           "runner: --overview FILE.json is not an overview")
    expect(json_schemas.schema_for_file("gongkai build a.yaml -o $OUT", "x/manifest.json") == "manifest",
           "runner: manifest.json is not a manifest")

    # 3. CI-style SARIF over sample-data, and diff's.
    units = ["sample-data/department-2023/report.yaml", "sample-data/government-2020/report.yaml",
             "sample-data/department-2023-gb18030.csv"]
    units += sorted(glob.glob(os.path.join(root, "sample-data", "official-layout", "*.xlsx")))
    for path in sorted(glob.glob(os.path.join(root, "sample-data", "broken", "*"))):
        base = os.path.basename(path)
        if base.endswith(".expected") or base.count(".") != 1:
            continue  # findings lists, and the further files of a sample
        units.append(path)
    runs = [(["--lang", lang, "check", "--format", "sarif", u], "stderr") for u in units for lang in ("en", "zh")]
    runs.append((["--lang", "en", "check", "--format", "sarif", "--roster", "sample-data/county-2023/roster.yaml"],
                 "stderr"))
    runs.append((["--lang", "zh", "diff", "--format", "sarif", "tests/golden/build-inputs/2022.yaml",
                  "tests/golden/build-inputs/2023.yaml"], "stdout"))
    results = 0
    for args, stream in runs:
        p = run(gongkai, root, args)
        text = (p.stderr if stream == "stderr" else p.stdout).decode("utf-8", "replace")
        what = "gongkai " + " ".join(os.path.relpath(a, root) if os.path.isabs(a) else a for a in args)
        try:
            log = json.loads(text)
        except ValueError as e:
            failures.append(f"{what}: not JSON ({e}): {text[:200]}")
            continue
        errs = schemas.errors("sarif", log)
        expect(not errs, f"{what}: breaks SARIF 2.1.0: {errs[:3]}")
        expect(p.returncode in (0, 1, 2), f"{what}: exit {p.returncode}")
        rules = log["runs"][0]["tool"]["driver"]["rules"]
        for r in log["runs"][0]["results"]:
            results += 1
            expect(rules[r["ruleIndex"]]["id"] == r["ruleId"], f"{what}: ruleIndex of {r['ruleId']} names another rule")
    expect(results > 50, f"the SARIF runs found only {results} results")

    for f in failures:
        print("FAIL " + f)
    print(f"json_schemas: {len(runs)} SARIF runs ({results} results) validated; {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
