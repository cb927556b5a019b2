#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/readers/yaml_tally.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/scaffold/report_folder.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

ReportFolderOptions options(int year, const std::string& form) {
  ReportFolderOptions o;
  o.form = test::forms().by_id(form);
  o.agency = "某县某局";
  o.year = year;
  o.workbook = false;
  o.lang = Lang::en;
  o.prose_templates["overview"] = "### （一）主动公开\n";
  return o;
}

Report read_back(const ScaffoldFile& f, Diagnostics& found) {
  YamlTally t = read_yaml_tally(f.name, f.content, test::forms(), ReportMeta{}, found);
  REQUIRE(t.report);
  return std::move(*t.report);
}

}  // namespace

TEST_SUITE("scaffold/report_folder") {
  TEST_CASE("a new folder holds report.yaml, one stub per prose section, and the workbook when asked") {
    ReportFolderOptions o = options(2023, "2021");
    ReportFolder f = scaffold_report_folder(o);
    std::vector<std::string> names;
    for (const auto& file : f.files) names.push_back(file.name);
    CHECK(names == std::vector<std::string>{"report.yaml", "overview.md", "problems.md", "other_matters.md"});
    CHECK(f.files[1].content == "### （一）主动公开\n");
    CHECK(f.files[2].content == "【待填写】\n");
    o.workbook = true;
    f = scaffold_report_folder(o);
    REQUIRE(f.files.size() == 5);
    CHECK(f.files[4].name == "tables.xlsx");
    CHECK(f.files[4].content.starts_with("PK\x03\x04"));
  }

  TEST_CASE("report.yaml has every fillable cell 【待填写】 (blank, never 0): it reads back and fails check") {
    for (const auto& [year, form] : std::vector<std::pair<int, std::string>>{{2023, "2021"}, {2020, "2019"}}) {
      const ReportFolder f = scaffold_report_folder(options(year, form));
      Diagnostics found;
      Report r = read_back(f.files[0], found);
      CHECK(render_diagnostics_text(found, Lang::en) == "");
      std::size_t stubs = 0;
      for (const auto& c : r.form->cells()) {
        const CellValue& v = r.at(c);
        if (c.derived)
          CHECK_MESSAGE(v.state == CellState::absent, c.id);
        else {
          CHECK_MESSAGE(v.state == CellState::blank, c.id);
          CHECK_MESSAGE(v.stub, c.id);
          ++stubs;
        }
      }
      CHECK(stubs > 100);
      check_report(r, CheckOptions{&test::forms()}, found);
      CHECK(found.count(Severity::error) == stubs);
      for (const auto& d : found.items()) CHECK(d.rule == "stub");
      CHECK(r.agency == "某县某局");
      CHECK(f.files[0].content.find("prose:\n  overview: {file: \"overview.md\"}") != std::string::npos);
      CHECK(f.files[0].content.find("regulations:                      # 规章\n") != std::string::npos);
      CHECK(f.files[0].content.find(": 【待填写】  ") != std::string::npos);
      CHECK(f.files[0].content.find(": 0 ") == std::string::npos);  // no figure nobody gave
    }
  }

  TEST_CASE("an empty register does not zero what last year carries over: last year's figures win, with a warning") {
    Report last(test::forms().by_id("2021"));
    last.agency = "某县某局";
    last.year = 2022;
    last.at(*last.form->cell("applications.received.natural_person")) =
        CellValue{CellState::value, 4, false, SourceLoc{"t.yaml", 2, 3, {}}};
    last.at(*last.form->cell("applications.carried_forward.natural_person")) =
        CellValue{CellState::value, 4, false, SourceLoc{"t.yaml", 3, 3, {}}};
    Diagnostics ignored;
    check_report(last, CheckOptions{&test::forms()}, ignored);
    Report tallied(test::forms().by_id("2021"));
    for (const auto& c : tallied.form->cells())
      if (c.table->id == "applications" && !c.derived)
        tallied.at(c) = CellValue{CellState::value, 0, false, SourceLoc{"r.csv", 0, 0, {}}};
    ReportFolderOptions o = options(2023, "2021");
    o.last_year = &last;
    o.last_year_name = "t.yaml";
    o.last_year_link = "../2022/report.yaml";
    o.tallied = &tallied;
    const ReportFolder f = scaffold_report_folder(o);
    CHECK(f.carried.rows == std::vector<std::string>{"applications.carried_over"});
    REQUIRE(f.warnings.size() == 1);
    CHECK(f.warnings[0].en ==
          "the registers count '二、上年结转政府信息公开申请数量' as 0: kept what the 2022 report (t.yaml) carries "
          "over; check whether the registers hold the requests carried over from last year");
    Diagnostics found;
    Report next = read_back(f.files[0], found);
    CHECK(next.find("applications.carried_over.natural_person")->raw == 4);
    CHECK(next.find("applications.received.natural_person")->raw == 0);  // counted from the register
    CHECK(f.files[0].content.find("previous: \"../2022/report.yaml\"") != std::string::npos);
  }

  TEST_CASE("with last year's report, 上年结转 and 现行有效件数 start where last year ended") {
    Report last(test::forms().by_id("2021"));
    last.agency = "某县某局";
    last.year = 2022;
    last.origin = SourceLoc{"2022/report.yaml", 1, 1, {}};
    auto set = [&](const std::string& id, std::int64_t v) {
      last.at(*last.form->cell(id)) = CellValue{CellState::value, v, false, SourceLoc{"2022/report.yaml", 7, 5, {}}};
    };
    set("applications.received.natural_person", 10);
    set("applications.granted.natural_person", 7);
    set("applications.carried_forward.natural_person", 3);
    set("applications.received.business", 2);
    set("applications.carried_forward.business", 2);
    set("proactive.normative_docs.in_force", 42);
    Diagnostics ignored;
    check_report(last, CheckOptions{&test::forms()}, ignored);

    ReportFolderOptions o = options(2023, "2021");
    o.last_year = &last;
    o.last_year_name = "2022/report.yaml";
    const ReportFolder f = scaffold_report_folder(o);
    CHECK(f.carried.rows == std::vector<std::string>{"applications.carried_over"});
    CHECK(f.carried.columns == std::vector<std::string>{"proactive.in_force"});
    CHECK(f.carried.missing.empty());  // left out beside given figures: 0, as check counts them
    Diagnostics found;
    Report next = read_back(f.files[0], found);
    CHECK(next.find("applications.carried_over.natural_person")->raw == 3);
    CHECK(next.find("applications.carried_over.business")->raw == 2);
    CHECK(next.find("applications.carried_over.research")->raw == 0);
    CHECK(next.find("proactive.normative_docs.in_force")->raw == 42);
    CHECK(next.find("proactive.regulations.in_force")->raw == 0);
    check_report(next, CheckOptions{&test::forms()}, found);
    Diagnostics cross;
    check_cross_year(next, last, cross);
    CHECK(render_diagnostics_text(cross, Lang::en) == "");
    CHECK(f.files[0].content.find("  # pre-filled from 四、结转下年度继续办理 of the 2022 report (2022/report.yaml)\n"
                                  "  carried_over:") != std::string::npos);
  }

  TEST_CASE("what last year's report does not give is left at zero and said, not claimed as carried") {
    Report last(test::forms().by_id("2021"));
    last.agency = "某县某局";
    last.year = 2022;
    last.at(*last.form->cell("applications.carried_forward.natural_person")) =
        CellValue{CellState::value, 4, false, SourceLoc{"t.yaml", 3, 3, {}}};
    Diagnostics ignored;
    check_report(last, CheckOptions{&test::forms()}, ignored);
    ReportFolderOptions o = options(2023, "2021");
    o.last_year = &last;
    o.last_year_name = "t.yaml";
    const ReportFolder f = scaffold_report_folder(o);
    CHECK(f.carried.rows == std::vector<std::string>{"applications.carried_over"});
    CHECK(f.carried.columns.empty());
    CHECK(f.carried.missing ==
          std::vector<std::string>{"proactive.regulations.in_force", "proactive.normative_docs.in_force"});
  }

  TEST_CASE("tables counted from registers replace the zeros and last year's carry, with their notes") {
    Report last(test::forms().by_id("2021"));
    last.agency = "某县某局";
    last.year = 2022;
    last.at(*last.form->cell("applications.carried_forward.natural_person")) =
        CellValue{CellState::value, 4, false, SourceLoc{"t.yaml", 3, 3, {}}};
    last.at(*last.form->cell("proactive.normative_docs.in_force")) =
        CellValue{CellState::value, 9, false, SourceLoc{"t.yaml", 4, 3, {}}};
    Diagnostics ignored;
    check_report(last, CheckOptions{&test::forms()}, ignored);
    Report tallied(test::forms().by_id("2021"));
    tallied.at(*tallied.form->cell("applications.carried_over.natural_person")) =
        CellValue{CellState::value, 5, false, SourceLoc{"r.csv", 0, 0, {}}};
    tallied.at(*tallied.form->cell("applications.granted.natural_person")) =
        CellValue{CellState::value, 5, false, SourceLoc{"r.csv", 0, 0, {}}};
    YamlTallyNotes notes;
    notes.header = {"title of the tally", "requests: r.csv (5 rows, 0 rejected)"};
    notes.rows["applications.carried_over"] = {"5 rows: received before 2023, open on 2023-01-01"};
    notes.tables["proactive"] = {"not in the registers"};

    ReportFolderOptions o = options(2023, "2021");
    o.last_year = &last;
    o.last_year_name = "t.yaml";
    o.tallied = &tallied;
    o.tally_notes = &notes;
    const ReportFolder f = scaffold_report_folder(o);
    CHECK(f.carried.rows.empty());  // counted from the register instead
    CHECK(f.carried.columns == std::vector<std::string>{"proactive.in_force"});
    const std::string& yaml = f.files[0].content;
    CHECK(yaml.find("# requests: r.csv (5 rows, 0 rejected)\n") != std::string::npos);
    CHECK(yaml.find("title of the tally") == std::string::npos);
    CHECK(yaml.find("not in the registers") == std::string::npos);
    CHECK(yaml.find("  # 5 rows: received before 2023, open on 2023-01-01\n  carried_over:") != std::string::npos);
    Diagnostics found;
    Report next = read_back(f.files[0], found);
    CHECK(next.find("applications.carried_over.natural_person")->raw == 5);
    CHECK(next.find("applications.granted.natural_person")->raw == 5);
    CHECK(next.find("proactive.normative_docs.in_force")->raw == 9);
    check_report(next, CheckOptions{&test::forms()}, found);
    for (const auto& d : found.items()) CHECK(d.rule == "stub");  // what nobody filled yet
    Diagnostics cross;
    check_cross_year(next, last, cross);
    CHECK(render_diagnostics_text(cross, Lang::en) ==
          "report.yaml:48:21: error[carry-continuity]: 三 自然人: 「上年结转」 of 2023 is 5, but 「结转下年度」 "
          "of 2022 was 4\n");
  }
}
