#!/usr/bin/env bash
# Installs the Debian packages gongkai needs to build and test, only those missing.
# Usage: scripts/install-deps.sh [build|test|e2e|lint|bench|heavy]
#   build  compilers, CMake and the libraries (default)
#   test   + nothing more today (doctest is a build dependency of the test binary; python3-jsonschema,
#          which validates the JSON outputs against report-templates/schemas/, is in build)
#   e2e    + Chromium and LibreOffice Calc for the real-client suites
#   lint   + clang-format
#   bench  + GNU time (peak memory), python3-pandas and python3-openpyxl (the Python peer)
#   heavy  + strace (syscalls per unit of a batch build)
#   fuzz   + clang 14 and its libFuzzer/sanitizer runtimes (make fuzz)
#   package + dpkg-dev (dpkg-shlibdeps for the .deb's Depends), debootstrap (make deb-test),
#            bash-completion and zsh (the completions' tests)
set -euo pipefail
level=${1:-build}
pkgs=(g++ cmake make pkg-config python3
      libcli11-dev libyaml-cpp-dev libxlsxwriter-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libfmt-dev doctest-dev
      libzip-dev libexpat1-dev libkainjow-mustache-dev libutf8proc-dev nlohmann-json3-dev libgumbo-dev libjemalloc-dev
      cmark-gfm unzip libssl-dev python3-jsonschema
      groff-base mandoc)  # gongkai(1) is linted by groff and mandoc in make test
# The PDF layout reader (import/pdf_*): poppler's C++ API.
pkgs+=(libpoppler-cpp-dev)
if [ "$level" = bench ]; then
  pkgs+=(time python3-pandas python3-openpyxl)
fi
if [ "$level" = heavy ]; then
  pkgs+=(strace)
fi
if [ "$level" = fuzz ]; then
  pkgs+=(clang-14 libclang-rt-14-dev)
fi
if [ "$level" = package ]; then
  pkgs+=(dpkg-dev debootstrap bash-completion zsh)
fi
if [ "$level" = lint ]; then
  pkgs+=(clang-format)
fi
if [ "$level" = e2e ]; then
  pkgs+=(chromium libreoffice-calc poppler-utils fonts-noto-cjk)
  # Remaking the test PDFs (tests/data/import/pdf/make_pdfs.sh): Writer and an image-only PDF.
  pkgs+=(libreoffice-writer img2pdf)
  # ... and the encrypted ones.
  pkgs+=(qpdf)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
