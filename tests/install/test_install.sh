#!/usr/bin/env bash
# The library as others build on it (issue 8): `cmake --install` into a fresh prefix, then
#  (a) every installed header includes only installed gongkai headers and the standard library:
#      no yaml-cpp, nlohmann, libxlsxwriter (nor any other third party);
#  (b) every installed header compiles on its own against the prefix alone;
#  (c) examples/ configures with find_package(gongkai) from the prefix, builds, and its programs
#      run on the installed templates (build_report as soon as the library has build_units);
#  (d) pkg-config finds gongkai.pc there and a one-file program links with `--static`;
#  (e) the program (issue 14): gongkai(1) in share/man/man1, the bash and zsh completions in
#      share/bash-completion/completions and share/zsh/vendor-completions, and the installed
#      gongkai, run outside the source tree with no --template-dir, finds the installed forms
#      (also once the prefix is moved elsewhere) and builds the sample department; it reads a
#      PDF through the PDF module of its own prefix (LIBDIR/gongkai/gongkai-pdf.so), refuses a
#      module others may write, and says so when there is none.
# Usage: test_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
unset GONGKAI_TEMPLATE_DIR
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }
lib=$(find "$prefix" -name libgongkai.a | head -n 1)
[ -n "$lib" ] || fail "no libgongkai.a installed"
libdir=$(dirname "$lib")
templates=$prefix/share/gongkai/report-templates
for f in "$prefix/bin/gongkai" "$templates/forms" "$prefix/include/gongkai/gongkai.hpp" \
  "$libdir/cmake/gongkai/gongkaiConfig.cmake" "$libdir/cmake/gongkai/gongkaiConfigVersion.cmake" \
  "$libdir/cmake/gongkai/gongkaiTargets.cmake" "$libdir/pkgconfig/gongkai.pc"; do
  [ -e "$f" ] || fail "not installed: ${f#"$prefix"/}"
done
echo "[${SECONDS}s] installed: bin/gongkai, ${lib#"$prefix"/}, include/gongkai, CMake package, gongkai.pc, templates"

# (a) Installed headers: exactly include/gongkai/ of the source tree, and their includes.
diff <(cd "$src/include" && find gongkai -name '*.hpp' | sort) <(cd "$prefix/include" && find . -type f | sed 's|^\./||' | sort) \
  || fail "installed headers differ from include/gongkai/"
headers=$(cd "$prefix/include" && find gongkai -name '*.hpp' | sort)
for h in $headers; do
  if grep -nE 'yaml-cpp|YAML::|nlohmann|xlsxwriter|lxw_' "$prefix/include/$h"; then fail "$h names a third party"; fi
  prev=
  while IFS= read -r line; do
    if [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*(.*)$ ]]; then
      target=${BASH_REMATCH[1]}
      if [[ $target =~ ^\<gongkai/([A-Za-z0-9_/.]+)\>$ ]]; then
        inc=gongkai/${BASH_REMATCH[1]}
        # An optional header (__has_include on the line before) need not be installed.
        if [ ! -f "$prefix/include/$inc" ] && [[ $prev != *"__has_include(<$inc>)"* ]]; then
          fail "$h includes <$inc>, which is not installed"
        fi
      elif ! [[ $target =~ ^\<[a-z_]+\>$ ]]; then
        fail "$h includes $target: only installed gongkai headers and the standard library"
      fi
    fi
    [[ $line =~ [^[:space:]] ]] && prev=$line
  done <"$prefix/include/$h"
done
echo "[${SECONDS}s] headers: $(echo "$headers" | wc -l) installed, none includes a third party or a header not installed"

# (b) Each header on its own, against the prefix alone, with the library's warnings.
# shellcheck disable=SC2016 # the script's own $1, $2
for h in $headers; do echo "$h"; done | xargs -P 2 -n 1 sh -c \
  'echo "#include <$2>" | g++ -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Werror -I "$1/include" -x c++ - || { echo "FAIL: $2 does not compile on its own" >&2; exit 255; }' \
  sh "$prefix"
echo "[${SECONDS}s] headers: each compiles on its own"

# (c) The examples, as an embedding program builds: find_package(gongkai) from the prefix.
cmake -S "$src/examples" -B "$tmp/examples" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; fail "configuring examples/"; }
grep -q "templates: $templates" "$tmp/configure.log" || { cat "$tmp/configure.log"; fail "gongkai_TEMPLATE_DIR is not the installed one"; }
cmake --build "$tmp/examples" -j 2 >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "building examples/"; }
echo "[${SECONDS}s] examples/ configured and built against the prefix"

