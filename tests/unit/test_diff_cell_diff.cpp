#include <gongkai/diff/cell_diff.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

Side num(std::int64_t v) { return Side{CellState::value, v, false, true}; }
Side blank() { return Side{CellState::blank, 0, false, true}; }
Side absent() { return Side{CellState::absent, 0, false, true}; }

}  // namespace

TEST_SUITE("diff/cell_diff") {
  TEST_CASE("percent change is exact, in tenths, rounded half away from zero") {
    // (95600 − 956) / 956 = 99 exactly: 9900.0%.
    CHECK(percent_change_tenths(956, 95600) == 99000);
    // 1/3 = 33.33…% and −1/3: 333 and −333 tenths.
    CHECK(percent_change_tenths(3, 4) == 333);
    CHECK(percent_change_tenths(3, 2) == -333);
    // 1/16 = 6.25%: the half rounds away from zero both ways.
    CHECK(percent_change_tenths(16, 17) == 63);
    CHECK(percent_change_tenths(16, 15) == -63);
    // 8397/2293 = 3.66201…: 366.2%.
    CHECK(percent_change_tenths(2293, 10690) == 3662);
    CHECK_FALSE(percent_change_tenths(0, 5).has_value());
    // No int64 overflow inside: INT64_MAX from 1 does not fit in tenths, and says so.
    CHECK_FALSE(percent_change_tenths(1, INT64_MAX).has_value());
  }

  TEST_CASE("percent text") {
    CHECK(format_percent_tenths(99000) == "+9900.0%");
    CHECK(format_percent_tenths(-333) == "-33.3%");
    CHECK(format_percent_tenths(0) == "0.0%");
    CHECK(format_percent_tenths(5) == "+0.5%");
  }

  TEST_CASE("blank and absent are not 0") {
    const CellDiff fresh = compare_sides(blank(), num(5));
    CHECK(fresh.kind == ChangeKind::newly_reported);
    CHECK_FALSE(fresh.change.has_value());  // not "+5"
    CHECK_FALSE(fresh.percent_tenths.has_value());
    CHECK(compare_sides(absent(), num(0)).kind == ChangeKind::newly_reported);
    CHECK(compare_sides(num(5), absent()).kind == ChangeKind::no_longer_reported);
    CHECK(compare_sides(num(0), blank()).kind == ChangeKind::no_longer_reported);
    const CellDiff b2a = compare_sides(blank(), absent());
    CHECK(b2a.kind == ChangeKind::changed);
    CHECK_FALSE(b2a.change.has_value());
    CHECK(compare_sides(blank(), blank()).kind == ChangeKind::same);
    CHECK(compare_sides(num(0), num(0)).kind == ChangeKind::same);
  }

  TEST_CASE("two numbers: the change and its percent") {
    const CellDiff d = compare_sides(num(30), num(10));
    CHECK(d.kind == ChangeKind::changed);
    CHECK(d.change == -20);
    CHECK(d.percent_tenths == -667);  // −2/3 = −66.66…%
  }

  TEST_CASE("a cell one form lacks is not comparable") {
    CHECK(compare_sides(Side::not_in_form(), num(3)).kind == ChangeKind::not_comparable);
    CHECK(compare_sides(num(3), Side::not_in_form()).kind == ChangeKind::not_comparable);
  }
}
