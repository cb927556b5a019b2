#!/usr/bin/env python3
"""gongkai(1) against --help (issue 14): every subcommand has its section, every option and
positional of every --help is in the page and the page names no option --help does not;
the exit codes and environment are documented; mandoc -T lint and groff -ww find nothing.
Usage: check_man_page.py GONGKAI MAN_PAGE"""
import re
import shutil
import subprocess
import sys

import cli_help

gongkai, page_path = sys.argv[1], sys.argv[2]
page = open(page_path, encoding="utf-8").read()
failures = []


def fail(msg):
    failures.append(msg)


def sections(text):
    """{'GLOBAL OPTIONS': body, 'build': body, …}: .SH and .SS bodies."""
    out, name = {}, None
    for line in text.splitlines():
        m = re.match(r'^\.S[HS] "?([^"]*)"?$', line)
        if m:
            name = m.group(1)
            out[name] = ""
        elif name is not None:
            out[name] += line + "\n"
    return out


def page_options(body):
    """Option names and positionals in the .TP heads of one section."""
    names, positionals = set(), set()
    lines = body.splitlines()
    for i, line in enumerate(lines):
        if line != ".TP" or i + 1 >= len(lines):
            continue
        head = lines[i + 1].replace("\\-", "-")
        for n in re.findall(r"\\fB(-[-A-Za-z0-9]+)\\fR", head):
            names.add(n)
        p = re.match(r"^\\fI([a-z][a-z_-]*)\\fR", head)
        if p:
            positionals.add(p.group(1))
    return names, positionals


secs = sections(page)
for s in ["NAME", "SYNOPSIS", "DESCRIPTION", "GLOBAL OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES",
          "EXAMPLES"]:
    if s not in secs:
        fail(f"no section {s}")

commands = cli_help.subcommands(gongkai)
if len(commands) < 8:
    fail(f"gongkai help lists only {commands}")
for where, words in [("GLOBAL OPTIONS", [])] + [(c, [c]) for c in commands]:
    want_opts, want_pos = cli_help.options(cli_help.help_text(gongkai, *words))
    if not words:
        # The global --help lists the subcommands as well; positionals are the subcommands'.
        want_pos = set()
    if where not in secs:
        fail(f"no section for '{where}'")
        continue
    have_opts, have_pos = page_options(secs[where])
    for o in sorted(want_opts - have_opts):
        fail(f"{where}: --help has {o}, the page does not")
    for o in sorted(have_opts - want_opts):
        fail(f"{where}: the page has {o}, --help does not")
    for p in sorted(want_pos ^ have_pos):
        fail(f"{where}: positional '{p}' in {'--help' if p in want_pos else 'the page'} only")
    if words and f"\\fBgongkai {words[0]}\\fR" not in secs[where]:
        fail(f"{where}: no usage line")

for code in ["0", "1", "2"]:
    if not re.search(rf"^\.B {code}$", secs.get("EXIT STATUS", ""), re.M):
        fail(f"EXIT STATUS: no exit code {code}")
for var in ["NO_COLOR", "SOURCE_DATE_EPOCH", "LANG", "LC_ALL", "LANGUAGE", "GONGKAI_TEMPLATE_DIR",
            "GONGKAI_KEPT_REPORTS"]:
    if var not in secs.get("ENVIRONMENT", ""):
        fail(f"ENVIRONMENT: no {var}")
if "/usr/share/gongkai/report\\-templates/" not in secs.get("FILES", ""):
    fail("FILES: no /usr/share/gongkai/report-templates/")

for tool, cmd in [("mandoc", ["mandoc", "-T", "lint", "-W", "warning", page_path]),
                  ("groff", ["groff", "-k", "-ww", "-man", "-Tutf8", "-z", page_path])]:
    if not shutil.which(tool):
        fail(f"{tool} is not installed (scripts/install-deps.sh installs it)")
        continue
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0 or r.stdout.strip() or r.stderr.strip():
        fail(f"{' '.join(cmd[:3])}:\n{r.stdout}{r.stderr}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"PASS: {len(commands)} subcommands, every option of every --help in the page and back; "
      "mandoc -T lint and groff -ww silent")