# list_forms beside the installed program finds the installed templates by itself.
cp "$tmp/examples/list_forms" "$prefix/bin/list_forms"
"$prefix/bin/list_forms" >"$tmp/forms.txt" || fail "list_forms exited $?"
cat "$tmp/forms.txt"
grep -qx "templates: $templates" "$tmp/forms.txt" || fail "list_forms did not use the installed templates"
for id in 2019 2021; do
  grep -qE "^form $id .*: [1-9][0-9]* cells$" "$tmp/forms.txt" || fail "list_forms: no form $id"
done
"$tmp/examples/list_forms" "$tmp/nowhere" >/dev/null 2>"$tmp/err.txt" && fail "list_forms without templates exited 0"
grep -q "report-templates" "$tmp/err.txt" || fail "list_forms without templates: $(cat "$tmp/err.txt")"

# merge_roster: the same consolidated figures as `gongkai merge` (comments aside).
roster=$src/sample-data/county-2023/roster.yaml
set +e
"$tmp/examples/merge_roster" "$roster" "$templates" >"$tmp/merged.yaml" 2>"$tmp/merged.err"
merge_rc=$?
"$prefix/bin/gongkai" --template-dir "$templates" merge "$roster" >"$tmp/cli.yaml" 2>/dev/null
cli_rc=$?
set -e
[ "$merge_rc" = "$cli_rc" ] || { cat "$tmp/merged.err"; fail "merge_roster exited $merge_rc, gongkai merge $cli_rc"; }
diff <(grep -v -e '^ *#' -e '^$' "$tmp/merged.yaml") <(grep -v -e '^ *#' -e '^$' "$tmp/cli.yaml") || fail "merge_roster and gongkai merge differ"
grep -q '^year: 2023' "$tmp/merged.yaml" || fail "merge_roster wrote no consolidated report"
echo "[${SECONDS}s] merge_roster: $(grep -c '^summed' "$tmp/merged.err") units summed, exit $merge_rc, as gongkai merge"

# build_report: the sample department through gongkai::build_units.
set +e
(cd "$src" && "$tmp/examples/build_report" "$tmp/out" sample-data/department-2023/report.yaml "$templates") >"$tmp/built.txt"
rc=$?
set -e
cat "$tmp/built.txt"
[ "$rc" = 0 ] || fail "build_report exited $rc"
grep -qx "exit code 0" "$tmp/built.txt" || fail "build_report did not print its exit code"
n=$(find "$tmp/out" -type f -name 'report.*' | wc -l)
[ "$n" -ge 4 ] || fail "build_report wrote $n reports, not md, html, xlsx and json"
# The same Markdown as `gongkai build` (the same clock: build_report sets it to 0).
(cd "$src" && SOURCE_DATE_EPOCH=0 "$prefix/bin/gongkai" --lang en --template-dir "$templates" \
  build sample-data/department-2023/report.yaml -o "$tmp/cli-out" >/dev/null 2>&1) || fail "gongkai build exited $?"
diff -r -x '*.html' -x '*.xlsx' -x '*.json' "$tmp/out" "$tmp/cli-out" >/dev/null || fail "build_report's Markdown differs from gongkai build's"

# (d) pkg-config, as a Makefile would use it.
export PKG_CONFIG_PATH=$libdir/pkgconfig
flags=$(pkg-config --cflags --libs --static gongkai) || fail "pkg-config gongkai"
[ "$(pkg-config --modversion gongkai)" != "" ] || fail "pkg-config --modversion"
[ -d "$(pkg-config --variable=templatedir gongkai)/forms" ] || fail "pkg-config templatedir"
cat >"$tmp/one.cpp" <<'CPP'
#include <gongkai/gongkai.hpp>
#include <iostream>
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const gongkai::FormSet forms = gongkai::load_forms(argv[1]);
  gongkai::Diagnostics found;
  gongkai::Diagnostic d;
  d.severity = gongkai::Severity::warning;
  d.rule = "example";
  d.message = {"示例", "example"};
  found.add(d);
  std::cout << forms.all().size() << " forms\n" << gongkai::findings_text(found, gongkai::Lang::en);
}
CPP
# shellcheck disable=SC2086
g++ -std=c++20 -o "$tmp/one" "$tmp/one.cpp" $flags || fail "a program does not link with pkg-config --static gongkai"
"$tmp/one" "$(pkg-config --variable=templatedir gongkai)" >"$tmp/one.txt" || fail "the pkg-config program exited $?"
if ! grep -qE "^[1-9][0-9]* forms" "$tmp/one.txt" || ! grep -q "warning\[example\]" "$tmp/one.txt"; then
  fail "pkg-config program: $(cat "$tmp/one.txt")"
fi
echo "[${SECONDS}s] pkg-config: $flags"

# (e) The program as a user runs it: from the prefix, in a folder of its own, no --template-dir.
for f in share/man/man1/gongkai.1 share/bash-completion/completions/gongkai share/zsh/vendor-completions/_gongkai; do
  [ -s "$prefix/$f" ] || fail "not installed: $f"
