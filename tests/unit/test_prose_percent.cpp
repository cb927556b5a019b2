#include <gongkai/prose/percent.hpp>

#include <doctest/doctest.h>

#include <limits>

using namespace gongkai;

TEST_SUITE("prose_percent") {
  TEST_CASE("shares are tenths of a percent rounded half away from zero") {
    CHECK(percent_tenths(1, 3) == 333);
    CHECK(percent_tenths(2, 3) == 667);
    CHECK(percent_tenths(1, 8) == 125);   // 12.5% exactly
    CHECK(percent_tenths(1, 16) == 63);   // 6.25% -> 6.3%
    CHECK(percent_tenths(1, 2000) == 1);  // 0.05% -> 0.1%
    CHECK(percent_tenths(1, 2001) == 0);  // 0.0499…% -> 0.0%
    CHECK(percent_tenths(7, 7) == 1000);
    CHECK(percent_tenths(0, 5) == 0);
  }

  TEST_CASE("a share that overflows is refused, not wrapped") {
    CHECK_FALSE(percent_tenths(std::numeric_limits<std::int64_t>::max() / 10, 3).has_value());
  }

  TEST_CASE("tenths print with one decimal") {
    CHECK(format_tenths(219) == "21.9%");
    CHECK(format_tenths(5) == "0.5%");
    CHECK(format_tenths(1000) == "100.0%");
    CHECK(format_tenths(0) == "0.0%");
  }

  TEST_CASE("a rise, a fall and no change read as the reports write them") {
    CHECK(*yoy_phrase(39, 32).text == "同比上升21.9%");  // 21.875%
    CHECK(*yoy_phrase(19, 20).text == "同比下降5.0%");
    CHECK(*yoy_phrase(20, 20).text == "与上年持平");
    CHECK(*yoy_phrase(0, 0).text == "与上年持平");
    CHECK(*yoy_phrase(2001, 2000).text == "同比上升0.1%");  // 0.05% rounds up
    CHECK(*yoy_phrase(0, 7).text == "同比下降100.0%");
  }

  TEST_CASE("a change too small for one decimal is not called 0.0%") {
    CHECK(*yoy_phrase(10001, 10000).text == "同比上升不足0.1%");
    CHECK(*yoy_phrase(9999, 10000).text == "同比下降不足0.1%");
  }

  TEST_CASE("a base of 0 gives a phrase, not a division by zero") { CHECK(*yoy_phrase(5, 0).text == "上年为0"); }

  TEST_CASE("negative figures and overflow are problems, not phrases") {
    YoyPhrase neg = yoy_phrase(-3, 4);
    CHECK_FALSE(neg.text.has_value());
    CHECK(neg.problem->en == "a negative figure has no year-over-year percentage");
    YoyPhrase big = yoy_phrase(std::numeric_limits<std::int64_t>::max(), 1);
    CHECK_FALSE(big.text.has_value());
    CHECK(big.problem->zh == "计算同比百分比时数值溢出");
  }
}
