"""The JSON Schemas of report-templates/schemas/ and which output each one describes.

Used by run_golden.py (every JSON output of every golden case is validated against its schema)
and by tests/schemas/test_json_schemas.py. Needs python3-jsonschema (Debian: 4.10 and later).

Which schema an output has is decided by the command that wrote it:
  stdout/stderr of `gongkai SUB ... --format F`: SCHEMA_BY_STREAM[(SUB, F, stream)]
  a file written under $OUT: by its name (SCHEMA_BY_FILE), or by the option it was given to
  (--overview FILE.json: overview; --findings FILE.json: findings; diff -o FILE.json: diff);
  `--overview -` puts the overview on standard output
A JSON output with no schema is a failure: a new JSON output needs its schema and a row here.
"""
import glob
import json
import os
import re
import shlex

import jsonschema

SCHEMA_BY_STREAM = {
    ("check", "json", "stderr"): "findings",
    ("merge", "json", "stderr"): "findings",
    ("init", "json", "stderr"): "findings",
    ("tally", "json", "stderr"): "findings",
    ("check", "sarif", "stderr"): "sarif",
    ("diff", "json", "stdout"): "diff",
    ("diff", "sarif", "stdout"): "sarif",
    ("build", "json", "stdout"): "report",
    ("forms", "json", "stdout"): "forms",
    ("rules", "json", "stdout"): "rules",
}
SCHEMA_BY_FILE = {"manifest.json": "manifest", "report.json": "report"}
SCHEMA_FILES = {
    "findings": "findings.schema.json",
    "overview": "overview.schema.json",
    "report": "report.schema.json",
    "diff": "diff.schema.json",
    "manifest": "manifest.schema.json",
    "forms": "forms.schema.json",
    "rules": "rules.schema.json",
    "sarif": "sarif-schema-2.1.0.json",
}
SUBCOMMANDS = {"check", "build", "diff", "merge", "init", "tally", "forms", "rules", "verify"}


class Schemas:
    def __init__(self, root):
        folder = os.path.join(root, "report-templates", "schemas")
        self.by_file = {}
        for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
            with open(path, encoding="utf-8") as f:
                self.by_file[os.path.basename(path)] = json.load(f)
        self._validators = {}

    def validator(self, name):
        if name not in self._validators:
            schema = self.by_file[SCHEMA_FILES[name]]
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            self._validators[name] = cls(schema, **self._refs(schema))
        return self._validators[name]

    def _refs(self, schema):
        # References between the schemas ("findings.schema.json#/$defs/finding") resolve within
        # this folder, never over the network.
        try:
            from referencing import Registry, Resource  # jsonschema >= 4.18
            registry = Registry().with_resources(
                (s["$id"], Resource.from_contents(s)) for s in self.by_file.values() if "$id" in s)
            return {"registry": registry}
        except ImportError:
            store = {s["$id"]: s for s in self.by_file.values() if "$id" in s}
            return {"resolver": jsonschema.RefResolver.from_schema(schema, store=store)}

    def errors(self, name, instance):
        """Every way `instance` breaks the schema `name`, as one line each (empty: valid)."""
        out = []
        for e in sorted(self.validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            out.append(f"{where}: {e.message[:300]}")
        return out


def invocations(cmd):
    """(subcommand, format, options) of every `gongkai` call in a shell command line."""
    calls = []
    for segment in re.split(r"&&|\|\||;|\|", cmd):
        try:
            words = shlex.split(segment)
        except ValueError:
            words = segment.split()
        if not words or os.path.basename(words[0]) != "gongkai":
            continue
        sub = next((w for w in words[1:] if w in SUBCOMMANDS), None)
        fmt = None
        options = {}
        for i, w in enumerate(words):
            if w.startswith("--format="):
                fmt = w.split("=", 1)[1]
            elif w == "--format" and i + 1 < len(words):
                fmt = words[i + 1]
            if w in ("--overview", "--findings", "-o", "--output") and i + 1 < len(words):
                options[w] = words[i + 1]
        calls.append((sub, fmt, options))
    return calls


def output_option(options):
    return options.get("-o", options.get("--output"))


def schema_for_stream(cmd, stream):
    for sub, fmt, options in invocations(cmd):
        if stream == "stdout" and options.get("--overview") == "-":
            return "overview"  # check/merge --overview -: the overview on standard output
        if stream == "stdout" and sub in ("build", "diff") and output_option(options) not in (None, "-"):
            continue  # written to a file (build -o DIR, diff -o FILE), not to standard output
        name = SCHEMA_BY_STREAM.get((sub, fmt, stream))
        if name:
            return name
    return None


def schema_for_file(cmd, rel):
    base = os.path.basename(rel)
    if base in SCHEMA_BY_FILE:
        return SCHEMA_BY_FILE[base]
    if rel.endswith(".sarif"):
        return "sarif"
    for sub, fmt, options in invocations(cmd):
        if sub == "diff" and (output_option(options) or "").replace("$OUT/", "") == rel:
            # Without --format, -o FILE's extension chose the format (render/diff_formats.cpp).
            fmt = fmt or {".json": "json", ".sarif": "sarif"}.get(os.path.splitext(rel)[1])
            return SCHEMA_BY_STREAM.get(("diff", fmt, "stdout"))
        for option, name in (("--overview", "overview"), ("--findings", "findings")):
            value = options.get(option, "")
            if value and value.replace("$OUT/", "") == rel:
                return name
    return None


def looks_like_json(text):
    return text.lstrip().startswith(("{", "["))


def check_output(schemas, cmd, label, text, schema):
    """Failures (strings) for one output of a golden case: JSON with no schema, JSON that does not
    parse where a schema is expected, or JSON that breaks its schema."""
    if not looks_like_json(text):
        return [f"{label}: expected JSON ({schema} schema), got other text"] if schema and text.strip() else []
    try:
        value = json.loads(text)
    except ValueError as e:
        return [f"{label}: not valid JSON: {e}"] if schema else []
    if schema is None:
        return [f"{label}: a JSON output with no schema (tests/golden/json_schemas.py: add its row)"]
    return [f"{label} breaks the {schema} schema: {m}" for m in schemas.errors(schema, value)]
