#!/usr/bin/env python3
"""Golden end-to-end tests for the gongkai CLI.

Each case is a folder tests/golden/<case>/ with:
  cmd              one shell command line; `gongkai` is the binary under test, `$OUT` a fresh
                   empty folder for outputs; it runs from the repository root with LANG=C.UTF-8
  expected.stdout  exact standard output              (optional: absent means "not compared")
  expected.stderr  exact standard error               (optional)
  expected.exit    exit code                          (required)
  expected-files/  files that must exist under $OUT with exactly this content (optional);
                   .xlsx files are compared part by part (unzipped XML)
  stdin            fed to standard input               (optional)

Run with --update to rewrite expected.* from the current behaviour (review the diff!).

Every JSON output of a case (standard output and error, every .json and .sarif file under $OUT)
is validated against its schema in report-templates/schemas/ (tests/golden/json_schemas.py
says which); a JSON output that breaks its schema, or has none, fails the case. A manifest.json
is compared with $OUT in place of the output folder and its library versions left out (they
follow the installed packages).
"""
import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import json

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import json_schemas  # noqa: E402

def xlsx_parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in sorted(z.namelist())}

def normal_manifest(text, out_dir):
    """A manifest as compared: the output folder as $OUT, the library versions left out."""
    try:
        m = json.loads(text.replace(out_dir, "$OUT"))
    except ValueError:
        return text
    if isinstance(m, dict) and isinstance(m.get("gongkai"), dict):
        m["gongkai"]["libraries"] = sorted(m["gongkai"].get("libraries", {}))
    return m

def same_file(expected, actual, out_dir=""):
    if os.path.basename(expected) == "manifest.json":
        with open(expected, encoding="utf-8") as a, open(actual, encoding="utf-8") as b:
            return normal_manifest(a.read(), out_dir) == normal_manifest(b.read(), out_dir)
    if expected.endswith(".xlsx"):
        try:
            return xlsx_parts(expected) == xlsx_parts(actual)
        except zipfile.BadZipFile:
            return False
    with open(expected, "rb") as a, open(actual, "rb") as b:
        return a.read() == b.read()

def diff(name, want, got):
    lines = difflib.unified_diff(want.splitlines(True), got.splitlines(True), f"expected {name}", f"actual {name}")
    return "".join(lines)

SCHEMAS = None

def json_failures(cmd, stdout, stderr, out_dir):
    """Every JSON output of the case checked against its schema."""
    failures = []
    for stream, text in (("stdout", stdout), ("stderr", stderr)):
        failures += json_schemas.check_output(SCHEMAS, cmd, stream, text,
                                              json_schemas.schema_for_stream(cmd, stream))
    for dirpath, dirs, names in os.walk(out_dir):
        dirs[:] = [d for d in dirs if d != ".bin"]
        for n in sorted(names):
            if not n.endswith((".json", ".sarif")):
                continue
            path = os.path.join(dirpath, n)
            rel = os.path.relpath(path, out_dir)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            failures += json_schemas.check_output(SCHEMAS, cmd, "$OUT/" + rel, text,
                                                  json_schemas.schema_for_file(cmd, rel))
    return failures

def run_case(case_dir, gongkai, root, update):
    with open(os.path.join(case_dir, "cmd"), encoding="utf-8") as f:
        cmd = f.read().strip()
    out_dir = tempfile.mkdtemp(prefix="gongkai-golden-")
    env = dict(os.environ)
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "OUT": out_dir, "SOURCE_DATE_EPOCH": "1700000000"})
    env.pop("LC_MESSAGES", None)
    bindir = os.path.join(out_dir, ".bin")
    os.makedirs(bindir)
    os.symlink(gongkai, os.path.join(bindir, "gongkai"))
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    stdin_path = os.path.join(case_dir, "stdin")
    stdin = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    proc = subprocess.run(["bash", "-c", cmd], cwd=root, env=env, input=stdin, capture_output=True, timeout=120)
    stdout = proc.stdout.decode("utf-8", "replace").replace(out_dir, "$OUT")
    stderr = proc.stderr.decode("utf-8", "replace").replace(out_dir, "$OUT")
    failures = json_failures(cmd, stdout, stderr, out_dir)
    checks = [("expected.stdout", stdout), ("expected.stderr", stderr), ("expected.exit", f"{proc.returncode}\n")]
    for name, got in checks:
        path = os.path.join(case_dir, name)
        if update and (os.path.exists(path) or name != "expected.stderr" or got):
            with open(path, "w", encoding="utf-8") as f:
                f.write(got)
            continue
        if not os.path.exists(path):
            if name == "expected.exit":
                failures.append("missing expected.exit")
            continue
        with open(path, encoding="utf-8") as f:
            want = f.read()
        if want != got:
            failures.append(diff(name, want, got))
    files_dir = os.path.join(case_dir, "expected-files")
    if os.path.isdir(files_dir):
        for dirpath, _, names in os.walk(files_dir):
            for n in names:
                want = os.path.join(dirpath, n)
                rel = os.path.relpath(want, files_dir)
                got = os.path.join(out_dir, rel)
                if update and os.path.exists(got):
                    if n == "manifest.json":
                        with open(got, encoding="utf-8") as a, open(want, "w", encoding="utf-8") as b:
                            b.write(a.read().replace(out_dir, "$OUT"))
                    else:
                        shutil.copyfile(got, want)
                    continue
                if not os.path.exists(got):
                    failures.append(f"missing output file $OUT/{rel}")
                elif not same_file(want, got, out_dir):
                    if not want.endswith(".xlsx"):
                        failures.append(diff(rel, open(want, encoding="utf-8", errors="replace").read(),
                                             open(got, encoding="utf-8", errors="replace").read()))
                    else:
                        failures.append(f"$OUT/{rel} differs from {rel} (unzipped XML parts)")
    shutil.rmtree(out_dir, ignore_errors=True)
    return failures

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gongkai", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()
    global SCHEMAS
    SCHEMAS = json_schemas.Schemas(args.root)
    here = os.path.dirname(os.path.abspath(__file__))
    names = args.cases or sorted(d for d in os.listdir(here) if os.path.isfile(os.path.join(here, d, "cmd")))
    passed = failed = 0
    for name in names:
        failures = run_case(os.path.join(here, name), os.path.abspath(args.gongkai), args.root, args.update)
        if failures:
            failed += 1
            print(f"FAIL {name}")
            for f in failures:
                print("  " + f.replace("\n", "\n  "))
        else:
            passed += 1
    print(f"golden: {passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0

if __name__ == "__main__":
    sys.exit(main())
