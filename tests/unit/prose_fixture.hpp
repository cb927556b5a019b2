// Reports and rules for the prose tests: a form-2021 report with figures set by ID and run
// through check_report, and the real report-templates/prose-rules.yaml.
#pragma once

#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/prose/prose_rules.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gongkai::test {

inline const ProseRules& prose_rules() {
  static const ProseRules rules = [] {
    const auto path = std::filesystem::path(GONGKAI_SOURCE_DIR) / "report-templates" / "prose-rules.yaml";
    return load_prose_rules("prose-rules.yaml", read_file(path.string()));
  }();
  return rules;
}

// REQUIRES: inside a test case. Cells not listed stay absent; derived totals are computed.
inline std::unique_ptr<Report> prose_report(int year, const std::vector<std::pair<std::string, std::int64_t>>& cells,
                                            const std::string& form_id = "2021") {
  auto r = std::make_unique<Report>(forms().by_id(form_id));
  r->agency = "示例局";
  r->year = year;
  r->origin = SourceLoc{"report.yaml", 0, 0, {}};
  int line = 1;
  for (const auto& [id, v] : cells) {
    const CellDef* c = r->form->cell(id);
    REQUIRE_MESSAGE(c != nullptr, id);
    r->at(*c) = CellValue{CellState::value, v, false, SourceLoc{"report.yaml", line++, 3, {}}};
  }
  Diagnostics ignored;
  check_report(*r, CheckOptions{&forms()}, ignored);
  return r;
}

// Sets one section's prose as if read from `file` (line 1, column 1).
inline void set_prose(Report& r, const std::string& section, std::string text, const std::string& file) {
  r.prose[section] = std::move(text);
  r.prose_where[section] = SourceLoc{file, 1, 1, {}};
}

}  // namespace gongkai::test
