// The mapping of a page's tables to a Report, on the real published pages (acceptance: exactly
// the figures of their hand transcriptions, and the same findings from check) and on the
// hostile layouts of tests/data/import/ (README there says how each was made).
#include "test_support.hpp"

#include <gongkai/check.hpp>
#include <gongkai/import/html_document.hpp>
#include <gongkai/import/map_tables.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/input.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace gongkai;

namespace {

const std::string kRoot = GONGKAI_SOURCE_DIR;

struct Read {
  std::optional<Report> report;
  Diagnostics found;
};

Read read(const std::string& path, ReadOptions options = {}) {
  Read r;
  const FileLoader load = [](const std::string& p) { return read_file(p); };
  ReadResult result = read_report(path, test::forms(), options, load, r.found);
  r.report = std::move(result.report);
  return r;
}

// Every cell of the form: the same state and figure (cell IDs of those that differ).
std::vector<std::string> differences(const Report& a, const Report& b) {
  std::vector<std::string> out;
  REQUIRE(a.form->id == b.form->id);
  for (const CellDef& c : a.form->cells()) {
    const CellValue& x = a.at(c);
    const CellValue& y = b.at(c);
    if (x.state != y.state || (x.has_value() && x.raw != y.raw)) out.push_back(c.id);
  }
  return out;
}

std::size_t count(const Diagnostics& d, std::string_view rule) {
  std::size_t n = 0;
  for (const auto& i : d.items()) n += i.rule == rule ? 1U : 0U;
  return n;
}

// What check says, without where it says it (a CSV line and a table cell are different places).
std::multiset<std::tuple<int, std::string, std::string>> check_findings(Report report) {
  Diagnostics out;
  check_report(report, CheckOptions{&test::forms()}, out);
  std::multiset<std::tuple<int, std::string, std::string>> s;
  for (const auto& d : out.items()) s.emplace(static_cast<int>(d.severity), d.rule, d.message.en);
  return s;
}

}  // namespace

