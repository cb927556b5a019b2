// One row of the per-unit overview a reviewer works from: the unit's key figures and its check
// status. The key figures are form data (`key_figures:` in report-templates/forms/*.yaml, see
// forms/form.hpp): each form names the cells a figure sums; a figure the unit's form does not
// have stays empty.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

// A figure column of the overview: a key figure of the forms, by ID.
struct KeyFigure {
  std::string id;       // received, granted, ...
  Text label;           // column heading
  bool amount = false;  // an amount (万元) rather than a count
};

// The overview's figure columns for reports in these forms: the newest form's key figures in its
// order (its headings win), then those only an older form has. Deterministic for a FormSet.
[[nodiscard]] std::vector<KeyFigure> key_figures(const FormSet& forms);

struct UnitSummary {
  std::size_t order = 0;
  std::string unit;  // name in the roster (agency)
  std::string path;  // the input file
  std::string form;  // form ID, empty when unreadable
  int year = 0;
  bool unreadable = false;
  std::vector<KeyFigure> key_figures;                // the overview's figure columns
  std::vector<std::optional<std::int64_t>> figures;  // parallel to key_figures
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::map<std::string, std::size_t> by_rule;  // rule -> number of findings (errors and warnings)

  [[nodiscard]] std::string status() const;  // ok | warnings | errors | unreadable
};

// `report` may be null for an unreadable unit. `columns` are the overview's figure columns
// (key_figures(forms)); each is the sum of the cells the report's form gives for it.
[[nodiscard]] UnitSummary summarize_unit(std::size_t order, const std::string& unit, const std::string& path,
                                         const Report* report, const Diagnostics& findings, bool unreadable,
                                         const std::vector<KeyFigure>& columns);

}  // namespace gongkai
