"""The command line as `--help` prints it: each subcommand and its options, read from the help
text alone (not from the code that writes the man page and the completions), so the tests that
compare against it catch a page or a completion that drifted."""
import re
import subprocess

OPTION = re.compile(r"^  (-[-A-Za-z0-9,]+)")
POSITIONAL = re.compile(r"^  ([a-z][a-z_-]*)\b")


def help_text(gongkai, *words):
    return subprocess.run([gongkai, "--lang", "en", *words, "--help"], capture_output=True, text=True,
                          check=True).stdout


def subcommands(gongkai):
    out = subprocess.run([gongkai, "--lang", "en", "help"], capture_output=True, text=True, check=True).stdout
    names, inside = [], False
    for line in out.splitlines():
        if line.startswith("subcommands:"):
            inside = True
        elif inside and line.startswith("  "):
            names.append(line.split()[0])
        elif inside and not line.strip():
            inside = False if names else inside
    return names


def options(text):
    """(option names, positional names) of one --help."""
    names, positionals, section = set(), set(), ""
    for line in text.splitlines():
        if line and not line.startswith(" "):
            section = line.rstrip(":")
            continue
        m = OPTION.match(line)
        if m:
            names.update(n for n in m.group(1).split(",") if n)
        elif section == "Positionals":
            p = POSITIONAL.match(line)
            if p:
                positionals.add(p.group(1))
    return names, positionals
