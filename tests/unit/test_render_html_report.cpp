#include "render_fixture.hpp"

#include <gongkai/io/files.hpp>
#include <gongkai/render/html_report.hpp>

#include <doctest/doctest.h>

#include <filesystem>

using namespace gongkai;

namespace {

HtmlTemplates shipped_templates() {
  const auto dir = std::filesystem::path(GONGKAI_SOURCE_DIR) / "report-templates" / "html";
  return HtmlTemplates{read_file((dir / "report.mustache").string()), read_file((dir / "style.css").string())};
}

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

std::size_t count(const std::string& s, const std::string& what) {
  REQUIRE_FALSE(what.empty());
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_SUITE("render/html_report") {
  TEST_CASE("the page is self-contained: stylesheet inlined, no script, no external asset") {
    auto f = test::sample_built();
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n", 0) == 0);
    CHECK(has(html, "<style>\n/* The report page"));
    CHECK(has(html, "@page { size: A4;"));
    CHECK(has(html, "\"Noto Serif CJK SC\", \"Source Han Serif SC\""));
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "<link"));
    CHECK_FALSE(has(html, " src="));
    CHECK_FALSE(has(html, "http"));
    CHECK(has(html, "<meta name=\"dcterms.created\" content=\"2024-01-20T00:00:00Z\">"));
  }

