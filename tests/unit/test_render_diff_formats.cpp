// The readers' formats of `gongkai diff`: the format table, the SVG chart, Markdown (through
// cmark-gfm), HTML, CSV and XLSX of a year-over-year diff and of a series.
#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/diff/series.hpp>
#include <gongkai/render/diff_csv.hpp>
#include <gongkai/render/diff_formats.hpp>
#include <gongkai/render/diff_html.hpp>
#include <gongkai/render/diff_markdown.hpp>
#include <gongkai/render/diff_model.hpp>
#include <gongkai/render/diff_xlsx.hpp>
#include <gongkai/render/markdown_html.hpp>
#include <gongkai/render/svg_chart.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gongkai;

namespace {

Report year(int y, std::optional<std::int64_t> received, const char* agency = "测试局") {
  Report r(test::forms().by_id("2021"));
  r.agency = agency;
  r.year = y;
  r.origin = SourceLoc{fmt::format("{}.yaml", y), 0, 0, {}};
  if (received)
    r.at(*r.form->cell("applications.received.natural_person")) =
        CellValue{CellState::value, *received, false, SourceLoc{"t.yaml", 1, 1, {}}};
  Diagnostics ignored;
  check_report(r, CheckOptions{&test::forms()}, ignored);
  return r;
}

const DiffModelRow* find_row(const DiffModel& m, const std::string& id) {
  for (const auto& t : m.tables)
    for (const auto& r : t.rows)
      if (r.id == id) return &r;
  return nullptr;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

HtmlTemplates test_templates() {
  HtmlTemplates t;
  t.page =
      "<html>{{title}}|{{#tables}}<h2>{{heading}}</h2>{{#rows}}<tr class=\"{{kind}}{{#flagged}} "
      "flagged{{/flagged}}\"><td>{{name}}</td>{{#figures}}<td>{{text}}</td>{{/figures}}<td>{{flags}}</td></tr>"
      "{{/rows}}{{/tables}}{{#charts}}{{{svg}}}{{/charts}}{{#findings}}<li>{{rule}}</li>{{/findings}}</html>";
  t.page_name = "test.mustache";
  return t;
}

}  // namespace

TEST_SUITE("render/diff-formats") {
  TEST_CASE("the format table: names, extensions, unknown and did you mean") {
    CHECK(diff_format_names() == "text, md, html, xlsx, csv, json, sarif");
    CHECK(diff_formats().front().name == "text");
    CHECK(find_diff_format_by_file("out/diff.xlsx")->name == "xlsx");
    CHECK(find_diff_format_by_file("diff.txt")->name == "text");
    CHECK(find_diff_format_by_file("findings.sarif")->name == "sarif");
    CHECK(find_diff_format_by_file("a.b/diff") == nullptr);
    CHECK(find_diff_format_by_file("diff.pdf") == nullptr);
    CHECK(find_diff_format("xlsx")->binary);
    CHECK_FALSE(find_diff_format("csv")->binary);
    Text error;
    CHECK(parse_diff_format("htm", error) == nullptr);
    CHECK(error.en == "unknown format 'htm' (known: text, md, html, xlsx, csv, json, sarif); did you mean 'html'?");
    CHECK(error.zh.find("未知的格式「htm」") != std::string::npos);
    CHECK(parse_diff_format("csv", error)->name == "csv");
  }

  TEST_CASE("a round axis step") {
    CHECK(svg_nice_step(4210, 4) == 2000);
    CHECK(svg_nice_step(44, 4) == 20);
    CHECK(svg_nice_step(3, 4) == 1);
    CHECK(svg_nice_step(1, 4) == 1);
    CHECK(svg_nice_step(8, 4) == 2);
    CHECK(svg_nice_step(1'000'000, 4) == 500'000);
  }

  TEST_CASE("a bar chart: bars for figures, gaps for the rest, escaped text, same bytes twice") {
    SvgBarChart c;
    c.title = "行政许可 <&> \"x\"";
    c.categories = {"2020", "2021", "2022"};
    c.values = {100, std::nullopt, 50};
    c.labels = {"100", "n/a", "50"};
    const std::string svg = render_svg_bar_chart(c);
    CHECK(svg == render_svg_bar_chart(c));
    CHECK(count(svg, "<rect class=\"bar\"") == 2);
    CHECK(count(svg, "<text class=\"gap\"") == 1);
    CHECK(svg.find("行政许可 &lt;&amp;&gt; &quot;x&quot;") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find(">2021</text>") != std::string::npos);
    // Axis 0 … 100 in steps of 50: the 100 bar is the whole plot's height (166), the 50 half.
    CHECK(svg.find("height=\"166\"") != std::string::npos);
    CHECK(svg.find("height=\"83\"") != std::string::npos);
  }

  TEST_CASE("a year-over-year diff in Markdown, CSV, HTML and XLSX") {
    const Report a = year(2022, 10);
    const Report b = year(2023, 100);
    const ReportDiff d = diff_reports(a, b, DiffOptions{});
    const DiffModel m = diff_model(d, Lang::en, DiffView{});
    const DiffModelRow* r = find_row(m, "applications.received.natural_person");
    REQUIRE(r != nullptr);
    CHECK(r->figures == std::vector<std::string>{"10", "100"});
    CHECK(r->change == "+90");
    CHECK(r->percent == "+900.0%");
    CHECK(r->flags == std::vector<std::string>{"swing"});
    CHECK_FALSE(r->folded);

    const std::string md = render_diff_markdown(m, Lang::en);
    CHECK(md.find("| 本年新收 · 自然人 |  | 10 | 100 | +90 | +900.0% | swing |") != std::string::npos);
    CHECK(md.find("- **warning** `swing`") != std::string::npos);
    const std::string md_html = markdown_to_html(md);
    CHECK(md_html.find("<table>") != std::string::npos);
    CHECK(md_html.find("<td align=\"right\">+900.0%</td>") != std::string::npos);

    const std::string csv = render_diff_csv(m, Lang::en);
    CHECK(
        csv.starts_with("\xEF\xBB\xBFtable,row,column,cell ID,old form ID,new form ID,total,2022,2023,change,percent,"
                        "kind,flags\n"));
    CHECK(csv.find(",applications.received.natural_person,applications.received.natural_person,"
                   "applications.received.natural_person,,10,100,90,+900.0%,changed,swing\n") != std::string::npos);
    // Every cell is a row, folded or not.
    CHECK(count(csv, "\n") == d.cells.size() + 1);

    const std::string html = render_diff_html(m, Lang::en, test_templates());
    CHECK(html.find("<tr class=\"changed flagged\"><td>本年新收 · 自然人</td><td>10</td><td>100</td><td>swing</td>") !=
          std::string::npos);

    const std::string xlsx = render_diff_xlsx(m, Lang::en);
    CHECK(xlsx.starts_with("PK"));
    CHECK(xlsx == render_diff_xlsx(m, Lang::en));  // same bytes: no clock
  }

  TEST_CASE("text that looks like a formula stays text in CSV") {
    CHECK(diff_csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(diff_csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(diff_csv_field("-12") == "-12");
    CHECK(diff_csv_field("+25.0%") == "+25.0%");
    CHECK(diff_csv_field("-x") == "'-x");
    CHECK(diff_csv_field("a,b") == "\"a,b\"");
  }

  TEST_CASE("Markdown escapes what would be markup") {
    CHECK(markdown_table_cell("a|b") == "a\\|b");
    CHECK(markdown_table_cell("22*") == "22\\*");
    CHECK(markdown_table_cell("<script>") == "\\<script\\>");
    CHECK(markdown_table_cell("x\ny") == "x y");
  }

  TEST_CASE("a series: a chart per key figure, a gap where a year has no figure") {
    const Report a = year(2021, 10);
    const Report b = year(2022, std::nullopt);
    const Report c = year(2023, 30);
    Diagnostics out;
    DiffOptions o;
    o.settings.key_figures = {"applications.received.natural_person"};
    const auto s = diff_series({&a, &b, &c}, o, out);
    REQUIRE(s.has_value());
    const DiffModel m = diff_model(*s, Lang::zh, DiffView{});
    REQUIRE(m.charts.size() == 1);
    CHECK(m.charts[0].raw == std::vector<std::optional<std::int64_t>>{10, std::nullopt, 30});
    CHECK(m.charts[0].labels == std::vector<std::string>{"10", "—", "30"});
    CHECK(m.years == std::vector<std::string>{"2021", "2022", "2023"});
    const std::string svg = diff_chart_svg(m.charts[0], m.years);
    CHECK(count(svg, "<rect class=\"bar\"") == 2);
    CHECK(count(svg, "<text class=\"gap\"") == 1);
    const std::string html = render_diff_html(m, Lang::zh, test_templates());
    CHECK(count(html, "<svg") == 1);
    const std::string md = render_diff_markdown(m, Lang::zh);
    CHECK(md.find("## 主要数字") != std::string::npos);
    const std::string xlsx = render_diff_xlsx(m, Lang::zh);
    CHECK(xlsx.find("xl/charts/chart1.xml") != std::string::npos);  // a native chart part
  }
}
