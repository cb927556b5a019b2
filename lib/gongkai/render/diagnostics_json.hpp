// Findings as JSON for pipelines: an array of objects with severity, rule, message, cells (ID
// and label), expected, actual, file, line, column and cell (sheet reference).
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/diagnostic.hpp>

#include <nlohmann/json_fwd.hpp>

namespace gongkai {

[[nodiscard]] nlohmann::ordered_json diagnostic_json(const Diagnostic& d, Lang lang);
[[nodiscard]] nlohmann::ordered_json diagnostics_json(const Diagnostics& ds, Lang lang);

// A figure as JSON: a whole number or a decimal as a number, anything else as the string.
[[nodiscard]] nlohmann::ordered_json figure_json(const std::string& text);

// What a command found, for pipelines: {"findings": [...], "units": [...], "summary": {...}}.
// Each finding carries its unit ({"agency", "year", "file"}; null for findings about no one
// unit: the roster, the command line); "units" is the per-unit summary of the overview
// (render/overview.hpp) and "summary" the counts of the closing line.
struct UnitFindings {
  const UnitSummary* summary = nullptr;
  const Diagnostics* findings = nullptr;
};
[[nodiscard]] nlohmann::ordered_json findings_document(const Diagnostics& general,
                                                       const std::vector<UnitFindings>& units, Lang lang);

// The parts of that document, shared with its streamed writer (render/findings_json_writer.hpp).
// The "unit" of a unit's finding: {"agency", "year", "file"}.
[[nodiscard]] nlohmann::ordered_json finding_unit_json(const UnitSummary& unit);
// The findings counted for "summary": an explained finding is not a warning.
struct FindingTotals {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t explained = 0;
  void add(const Diagnostics& findings);
};
struct BatchCounts;
[[nodiscard]] nlohmann::ordered_json findings_summary_json(const BatchCounts& units, const FindingTotals& totals);

}  // namespace gongkai
