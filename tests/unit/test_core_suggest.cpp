#include <gongkai/core/suggest.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace gongkai;

TEST_SUITE("core.suggest") {
  TEST_CASE("distance counts code points, so one wrong Chinese character is one edit") {
    CHECK(edit_distance("行政复役", "行政复议") == 1);
    CHECK(edit_distance("机关名", "机关名称") == 1);
    CHECK(edit_distance("", "规章") == 2);
    CHECK(edit_distance("规章", "规章") == 0);
  }

  TEST_CASE("swapping two neighbours is one edit") {
    CHECK(edit_distance("thrid", "third") == 1);
    CHECK(edit_distance("agnecy", "agency") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
  }

  TEST_CASE("the nearest candidate is suggested") {
    const std::vector<std::string> names{"agency", "level", "year", "form"};
    CHECK(closest("agncy", names) == std::optional<std::string>("agency"));
    CHECK(closest("yaer", names) == std::optional<std::string>("year"));
    CHECK(closest("行政复役", {"行政复议", "行政诉讼"}) == std::optional<std::string>("行政复议"));
  }

  TEST_CASE("nothing is suggested when no candidate is a plausible typo") {
    CHECK_FALSE(closest("xyz", {"agency", "level", "year"}).has_value());
    CHECK_FALSE(closest("foo", {"form"}).has_value());  // two of four characters differ
    CHECK_FALSE(closest("agency", {}).has_value());
  }

  TEST_CASE("ties go to the earlier candidate") {
    CHECK(closest("ab", {"ax", "ay"}) == std::optional<std::string>("ax"));
    CHECK(closest("ab", {"ay", "ax"}) == std::optional<std::string>("ay"));
  }
}
