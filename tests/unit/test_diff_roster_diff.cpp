#include "test_support.hpp"

#include <gongkai/diff/roster_diff.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/roster_diff_table.hpp>
#include <gongkai/render/roster_diff_text.hpp>

#include <doctest/doctest.h>

#include <filesystem>

using namespace gongkai;

namespace {

std::string sample(const std::string& rel) {
  return (std::filesystem::path(GONGKAI_SOURCE_DIR) / "sample-data" / rel).string();
}

RosterDiff county(unsigned jobs) {
  RosterDiffRequest req;
  req.last_roster = sample("county-2022/roster.yaml");
  req.this_roster = sample("county-2023/roster.yaml");
  req.forms = &test::forms();
  req.jobs = jobs;
  return diff_rosters(req);
}

const RosterUnitDiff& unit(const RosterDiff& d, const std::string& name) {
  for (const auto& u : d.units)
    if (u.name == name) return u;
  FAIL("no unit " << name);
  return d.units.front();
}

}  // namespace

TEST_SUITE("diff/roster_diff") {
  TEST_CASE("names are matched once normalised: full-width, case and white space do not matter") {
    CHECK(roster_unit_key("青川县 教育局") == roster_unit_key("青川县教育局"));
    CHECK(roster_unit_key("ＡＢＣ局") == roster_unit_key("abc局"));
    CHECK(roster_unit_key("青川县教育局") != roster_unit_key("青川县卫生健康局"));
    const RosterMatch m = match_roster_units({"甲局", "乙 局", "丙局"}, {"乙局", "丁局", "甲局"});
    REQUIRE(m.pair_of_new.size() == 3);
    CHECK(m.pair_of_new[0] == std::optional<std::size_t>(1));  // 乙局 ↔ 乙 局
    CHECK_FALSE(m.pair_of_new[1].has_value());                 // 丁局 appeared
    CHECK(m.pair_of_new[2] == std::optional<std::size_t>(0));
    CHECK(m.old_paired == std::vector<char>{1, 1, 0});  // 丙局 disappeared
    CHECK(m.duplicate_old == std::vector<char>{0, 0, 0});
    CHECK(m.duplicate_new == std::vector<char>{0, 0, 0});
  }

  TEST_CASE("a name given twice in one roster pairs nothing and marks both units") {
    const RosterMatch old_twice = match_roster_units({"甲局", "甲局", "乙局"}, {"甲局", "乙局"});
    CHECK(old_twice.duplicate_old == std::vector<char>{1, 1, 0});
    CHECK_FALSE(old_twice.pair_of_new[0].has_value());
    CHECK(old_twice.pair_of_new[1] == std::optional<std::size_t>(2));
    CHECK(old_twice.old_paired == std::vector<char>{1, 1, 1});  // named this year: not "disappeared"
    const RosterMatch new_twice = match_roster_units({"甲局"}, {"甲局", "甲 局"});
    CHECK(new_twice.duplicate_new == std::vector<char>{1, 1});
    CHECK_FALSE(new_twice.pair_of_new[0].has_value());
    CHECK_FALSE(new_twice.pair_of_new[1].has_value());
    CHECK(new_twice.old_paired == std::vector<char>{1});
  }

  TEST_CASE("the sample county: every unit compared, carry-over holds, the flags and the in-force break") {
    const RosterDiff d = county(1);
    CHECK_FALSE(d.rosters_unreadable);
    CHECK(d.old_year == 2022);
    CHECK(d.new_year == 2023);
    REQUIRE(d.units.size() == 8);
    CHECK(d.count(RosterUnitStatus::compared) == 8);
    CHECK_FALSE(d.carry_broken());
    CHECK_FALSE(d.unreadable());
    CHECK(unit(d, "青川县教育局").flag_count("swing") >= 1);
    CHECK(unit(d, "青川县卫生健康局").flag_count("from-zero") == 1);
    CHECK(unit(d, "青川县石溪乡人民政府").in_force_broken);
    CHECK_FALSE(unit(d, "青川县自然资源局").in_force_broken);
    // Key figures of both years: 2022's carried forward is 2023's carried over, not its own.
    const RosterUnitDiff& fgj = unit(d, "青川县发展和改革局");
    REQUIRE(fgj.old_figures.size() == d.key_figures.size());
    for (std::size_t i = 0; i < d.key_figures.size(); ++i)
      if (d.key_figures[i].id == "received") CHECK(fgj.new_figures[i] == std::optional<std::int64_t>(56));
  }

  TEST_CASE("rows come back in roster order whatever -j is") {
    const RosterDiff one = county(1);
    const RosterDiff two = county(2);
    REQUIRE(one.units.size() == two.units.size());
    for (std::size_t i = 0; i < one.units.size(); ++i) {
      CHECK(one.units[i].name == two.units[i].name);
      CHECK(one.units[i].changed_cells == two.units[i].changed_cells);
      CHECK(one.units[i].flags == two.units[i].flags);
    }
  }

  TEST_CASE("a roster that cannot be read is said, and nothing is compared") {
    RosterDiffRequest req;
    req.last_roster = sample("county-2022/no-such-roster.yaml");
    req.this_roster = sample("county-2023/roster.yaml");
    req.forms = &test::forms();
    const RosterDiff d = diff_rosters(req);
    CHECK(d.rosters_unreadable);
    CHECK(d.unreadable());
    CHECK(d.units.empty());
    CHECK(d.findings.has_errors());
  }

  TEST_CASE("CSV keeps formula-like names as text; the attention order puts errors first") {
    RosterDiff d;
    d.old_year = 2022;
    d.new_year = 2023;
    RosterUnitDiff ok;
    ok.name = "甲局";
    RosterUnitDiff odd;
    odd.name = "=HYPERLINK(\"x\")";
    odd.status = RosterUnitStatus::appeared;
    RosterUnitDiff broken;
    broken.name = "乙局";
    broken.carry_broken = true;
    broken.findings.add(Diagnostic::error("carry-continuity", SourceLoc{"b.yaml", 1, 1, {}}, {"断", "broken"}));
    d.units = {ok, odd, broken};
    const std::string csv = render_roster_diff_csv(d, Lang::en);
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
    CHECK(roster_attention_order(d) == std::vector<std::size_t>{2, 1, 0});
    CHECK_FALSE(roster_needs_attention(d.units[0]));
    CHECK(roster_diff_summary(d, Lang::en) ==
          "3 units: 2 compared (1 flagged, 1 with carry-over broken), 1 appeared, 0 disappeared, 0 duplicate names, 0 "
          "unreadable\n");
  }
}
