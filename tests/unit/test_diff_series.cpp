#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/diff/series.hpp>
#include <gongkai/render/diff_text.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gongkai;

namespace {

Report year(int y, std::int64_t received, const char* agency = "测试局") {
  Report r(test::forms().by_id("2021"));
  r.agency = agency;
  r.year = y;
  r.origin = SourceLoc{fmt::format("{}.yaml", y), 0, 0, {}};
  r.at(*r.form->cell("applications.received.natural_person")) =
      CellValue{CellState::value, received, false, SourceLoc{"t.yaml", 1, 1, {}}};
  Diagnostics ignored;
  check_report(r, CheckOptions{&test::forms()}, ignored);
  return r;
}

const SeriesRow& row(const SeriesDiff& s, const std::string& id) {
  for (const auto& r : s.rows)
    if (r.id == id) return r;
  FAIL("no row " << id);
  return s.rows.front();
}

}  // namespace

TEST_SUITE("diff/series") {
  TEST_CASE("years in the reports' own order, a trend per cell") {
    const Report a = year(2021, 10);
    const Report b = year(2023, 12);
    const Report c = year(2022, 40);
    Diagnostics out;
    DiffOptions o;
    o.settings.key_figures = {"applications.received.natural_person", "no.such.cell"};
    const auto s = diff_series({&a, &b, &c}, o, out);
    REQUIRE(s.has_value());
    REQUIRE(s->reports.size() == 3);
    CHECK(s->reports[0].year == 2021);
    CHECK(s->reports[1].year == 2022);
    CHECK(s->reports[2].year == 2023);
    const SeriesRow& r = row(*s, "applications.received.natural_person");
    CHECK(r.values[1].raw == 40);
    CHECK(r.trend == "↑↓");
    CHECK(r.flags == std::vector<std::string>{"swing"});  // 10 → 40: ×4 and +30
    CHECK(s->steps.size() == 2);
    CHECK(s->key_figures == std::vector<std::string>{"applications.received.natural_person"});
    CHECK(out.empty());
    CHECK(sparkline(r.values) == "▁█▁");
  }

  TEST_CASE("a gap is a warning, a year given twice an error") {
    const Report a = year(2020, 10);
    const Report b = year(2022, 10);
    const Report c = year(2022, 11);
    Diagnostics out;
    const auto s = diff_series({&a, &b, &c}, DiffOptions{}, out);
    REQUIRE(s.has_value());
    REQUIRE(s->findings.items().size() >= 2);
    CHECK(s->findings.items()[0].rule == "year-gap");
    CHECK(s->findings.items()[0].severity == Severity::warning);
    CHECK(s->findings.items()[1].rule == "duplicate-year");
    CHECK(s->findings.items()[1].severity == Severity::error);
    CHECK(s->steps[1].mode == DiffMode::revision);
  }

  TEST_CASE("two agencies are refused with a clear error") {
    const Report a = year(2021, 10);
    const Report b = year(2022, 10, "另一局");
    const Report c = year(2023, 10);
    Diagnostics out;
    CHECK_FALSE(diff_series({&a, &b, &c}, DiffOptions{}, out).has_value());
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "diff-agency");
    CHECK(out.items()[0].message.en.find("另一局") != std::string::npos);
  }

  TEST_CASE("sparkline scales by exact integers") {
    std::vector<Side> v{Side{CellState::value, 0, false, true}, Side{CellState::blank, 0, false, true},
                        Side{CellState::value, 7, false, true}, Side{CellState::value, 14, false, true}};
    CHECK(sparkline(v) == "▁ ▄█");  // 7 of 0..14 is level 7·7/14 = 3
  }
}
