#!/usr/bin/env bash
# make deb-test (issue 14): the .debs of `make package` on a fresh Debian 12.
#  1. a minimal bookworm (debootstrap --variant=minbase, from the mirror apt uses here), cached in
#     CACHE/bookworm-minbase; every run copies it to CACHE/chroot, so each run starts fresh;
#  2. `apt-get install ./gongkai_*.deb` in it: the Depends alone bring what the program needs;
#  3. `man gongkai` shows the page (man-db installed), without a groff warning;
#  4. bash completion (bash-completion installed) completes `gongkai bu` and `gongkai build --for`;
#  5. `gongkai build` and `gongkai check` of sample-data, copied outside any source tree, with no
#     --template-dir: the installed forms are found; `gongkai import` of a PDF: the PDF module
#     (LIBDIR/gongkai/gongkai-pdf.so) is found and its Depends (poppler) are installed;
#  6. `apt-get install ./gongkai-dev_*.deb g++ cmake make`: examples/ builds with
#     find_package(gongkai) and its programs run on the installed templates.
# Needs root (debootstrap, chroot, mount): prints SKIP otherwise. Downloaded packages are kept in
# CACHE/apt-archives and the package lists in the cached base, so a re-run downloads nothing.
# Usage: test_deb.sh SOURCE_DIR CACHE_DIR (the .debs are in CACHE_DIR)
set -euo pipefail
src=$(realpath "$1")
cache=$(realpath "$2")
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: deb-test needs root (debootstrap, chroot, mount /proc)"
  exit 0
fi
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "[${SECONDS}s] $*"; }

deb=$(find "$cache" -maxdepth 1 -name 'gongkai_*.deb' | sort | tail -n 1)
dev=$(find "$cache" -maxdepth 1 -name 'gongkai-dev_*.deb' | sort | tail -n 1)
[ -n "$deb" ] && [ -n "$dev" ] || fail "no gongkai_*.deb and gongkai-dev_*.deb in $cache (make package)"

