#!/usr/bin/env python3
"""Hostile corpus: outputs that must never harm the machine, inputs that must end (issue 11).

    tests/hostile/run_hostile.py GONGKAI ROOT [CASE...]

Each case runs gongkai on a scratch copy of the sample data and asserts the exit code, the
message (exact, or its fixed part and the path), that no output was written or the previous
one is intact, that no temporary file or staging folder is left, and that nothing outside the
output folder changed (a snapshot of the whole scratch tree, inputs included). Cases that need
root (a tmpfs mount for a full or read-only file system, /dev/null as root) print a SKIP line
when not root; CI runs as root, so there they run. Exit 0 when every case passed.
"""
import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

GONGKAI = ROOT = None
IS_ROOT = os.geteuid() == 0
ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1700000000")
ENV.pop("LC_MESSAGES", None)


class Fail(Exception):
    pass


class Skip(Exception):
    pass


def run(args, timeout=120, **kw):
    return subprocess.run([GONGKAI, "--lang", "en"] + args, capture_output=True, text=True, env=ENV,
                          timeout=timeout, **kw)


def expect(cond, what):
    if not cond:
        raise Fail(what)


def expect_exit(p, code):
    expect(p.returncode == code, f"exit {p.returncode}, expected {code}\nstdout: {p.stdout[-800:]}\n"
                                 f"stderr: {p.stderr[-1500:]}")


def expect_in(needle, text, what="stderr"):
    expect(needle in text, f"{what} lacks {needle!r}:\n{text[-1500:]}")


def snapshot(top, exclude=()):
    """{relative path: (kind, content or link target, mode)} for everything under `top`."""
    snap = {}
    for dirpath, dirs, files in os.walk(top):
        rel_dir = os.path.relpath(dirpath, top)
        if any(rel_dir == e or rel_dir.startswith(e + os.sep) for e in exclude):
            dirs[:] = []
            continue
        for name in dirs + files:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, top)
            if any(rel == e or rel.startswith(e + os.sep) for e in exclude):
                continue
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                snap[rel] = ("link", os.readlink(p), 0)
            elif stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    snap[rel] = ("file", f.read(), stat.S_IMODE(st.st_mode))
            elif stat.S_ISDIR(st.st_mode):
                snap[rel] = ("dir", None, stat.S_IMODE(st.st_mode))
            else:
                snap[rel] = ("other", st.st_mode, 0)
    return snap


def expect_same(before, after, what):
    if before != after:
        changed = sorted(set(before) ^ set(after)) + sorted(k for k in before if k in after and before[k] != after[k])
        raise Fail(f"{what} changed: {changed[:10]}")


def leftovers(top):
    """Temporary files and staging folders gongkai leaves behind (there must be none)."""
    found = []
    for dirpath, dirs, files in os.walk(top):
        for n in dirs + files:
            if n.startswith(".gongkai-"):
                found.append(os.path.join(dirpath, n))
    return found


def expect_no_leftovers(*tops):
    for top in tops:
        left = leftovers(top)
        expect(not left, f"temporary files left: {left[:5]}")
    tmp = os.listdir(ENV["TMPDIR"]) if os.path.isdir(ENV["TMPDIR"]) else []
    expect(not tmp, f"scratch files left in TMPDIR: {tmp[:5]}")


