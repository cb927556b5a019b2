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

  TEST_CASE("the bounded distance is exact within the bound and bound + 1 beyond it") {
    CHECK(bounded_edit_distance(U"kitten", U"sitting", 5) == 3);
    CHECK(bounded_edit_distance(U"kitten", U"sitting", 2) == 3);
    CHECK(bounded_edit_distance(U"abc", U"abcdefgh", 3) == 4);  // lengths alone rule it out
    CHECK(bounded_edit_distance(U"thrid", U"third", 3) == 1);
    CHECK(bounded_edit_distance(U"thrid", U"third", 3, false) == 2);
    CHECK(bounded_edit_distance(U"", U"ab", 5) == 2);
  }

  TEST_CASE("a 3,000,000-character input is no candidate's typo, and costs nothing like its length") {
    const std::string huge(3'000'000, 'a');
    CHECK(did_you_mean(huge, {"agency", "level", "year"}).empty());
    std::string huge_zh;
    for (int i = 0; i < 1'000'000; ++i) huge_zh += "公";
    CHECK_FALSE(closest(huge_zh, {"行政复议", "行政诉讼"}).has_value());
  }

  TEST_CASE("a suggestion keeps the input's distinctive words: 部分 is not dropped") {
    // Issue 12 item 2: （二）部分予以公开 must not become （一）予以公开.
    const std::vector<std::string> outcomes{"（一）予以公开", "（二）部分公开", "（三）不予公开"};
    CHECK(did_you_mean("（二）部分予以公开", outcomes) == std::vector<std::string>{"（二）部分公开"});
    CHECK(did_you_mean("部分予以公开", {"予以公开", "部分公开"}) == std::vector<std::string>{"部分公开"});
    // Nor is a negation added or dropped.
    CHECK(did_you_mean("不予以公开", {"予以公开", "不予公开"}) == std::vector<std::string>{"不予公开"});
    CHECK(distinctive_mismatch(U"部分予以公开", U"予以公开") == 1);
    CHECK(distinctive_mismatch(U"部分予以公开", U"部分公开") == 0);
  }

  TEST_CASE("a tie lists every tied candidate, in the callers' order") {
    CHECK(did_you_mean("ab", {"ax", "ay"}) == std::vector<std::string>{"ax", "ay"});
    CHECK(did_you_mean("agncy", {"agency", "level"}) == std::vector<std::string>{"agency"});
    const Text t = quoted_alternatives({"A", "B"});
    CHECK(t.zh == "「A」或「B」");
    CHECK(t.en == "'A' or 'B'");
  }
}
