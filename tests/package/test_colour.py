#!/usr/bin/env python3
"""Colour conventions (issue 14): a finding's severity is coloured only when standard error is a
terminal (a pseudo-terminal here), TERM is not dumb and NO_COLOR is unset or empty; a pipe, a
file, NO_COLOR=1 or TERM=dumb get plain text, byte for byte the same as the golden cases show.
Usage: test_colour.py GONGKAI SOURCE_DIR"""
import os
import pty
import subprocess
import sys

gongkai, src = sys.argv[1], sys.argv[2]
ARGS = [gongkai, "--lang", "en", "check", "sample-data/broken/balance.yaml"]
RED_ERROR = b"\x1b[1;31merror\x1b[0m[balance]: "
failures = []


def run(env_changes, tty):
    env = dict(os.environ)
    env.update({"TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    env.pop("NO_COLOR", None)
    for k, v in env_changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    if not tty:
        r = subprocess.run(ARGS, cwd=src, env=env, capture_output=True)
        return r.returncode, r.stderr
    master, slave = pty.openpty()
    p = subprocess.Popen(ARGS, cwd=src, env=env, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return p.wait(), out.replace(b"\r\n", b"\n")


plain_rc, plain = run({}, tty=False)
if plain_rc != 1 or b"\x1b" in plain or b"error[balance]: " not in plain:
    failures.append(f"piped: exit {plain_rc}, {plain!r}")
for name, changes, coloured in [
    ("a terminal", {}, True),
    ("a terminal, NO_COLOR empty", {"NO_COLOR": ""}, True),
    ("a terminal, NO_COLOR=1", {"NO_COLOR": "1"}, False),
    ("a terminal, TERM=dumb", {"TERM": "dumb"}, False),
]:
    rc, err = run(changes, tty=True)
    if rc != plain_rc:
        failures.append(f"{name}: exit {rc}, piped {plain_rc}")
    if coloured:
        if RED_ERROR not in err:
            failures.append(f"{name}: no red 'error': {err!r}")
        # Only the severity word is coloured: without the escapes, the same text as piped.
        if err.replace(b"\x1b[1;31m", b"").replace(b"\x1b[0m", b"") != plain:
            failures.append(f"{name}: the text differs from the piped one: {err!r}")
    elif err != plain:
        failures.append(f"{name}: not the plain text: {err!r}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("PASS: coloured on a terminal only; NO_COLOR=1 and TERM=dumb plain; pipes plain")
