#include <gongkai/readers/yaml_key_match.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;

TEST_SUITE("readers/yaml_key_match") {
  TEST_CASE("a key is the label verbatim, or after normalisation") {
    CHECK(match_label("行政许可", "行政许可") == KeyMatch::exact);
    CHECK(match_label("行政 许可", "行政许可") == KeyMatch::normalized);
    CHECK(match_label("ＡＢＣ", "abc") == KeyMatch::normalized);  // full width, case folded
    CHECK(match_label("行政处罚", "行政许可") == KeyMatch::none);
    CHECK(match_label("行政许可", "") == KeyMatch::none);
  }

  TEST_CASE("a key padded with much white space is still the label") {
    std::string key = "行政" + std::string(1000, ' ') + "许可";
    CHECK(match_label(key, "行政许可") == KeyMatch::normalized);
  }

  TEST_CASE("a key many times longer than the label is not it") {
    std::string huge;
    for (int i = 0; i < 1'000'000; ++i) huge += "许";
    CHECK(match_label(huge, "行政许可") == KeyMatch::none);
    CHECK(match_label(std::string(5000, ' ') + "行政许可", "行政许可") == KeyMatch::none);
  }
}
