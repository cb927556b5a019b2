#!/usr/bin/env python3
"""The bash completion (issue 14), as bash runs it: the generated script sourced, COMP_WORDS and
COMP_CWORD set, the completion function called, COMPREPLY read. Subcommands, every option of
every --help, option values (formats, languages, form IDs asked of gongkai), files and folders.
The zsh completion is parsed by zsh (-n) when zsh is installed.
Usage: test_completion.py GONGKAI COMPLETIONS_DIR SOURCE_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile

import cli_help

gongkai, comp_dir, src = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
bash_script = os.path.join(comp_dir, "gongkai")
failures = []

DRIVER = r'''source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
fn=$(complete -p gongkai | sed 's/.*-F \([^ ]*\) .*/\1/')
"$fn" gongkai "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"'''


def complete(*words, cwd=src):
    """What TAB offers after `gongkai WORDS…` (the last word is the one being completed)."""
    # COMP_WORDS[0] is the program the completion asks for form IDs: the built one.
    r = subprocess.run(["bash", "-c", DRIVER, "bash", bash_script, gongkai, *words], capture_output=True, text=True,
                       cwd=cwd)
    if r.returncode != 0 or r.stderr:
        failures.append(f"completing {words}: exit {r.returncode}, {r.stderr}")
    return [w for w in r.stdout.split("\n") if w]


def expect(words, want, exact=True):
    got = complete(*words)
    ok = sorted(got) == sorted(want) if exact else set(want) <= set(got)
    if not ok:
        failures.append(f"gongkai {' '.join(words)}<TAB>: {got}, want {'' if exact else 'at least '}{want}")


commands = cli_help.subcommands(gongkai)
expect(["bu"], ["build"])
expect(["ch"], ["check"])
expect([""], commands + ["help"])
expect(["help", "di"], ["diff"])
expect(["build", "--for"], ["--form", "--format"])
expect(["build", "--format", ""], ["md", "html", "xlsx", "json"])
expect(["build", "--format", "md,h"], ["md,html"])
expect(["build", "--format=j"], ["json"])
expect(["check", "--format", ""], ["text", "json"], exact=False)
expect(["--lang", ""], ["zh", "en"])
expect(["--lang", "zh", "bu"], ["build"])
expect(["build", "--level", "d"], ["department"])
expect(["build", "--encoding", "g"], ["gb18030", "gbk", "gb2312"])
form_ids = sorted(f[len("form-"):-len(".yaml")] for f in os.listdir(os.path.join(src, "report-templates", "forms"))
                  if f.startswith("form-") and f.endswith(".yaml"))
expect(["build", "--form", ""], form_ids)
expect(["forms", ""], form_ids)
expect(["init", "x", "--form", "20"], form_ids)
expect(["check", "sample-data/gov"], ["sample-data/government-2020"])
expect(["check", "sample-data/department-2023/report.y"], ["sample-data/department-2023/report.yaml"])
expect(["build", "-o", "sample-data/c"], ["sample-data/county-2022", "sample-data/county-2023"])
expect(["--template-dir", "report-temp"], ["report-templates"])
# Every option of every --help is offered after `gongkai <command> -`, and nothing else.
for c in commands:
    want, _ = cli_help.options(cli_help.help_text(gongkai, c))
    expect([c, "-"], sorted(want))
want, _ = cli_help.options(cli_help.help_text(gongkai))
expect(["-"], sorted(want))
# --form-ids follows --template-dir: a folder with one form offers that one.
with tempfile.TemporaryDirectory() as tmp:
    shutil.copytree(os.path.join(src, "report-templates"), os.path.join(tmp, "t"))
    os.remove(os.path.join(tmp, "t", "forms", "form-2019.yaml"))
    expect(["--template-dir", os.path.join(tmp, "t"), "build", "--form", ""], ["2021"])

zsh = shutil.which("zsh")
if zsh:
    r = subprocess.run([zsh, "-n", os.path.join(comp_dir, "_gongkai")], capture_output=True, text=True)
    if r.returncode != 0:
        failures.append("zsh -n _gongkai: " + r.stderr)

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"PASS: {len(commands)} subcommands, their options and values complete in bash"
      + ("; _gongkai parses in zsh" if zsh else "; zsh not installed, _gongkai not parsed"))
