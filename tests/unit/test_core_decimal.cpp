#include <gongkai/core/checked.hpp>
#include <gongkai/core/decimal.hpp>

#include <doctest/doctest.h>

#include <limits>

using namespace gongkai;

TEST_SUITE("core/decimal") {
  TEST_CASE("amounts keep every digit down to the fen") {
    CHECK(parse_fixed("24252.311082", 6) == 24252311082);
    CHECK(Decimal::from_micro(24252311082).to_string() == "24252.311082");
    CHECK(Decimal::from_micro(1234500000).to_string(2) == "1234.50");
    CHECK(Decimal::from_micro(7000000).to_string() == "7");
    CHECK(Decimal::from_micro(-1500000).to_string(2) == "-1.50");
  }
  TEST_CASE("more precision than a fen is refused, trailing zeros are not") {
    CHECK_FALSE(parse_fixed("1.0000001", 6).has_value());
    CHECK(parse_fixed("1.0000000", 6) == 1000000);
  }
  TEST_CASE("malformed numbers are refused") {
    for (const char* bad : {"", ".", "5.", "1.2.3", "1e5", "abc", "12a", "--1", "+"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_fixed(bad, 6).has_value());
    }
    CHECK(parse_fixed("0.5", 6) == 500000);
    CHECK(parse_fixed("-3", 0) == -3);
  }
  TEST_CASE("overflow is refused, not wrapped") {
    CHECK(parse_fixed("9223372036854775807", 0) == std::numeric_limits<std::int64_t>::max());
    CHECK_FALSE(parse_fixed("9223372036854775808", 0).has_value());
    CHECK_FALSE(parse_fixed("9223372036854.775808", 6).has_value());
  }
  TEST_CASE("the most negative amount prints without overflow") {
    CHECK(Decimal::from_micro(std::numeric_limits<std::int64_t>::min()).to_string() == "-9223372036854.775808");
  }
}

TEST_SUITE("core/checked") {
  TEST_CASE("checked arithmetic reports overflow") {
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    CHECK(checked_add(1, 2) == 3);
    CHECK_FALSE(checked_add(max, 1).has_value());
    CHECK_FALSE(checked_sub(std::numeric_limits<std::int64_t>::min(), 1).has_value());
    CHECK_FALSE(checked_mul(max, 2).has_value());
    CHECK(checked_mul(-4, 5) == -20);
  }
}
