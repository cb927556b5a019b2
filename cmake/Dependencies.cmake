# Every dependency is a Debian package (scripts/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(fmt REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json REQUIRED)
# Markdown: cmark-gfm (GitHub's fork of cmark) with its extensions, for the GFM tables the
# prose carries (the work plan). Only this one: libcmark exports the same cmark_* symbols with
# a different node-type enum, so linking both would silently mix them. Include <cmark-gfm.h>,
# never <cmark.h>. pkg-config's libcmark-gfm also links libcmark-gfm-extensions.
pkg_check_modules(cmark_gfm REQUIRED IMPORTED_TARGET libcmark-gfm)
find_path(CMARK_GFM_EXTENSIONS_INCLUDE_DIR cmark-gfm-core-extensions.h REQUIRED)
pkg_check_modules(libzip REQUIRED IMPORTED_TARGET libzip)
find_package(EXPAT REQUIRED)
pkg_check_modules(utf8proc REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(xlsxwriter REQUIRED IMPORTED_TARGET xlsxwriter)
# PDF layout reader (import/pdf_*): poppler's C++ API, linked PRIVATE (no public header names it).
pkg_check_modules(poppler_cpp REQUIRED IMPORTED_TARGET poppler-cpp)
# Its headers are included as <poppler/cpp/...> by lib/pdf-module/ alone (the module
# gongkai-pdf.so, CMakeLists.txt), the only target linking it: no include path for the library
# (its sources keep their compile flags, and their ccache entries).
set_property(TARGET PkgConfig::poppler_cpp PROPERTY INTERFACE_INCLUDE_DIRECTORIES "")
# Published report pages (gongkai import, lib/gongkai/import/html_document.cpp): Google's HTML5 parser.
pkg_check_modules(gumbo REQUIRED IMPORTED_TARGET gumbo)
# The CLI's allocator (CMakeLists.txt: gongkai_cli), not the library's.
pkg_check_modules(jemalloc REQUIRED IMPORTED_TARGET jemalloc)
find_path(KAINJOW_MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
# SHA-256 of the build manifest (lib/gongkai/core/sha256.cpp): libcrypto, from libssl-dev.
pkg_check_modules(libcrypto REQUIRED IMPORTED_TARGET libcrypto)
if(GONGKAI_TESTS)
  find_package(doctest REQUIRED)
endif()