TEST_SUITE("import_map_tables") {
  TEST_CASE("the two real pages import to exactly the figures of their transcriptions") {
    for (const char* year : {"2021", "2022"}) {
      CAPTURE(year);
      Read page = read(kRoot + "/tests/data/import/" + year + "_pingtan_syq.html");
      Read csv = read(kRoot + "/tests/data/real-reports/" + year + "_pingtan_syq.csv");
      REQUIRE(page.report);
      REQUIRE(csv.report);
      CHECK(page.report->form->id == "2021");
      CHECK(differences(*page.report, *csv.report) == std::vector<std::string>{});
      CHECK_FALSE(page.found.has_errors());
      CHECK(count(page.found, "import-unplaced") == 0);
      // Who and when from the page's title.
      CHECK(page.report->agency == "平潭综合实验区");
      CHECK(page.report->year == std::stoi(year));
      // Each figure says where it was found.
      const CellValue* received = page.report->find("applications.received.natural_person");
      REQUIRE(received != nullptr);
      CHECK(received->where.cell_ref.starts_with("table "));
    }
  }

  TEST_CASE("check on each real page finds what it finds on its transcription") {
    for (const char* year : {"2021", "2022"}) {
      CAPTURE(year);
      Read page = read(kRoot + "/tests/data/import/" + year + "_pingtan_syq.html");
      Read csv = read(kRoot + "/tests/data/real-reports/" + year + "_pingtan_syq.csv");
      REQUIRE(page.report);
      REQUIRE(csv.report);
      CHECK(check_findings(*page.report) == check_findings(*csv.report));
    }
  }

  TEST_CASE("hostile layouts import to the figures of the CSV they were made from") {
    Read csv = read(kRoot + "/tests/data/real-reports/2022_pingtan_syq.csv");
    REQUIRE(csv.report);
    for (const char* name : {"word-export", "cms-gbk", "split-table"}) {
      CAPTURE(name);
      Read page = read(kRoot + "/tests/data/import/" + name + ".html");
      REQUIRE(page.report);
      CHECK(differences(*page.report, *csv.report) == std::vector<std::string>{});
      CHECK_FALSE(page.found.has_errors());
      CHECK(count(page.found, "import-unplaced") == 0);
      CHECK(page.report->agency == "某某市某某局");
      CHECK(page.report->year == 2022);
    }
  }

  TEST_CASE("units are converted, 「/」 「—」 and empty cells are blank, never 0") {
    Read csv = read(kRoot + "/tests/data/real-reports/2022_pingtan_syq.csv");
    Read page = read(kRoot + "/tests/data/import/units-blanks.html");
    REQUIRE(page.report);
    for (const std::string& id : differences(*page.report, *csv.report)) {
      CAPTURE(id);
      const CellValue* v = page.report->find(id);
      const CellValue* want = csv.report->find(id);
      // The only differences: cells printed blank where the transcription has 0 (or left blank).
      CHECK(v->state == CellState::blank);
      CHECK((want->raw == 0 || id == "proactive.licensing.decisions" ||
             id == "applications.not_handled.repeated.natural_person"));
    }
    CHECK(page.report->find("proactive.licensing.decisions")->state == CellState::blank);
    CHECK(page.report->find("applications.received.total")->state == CellState::value);
    CHECK(count(page.found, "unit-in-cell") > 0);
  }

  TEST_CASE("a page without the tables is an error, rule import") {
    Read page = read(kRoot + "/tests/data/import/no-tables.html");
    CHECK_FALSE(page.report);
    CHECK(count(page.found, "import") == 1);
  }

  TEST_CASE("publication date and agency from the heading and the closing lines; the command line overrides") {
    Read page = read(kRoot + "/tests/data/import/word-export.html");
    REQUIRE(page.report);
    CHECK(page.report->publication_date == std::optional<std::string>("2023-01-20"));
    ReadOptions options;
    options.meta.agency = "另一机关";
    options.meta.year = 2021;
    Read over = read(kRoot + "/tests/data/import/word-export.html", options);
    REQUIRE(over.report);
    CHECK(over.report->agency == "另一机关");
    CHECK(over.report->year == 2021);
  }

  TEST_CASE("page_meta reads titles as sites print them") {
    import::SourceDocument doc;
    doc.title = "平潭综合实验区2021年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会";
    ReportMeta m = import::page_meta(doc);
    CHECK(m.agency == std::optional<std::string>("平潭综合实验区"));
    CHECK(m.year == std::optional<int>(2021));
    doc.title = "首页 > 政务公开 > 某县人民政府 2020 年政府信息公开工作年度报告";
    m = import::page_meta(doc);
    CHECK(m.agency == std::optional<std::string>("某县人民政府"));
    CHECK(m.year == std::optional<int>(2020));
    doc.title = "政府信息公开指南";
    m = import::page_meta(doc);
    CHECK_FALSE(m.year);
    doc.blocks.push_back({import::SourceBlock::Kind::paragraph, "2023 年 2 月 30 日", "line 9", 3});
    CHECK_FALSE(import::page_meta(doc).publication_date);  // no such day
    doc.blocks.push_back({import::SourceBlock::Kind::paragraph, "２０２３年１月５日", "line 10", 3});
    CHECK(import::page_meta(doc).publication_date == std::optional<std::string>("2023-01-05"));
  }

  TEST_CASE("prose sections are delimited by their headings, the last one by the closing lines") {
    Diagnostics out;
    const std::string bytes = read_file(kRoot + "/tests/data/import/word-export.html");
    import::SourceDocument doc = import::read_html_document("w.html", bytes, out);
    auto prose = import::page_prose(doc, *test::forms().by_id("2021"));
    REQUIRE(prose.count("overview") == 1);
    CHECK(prose["overview"].markdown.starts_with("本报告根据"));
    REQUIRE(prose.count("other_matters") == 1);
    CHECK(prose["other_matters"].markdown == "本机关未收取信息处理费。\n");
    CHECK(prose.count("proactive") == 0);  // a table section
  }

  TEST_CASE("a figure that cannot be placed is listed with its place and text") {
    import::SourceDocument doc;
    doc.path = "p.html";
    import::SourceTable t;
    t.where = "table 1";
    auto add = [&](int r, int c, std::string text, int span = 1) {
      t.cells.push_back({std::move(text), r, c, 1, span, fmt::format("table 1, row {}, column {}", r + 1, c + 1)});
    };
    const char* cols[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
    add(0, 0, "行政复议", 5);
    for (int i = 0; i < 5; ++i) add(1, i, cols[i]);
    for (int i = 0; i < 5; ++i) add(2, i, std::to_string(i));
    for (int i = 0; i < 5; ++i) add(3, i, std::to_string(i + 10));  // a second row of figures
    t.rows = 4;
    t.cols = 5;
    doc.tables.push_back(t);
    Diagnostics out;
    ReportMeta meta;
    meta.form_id = "2021";
    auto report = import::map_tables(doc, test::forms(), meta, out);
    REQUIRE(report);
    CHECK(count(out, "import-unplaced") == 5);
    CHECK(report->find("review_litigation.review.upheld")->raw == 0);
    CHECK(report->find("review_litigation.review.total")->raw == 4);
    bool named = false;
    for (const auto& d : out.items()) {
      if (d.rule == "import-unplaced" && d.where.cell_ref == "table 1, row 4, column 1") {
        named = d.message.en.find("'10'") != std::string::npos;
      }
    }
    CHECK(named);
  }
}
