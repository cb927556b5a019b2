#include <gongkai/render/markdown_html.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("render/markdown_html") {
  TEST_CASE("paragraphs, emphasis and headings render as CommonMark") {
    CHECK(markdown_to_html("### （一）主动公开\n\n全年**主动公开**信息 12 条。\n") ==
          "<h3>（一）主动公开</h3>\n<p>全年<strong>主动公开</strong>信息 12 条。</p>\n");
  }

  TEST_CASE("a GFM table renders as a table, alignment kept") {
    CHECK(markdown_to_html("| 任务 | 完成 |\n| :--- | ---: |\n| 公开预算 \\| 决算 | 是 |\n") ==
          "<table>\n<thead>\n<tr>\n<th align=\"left\">任务</th>\n<th align=\"right\">完成</th>\n</tr>\n</thead>\n"
          "<tbody>\n<tr>\n<td align=\"left\">公开预算 | 决算</td>\n<td "
          "align=\"right\">是</td>\n</tr>\n</tbody>\n</table>\n");
  }

  TEST_CASE("raw HTML is dropped and text is escaped") {
    CHECK(markdown_to_html("<div onclick=\"x\">a</div>\n") == "<!-- raw HTML omitted -->\n");
    CHECK(markdown_to_html("a <span>b</span> & c\n") ==
          "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> &amp; c</p>\n");
    CHECK(markdown_to_html("[x](javascript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n");
  }

  TEST_CASE("strikethrough and bare links") {
    CHECK(markdown_to_html("~~旧~~ https://www.gov.cn\n") ==
          "<p><del>旧</del> <a href=\"https://www.gov.cn\">https://www.gov.cn</a></p>\n");
  }

  TEST_CASE("a line break between Chinese characters leaves no space; between Latin words it does") {
    CHECK(markdown_to_html("说理仍需加强。\n下一步，我局\n将建立 Excel\ntables 台账\n") ==
          "<p>说理仍需加强。下一步，我局将建立 Excel\ntables 台账</p>\n");
    CHECK(markdown_to_html("公开**工作**\n（一）\n") == "<p>公开<strong>工作</strong>\n（一）</p>\n");
  }
}
