#include <gongkai/readers/xlsx/number_text.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("readers/xlsx/number_text") {
  TEST_CASE("a number in exponent form is rewritten as a plain decimal, exactly") {
    CHECK(plain_decimal("1.5E-3") == "0.0015");
    CHECK(plain_decimal("1E+20") == "100000000000000000000");
    CHECK(plain_decimal("-2.5e2") == "-250");
    CHECK(plain_decimal("1.234E2") == "123.4");
    CHECK(plain_decimal("7.5E-1") == "0.75");
    CHECK(plain_decimal("3E0") == "3");
    CHECK(plain_decimal("0E-5") == "0");
    CHECK(plain_decimal("-0E0") == "0");
  }

  TEST_CASE("a plain number or text that is not a number is left alone") {
    CHECK(plain_decimal("12") == "12");
    CHECK(plain_decimal("24252.311082000001") == "24252.311082000001");
    CHECK(plain_decimal("#N/A") == "#N/A");
    CHECK(plain_decimal("1E") == "1E");
    CHECK(plain_decimal("E5") == "E5");
    CHECK(plain_decimal("1.2.3E1") == "1.2.3E1");
    CHECK(plain_decimal("1E999") == "1E999");
  }
}
