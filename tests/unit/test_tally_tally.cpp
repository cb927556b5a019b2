#include "tally_fixture.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/readers/yaml_tally.hpp>
#include <gongkai/tally/tally.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <random>

using namespace gongkai;

namespace {

// A register of `n` requests received 2021–2023, written the many ways staff write them;
// a fixed seed and raw engine output (not std distributions) make it the same everywhere.
// The engine's raw 32-bit output (result_type is wider on LP64).
struct Draw {
  std::mt19937 engine;
  explicit Draw(std::uint32_t seed) : engine(seed) {}
  std::uint32_t operator()() { return static_cast<std::uint32_t>(engine()); }
};

std::string generated_requests(std::size_t n) {
  Draw gen(20240131);
  const std::vector<std::string> applicants{"自然人", "公民",         "商业企业",     "企业",       "科研机构",
                                            "高校",   "社会公益组织", "法律服务机构", "律师事务所", "其他"};
  const std::vector<std::string> outcomes{"予以公开",
                                          "（一）予以公开",
                                          "部分公开",
                                          "不予公开-属于国家秘密",
                                          "4.保护第三方合法权益",
                                          "过程性信息",
                                          "本机关不掌握相关政府信息",
                                          "信息不存在",
                                          "需另行制作",
                                          "重复申请",
                                          "信访举报投诉类申请",
                                          "逾期不补正",
                                          "3.其他",
                                          "申请人撤回"};
  const DayNumber first = day_number(2021, 1, 1);
  const DayNumber last = day_number(2023, 12, 31);
  auto date = [&](DayNumber d, std::uint32_t style) {
    const CivilDate c = civil_date(d);
    switch (style % 4) {
      case 0:
        return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
      case 1:
        return fmt::format("{}/{}/{}", c.year, c.month, c.day);
      case 2:
        return fmt::format("{}.{}.{}", c.year, c.month, c.day);
      default:
        return fmt::format("{}年{}月{}日", c.year, c.month, c.day);
    }
  };
  std::string csv = "编号,收到日期,申请人类型,申请内容,办理结果,答复日期\n";
  for (std::size_t i = 0; i < n; ++i) {
    const DayNumber received = first + static_cast<DayNumber>(gen() % static_cast<std::uint32_t>(last - first + 1));
    const std::string& applicant = applicants[gen() % applicants.size()];
    const DayNumber replied = received + static_cast<DayNumber>(gen() % 75);
    const bool never = gen() % 50 == 0;  // still open, whenever asked
    const std::uint32_t style = gen();
    std::string outcome, reply;
    if (!never && replied <= last) {
      outcome = outcomes[gen() % outcomes.size()];
      reply = date(replied, style >> 2);
    }
    csv += fmt::format("G{:05},{},{},\"关于某事项的信息, 第{}号\",{},{}\n", i, date(received, style), applicant, i,
                       outcome, reply);
  }
  return csv;
}

std::string generated_cases(std::size_t n) {
  Draw gen(7);
  const std::vector<std::string> kinds{"行政复议", "复议", "未经复议直接起诉", "复议后起诉"};
  const std::vector<std::string> results{"维持", "驳回", "纠正", "撤销", "其他", "撤诉"};
  const DayNumber first = day_number(2021, 1, 1);
  const DayNumber last = day_number(2023, 12, 31);
  std::string csv = "案号,类型,立案日期,结果,审结日期\n";
  for (std::size_t i = 0; i < n; ++i) {
    const DayNumber filed = first + static_cast<DayNumber>(gen() % static_cast<std::uint32_t>(last - first + 1));
    const DayNumber closed = filed + static_cast<DayNumber>(gen() % 400);
    const std::string& kind = kinds[gen() % kinds.size()];
    const std::string& result = results[gen() % results.size()];
    if (closed <= last)
      csv += fmt::format("K{},{},{},{},{}\n", i, kind, format_day(filed), result, format_day(closed));
    else
      csv += fmt::format("K{},{},{},,\n", i, kind, format_day(filed));
  }
  return csv;
}

struct YearTally {
  test::RequestRun requests;
  test::CaseRun cases;
  Report report;

  YearTally(int year, const std::string& request_csv, const std::string& case_csv)
      : requests(year), cases(year), report(test::forms().by_id("2021")) {
    CHECK(requests.feed("requests.csv", request_csv));
    CHECK(cases.feed("cases.csv", case_csv));
    ReportMeta meta;
    meta.agency = "某市某局";
    meta.level = Level::department;
    report = tally_report(requests.form, meta, year, &requests.reg, &cases.reg);
  }
};

std::int64_t value(const Report& r, const std::string& id) {
  const CellValue* v = r.find(id);
  REQUIRE_MESSAGE(v != nullptr, id);
  REQUIRE_MESSAGE(v->has_value(), id);
  return v->raw;
}

}  // namespace

