// Everything an embedding program needs, in one include: the forms, reports, findings, the
// build facade and consolidation. Each header can be included on its own too; none of them
// names a third-party type. Link with gongkai::gongkai (CMake: find_package(gongkai)) or
// `pkg-config --libs --static gongkai`.
#pragma once

#include <gongkai/build.hpp>
#include <gongkai/diagnostics.hpp>
#include <gongkai/forms.hpp>
#include <gongkai/merge.hpp>
#include <gongkai/report.hpp>

// Reading and checking one report (read.hpp, check.hpp) arrive from their own branches: until
// both are on main they are included when present. Integrator: make these plain includes then.
#if __has_include(<gongkai/read.hpp>)
#include <gongkai/read.hpp>
#endif
#if __has_include(<gongkai/check.hpp>)
#include <gongkai/check.hpp>
#endif
