#include "test_support.hpp"

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/overview.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace gongkai;

namespace {

UnitSummary unit(const std::string& name, std::int64_t received, std::optional<std::int64_t> fee, std::size_t errors) {
  UnitSummary u;
  u.unit = name;
  u.path = name + ".yaml";
  u.form = "2021";
  u.year = 2023;
  u.key_figures = key_figures(test::forms());
  for (const auto& k : u.key_figures) {
    if (k.id == "received")
      u.figures.emplace_back(received);
    else if (k.amount)
      u.figures.push_back(fee);
    else
      u.figures.emplace_back(std::nullopt);
  }
  u.errors = errors;
  if (errors > 0) u.by_rule["balance"] = errors;
  return u;
}

}  // namespace

TEST_SUITE("render/overview") {
  TEST_CASE("the CSV ends with a total row and has Chinese headers under zh") {
    const std::vector<UnitSummary> units{unit("甲", 12, 360000, 0), unit("乙", 30, std::nullopt, 2)};
    const std::string csv = render_overview_csv(units, Lang::zh);
    CHECK(csv.starts_with("单位,文件,表式,年度,"));
    const auto last = csv.substr(csv.rfind('\n', csv.size() - 2) + 1);
    CHECK(last.starts_with("合计,,,,42,"));
    CHECK(last.find(",0.36,,") != std::string::npos);  // 万元, the units that give it
    CHECK(last.ends_with(",2,0,2\n"));                 // errors, warnings, balance
  }

  TEST_CASE("the HTML page is the shipped template, escaped as before it was one") {
    const auto dir = std::filesystem::path(GONGKAI_SOURCE_DIR) / "report-templates" / "html";
    const HtmlTemplates t{read_file((dir / "overview.mustache").string()), read_file((dir / "overview.css").string()),
                          "html/overview.mustache"};
    std::vector<UnitSummary> units{unit("甲<&\"'>", 12, 360000, 0), unit("乙", 30, std::nullopt, 2)};
    const std::string html = render_overview_html(units, Lang::zh, "概览", t);
    CHECK(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<title>概览</title>\n<style>\nbody{"));
    CHECK(html.find("<td>甲&lt;&amp;&quot;'&gt;</td>") != std::string::npos);
    CHECK(html.find("<th data-col=\"4\" data-num=\"1\">本年新收申请</th>") != std::string::npos);
    CHECK(html.find("<tr class=\"errors\"><td>乙</td>") != std::string::npos);
    CHECK(html.find("<td class=\"n\">0.36</td>") != std::string::npos);
    CHECK(html.ends_with("</script>\n</body>\n</html>\n"));
    const HtmlTemplates own{"{{lang}}|{{#columns}}{{heading}},{{/columns}}|{{#units}}{{status}};{{/units}}|{{{style}}}",
                            "a<b", "x.mustache"};
    CHECK(render_overview_html(units, Lang::en, "t", own).starts_with("en|unit,file,form,year,received,"));
    CHECK(render_overview_html(units, Lang::en, "t", own).ends_with("|ok;errors;|a<b"));
    CHECK_THROWS_AS((void)render_overview_html(units, Lang::en, "t", HtmlTemplates{"{{#units}}", "", "x"}), InputError);
  }

  TEST_CASE("the CSV file is UTF-8 with a BOM by default, or GB18030") {
    CHECK(overview_csv_bytes("单位\n", "utf-8-bom") == "\xEF\xBB\xBF单位\n");
    CHECK(overview_csv_bytes("单位\n", "utf-8") == "单位\n");
    CHECK(overview_csv_bytes("单位\n", "gb18030") == "\xB5\xA5\xCE\xBB\n");
  }
}

TEST_SUITE("render/diagnostics_json") {
  TEST_CASE("figures are numbers when they are numbers") {
    CHECK(figure_json("1320") == nlohmann::ordered_json(1320));
    CHECK(figure_json("-3") == nlohmann::ordered_json(-3));
    CHECK(figure_json("36.8245").dump() == "36.8245");
    CHECK(figure_json(">= 0") == nlohmann::ordered_json(">= 0"));
    CHECK(figure_json("1.") == nlohmann::ordered_json("1."));
    CHECK(figure_json("") == nlohmann::ordered_json(""));
  }

  TEST_CASE("each finding carries its unit; the summary counts units") {
    UnitSummary u;
    u.unit = "甲";
    u.path = "a.yaml";
    u.year = 2023;
    u.errors = 1;
    Diagnostics found;
    Diagnostic d;
    d.rule = "balance";
    d.message = {"错", "wrong"};
    d.expected = "12";
    d.actual = "11";
    found.add(d);
    Diagnostics general;
    const auto doc = findings_document(general, {{&u, &found}}, Lang::en);
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["unit"]["agency"] == "甲");
    CHECK(doc["findings"][0]["unit"]["year"] == 2023);
    CHECK(doc["findings"][0]["unit"]["file"] == "a.yaml");
    CHECK(doc["findings"][0]["expected"] == 12);
    CHECK(doc["units"].size() == 1);
    CHECK(doc["summary"]["units"] == 1);
    CHECK(doc["summary"]["with_errors"] == 1);
    CHECK(doc["summary"]["errors"] == 1);
  }
}