# The mirror apt uses here (deb822 or one-line sources), else Debian's.
mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n 1 || true)
[ -n "$mirror" ] || mirror=$(sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\(http[^ ]*\) bookworm .*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n 1 || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

base=$cache/bookworm-minbase
root=$cache/chroot
archives=$cache/apt-archives
mkdir -p "$archives"

mounted=()
cleanup() {
  local m
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    m=${mounted[i]}
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  # Never delete through a mount that is still there.
  if [ -d "$root" ] && ! grep -q " $root/" /proc/mounts; then rm -rf "$root"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mount_in() {  # mount_in ARGS... TARGET
  mount "$@"
  mounted+=("${!#}")
}

if [ ! -d "$base" ]; then
  step "debootstrap --variant=minbase bookworm from $mirror (first run: a few minutes)"
  rm -rf "$base.tmp"
  debootstrap --variant=minbase bookworm "$base.tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -n 20 "$cache/debootstrap.log"; fail "debootstrap"; }
  mv "$base.tmp" "$base"
fi
# The package lists: fetched into the cached base once a day.
if [ -z "$(find "$base/var/lib/apt/lists" -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
  step "apt-get update in the cached base"
  cp /etc/resolv.conf "$base/etc/resolv.conf"
  chroot "$base" apt-get update -qq || fail "apt-get update"
fi

step "a fresh copy of the base in $root"
rm -rf "$root"
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_in -t proc proc "$root/proc"
mount_in --bind "$archives" "$root/var/cache/apt/archives"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
mkdir -p "$root/tmp/debs"
cp "$deb" "$dev" "$root/tmp/debs/"

step "apt-get install ./$(basename "$deb") on the fresh system"
in_root apt-get install -y -qq --no-install-recommends "./tmp/debs/$(basename "$deb")" >"$cache/apt-gongkai.log" 2>&1 \
  || { tail -n 30 "$cache/apt-gongkai.log"; fail "apt-get install gongkai"; }
in_root gongkai --version | grep -q "^gongkai " || fail "gongkai --version"
for f in /usr/bin/gongkai /usr/share/gongkai/report-templates/forms /usr/share/man/man1/gongkai.1 \
  /usr/share/bash-completion/completions/gongkai /usr/share/zsh/vendor-completions/_gongkai; do
  [ -e "$root$f" ] || fail "the package did not install $f"
done
step "installed: $(in_root dpkg-query -W -f='${Package} ${Version}, Depends: ${Depends}' gongkai)"

step "apt-get install man-db bash-completion"
in_root apt-get install -y -qq --no-install-recommends man-db bash-completion >"$cache/apt-tools.log" 2>&1 \
  || { tail -n 30 "$cache/apt-tools.log"; fail "apt-get install man-db bash-completion"; }

# man gongkai: the page, every section, and groff without a warning.
in_root env MANWIDTH=100 MAN_DISABLE_SECCOMP=1 man -P cat gongkai >"$cache/man.txt" 2>"$cache/man.err" || { cat "$cache/man.err"; fail "man gongkai"; }
for s in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
  grep -q "^$s" "$cache/man.txt" || fail "man gongkai has no $s section"
done
grep -q -- "--template-dir" "$cache/man.txt" || fail "man gongkai does not name --template-dir"
in_root env MAN_DISABLE_SECCOMP=1 MANROFFOPT=-ww man --warnings=w -P cat gongkai 2>&1 >/dev/null | tee "$cache/man-warnings.txt"
[ ! -s "$cache/man-warnings.txt" ] || fail "man gongkai: groff warnings"
step "man gongkai: $(wc -l <"$cache/man.txt") lines, no warning"

# Bash completion as bash-completion loads it (on demand, from share/bash-completion/completions).
complete_words() {  # complete_words WORD... : what TAB offers after the last word
  in_root bash -c 'source /usr/share/bash-completion/bash_completion
    _completion_loader gongkai
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    $(complete -p gongkai | sed "s/.*-F \([^ ]*\) .*/\1/") gongkai "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$@"
}
[ "$(complete_words gongkai bu)" = build ] || fail "gongkai bu<TAB>: $(complete_words gongkai bu)"
[ "$(complete_words gongkai build --for | sort | tr '\n' ' ')" = "--form --format " ] \
  || fail "gongkai build --for<TAB>: $(complete_words gongkai build --for)"
[ "$(complete_words gongkai build --form '' | sort | tr '\n' ' ')" = "2019 2021 " ] \
  || fail "gongkai build --form <TAB>: $(complete_words gongkai build --form '')"
step "bash completion: bu -> build; build --for -> --form --format; --form -> the installed form IDs"

# gongkai build and check from the installed files, outside any source tree.
mkdir -p "$root/root/work"
cp -r "$src/sample-data/department-2023" "$root/root/work/"
in_root sh -c 'cd /root/work && gongkai check department-2023/report.yaml' >"$cache/check.txt" 2>&1 \
  || { cat "$cache/check.txt"; fail "gongkai check of the sample department"; }
in_root sh -c 'cd /root/work && SOURCE_DATE_EPOCH=1700000000 gongkai build department-2023/report.yaml -o out' \
  >"$cache/build.txt" 2>&1 || { cat "$cache/build.txt"; fail "gongkai build of the sample department"; }
for ext in md html xlsx json; do
  n=$(find "$root/root/work/out" -name "report.$ext" | wc -l)
  [ "$n" = 1 ] || fail "gongkai build wrote $n report.$ext"
done
step "gongkai check and build in /root/work: $(find "$root/root/work/out" -type f | wc -l) files"
# A PDF through the PDF module (LIBDIR/gongkai/gongkai-pdf.so): the Depends bring poppler.
cp "$src/tests/data/import/pdf/department-2023-chromium.pdf" "$root/root/work/"
in_root sh -c 'cd /root/work && gongkai import department-2023-chromium.pdf -o imported.yaml' >"$cache/import.txt" 2>&1 \
  || { cat "$cache/import.txt"; fail "gongkai import of a PDF"; }
grep -q '^agency: "云溪市市场监督管理局"' "$root/root/work/imported.yaml" || fail "gongkai import of a PDF: no agency"
step "gongkai import of a PDF: $(grep -cE ': +[0-9]+ +#' "$root/root/work/imported.yaml" || true) figures"

step "apt-get install ./$(basename "$dev") g++ cmake make"
in_root apt-get install -y -qq --no-install-recommends "./tmp/debs/$(basename "$dev")" g++ cmake make \
  >"$cache/apt-dev.log" 2>&1 || { tail -n 30 "$cache/apt-dev.log"; fail "apt-get install gongkai-dev g++ cmake make"; }
cp -r "$src/examples" "$root/root/examples"
in_root sh -c 'cmake -S /root/examples -B /root/examples-build -DCMAKE_BUILD_TYPE=Release && cmake --build /root/examples-build -j 2' \
  >"$cache/examples.txt" 2>&1 || { tail -n 40 "$cache/examples.txt"; fail "examples/ against the installed gongkai-dev"; }
in_root /root/examples-build/list_forms /usr/share/gongkai/report-templates >"$cache/list_forms.txt" 2>&1 \
  || { cat "$cache/list_forms.txt"; fail "list_forms"; }
grep -qE "^form 2021 .*: [1-9][0-9]* cells$" "$cache/list_forms.txt" || { cat "$cache/list_forms.txt"; fail "list_forms: no form 2021"; }
step "examples/ built against the installed library; list_forms: $(grep -c '^form ' "$cache/list_forms.txt") forms"
echo "PASS (${SECONDS}s)"
