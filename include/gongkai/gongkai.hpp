// Everything an embedding program needs, in one include: the forms, reports, findings, the
// build facade and consolidation. Each header can be included on its own too; none of them
// names a third-party type. Link with gongkai::gongkai (CMake: find_package(gongkai)) or
// `pkg-config --libs --static gongkai`.
#pragma once

#include <gongkai/build.hpp>
#include <gongkai/check.hpp>
#include <gongkai/diagnostics.hpp>
#include <gongkai/diff.hpp>
#include <gongkai/forms.hpp>
#include <gongkai/merge.hpp>
#include <gongkai/read.hpp>
#include <gongkai/report.hpp>
