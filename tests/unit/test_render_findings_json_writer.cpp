#include "test_support.hpp"

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/findings_json_writer.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace gongkai;

namespace {

UnitSummary summary(const std::string& name, int year, std::size_t errors, std::size_t warnings, bool unreadable) {
  UnitSummary u;
  u.unit = name;
  u.path = name + ".yaml";
  u.form = unreadable ? "" : "2021";
  u.year = year;
  u.unreadable = unreadable;
  u.key_figures = key_figures(test::forms());
  std::int64_t v = 7;
  for (std::size_t i = 0; i < u.key_figures.size(); ++i)
    u.figures.emplace_back(unreadable || i == 1 ? std::nullopt : std::optional<std::int64_t>(v++));
  u.errors = errors;
  u.warnings = warnings;
  if (errors > 0) u.by_rule["balance"] = errors;
  if (warnings > 0) u.by_rule["no-work-plan"] = warnings;
  return u;
}

Diagnostic finding(Severity s, const std::string& rule, const std::string& file, int line) {
  Diagnostic d;
  d.severity = s;
  d.rule = rule;
  d.message = {"错「" + rule + "」", "wrong \"" + rule + "\"\t"};
  d.where = SourceLoc{file, line, 3, {}};
  return d;
}

// The document as findings_document makes it, and as the writer streams it.
void same_text(const Diagnostics& general, const std::vector<UnitSummary>& units,
               const std::vector<Diagnostics>& findings, Lang lang) {
  std::vector<UnitFindings> by_unit;
  for (std::size_t i = 0; i < units.size(); ++i) by_unit.push_back({&units[i], &findings[i]});
  const std::string expected = findings_document(general, by_unit, lang).dump(2);
  std::string streamed;
  std::size_t pieces = 0;
  FindingsJsonWriter writer(
      [&](std::string_view s) {
        streamed += s;
        ++pieces;
      },
      general, lang);
  for (std::size_t i = 0; i < units.size(); ++i) writer.add_unit(units[i], findings[i]);
  writer.finish();
  CHECK(streamed == expected);
  CHECK(pieces > 1);
}

}  // namespace

TEST_SUITE("render/findings_json_writer") {
  TEST_CASE("no units, no findings: the same text as the document") { same_text({}, {}, {}, Lang::en); }

  TEST_CASE("findings about no one unit only") {
    Diagnostics general;
    general.add(finding(Severity::warning, "roster", "roster.yaml", 4));
    general.add(finding(Severity::error, "input", "roster.yaml", 9));
    same_text(general, {}, {}, Lang::zh);
  }

  TEST_CASE("units with none, some, grouped, explained findings, and an unreadable unit") {
    Diagnostics general;
    general.add(finding(Severity::info, "previous", "last.yaml", 1));
    std::vector<UnitSummary> units;
    std::vector<Diagnostics> found(4);
    units.push_back(summary("甲", 2023, 0, 0, false));
    units.push_back(summary("乙", 2023, 2, 1, false));
    found[1].add(finding(Severity::error, "balance", "乙.yaml", 3));
    found[1].add(finding(Severity::error, "balance", "乙.yaml", 8));  // grouped with the one before
    Diagnostic cells = finding(Severity::error, "category-sum", "乙.yaml", 12);
    cells.expected = "12.50";
    cells.actual = "11";
    found[1].add(cells);
    Diagnostic explained = finding(Severity::warning, "no-work-plan", "乙.yaml", 0);
    explained.explanation = Text{"本年度无计划", "no plan this year"};
    explained.explained_at = SourceLoc{"乙.yaml", 40, 1, {}};
    found[1].add(explained);
    units.push_back(summary("丙", 0, 1, 0, true));
    found[2].add(finding(Severity::error, "input", "丙.yaml", 0));
    units.push_back(summary("丁", 2022, 0, 1, false));
    found[3].add(finding(Severity::warning, "no-work-plan", "丁.yaml", 0));
    REQUIRE(found[1].items().front().place_count() == 2);
    same_text(general, units, found, Lang::en);
    same_text(general, units, found, Lang::zh);
    same_text({}, units, found, Lang::en);
  }

  TEST_CASE("units without a single finding") {
    std::vector<UnitSummary> units{summary("甲", 2023, 0, 0, false), summary("乙", 2023, 0, 0, false)};
    same_text({}, units, std::vector<Diagnostics>(2), Lang::en);
  }
}