  TEST_CASE("title, six headings in order, prose, and the signature with the Chinese date") {
    auto f = test::sample_built();
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK(has(html, "<title>测试局2023年政府信息公开工作年度报告</title>"));
    CHECK(has(html, "<h1>测试局2023年政府信息公开工作年度报告</h1>"));
    std::size_t at = 0;
    for (const char* h :
         {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
          "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}) {
      const auto next = html.find(std::string("<h2>") + h + "</h2>", at);
      CHECK_MESSAGE(next != std::string::npos, h);
      at = next;
    }
    CHECK(has(html, "<div class=\"prose\">\n<p>本机关认真贯彻《条例》。</p>\n"));
    CHECK(has(html, "<td>公开预算</td>"));  // the GFM table in 六
    CHECK(html.ends_with(
        "<footer "
        "class=\"signature\">\n<p>测试局</p>\n<p>2024年1月20日</p>\n</footer>\n</article>\n</body>\n</html>\n"));
  }

  TEST_CASE("table 三 has the official spans; computed totals are marked") {
    auto f = test::sample_built();
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK(has(html,
              "<thead>\n"
              "<tr><th class=\"head corner\" rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，"
              "等于第三项加第四项之和）</th><th class=\"head\" colspan=\"7\">申请人情况</th></tr>\n"
              "<tr><th class=\"head\" rowspan=\"2\">自然人</th><th class=\"head\" colspan=\"5\">法人或其他组织</th>"
              "<th class=\"head\" rowspan=\"2\">总计</th></tr>\n"
              "<tr><th class=\"head\">商业企业</th><th class=\"head\">科研机构</th><th class=\"head\">社会公益组织</th>"
              "<th class=\"head\">法律服务机构</th><th class=\"head\">其他</th></tr>\n"
              "</thead>\n"));
    CHECK(has(
        html,
        "<tr><th class=\"label\" colspan=\"3\">一、本年新收政府信息公开申请数量</th><td class=\"figure\">120</td>"
        "<td class=\"figure\">4</td><td class=\"figure\">0</td><td class=\"figure\">0</td><td class=\"figure\">0</td>"
        "<td class=\"figure\">0</td><td class=\"figure computed\" title=\"计算值\">124</td></tr>\n"));
    CHECK(has(html,
              "<tr><th class=\"label\" rowspan=\"22\">三、本年度办理结果</th><th class=\"label\" colspan=\"2\">"
              "（一）予以公开</th>"));
    CHECK(
        has(html, "<tr><th class=\"label\" rowspan=\"8\">（三）不予公开</th><th class=\"label\">1.属于国家秘密</th>"));
    CHECK(count(html, "<tr>") == 14 + (3 + 25) + (3 + 1) + 2);
  }

  TEST_CASE("table 二 blocks span the width; a blank cell is empty and marked blank") {
    auto f = test::sample_built();
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK(has(html,
              "<tr><th class=\"block-title\" colspan=\"4\">第二十条第（五）项</th></tr>\n"
              "<tr><th class=\"head\">信息内容</th><th class=\"head\" colspan=\"3\">本年处理决定数量</th></tr>\n"
              "<tr><th class=\"label\">行政许可</th><td class=\"figure\" colspan=\"3\">345</td></tr>\n"));
    CHECK(has(html, "<tr><th class=\"label\">行政处罚</th><td class=\"figure blank\" colspan=\"3\"></td></tr>\n"));
    CHECK(has(html, "<td class=\"figure\" colspan=\"3\">12.5</td>"));
  }

  TEST_CASE("table 四: 行政复议 over five, 行政诉讼 over ten, one row of fifteen figures") {
    auto f = test::sample_built();
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK(has(html,
              "<tr><th class=\"head\" colspan=\"5\">行政复议</th><th class=\"head\" colspan=\"10\">行政诉讼</th></tr>\n"
              "<tr><th class=\"head\" rowspan=\"2\">结果维持</th>"));
    CHECK(has(html,
              "<th class=\"head\" colspan=\"5\">未经复议直接起诉</th><th class=\"head\" "
              "colspan=\"5\">复议后起诉</th></tr>\n"));
    CHECK(has(html,
              "<tbody>\n<tr><td class=\"figure\">2</td><td class=\"figure\">1</td><td class=\"figure\">0</td>"
              "<td class=\"figure\">0</td><td class=\"figure computed\" title=\"计算值\">3</td>"));
  }

  TEST_CASE("names and prose are escaped; raw HTML in prose is dropped") {
    auto f = test::sample_built();
    f.report->agency = "<b>A&B\"局'</b>";
    f.built.prose["overview"] = "<script>alert(1)</script>\n\n正文 <img src=x onerror=y> & 5 < 6\n";
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK(has(html, "<h1>&lt;b&gt;A&amp;B&quot;局&apos;&lt;/b&gt;2023年政府信息公开工作年度报告</h1>"));
    CHECK_FALSE(has(html, "<b>"));
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "<img"));
    CHECK(has(html, "<p>正文 <!-- raw HTML omitted --> &amp; 5 &lt; 6</p>"));
  }

  TEST_CASE("a <script> agency name and javascript: links in prose are inert") {
    auto f = test::sample_built();
    f.report->agency = "<script>alert(1)</script>局";
    f.built.prose["overview"] =
        "见[链接](javascript:alert(1))与[另一个](JaVaScRiPt:alert(2))，<a href=\"javascript:x\">原始</a>。\n";
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK_FALSE(has(html, "<script"));
    CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;局"));
    CHECK_FALSE(has(html, "javascript:"));
    CHECK_FALSE(has(html, "JaVaScRiPt:"));
    CHECK(has(html, "<a href=\"\">链接</a>"));
  }

  TEST_CASE("a build with errors opens with the notice; a clean build has none") {
    auto f = test::sample_built();
    CHECK_FALSE(has(render_html_report(f.built, shipped_templates()), "class=\"stamp\""));
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "case-total";
    d.message = {"「行政复议·总计」应为 3，实为 <4>", "total should be 3"};
    f.built.findings.add(d);
    f.built.stamped_with_errors = true;
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK(has(
        html,
        "<body>\n<div class=\"stamp\" role=\"alert\">\n"
        "<p><strong>本报告未通过检查，含有 1 个错误，不得作为正式报告发布。</strong></p>\n"
        "<p lang=\"en\"><strong>This report failed its checks with 1 error; it must not be published as it "
        "is.</strong></p>\n<ul>\n<li><code>case-total</code> 「行政复议·总计」应为 3，实为 &lt;4&gt;</li>\n</ul>\n"));
  }

  TEST_CASE("a missing prose section is marked") {
    auto f = test::sample_built();
    f.built.prose.erase("problems");
    const std::string html = render_html_report(f.built, shipped_templates());
    CHECK(has(html, "<h2>五、存在的主要问题及改进情况</h2>\n<p class=\"missing\">（本节内容缺失）</p>\n"));
  }

  TEST_CASE("the template is data: another template gives another page") {
    auto f = test::sample_built();
    HtmlTemplates t{"{{title}}|{{#sections}}{{number}}{{#table}}[{{id}}]{{/table}};{{/sections}}|{{style}}", "x<y",
                    "t"};
    CHECK(render_html_report(f.built, t) ==
          "测试局2023年政府信息公开工作年度报告|一;二[proactive];三[applications];四[review_litigation];五;六;|x&lt;y");
  }

  TEST_CASE("a malformed template is an input error naming it") {
    auto f = test::sample_built();
    HtmlTemplates t{"{{#sections}}unclosed", "", "my/report.mustache"};
    try {
      (void)render_html_report(f.built, t);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.where().file == "my/report.mustache");
      CHECK(e.message().en.rfind("the HTML template is malformed: ", 0) == 0);
    }
  }
}
