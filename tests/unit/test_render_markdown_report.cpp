#include "render_fixture.hpp"

#include <gongkai/render/markdown_html.hpp>
#include <gongkai/render/markdown_report.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace gongkai;

namespace {

// The part of `md` from the line `from` up to (not including) the line `to`, or to the end.
std::string between(const std::string& md, const std::string& from, const std::string& to) {
  const auto a = md.find(from);
  REQUIRE_MESSAGE(a != std::string::npos, from);
  const auto b = to.empty() ? std::string::npos : md.find(to, a);
  return md.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

std::string heading_lines(const std::string& md) {
  std::istringstream in(md);
  std::string out, line;
  while (std::getline(in, line))
    if (line.rfind("#", 0) == 0) out += line + "\n";
  return out;
}

}  // namespace

TEST_SUITE("render/markdown_report") {
  TEST_CASE("the title and the six headings come verbatim in form order") {
    auto f = test::sample_built();
    const std::string md = render_markdown_report(f.built);
    CHECK(md.rfind("# 测试局2023年政府信息公开工作年度报告\n", 0) == 0);
    CHECK(heading_lines(md) ==
          "# 测试局2023年政府信息公开工作年度报告\n"
          "## 一、总体情况\n"
          "## 二、主动公开政府信息情况\n"
          "## 三、收到和处理政府信息公开申请情况\n"
          "## 四、政府信息公开行政复议、行政诉讼情况\n"
          "## 五、存在的主要问题及改进情况\n"
          "## 六、其他需要报告的事项\n");
  }

  TEST_CASE("prose is placed under its heading as given") {
    auto f = test::sample_built();
    const std::string md = render_markdown_report(f.built);
    CHECK(between(md, "## 一、", "## 二、") == "## 一、总体情况\n\n本机关认真贯彻《条例》。\n\n");
    CHECK(between(md, "## 六、", "") ==
          "## 六、其他需要报告的事项\n\n本年度未收取信息处理费。\n\n| 任务 | 状态 |\n| --- | --- |\n| 公开预算 | "
          "已完成 |\n");
  }

  TEST_CASE("table 二 is one table per block under its title; a blank cell stays empty") {
    auto f = test::sample_built();
    const std::string md = render_markdown_report(f.built);
    CHECK(between(md, "## 二、", "## 三、") ==
          "## 二、主动公开政府信息情况\n\n"
          "**第二十条第（一）项**\n\n"
          "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
          "| :--- | ---: | ---: | ---: |\n"
          "| 规章 | 1 | 0 | 12 |\n"
          "| 行政规范性文件 | 0 | 0 | 0 |\n\n"
          "**第二十条第（五）项**\n\n"
          "| 信息内容 | 本年处理决定数量 |\n"
          "| :--- | ---: |\n"
          "| 行政许可 | 345 |\n\n"
          "**第二十条第（六）项**\n\n"
          "| 信息内容 | 本年处理决定数量 |\n"
          "| :--- | ---: |\n"
          "| 行政处罚 |  |\n"
          "| 行政强制 | 0 |\n\n"
          "**第二十条第（八）项**\n\n"
          "| 信息内容 | 本年收费金额（单位：万元） |\n"
          "| :--- | ---: |\n"
          "| 行政事业性收费 | 12.5 |\n\n");
  }

  TEST_CASE("table 三 flattens headers and row paths with ·; derived totals print their figure") {
    auto f = test::sample_built();
    const std::string md = render_markdown_report(f.built);
    const std::string t = between(md, "## 三、", "## 四、");
    CHECK(t.find("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况·自然人 | "
                 "申请人情况·法人或其他组织·商业企业 | 申请人情况·法人或其他组织·科研机构 | "
                 "申请人情况·法人或其他组织·社会公益组织 | 申请人情况·法人或其他组织·法律服务机构 | "
                 "申请人情况·法人或其他组织·其他 | 申请人情况·总计 |\n"
                 "| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
                 "| 一、本年新收政府信息公开申请数量 | 120 | 4 | 0 | 0 | 0 | 0 | 124 |\n") != std::string::npos);
    CHECK(t.find("| 三、本年度办理结果·（三）不予公开·1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n") !=
          std::string::npos);
    CHECK(t.find("| 三、本年度办理结果·（七）总计 | 118 | 4 | 0 | 0 | 0 | 0 | 122 |\n") != std::string::npos);
    CHECK(t.find("| 四、结转下年度继续办理 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n\n") != std::string::npos);
    CHECK(count(t, "\n| 三、本年度办理结果·") == 22);
  }

  TEST_CASE("table 四 is fifteen columns labelled by their header path") {
    auto f = test::sample_built();
    const std::string md = render_markdown_report(f.built);
    CHECK(between(md, "## 四、", "## 五、") ==
          "## 四、政府信息公开行政复议、行政诉讼情况\n\n"
          "| 行政复议·结果维持 | 行政复议·结果纠正 | 行政复议·其他结果 | 行政复议·尚未审结 | 行政复议·总计 | "
          "行政诉讼·未经复议直接起诉·结果维持 | 行政诉讼·未经复议直接起诉·结果纠正 | "
          "行政诉讼·未经复议直接起诉·其他结果 | 行政诉讼·未经复议直接起诉·尚未审结 | "
          "行政诉讼·未经复议直接起诉·总计 | 行政诉讼·复议后起诉·结果维持 | 行政诉讼·复议后起诉·结果纠正 | "
          "行政诉讼·复议后起诉·其他结果 | 行政诉讼·复议后起诉·尚未审结 | 行政诉讼·复议后起诉·总计 |\n"
          "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
          "| 2 | 1 | 0 | 0 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\n");
  }

  TEST_CASE("cells left out of a given table print 0; a table not given at all prints empty, not as zeros") {
    auto f = test::sample_built([](Report& r) {
      for (const auto& c : r.form->cells())
        if (c.table->id == "review_litigation") r.at(c) = CellValue{};
    });
    const std::string md = render_markdown_report(f.built);
    CHECK(between(md, "## 四、", "## 五、")
              .ends_with("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | "
                         "---: | ---: | ---: | ---: | ---: | ---: |\n"
                         "|  |  |  |  |  |  |  |  |  |  |  |  |  |  |  |\n\n"));
    // 三 gives some cells: the ones it leaves out are 0.
    CHECK(md.find("| 0 |") != std::string::npos);
  }

  TEST_CASE("a category given alone is one row") {
    auto f = test::sample_built([](Report& r) {
      r.at(*r.form->cell("applications.other.other.natural_person")) = CellValue{};
      test::set_cell(r, "applications.other.natural_person", 5);
    });
    const std::string md = render_markdown_report(f.built);
    // The other columns of the category are 0 by derivation (nothing reported under them).
    CHECK(md.find("| 三、本年度办理结果·（六）其他处理 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n") != std::string::npos);
    CHECK(md.find("（六）其他处理·") == std::string::npos);
  }

  TEST_CASE("cmark-gfm parses every table intact") {
    auto f = test::sample_built();
    const std::string html = markdown_to_html(render_markdown_report(f.built));
    // 4 blocks of 二, 三, 四 and the prose table of 六.
    CHECK(count(html, "<table>") == 7);
    // Rows: 二 (3+2+3+2), 三 (1+25), 四 (1+1), the prose table (1+1).
    CHECK(count(html, "<tr>") == 10 + 26 + 2 + 2);
    CHECK(count(html, "<td") == (2 * 4 + 2 + 2 * 2 + 2) + 25 * 8 + 15 + 2);
    CHECK(html.find("<td align=\"right\">12.5</td>") != std::string::npos);
    CHECK(html.find("<p><strong>第二十条第（八）项</strong></p>") != std::string::npos);
    CHECK(html.find("<h2>三、收到和处理政府信息公开申请情况</h2>") != std::string::npos);
  }

  TEST_CASE("a build with errors opens with the notice and its errors") {
    auto f = test::sample_built();
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "balance";
    d.message = {"「自然人」列：一加二为 123，三加四为 | 122", "column 自然人: 123 vs 122"};
    f.built.findings.add(d);
    f.built.stamped_with_errors = true;
    const std::string md = render_markdown_report(f.built);
    CHECK(md.rfind("> **本报告未通过检查，含有 1 个错误，不得作为正式报告发布。**\n"
                   ">\n"
                   "> **This report failed its checks with 1 error; it must not be published as it is.**\n"
                   ">\n"
                   "> - `balance` 「自然人」列：一加二为 123，三加四为 \\| 122\n"
                   "\n"
                   "# 测试局2023年政府信息公开工作年度报告\n",
                   0) == 0);
  }

  TEST_CASE("a missing prose section is marked, not left as an empty heading") {
    auto f = test::sample_built();
    f.built.prose.erase("problems");
    const std::string md = render_markdown_report(f.built);
    CHECK(between(md, "## 五、", "## 六、") == "## 五、存在的主要问题及改进情况\n\n*（本节内容缺失）*\n\n");
  }

  TEST_CASE("markup characters in names are escaped") {
    CHECK(markdown_escape("a|b") == "a\\|b");
    CHECK(markdown_escape("*局*_<x>") == "\\*局\\*\\_\\<x\\>");
    CHECK(markdown_escape("本年增/减 (1.5)") == "本年增/减 (1.5)");
    auto f = test::sample_built();
    f.report->agency = "某|局*";
    const std::string md = render_markdown_report(f.built);
    CHECK(md.rfind("# 某\\|局\\*2023年政府信息公开工作年度报告\n", 0) == 0);
  }
}
