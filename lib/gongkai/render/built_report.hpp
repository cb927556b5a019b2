// What every report renderer (Markdown, HTML, XLSX, JSON) takes: the checked model, the prose
// of sections 一, 五 and 六 already expanded (placeholders replaced, work-plan table and fee
// statement added: see prose/), and the findings. Renderers only lay out; they never recompute
// a figure.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/model/report.hpp>

#include <map>
#include <string>

namespace gongkai {

struct BuiltReport {
  const Report* report = nullptr;            // after check_report: totals derived
  std::map<std::string, std::string> prose;  // section id -> expanded Markdown
  Diagnostics findings;                      // everything check and prose found
  bool stamped_with_errors = false;          // --allow-errors: every output says so
  std::string generated;                     // fixed timestamp (ISO 8601, UTC) for outputs,
                                             // from SOURCE_DATE_EPOCH or the publication date
};

}  // namespace gongkai
