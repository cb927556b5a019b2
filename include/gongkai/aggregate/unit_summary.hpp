// One row of the per-unit overview a reviewer works from: the unit's key figures and its check
// status. The key figures are chosen once, here, by cell ID; a form that lacks a cell leaves
// that figure empty.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/model/report.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct KeyFigure {
  std::string id;                  // received, granted, ...
  Text label;                      // column heading
  std::vector<std::string> cells;  // summed cell IDs
  bool amount = false;             // an amount (万元) rather than a count
};

// The overview's figure columns, in order.
[[nodiscard]] const std::vector<KeyFigure>& key_figures();

struct UnitSummary {
  std::size_t order = 0;
  std::string unit;  // name in the roster (agency)
  std::string path;  // the input file
  std::string form;  // form ID, empty when unreadable
  int year = 0;
  bool unreadable = false;
  std::vector<std::optional<std::int64_t>> figures;  // parallel to key_figures()
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::map<std::string, std::size_t> by_rule;  // rule -> number of findings (errors and warnings)

  [[nodiscard]] std::string status() const;  // ok | warnings | errors | unreadable
};

// `report` may be null for an unreadable unit.
[[nodiscard]] UnitSummary summarize_unit(std::size_t order, const std::string& unit, const std::string& path,
                                         const Report* report, const Diagnostics& findings, bool unreadable);

}  // namespace gongkai
