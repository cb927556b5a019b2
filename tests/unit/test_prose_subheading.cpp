#include <gongkai/core/text.hpp>
#include <gongkai/prose/subheading.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("prose_subheading") {
  TEST_CASE("Chinese numbers up to 99 both ways") {
    CHECK(chinese_number(1) == "一");
    CHECK(chinese_number(10) == "十");
    CHECK(chinese_number(12) == "十二");
    CHECK(chinese_number(20) == "二十");
    CHECK(chinese_number(99) == "九十九");
    for (int n = 1; n <= 99; ++n) CHECK(parse_chinese_number(decode_utf8(chinese_number(n))) == n);
    CHECK(parse_chinese_number(U"三") == 3);
    CHECK(parse_chinese_number(U"十") == 10);
    CHECK(parse_chinese_number(U"十一") == 11);
    CHECK(parse_chinese_number(U"四十") == 40);
    CHECK(parse_chinese_number(U"九十九") == 99);
    CHECK_FALSE(parse_chinese_number(U"零").has_value());
    CHECK_FALSE(parse_chinese_number(U"一二").has_value());
    CHECK_FALSE(parse_chinese_number(U"十十").has_value());
  }

  TEST_CASE("appended parts continue the numbering in the section's own style") {
    CHECK(append_subsection("", "收取信息处理费情况", "本年度未收取信息处理费。\n") ==
          "### （一）收取信息处理费情况\n\n本年度未收取信息处理费。\n");
    CHECK(append_subsection("**（一）建议提案办理**\n\n办理3件。\n\n\n", "标题", "正文") ==
          "**（一）建议提案办理**\n\n办理3件。\n\n**（二）标题**\n\n正文\n");
    CHECK(append_subsection("（一）甲\n甲文。\n（十一）乙\n乙文。", "丙", "丙文。\n") ==
          "（一）甲\n甲文。\n（十一）乙\n乙文。\n\n（十二）丙\n\n丙文。\n");
    CHECK(append_subsection("#### （二）乙\n", "丙", "x") == "#### （二）乙\n\n#### （三）丙\n\nx\n");
  }

  TEST_CASE("a paragraph without a numbered heading starts the numbering at 一") {
    CHECK(append_subsection("本年度无其他需要报告的事项。\n", "收取信息处理费情况", "本年度未收取信息处理费。\n") ==
          "本年度无其他需要报告的事项。\n\n### （一）收取信息处理费情况\n\n本年度未收取信息处理费。\n");
  }
}