class Scratch:
    """A scratch tree: in/ (copies of the samples) and out/ (the output folder)."""

    def __init__(self):
        self.top = tempfile.mkdtemp(prefix="gongkai-hostile-")
        self.inp = os.path.join(self.top, "in")
        os.makedirs(self.inp)
        shutil.copytree(os.path.join(ROOT, "sample-data", "county-2023"), os.path.join(self.inp, "county"))
        shutil.copytree(os.path.join(ROOT, "sample-data", "department-2023"), os.path.join(self.inp, "dept"))
        shutil.copytree(os.path.join(ROOT, "sample-data", "register"), os.path.join(self.inp, "register"))
        self.roster = os.path.join(self.inp, "county", "roster.yaml")
        self.report = os.path.join(self.inp, "dept", "report.yaml")
        self.out = os.path.join(self.top, "out")
        os.makedirs(self.out)
        self.mounts = []
        # gongkai's own scratch files (if any) go here, checked empty by expect_no_leftovers.
        self.tmp = tempfile.mkdtemp(prefix="gongkai-hostile-tmp-")
        ENV["TMPDIR"] = self.tmp

    def path(self, *parts):
        return os.path.join(self.top, *parts)

    def mount_tmpfs(self, rel, size="64k"):
        where = self.path(rel)
        os.makedirs(where, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", where], check=True)
        self.mounts.append(where)
        return where

    def close(self):
        for m in reversed(self.mounts):
            subprocess.run(["umount", "-l", m], check=False)
        shutil.rmtree(self.top, ignore_errors=True)
        shutil.rmtree(self.tmp, ignore_errors=True)


def merged_yaml(s):
    p = run(["merge", s.roster, "--quiet"])
    expect_exit(p, 0)
    return p.stdout


# ---------------------------------------------------------------------------------------------
# The cases. Each takes a fresh Scratch.

def case_dev_null(s):
    """-o /dev/null (as root: replacing the device would break the machine) stays a device."""
    if not IS_ROOT:
        raise Skip("needs root: as another user /dev/null cannot be replaced anyway")
    before = os.stat("/dev/null")
    snap = snapshot(s.top)
    for args in (["merge", s.roster, "-q", "-o", "/dev/null"],
                 ["tally", os.path.join(s.inp, "register", "requests-2023.csv"), "--year", "2023", "--agency", "某局",
                  "-q", "-o", "/dev/null"]):
        p = run(args)
        expect_exit(p, 0)
        after = os.stat("/dev/null")
        expect(stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino,
               "/dev/null is no longer the character device it was")
    expect_same(snap, snapshot(s.top), "the scratch tree")
    expect(not [n for n in os.listdir("/dev") if n.startswith(".gongkai-")], "temporary file left in /dev")


def case_fifo_with_reader(s):
    """-o a FIFO with a reader: written as a stream; the FIFO stays a FIFO."""
    fifo = s.path("out", "pipe.yaml")
    os.mkfifo(fifo)
    got = {}

    def reader():
        with open(fifo, "rb") as f:
            got["data"] = f.read()

    t = threading.Thread(target=reader)
    t.start()
    p = run(["merge", s.roster, "-q", "-o", fifo], timeout=60)
    t.join(30)
    expect_exit(p, 0)
    expect(got.get("data", b"").decode() == merged_yaml(s), "the reader did not get the merged YAML")
    expect(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced")
    expect_no_leftovers(s.top)


def case_fifo_interrupted(s):
    """-o a FIFO nobody reads blocks like any writer; SIGTERM ends it at once: exit 143."""
    fifo = s.path("out", "pipe.yaml")
    os.mkfifo(fifo)
    snap = snapshot(s.top)
    proc = subprocess.Popen([GONGKAI, "--lang", "en", "merge", s.roster, "-q", "-o", fifo], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Signal it once it waits for a reader (the kernel's wait_for_partner), not after a fixed
    # time: a loaded machine or a sanitizer build may not have reached the handler's set-up yet.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with open(f"/proc/{proc.pid}/wchan", encoding="ascii") as f:
                if f.read().strip() == "wait_for_partner":
                    break
        except OSError:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    expect(proc.returncode == 143, f"exit {proc.returncode}, expected 143: {err[-500:]}")
    expect_in("gongkai: SIGTERM received: stopped; temporary files removed, only complete files left", err)
    expect_same(snap, snapshot(s.top), "the scratch tree")


def case_symlink_written_through(s):
    """-o a symlink: the target is replaced atomically, the link kept (its target outside out/)."""
    target = s.path("elsewhere", "county.yaml")
    os.makedirs(os.path.dirname(target))
    with open(target, "w") as f:
        f.write("old\n")
    os.chmod(target, 0o600)
    link = s.path("out", "county.yaml")
    os.symlink("../elsewhere/county.yaml", link)
    snap = snapshot(s.top, exclude=("out", "elsewhere"))
    p = run(["merge", s.roster, "-q", "-o", link])
    expect_exit(p, 0)
    expect(os.path.islink(link) and os.readlink(link) == "../elsewhere/county.yaml", "the link was not kept")
    expect(open(target).read() == merged_yaml(s), "the link's target was not written")
    expect(stat.S_IMODE(os.stat(target).st_mode) == 0o600, "the target's permissions were not kept")
    expect_same(snap, snapshot(s.top, exclude=("out", "elsewhere")), "the scratch tree outside the output")
    expect_no_leftovers(s.top)


def case_symlink_to_nothing(s):
    """-o a dangling symlink: refused, nothing created where it points."""
    link = s.path("out", "county.yaml")
    os.symlink("../nowhere/county.yaml", link)
    snap = snapshot(s.top)
    p = run(["merge", s.roster, "-q", "-o", link])
    expect_exit(p, 2)
    expect(p.stderr == f"{link}: error[output]: is a symbolic link to nothing; refusing to write through it\n",
           f"stderr: {p.stderr!r}")
    expect_same(snap, snapshot(s.top), "the scratch tree")


def case_symlink_to_input(s):
    """-o a symlink to one of the inputs: refused, the input intact."""
    link = s.path("out", "county.yaml")
    unit = os.path.join(s.inp, "county", "departments", sorted(os.listdir(os.path.join(s.inp, "county",
                                                                                         "departments")))[0])
    os.symlink(unit, link)
    snap = snapshot(s.top)
    p = run(["merge", s.roster, "-q", "-o", link])
    expect_exit(p, 2)
    expect(p.stderr == f"{link}: error[output]: the output is one of the inputs; refusing to overwrite an input\n",
           f"stderr: {p.stderr!r}")
    expect_same(snap, snapshot(s.top), "the scratch tree")


def case_build_through_symlinked_output(s):
    """build into a folder whose report.md is a symlink: written through, the link kept."""
    p = run(["build", s.report, "-q", "-o", s.out, "--format", "md"])
    expect_exit(p, 0)
    agency = os.listdir(s.out)[0]
    md = os.path.join(s.out, agency, "report.md")
    content = open(md).read()
    target = s.path("kept", "report.md")
    os.makedirs(os.path.dirname(target))
    with open(target, "w") as f:
        f.write("old\n")
    os.remove(md)
    os.symlink(target, md)
    p = run(["build", s.report, "-q", "-o", s.out, "--format", "md"])
    expect_exit(p, 0)
    expect(os.path.islink(md) and os.readlink(md) == target, "the link was not kept")
    expect(open(target).read() == content, "the link's target was not written")
    expect_no_leftovers(s.top)


def case_read_only_dir(s):
    """-o inside a read-only folder (as root: a read-only mount): exit 2, previous output intact."""
    if IS_ROOT:
        ro = s.mount_tmpfs("ro")
        with open(os.path.join(ro, "county.yaml"), "w") as f:
            f.write("previous\n")
        subprocess.run(["mount", "-o", "remount,ro", ro], check=True)
        reason = os.strerror(errno.EROFS)
    else:
        ro = s.path("ro")
        os.makedirs(ro)
        with open(os.path.join(ro, "county.yaml"), "w") as f:
            f.write("previous\n")
        os.chmod(ro, 0o555)
        reason = os.strerror(errno.EACCES)
    snap = snapshot(s.top)
    target = os.path.join(ro, "county.yaml")
    p = run(["merge", s.roster, "-q", "-o", target])
    expect_exit(p, 2)
    expect(p.stderr == f"{target}: error[output]: cannot write: {reason}\n", f"stderr: {p.stderr!r}")
    p = run(["build", s.report, "-q", "-o", os.path.join(ro, "out")])
    expect_exit(p, 2)
    expect(p.stderr == f"{os.path.join(ro, 'out')}: error[output]: cannot create the folder: {reason}\n",
           f"stderr: {p.stderr!r}")
    p = run(["init", os.path.join(ro, "new"), "--agency", "某局", "--year", "2024", "-q"])
    expect_exit(p, 2)
    expect_in(f"{os.path.join(ro, 'new')}: error[output]: cannot create the folder: {reason}\n", p.stderr)
    expect_in("gongkai init: nothing was written\n", p.stderr)
    expect_same(snap, snapshot(s.top), "the scratch tree")
    if not IS_ROOT:
        os.chmod(ro, 0o755)


def case_output_folder_is_a_file(s):
    """build -o FILE, tally -o FILE/x.yaml, init FILE: exit 2 naming the path, the file intact."""
    afile = s.path("out", "afile")
    with open(afile, "w") as f:
        f.write("not a folder\n")
    snap = snapshot(s.top)
    p = run(["build", s.report, "-q", "-o", afile])
    expect_exit(p, 2)
    expect(p.stderr == f"{afile}: error[output]: the output folder is a file, not a folder\n", f"stderr: {p.stderr!r}")
    target = os.path.join(afile, "sub", "t.yaml")
    p = run(["tally", os.path.join(s.inp, "register", "requests-2023.csv"), "--year", "2023", "--agency", "某局", "-q",
             "-o", target])
    expect_exit(p, 2)
    expect(p.stderr == f"{os.path.join(afile, 'sub')}: error[output]: {afile} in the path is a file, not a folder\n",
           f"stderr: {p.stderr!r}")
    p = run(["init", afile, "--agency", "某局", "--year", "2024", "-q"])
    expect_exit(p, 2)
    expect_in(f"{afile}: error[output]: the output folder is a file, not a folder\n", p.stderr)
    p = run(["check", s.report, "-q", "--overview", os.path.join(afile, "o.csv")])
    expect_exit(p, 2)
    expect_in(f"{afile}: error[output]: the output folder is a file, not a folder\n", p.stderr)
    expect_same(snap, snapshot(s.top), "the scratch tree")


def fill(fs_dir):
    """Fills a file system to its last byte."""
    with open(os.path.join(fs_dir, "filler"), "wb") as f:
        try:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        except OSError as e:
            expect(e.errno == errno.ENOSPC, f"filling gave {e}")


def case_full_disk(s):
    """A full file system: exit 2 naming the path, the previous outputs intact, no temporary file."""
    if not IS_ROOT:
        raise Skip("needs root to mount a tiny tmpfs")
    full = s.mount_tmpfs("full", "256k")
    p = run(["build", s.report, "-q", "-o", os.path.join(full, "out"), "--format", "md,json"])
    expect_exit(p, 0)
    with open(os.path.join(full, "county.yaml"), "w") as f:
        f.write("previous\n")
    try:
        fill(full)
    except OSError:
        pass
    snap = snapshot(s.top)
    target = os.path.join(full, "county.yaml")
    p = run(["merge", s.roster, "-q", "-o", target])
    expect_exit(p, 2)
    reason = os.strerror(errno.ENOSPC)
    expect(p.stderr == f"{target}: error[output]: cannot write: {reason}\n", f"stderr: {p.stderr!r}")
    p = run(["build", s.report, "-q", "-o", os.path.join(full, "out"), "--format", "md,json"])
    expect_exit(p, 2)
    expect_in(f"error[output]: cannot write: {reason}\n", p.stderr)
    p = run(["check", s.report, "-q", "--overview", os.path.join(full, "overview.html")])
    expect_exit(p, 2)
    expect_in(f"{os.path.join(full, 'overview.html')}: error[output]: cannot write: {reason}\n", p.stderr)
    expect_same(snap, snapshot(s.top), "the scratch tree (previous outputs included)")
    expect_no_leftovers(s.top)


def case_full_disk_init(s):
    """init on a full file system writes nothing: the files it had written are removed again."""
    if not IS_ROOT:
        raise Skip("needs root to mount a tiny tmpfs")
    full = s.mount_tmpfs("full", "64k")
    with open(os.path.join(full, "filler"), "wb") as f:
        f.write(b"\0" * (64 * 1024 - 8192))
    snap = snapshot(s.top)
    p = run(["init", os.path.join(full, "new"), "--agency", "某局", "--year", "2024", "-q"])
    expect_exit(p, 2)
    expect_in(f"error[output]: cannot write: {os.strerror(errno.ENOSPC)}\n", p.stderr)
    expect_in("gongkai init: nothing was written\n", p.stderr)
    expect_same(snap, snapshot(s.top), "the scratch tree")


def build_agency(s, agency):
    snap = snapshot(s.top, exclude=("out",))
    p = run(["build", s.report, "-q", "-o", s.out, "--format", "md", "--agency", agency])
    expect_exit(p, 0)
    expect_same(snap, snapshot(s.top, exclude=("out",)), "the scratch tree outside the output folder")
    names = os.listdir(s.out)
    expect(len(names) == 1, f"expected one folder in out/, got {names}")
    expect(sorted(os.listdir(os.path.join(s.out, names[0]))) == ["manifest.json", "report.md"],
           "expected out/<agency>/report.md and its manifest.json")
    return names[0]


def case_agency_dot_dot(s):
    """--agency ../../etc stays inside the output folder."""
    name = build_agency(s, "../../etc")
    expect(name == "_._.._etc", f"folder {name!r}")


def case_agency_separators_and_controls(s):
    name = build_agency(s, "a/b\\c\x01d\x7fe\u202ef:g")
    expect(name == "a_b_c_d_e_f_g", f"folder {name!r}")


def case_agency_reserved_and_long(s):
    name = build_agency(s, "con.报告")
    expect(name == "_con.报告", f"folder {name!r}")
    shutil.rmtree(s.out)
    os.makedirs(s.out)
    name = build_agency(s, "很" * 300)
    expect(len(name.encode()) <= 200 and name.startswith("很" * 60) and "~" in name, f"folder {name!r}")


def case_input_dev_zero(s):
    """check /dev/zero ends with the size limit, its value and the option that raises it."""
    t = time.monotonic()
    p = run(["check", "/dev/zero"], timeout=60)
    expect_exit(p, 2)
    expect_in("/dev/zero: error[input]: larger than the input size limit of 256 MiB; not read to its end "
              "(raise it with --max-input-size)", p.stdout + p.stderr)
    sys.stderr.write(f"  check /dev/zero: {time.monotonic() - t:.2f} s\n")
    p = subprocess.run(f"{GONGKAI} --lang en check --max-input-size 1M - < /dev/zero", shell=True,
                       capture_output=True, text=True, env=ENV, timeout=60)
    expect_exit(p, 2)
    expect_in("-: error[input]: larger than the input size limit of 1 MiB; not read to its end "
              "(raise it with --max-input-size)", p.stdout + p.stderr)


def case_input_regular_too_large(s):
    """A 2 MiB tally under a 1 MiB limit is refused at once; under 4M it is read."""
    with open(s.report, "a", encoding="utf-8") as f:
        f.write(("# " + "x" * 1021 + "\n") * 2048)
    p = run(["--max-input-size", "1M", "check", s.report])
    expect_exit(p, 2)
    expect_in(f"{s.report}: error[input]: larger than the input size limit of 1 MiB; not read to its end "
              "(raise it with --max-input-size)", p.stdout + p.stderr)
    p = run(["check", "--max-input-size", "4M", s.report, "-q"])
    expect_exit(p, 0)
    p = run(["check", "--max-input-size", "lots", s.report])
    expect_exit(p, 2)
    expect_in("--max-input-size: 'lots' is not a size such as 512M or 2G (docs/limits.md)", p.stderr)


def gen_units(s, n):
    prov = s.path("prov")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_province.py"), prov, "--units", str(n),
                    "--seed", "3"], check=True, capture_output=True)
    return os.path.join(prov, "roster.yaml")


def interrupt_build(s, sig, code):
    roster = gen_units(s, 400)
    out = s.out
    # Last run's findings: the interrupted build writes its own beside them as it goes (a
    # temporary file), and must leave them as they were.
    findings = os.path.join(s.top, "findings.json")
    with open(findings, "w", encoding="utf-8") as f:
        f.write('{"previous": true}\n')
    # A previous, complete build of one unit: it must survive the interrupted one.
    snap = snapshot(s.top, exclude=("out",))
    proc = subprocess.Popen([GONGKAI, "--lang", "en", "-q", "build", "--roster", roster, "-o", out, "-j", "2",
                             "--findings", findings],
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(n.startswith(".gongkai-staging-") for n in os.listdir(out)):
        time.sleep(0.01)
    time.sleep(0.3)
    streaming = [n for n in os.listdir(s.top) if n.startswith(".gongkai-") and n.endswith(".tmp")]
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    expect(proc.returncode == code, f"exit {proc.returncode}, expected {code}: {err[-500:]}")
    expect(len(streaming) == 1, f"the findings were not being written when interrupted: {streaming}")
    expect_no_leftovers(s.top)
    # Only complete files: every report.json that exists parses, every report.md ends as written.
    for dirpath, _, names in os.walk(out):
        for n in names:
            p = os.path.join(dirpath, n)
            if n.endswith(".json"):
                with open(p, encoding="utf-8") as f:
                    json.load(f)
            expect(os.path.getsize(p) > 0, f"empty file {p}")
    expect_same(snap, snapshot(s.top, exclude=("out",)), "the scratch tree outside the output folder")


def case_interrupt_build_sigint(s):
    interrupt_build(s, signal.SIGINT, 130)


def case_interrupt_build_sigterm(s):
    interrupt_build(s, signal.SIGTERM, 143)


CASES = [(name[5:], fn) for name, fn in sorted(globals().items()) if name.startswith("case_")]


def main():
    global GONGKAI, ROOT
    GONGKAI, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    wanted = sys.argv[3:]
    passed = failed = skipped = 0
    for name, fn in CASES:
        if wanted and name not in wanted:
            continue
        s = Scratch()
        try:
            fn(s)
            passed += 1
            print(f"ok   {name}")
        except Skip as e:
            skipped += 1
            print(f"SKIP {name}: {e}")
        except Fail as e:
            failed += 1
            print(f"FAIL {name}\n  " + str(e).replace("\n", "\n  "))
        except Exception as e:  # noqa: BLE001 — a crash of the harness is a failure too
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}")
        finally:
            s.close()
    print(f"hostile: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
