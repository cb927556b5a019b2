// Finding and loading gongkai-pdf.so (pdf_backend.hpp), once per process, the first time a PDF
// is read. Where it is looked for, in order:
//   1. a program inside the build tree it was built in (the CLI, tests, benchmarks): the build
//      tree's module;
//   2. beside the program as installed: BINDIR/../LIBDIR/gongkai/gongkai-pdf.so (a relocated
//      /usr tree);
//   3. LIBDIR/gongkai/gongkai-pdf.so as configured (a program linking the installed library);
//   4. where the .deb puts it, /usr/LIBDIR/gongkai/gongkai-pdf.so, when that is another place.
// A candidate is loaded only when it and its folder belong to root or to the user running us and
// no one else may write them (we may run as root: a module is code). A module of another version
// is refused.
#pragma once

#include <gongkai/import/pdf_backend.hpp>

#include <string>

namespace gongkai::import {

// The module's entry point. Throws InputError naming `pdf_path` (the file that needed it) when
// no module can be loaded, with the reason (not found, not trusted, another version, dlerror).
[[nodiscard]] pdf_backend::OpenFunction pdf_open_function(const std::string& pdf_path);

}  // namespace gongkai::import
