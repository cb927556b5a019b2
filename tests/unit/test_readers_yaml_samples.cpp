// The YAML sample data (sample-data/) read and checked as `gongkai check` does: the two
// consistent reports have no finding; each sample-data/broken/<rule>.yaml gives the findings
// of its rule only, exactly as its .expected file prints them. The complete example of
// docs/yaml-tally.md is checked too, so the document cannot drift from the reader.
#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/yaml_tally.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace gongkai;

namespace {

struct Checked {
  std::optional<Report> report;
  Diagnostics out;
};

// `relative` is the path from the repository root, as the findings name it when gongkai runs
// there. Like `gongkai check`, a file the reader found errors in is not checked.
Checked read_and_check(const std::string& relative) {
  Checked c;
  const std::string text = read_file((std::filesystem::path(GONGKAI_SOURCE_DIR) / relative).string());
  YamlTally tally = read_yaml_tally(relative, text, test::forms(), {}, c.out);
  c.report = std::move(tally.report);
  if (c.report && !c.out.has_errors()) check_report(*c.report, CheckOptions{&test::forms()}, c.out);
  return c;
}

std::int64_t value(const Report& r, std::string_view id) {
  const CellValue* v = r.find(id);
  REQUIRE_MESSAGE(v != nullptr, id);
  return v->raw;
}

}  // namespace

TEST_SUITE("readers.yaml_samples") {
  TEST_CASE("the department sample of 2023 is consistent, with derived totals filled in") {
    Checked c = read_and_check("sample-data/department-2023/report.yaml");
    CHECK(render_diagnostics_text(c.out, Lang::en) == "");
    REQUIRE(c.report.has_value());
    const Report& r = *c.report;
    CHECK(r.agency == "云溪市市场监督管理局");
    CHECK(r.level == Level::department);
    CHECK(r.year == 2023);
    CHECK(r.form->id == "2021");
    CHECK(r.publication_date == std::optional<std::string>("2024-01-25"));
    CHECK(value(r, "applications.received.total") == 121);
    CHECK(value(r, "applications.handled_total.total") == 122);
    CHECK(value(r, "applications.carried_forward.total") == 6);
    CHECK(r.find("applications.carried_forward.total")->computed);
    CHECK(value(r, "applications.unavailable.natural_person") == 25);
    CHECK(value(r, "proactive.fees.amount") == 36'824'500);
    CHECK(value(r, "review_litigation.litigation_direct.total") == 3);
    CHECK(r.prose.size() == 3);
  }

  TEST_CASE("the government sample of 2020 is consistent, keyed by the official labels") {
    Checked c = read_and_check("sample-data/government-2020/report.yaml");
    CHECK(render_diagnostics_text(c.out, Lang::en) == "");
    REQUIRE(c.report.has_value());
    const Report& r = *c.report;
    CHECK(r.agency == "宁禾县人民政府办公室");
    CHECK(r.level == Level::government);
    CHECK(r.year == 2020);
    CHECK(r.form->id == "2019");
    CHECK(value(r, "proactive.licensing.change") == -15);
    CHECK(value(r, "proactive.procurement.amount") == 8'437'620'000);
    CHECK(value(r, "applications.other.total") == 2);
    CHECK(value(r, "applications.handled_total.total") == 72);
    CHECK(value(r, "review_litigation.litigation_after_review.total") == 2);
    CHECK(r.prose.contains("overview"));
    CHECK(r.prose.contains("other_matters"));
  }

  TEST_CASE("the complete example of docs/yaml-tally.md reads and checks without a finding") {
    const std::string doc = read_file((std::filesystem::path(GONGKAI_SOURCE_DIR) / "docs/yaml-tally.md").string());
    const auto start = doc.find("```yaml\n");
    REQUIRE(start != std::string::npos);
    const auto end = doc.find("```\n", start + 8);
    REQUIRE(end != std::string::npos);
    Diagnostics out;
    YamlTally tally = read_yaml_tally("example.yaml", doc.substr(start + 8, end - start - 8), test::forms(), {}, out);
    REQUIRE(tally.report.has_value());
    check_report(*tally.report, CheckOptions{&test::forms()}, out);
    CHECK(render_diagnostics_text(out, Lang::en) == "");
    CHECK(value(*tally.report, "applications.handled_total.total") == 49);
    CHECK(tally.prose_files == std::map<std::string, std::string>{{"problems", "problems.md"}});
  }

  TEST_CASE("each broken sample gives the findings of its rule only, as its .expected file says") {
    for (const char* rule : {"balance", "outcome-sum", "category-sum", "column-total", "case-total", "non-negative",
                             "unit-in-cell", "blank-cell", "form-year", "number", "unknown-key", "yaml"}) {
      CAPTURE(rule);
      const std::string base = std::string("sample-data/broken/") + rule;
      Checked c = read_and_check(base + ".yaml");
      REQUIRE_FALSE(c.out.empty());
      for (const auto& d : c.out.items()) CHECK(d.rule == rule);
      // Exactly one finding each (a derived 总计 column that only repeats an imbalance is not
      // reported again, see test_check_checker.cpp).
      CHECK(c.out.items().size() == 1U);
      const std::string expected =
          read_file((std::filesystem::path(GONGKAI_SOURCE_DIR) / (base + ".expected")).string());
      CHECK(render_diagnostics_text(c.out, Lang::en) == expected);
    }
  }
}