TEST_SUITE("tally/tally") {
  TEST_CASE("a generated register over three years tallies to reports that pass check and carry over exactly") {
    const std::string requests = generated_requests(4000);
    const std::string cases = generated_cases(300);
    std::vector<std::unique_ptr<YearTally>> years;
    std::int64_t received = 0;
    for (int y = 2021; y <= 2023; ++y) {
      years.push_back(std::make_unique<YearTally>(y, requests, cases));
      YearTally& t = *years.back();
      CHECK(t.requests.findings() == "");
      CHECK(t.cases.findings() == "");
      CHECK(t.requests.reg.rows() == 4000);
      CHECK(t.requests.reg.rejected() == 0);
      Diagnostics found;
      check_report(t.report, CheckOptions{&test::forms()}, found);
      CHECK_MESSAGE(render_diagnostics_text(found, Lang::en) == "", y);
      received += value(t.report, "applications.received.total");
      // Every column is filled, zeros included, and counts something in some column.
      CHECK(value(t.report, "applications.handled_total.total") > 0);
      CHECK(value(t.report, "review_litigation.review.total") > 0);
    }
    CHECK(received == 4000);
    CHECK(value(years[0]->report, "applications.carried_over.total") == 0);
    CHECK(value(years[2]->report, "applications.carried_forward.total") > 0);
    for (std::size_t i = 1; i < years.size(); ++i) {
      Diagnostics cross;
      check_cross_year(years[i]->report, years[i - 1]->report, cross);
      CHECK(render_diagnostics_text(cross, Lang::en) == "");
      for (const char* col : {"natural_person", "business", "research", "nonprofit", "legal_services", "other_org"})
        CHECK(value(years[i]->report, fmt::format("applications.carried_over.{}", col)) ==
              value(years[i - 1]->report, fmt::format("applications.carried_forward.{}", col)));
    }
  }

  TEST_CASE("a tallied report points every figure at its register and leaves the totals to check") {
    YearTally t(2023, generated_requests(50), generated_cases(10));
    const CellValue* v = t.report.find("applications.granted.natural_person");
    REQUIRE(v != nullptr);
    CHECK(v->has_value());
    CHECK(v->where.to_string() == "requests.csv");
    CHECK(t.report.find("review_litigation.review.upheld")->where.to_string() == "cases.csv");
    CHECK(t.report.find("applications.granted.total")->state == CellState::absent);
    CHECK(t.report.find("applications.refused.natural_person")->state == CellState::absent);
    CHECK(t.report.find("proactive.regulations.issued")->state == CellState::absent);
    CHECK(t.report.agency == "某市某局");
    CHECK(t.report.year == 2023);
  }

  TEST_CASE("the YAML tally reads back to the same figures") {
    YearTally t(2023, generated_requests(500), generated_cases(40));
    const std::string yaml = write_yaml_tally(t.report, tally_notes(t.report, &t.requests.reg, &t.cases.reg, Lang::en));
    Diagnostics found;
    const YamlTally back = read_yaml_tally("tally.yaml", yaml, test::forms(), ReportMeta{}, found);
    CHECK(render_diagnostics_text(found, Lang::en) == "");
    REQUIRE(back.report);
    CHECK(back.report->agency == "某市某局");
    CHECK(back.report->year == 2023);
    CHECK(back.report->form->id == "2021");
    std::size_t compared = 0;
    for (const auto& cell : t.report.form->cells()) {
      const CellValue& a = t.report.at(cell);
      const CellValue& b = back.report->at(cell);
      CHECK_MESSAGE(a.state == b.state, cell.id);
      CHECK_MESSAGE(a.raw == b.raw, cell.id);
      if (a.has_value()) ++compared;
    }
    CHECK(compared == std::size_t{(2 + 21 + 1) * 6 + 3 * 4});  // 三: received, carried over, 21 outcomes, forward
  }

  TEST_CASE("the YAML tally says where each row's figures come from") {
    YearTally t(2023,
                "编号,收到日期,申请人类型,办理结果,答复日期\n"
                "1,2023-01-05,自然人,予以公开,2023-01-20\n"
                "2,2022-12-05,商业企业,,\n",
                "案号,类型,立案日期,结果,审结日期\n");
    const std::string yaml = write_yaml_tally(t.report, tally_notes(t.report, &t.requests.reg, &t.cases.reg, Lang::en));
    CHECK(yaml.starts_with(
        "# Figures for the 2023 annual report, tallied by gongkai tally from registers\n"
        "# requests: requests.csv (2 rows, 0 rejected)\n"
        "# cases: cases.csv (0 rows, 0 rejected)\n"
        "\n"
        "agency: \"某市某局\"\n"
        "level: department\n"
        "year: 2023\n"
        "form: \"2021\"\n"
        "\n"
        "# 二、主动公开政府信息情况\n"
        "# not in the registers: fill in here (as in the report.yaml of gongkai init)\n"
        "\n"
        "# 三、收到和处理政府信息公开申请情况\n"
        "# 由 gongkai check 计算，此处不填 (computed by gongkai check, not given here):\n"
        "#   「总计」 列 (column)；「（三）不予公开」「（四）无法提供」「（五）不予处理」「（六）其他处理」"
        "「（七）总计」 行 (rows)\n"
        "applications:\n"
        "  # 1 row: received in 2023\n"
        "  received:                         # 一、本年新收政府信息公开申请数量\n"
        "    natural_person: 1               # 自然人\n"
        "    business: 0                     # 法人或其他组织 / 商业企业\n"));
    CHECK(yaml.find("  # 三、本年度办理结果\n  # 1 row: replied in 2023, by outcome\n  granted:") != std::string::npos);
    CHECK(yaml.find("  # 1 row: received by 2023-12-31, open at the year's end\n  carried_forward:") !=
          std::string::npos);
    CHECK(yaml.find("# 0 cases closed in 2023 (by result), 0 pending at the year's end\n") != std::string::npos);
  }
}
