#include <gongkai/check.hpp>
#include <gongkai/render/diagnostics_sarif.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace gongkai;

namespace {

Diagnostics sample() {
  Diagnostics ds;
  auto d =
      Diagnostic::error("balance", SourceLoc{"reports/示例 2023.yaml", 12, 5, {}}, Text{"不平衡", "does not balance"});
  d.cells.push_back({"applications.received.natural_person", "自然人"});
  d.expected = "12";
  d.actual = "11";
  ds.add(d);
  auto w =
      Diagnostic::warning("blank-cell", SourceLoc{"/abs/tables.xlsx", 0, 0, "表三!C7"}, Text{"留空", "left blank"});
  w.explanation = Text{"本年无此类申请", "no such requests this year"};
  w.explained_at = SourceLoc{"reports/explanations.yaml", 3, 1, {}};
  ds.add(w);
  auto g = Diagnostic::error("register", SourceLoc{"reg.csv", 2, 1, {}}, Text{"日期无效", "bad date"});
  g.also.push_back(SourceLoc{"", 5, 1, {}});
  g.also.push_back(SourceLoc{"", 5, 1, {}});
  ds.add(g);
  return ds;
}

}  // namespace

TEST_SUITE("render_diagnostics_sarif") {
  TEST_CASE("every rule of the table described once, in table order, with its default level") {
    const auto log = diagnostics_sarif(Diagnostics{}, Lang::en);
    CHECK(log["version"] == "2.1.0");
    const auto& rules = log["runs"][0]["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == rule_list().size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const RuleInfo& r = rule_list()[i];
      CHECK(rules[i]["id"] == std::string(r.id));
      CHECK(rules[i]["shortDescription"]["text"] == std::string(r.summary_en));
      const std::string level = rules[i]["defaultConfiguration"]["level"];
      CHECK(level == (r.severity == Severity::error ? "error" : r.severity == Severity::warning ? "warning" : "note"));
    }
    CHECK(log["runs"][0]["results"].empty());
    CHECK(log["runs"][0]["tool"]["driver"]["name"] == "gongkai");
  }

  TEST_CASE("summaries in the language asked for") {
    const auto zh = diagnostics_sarif(Diagnostics{}, Lang::zh);
    const RuleInfo& first = rule_list()[0];
    CHECK(zh["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == std::string(first.summary_zh));
    CHECK(zh["runs"][0]["language"] == "zh-CN");
  }

  TEST_CASE("a finding: rule index, level, message, file and region, cells and figures") {
    const auto log = diagnostics_sarif(sample(), Lang::en);
    const auto& results = log["runs"][0]["results"];
    REQUIRE(results.size() == 3);
    const auto& r = results[0];
    CHECK(r["ruleId"] == "balance");
    const std::size_t index = r["ruleIndex"];
    CHECK(log["runs"][0]["tool"]["driver"]["rules"][index]["id"] == "balance");
    CHECK(r["level"] == "error");
    CHECK(r["message"]["text"] == "does not balance");
    const auto& phys = r["locations"][0]["physicalLocation"];
    CHECK(phys["artifactLocation"]["uri"] == "reports/%E7%A4%BA%E4%BE%8B%202023.yaml");
    CHECK(phys["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(phys["region"]["startLine"] == 12);
    CHECK(phys["region"]["startColumn"] == 5);
    CHECK(r["properties"]["cells"][0]["id"] == "applications.received.natural_person");
    CHECK(r["properties"]["expected"] == 12);
    CHECK(r["properties"]["actual"] == 11);
    CHECK_FALSE(r.contains("suppressions"));
  }

  TEST_CASE("a workbook cell is a logical location; an explained finding is suppressed with its reason") {
    const auto log = diagnostics_sarif(sample(), Lang::zh);
    const auto& r = log["runs"][0]["results"][1];
    const auto& loc = r["locations"][0];
    CHECK(loc["physicalLocation"]["artifactLocation"]["uri"] == "file:///abs/tables.xlsx");
    CHECK_FALSE(loc["physicalLocation"]["artifactLocation"].contains("uriBaseId"));
    CHECK_FALSE(loc["physicalLocation"].contains("region"));
    CHECK(loc["logicalLocations"][0]["fullyQualifiedName"] == "表三!C7");
    CHECK(loc["logicalLocations"][0]["name"] == "C7");
    CHECK(loc["properties"]["cell"] == "表三!C7");
    REQUIRE(r["suppressions"].size() == 1);
    CHECK(r["suppressions"][0]["kind"] == "external");
    CHECK(r["suppressions"][0]["justification"] == "本年无此类申请");
    CHECK(r["suppressions"][0]["location"]["physicalLocation"]["region"]["startLine"] == 3);
  }

  TEST_CASE("the further places of a grouped finding are related locations, kept apart by id") {
    const auto log = diagnostics_sarif(sample(), Lang::en);
    const auto& r = log["runs"][0]["results"][2];
    REQUIRE(r["relatedLocations"].size() == 2);
    CHECK(r["relatedLocations"][0]["id"] == 1);
    CHECK(r["relatedLocations"][1]["id"] == 2);
    CHECK(r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reg.csv");
    CHECK(r["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5);
    CHECK(r["properties"]["count"] == 3);
  }

  TEST_CASE("deterministic: the same findings, the same bytes") {
    CHECK(render_diagnostics_sarif(sample(), Lang::en) == render_diagnostics_sarif(sample(), Lang::en));
    CHECK(render_diagnostics_sarif(sample(), Lang::en).ends_with("}\n"));
  }

  TEST_CASE("URIs: unreserved characters kept, the rest percent-encoded") {
    CHECK(sarif_uri("a/b-c_d.~e.yaml") == "a/b-c_d.~e.yaml");
    CHECK(sarif_uri("a b#c?d%") == "a%20b%23c%3Fd%25");
    CHECK(sarif_uri("/tmp/x.yaml") == "file:///tmp/x.yaml");
  }
}
