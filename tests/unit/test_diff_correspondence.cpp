#include "test_support.hpp"

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/diff/correspondence.hpp>
#include <gongkai/io/files.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;

namespace {

CorrespondenceDef real() {
  const std::string path = std::string(GONGKAI_SOURCE_DIR) + "/report-templates/forms/correspondence/2019-2021.yaml";
  return load_correspondence(path, read_file(path));
}

}  // namespace

TEST_SUITE("diff/correspondence") {
  TEST_CASE("patterns: one ID, or a prefix ending in .*") {
    CHECK(cell_pattern_matches("applications.*", "applications.received.total"));
    CHECK_FALSE(cell_pattern_matches("applications.*", "applicationsx.a.b"));
    CHECK(cell_pattern_matches("proactive.licensing.decisions", "proactive.licensing.decisions"));
    CHECK_FALSE(cell_pattern_matches("proactive.licensing.decisions", "proactive.licensing.decisions2"));
  }

  TEST_CASE("2019 -> 2021: the cells of the same meaning, both ways") {
    const Form& f19 = *test::forms().by_id("2019");
    const Form& f21 = *test::forms().by_id("2021");
    const auto m = CellMap::from(real(), f19, f21);
    REQUIRE(m.has_value());
    // 三 has 7 columns; form 2019 has 23 rows with cells + 3 optional categories = 26 rows, all
    // of which form 2021 has too (（六）其他处理 as its category): 26 × 7 = 182. 四: 3 × 5 = 15.
    // 二: 行政许可, 行政处罚, 行政强制 处理决定数量: 3. Total 200.
    CHECK(m->old_to_new.size() == 200);
    CHECK(m->new_to_old.size() == 200);
    CHECK(m->old_to_new.at("applications.other.natural_person") == "applications.other.natural_person");
    CHECK_FALSE(m->old_to_new.contains("proactive.regulations.made"));
    CHECK_FALSE(m->new_to_old.contains("proactive.fees.amount"));
    CHECK(m->reason_new("proactive.fees.amount") != nullptr);
    CHECK(m->reason_old("proactive.procurement.items") != nullptr);
    // Every cell without a counterpart has a reason in the data.
    for (const auto& c : f19.cells())
      if (!m->old_to_new.contains(c.id)) CHECK_MESSAGE(m->reason_old(c.id) != nullptr, c.id);
    for (const auto& c : f21.cells())
      if (!m->new_to_old.contains(c.id)) CHECK_MESSAGE(m->reason_new(c.id) != nullptr, c.id);

    const auto back = CellMap::from(real(), f21, f19);  // read the other way
    REQUIRE(back.has_value());
    CHECK(back->old_to_new.size() == 200);
    CHECK_FALSE(CellMap::from(real(), f21, f21).has_value());
  }

  TEST_CASE("a malformed file is an InputError naming it") {
    CHECK_THROWS_AS((void)load_correspondence("c.yaml", "from: '2019'\nto: '2021'\nsame: x\n"), InputError);
    CHECK_THROWS_AS((void)load_correspondence("c.yaml", "from: '2019'\n"), InputError);
    CHECK_THROWS_AS((void)load_correspondence("c.yaml", "from: '2019'\nto: '2021'\nextra: 1\n"), InputError);
    CHECK_THROWS_AS(
        (void)load_correspondence(
            "c.yaml", "from: '2019'\nto: '2021'\nnot_comparable: [{form: '2020', cells: [a], zh: x, en: y}]\n"),
        InputError);
  }
}
