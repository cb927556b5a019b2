// A report: one agency, one year, one form; every cell a number, blank or absent, with where it
// came from; the prose of sections 一, 五 and 六 (model/report.hpp). Who and when it is about as
// far as an input says (readers/report_meta.hpp). Money is fixed-point (core/decimal.hpp).
#pragma once

#include <gongkai/core/decimal.hpp>
#include <gongkai/core/location.hpp>
#include <gongkai/forms/form.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <string>

namespace gongkai {

// The report as a YAML tally (docs/yaml-tally.md), the input `gongkai check` and `gongkai build`
// (and build_units) read: agency, level, year, form, then every given cell by stable ID with its
// official label as a comment. Totals left to be derived are not written. A consolidated report
// (merge.hpp) written this way is what `gongkai merge` writes.
[[nodiscard]] std::string report_yaml(const Report& report);

}  // namespace gongkai