done
cmp -s "$prefix/share/man/man1/gongkai.1" "$build/generated/man/gongkai.1" || fail "the installed man page is not the built one"
work=$tmp/work
mkdir -p "$work"
cp -r "$src/sample-data/department-2023" "$work/"
# The source tree's templates out of reach: only the installed ones can be found.
moved=$tmp/moved-prefix
cp -a "$prefix" "$moved"
for p in "$prefix" "$moved"; do
  rm -rf "$work/out"
  (cd "$work" && env -u GONGKAI_TEMPLATE_DIR SOURCE_DATE_EPOCH=0 "$p/bin/gongkai" --lang en \
    build department-2023/report.yaml -o out >"$tmp/user.txt" 2>&1) || { cat "$tmp/user.txt"; fail "$p/bin/gongkai build exited $?"; }
  for ext in md html xlsx json; do
    [ "$(find "$work/out" -name "report.$ext" | wc -l)" = 1 ] || fail "$p/bin/gongkai build wrote no report.$ext"
  done
  pdf=$src/tests/data/import/pdf/department-2023-chromium.pdf
  # LeakSanitizer cannot run under ptrace: an ASan build is traced without it.
  rc=0
  (cd "$work" && ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -e trace=openat -o "$tmp/strace-pdf.txt" \
    "$p/bin/gongkai" --lang en import "$pdf" -o imported.yaml >"$tmp/import.txt" 2>&1) || rc=$?
  [ "$rc" = 0 ] || { cat "$tmp/import.txt"; fail "$p/bin/gongkai import of a PDF exited $rc"; }
  grep -q "^agency: \"云溪市市场监督管理局\"" "$work/imported.yaml" || fail "$p/bin/gongkai import of a PDF: no agency"
  module=$(find "$p" -name gongkai-pdf.so)
  [ -n "$module" ] || fail "no gongkai-pdf.so installed in $p"
  grep -q "\"$module\"" "$tmp/strace-pdf.txt" || fail "$p/bin/gongkai did not load the PDF module of its own prefix"
  (cd "$work" && strace -f -e trace=openat -o "$tmp/strace.txt" "$p/bin/gongkai" --lang en forms 2021 >/dev/null 2>&1) || true
  if grep -q gongkai-pdf.so "$tmp/strace.txt"; then fail "gongkai forms loaded the PDF module"; fi
  if [ -s "$tmp/strace.txt" ] && ! grep -q "\"$p/share/gongkai/report-templates/forms/form-2021.yaml\"" "$tmp/strace.txt"; then
    fail "$p/bin/gongkai did not read the forms of its own prefix: $(grep forms/ "$tmp/strace.txt" | head -n 3)"
  fi
done
# The PDF module refused when others may write it, and missing: exit 2, the reason said.
module=$(find "$moved" -name gongkai-pdf.so)
chmod g+w "$module"
set +e
(cd "$work" && "$moved/bin/gongkai" --lang en import "$pdf" -o refused.yaml >"$tmp/refused.txt" 2>&1)
rc=$?
set -e
[ "$rc" = 2 ] || { cat "$tmp/refused.txt"; fail "a PDF module others may write: exit $rc, not 2"; }
grep -qF "error[input]: cannot read a PDF: gongkai's PDF module (gongkai-pdf.so) is not available: $module or its folder belongs to neither root nor the user running gongkai, or others may write it: not loaded; reinstall gongkai" "$tmp/refused.txt" \
  || { cat "$tmp/refused.txt"; fail "a PDF module others may write: not the message"; }
[ ! -e "$work/refused.yaml" ] || fail "a refused PDF module: an output was written"
rm "$module"
set +e
(cd "$work" && "$moved/bin/gongkai" --lang en import "$pdf" -o missing.yaml >"$tmp/missing.txt" 2>&1)
rc=$?
set -e
if [ "$rc" = 0 ]; then
  echo "note: with none in the moved prefix, gongkai used the PDF module installed on this machine"
else
  [ "$rc" = 2 ] || { cat "$tmp/missing.txt"; fail "no PDF module: exit $rc, not 2"; }
  grep -qE "error\[input\]: cannot read a PDF: gongkai's PDF module \(gongkai-pdf.so\) is not available: /[^ ]*/gongkai-pdf.so is not there; reinstall gongkai" \
    "$tmp/missing.txt" || { cat "$tmp/missing.txt"; fail "no PDF module: not the message"; }
  [ ! -e "$work/missing.yaml" ] || fail "no PDF module: an output was written"
fi
echo "[${SECONDS}s] program: man page and completions installed; gongkai build and import of a PDF outside the source tree, no --template-dir, prefix moved too; a PDF module others may write refused, none missing said"
echo "PASS"
