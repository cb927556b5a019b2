#include "test_support.hpp"
#include "xlsx_test_files.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/readers/official_workbook.hpp>
#include <gongkai/render/xlsx_report.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace gongkai;
using gongkai::test::TempDir;

namespace {

// Writes cells by their A1 references. Constant-memory mode needs each sheet's rows in order,
// so the sheets below are written top to bottom.
class SheetWriter {
 public:
  explicit SheetWriter(lxw_worksheet* ws) : ws_(ws) {}
  SheetWriter& text(const char* ref, const char* s) {
    REQUIRE(worksheet_write_string(ws_, CELL(ref), s, nullptr) == LXW_NO_ERROR);
    return *this;
  }
  SheetWriter& num(const char* ref, double v) {
    REQUIRE(worksheet_write_number(ws_, CELL(ref), v, nullptr) == LXW_NO_ERROR);
    return *this;
  }
  SheetWriter& merge(const char* range, const char* s) {
    REQUIRE(worksheet_merge_range(ws_, RANGE(range), s, nullptr) == LXW_NO_ERROR);
    return *this;
  }
  // A figure merged across a range: the number sits in its first cell.
  SheetWriter& merge_num(const char* range, double v) {
    REQUIRE(worksheet_merge_range(ws_, RANGE(range), "", nullptr) == LXW_NO_ERROR);
    REQUIRE(worksheet_write_number(ws_, lxw_name_to_row(range), lxw_name_to_col(range), v, nullptr) == LXW_NO_ERROR);
    return *this;
  }
  // Figures along row `row` from column `first` on.
  SheetWriter& nums(const char* first, std::uint32_t row, const std::vector<double>& values) {
    lxw_col_t col = lxw_name_to_col(first);
    for (double v : values) {
      REQUIRE(worksheet_write_number(ws_, static_cast<lxw_row_t>(row - 1), col++, v, nullptr) == LXW_NO_ERROR);
    }
    return *this;
  }

 private:
  lxw_worksheet* ws_;
};

using SheetFiller = std::function<void(SheetWriter&)>;

std::string workbook(const TempDir& dir, const std::vector<std::pair<std::string, SheetFiller>>& sheets,
                     bool constant_memory = false) {
  std::string path = dir.file(constant_memory ? "inline.xlsx" : "shared.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  std::string tmp = dir.file("");
  options.tmpdir = tmp.data();
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  for (const auto& [name, fill] : sheets) {
    SheetWriter w(workbook_add_worksheet(book, name.c_str()));
    fill(w);
  }
  return test::close_workbook(book, path);
}

// Table 二 as an office types it: a title row, blocks in another order, rows moved, a title
// retyped with a space, 「规范性文件」 for 「行政规范性文件」, a unit typed into a cell, a figure
// merged across the row.
void proactive_sheet(SheetWriter& w) {
  w.text("A1", "2023年主动公开情况（填报用）");
  w.text("A3", "第二十条 第（一）项");
  w.text("A4", "信息内容").text("B4", "本年制发件数").text("C4", "本年废止件数").text("D4", "现行有效件数");
  w.text("A5", "规范性文件").nums("B", 5, {4, 2, 27});
  w.text("A6", "规章").nums("B", 6, {0, 0, 0});
  w.text("A7", "第二十条第（六）项");
  w.text("A8", "信息内容").merge("B8:D8", "本年处理决定数量");
  w.text("A9", "行政强制").merge_num("B9:D9", 86);
  w.text("A10", "行政处罚").num("B10", 1247);
  w.text("A11", "第二十条第（五）项");
  w.text("A12", "信息内容").text("B12", "本年处理决定数量");
  w.text("A13", "行政许可").text("B13", "18536件");
  w.text("A14", "第二十条第（八）项");
  w.text("A15", "信息内容").text("B15", "本年收费金额（单位：万元）");
  w.text("A16", "行政事业性收费").num("B16", 36.8245);
}

// Table 三 as an office types it: a title and a unit note above, header spans typed once and
// not merged, 「商业 企业」 wrapped, rows moved, a blank row, category labels typed once above
// their sub-rows, the spec §6 variants, a note below.
void applications_sheet(SheetWriter& w) {
  w.text("A1", "三、收到和处理政府信息公开申请情况");
  w.text("A2", "单位：件");
  w.merge("D3:J3", "申请人情况");
  w.text("D4", "自然人").merge("E4:I4", "法人或其他组织").text("J4", "总计");
  w.text("E5", "商业 企业")
      .text("F5", "科研机构")
      .text("G5", "社会公益组织")
      .text("H5", "法律服务机构")
      .text("I5", "其他");
  w.text("A6", "二、上年结转政府信息公开申请数量").nums("D", 6, {6, 1, 0, 0, 0, 0, 7});
  w.text("A7", "一、本年新收政府信息公开申请数量").nums("D", 7, {96, 14, 2, 1, 5, 3, 121});
  w.text("A9", "三、本年度办理结果").text("B9", "（一）予以公开").nums("D", 9, {39, 7, 1, 1, 2, 2, 52});
  w.text("B10", "(二)部分公开(区分处理的,只计这一情况,不计其他情形)").nums("D", 10, {9, 2, 0, 0, 1, 0, 12});
  w.text("B11", "（三）不予公开").text("C11", "1.属于国家秘密").num("D11", 1);
  w.text("C12", "2.其他法律行政止公开").num("D12", 2);
  w.text("C13", "5.属于三类内容事务信息").num("D13", 2);
  w.text("B14", "（六）其他处理")
      .text("C14", "1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请")
      .num("D14", 1);
  w.text("C15", "3.其他原因").num("D15", 1);
  w.text("B16", "（七）总计").nums("D", 16, {97, 14, 2, 1, 5, 3, 122});
  w.text("A17", "四、结转下年度继续办理").nums("D", 17, {5, 1, 0, 0, 0, 0, 6});
  w.text("A18", "注：本表由办公室填报");
}

// Table 四 with its spans typed once, not merged, and a blank row before the figures.
void review_sheet(SheetWriter& w) {
  w.text("A1", "四、政府信息公开行政复议、行政诉讼情况");
  w.text("A2", "行政复议").text("F2", "行政诉讼");
  const char* kinds[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
  const char* row3[] = {"A3", "B3", "C3", "D3", "E3"};
  for (int i = 0; i < 5; ++i) w.text(row3[i], kinds[i]);
  w.text("F3", "未经复议直接起诉").text("K3", "复议后起诉");
  const char* row4[] = {"F4", "G4", "H4", "I4", "J4", "K4", "L4", "M4", "N4", "O4"};
  for (int i = 0; i < 10; ++i) w.text(row4[i], kinds[i % 5]);
  w.nums("A", 6, {3, 1, 1, 1, 6, 2, 0, 0, 1, 3, 1, 0, 0, 0, 1});
}

std::string staff_workbook(const TempDir& dir, bool constant_memory = false) {
  return workbook(dir, {{"主动公开", proactive_sheet}, {"申请情况", applications_sheet}, {"复议诉讼", review_sheet}},
                  constant_memory);
}

ReportMeta meta_2023() {
  ReportMeta m;
  m.agency = "示例局";
  m.year = 2023;
  return m;
}

const CellValue& cell(const Report& r, const std::string& id) {
  const CellValue* v = r.find(id);
  REQUIRE(v != nullptr);
  return *v;
}

// Findings one a line, `severity rule where: message`, so that a failure shows them.
std::string lines(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) {
    out += std::string(to_string(x.severity)) + " " + x.rule + " " + x.where.to_string() + ": " + x.message.en + "\n";
  }
  return out;
}

std::string lines(const std::vector<std::string>& expected) {
  std::string out;
  for (const auto& e : expected) out += e + "\n";
  return out;
}

std::string failure(const std::string& bytes) {
  Diagnostics out;
  try {
    (void)read_official_workbook("book.xlsx", bytes, test::forms(), meta_2023(), out);
  } catch (const InputError& e) {
    return e.where().to_string() + ": " + e.message().en;
  }
  return "no error";
}

// The report of `source` after check, written by gongkai as XLSX.
struct Built {
  std::optional<Report> report;
  std::string xlsx;
};

Built build_xlsx(const std::string& source) {
  Built b;
  Diagnostics d;
  ReadResult r = read_report(
      source, test::forms(), ReadOptions{}, [](const std::string& p) { return read_file(p); }, d);
  REQUIRE(r.report);
  b.report = std::move(r.report);
  check_report(*b.report, {}, d);
  BuiltReport built;
  built.report = &*b.report;
  built.generated = "2024-01-15T00:00:00Z";
  b.xlsx = render_xlsx_report(built);
  return b;
}

}  // namespace

TEST_SUITE("readers/official_workbook") {
  TEST_CASE("a workbook as staff type it reads to the right figures, each at its cell") {
    TempDir dir;
    Diagnostics out;
    auto r = read_official_workbook("staff.xlsx", staff_workbook(dir), test::forms(), meta_2023(), out);
    REQUIRE(r);
    CHECK(r->form->id == "2021");
    CHECK(r->agency == "示例局");
    CHECK(r->year == 2023);

    CHECK(cell(*r, "proactive.normative_docs.issued").raw == 4);
    CHECK(cell(*r, "proactive.normative_docs.in_force").raw == 27);
    CHECK(cell(*r, "proactive.normative_docs.in_force").where.to_string() == "staff.xlsx:主动公开!D5");
    CHECK(cell(*r, "proactive.regulations.repealed").raw == 0);
    CHECK(cell(*r, "proactive.coercion.decisions").raw == 86);
    CHECK(cell(*r, "proactive.coercion.decisions").where.cell_ref == "主动公开!B9");
    CHECK(cell(*r, "proactive.penalty.decisions").raw == 1247);
    CHECK(cell(*r, "proactive.licensing.decisions").raw == 18536);
    CHECK(cell(*r, "proactive.fees.amount").raw == 36824500);

    CHECK(cell(*r, "applications.received.natural_person").raw == 96);
    CHECK(cell(*r, "applications.received.natural_person").where.cell_ref == "申请情况!D7");
    CHECK(cell(*r, "applications.carried_over.business").raw == 1);
    CHECK(cell(*r, "applications.received.total").raw == 121);
    CHECK(cell(*r, "applications.partly_granted.natural_person").raw == 9);
    CHECK(cell(*r, "applications.refused.state_secret.natural_person").raw == 1);
    CHECK(cell(*r, "applications.refused.prohibited_by_law.natural_person").raw == 2);
    CHECK(cell(*r, "applications.refused.prohibited_by_law.natural_person").where.cell_ref == "申请情况!D12");
    CHECK(cell(*r, "applications.refused.internal_affairs.natural_person").raw == 2);
    CHECK(cell(*r, "applications.other.no_correction.natural_person").raw == 1);
    CHECK(cell(*r, "applications.other.other.natural_person").raw == 1);
    CHECK(cell(*r, "applications.handled_total.total").raw == 122);
    CHECK(cell(*r, "applications.carried_forward.natural_person").raw == 5);
    // A sub-row beside a figure only in its first column: the other positions are blank.
    CHECK(cell(*r, "applications.refused.state_secret.business").state == CellState::blank);
    CHECK(cell(*r, "applications.refused.state_secret.business").where.cell_ref == "申请情况!E11");
    // Rows not on the sheet stay absent; so does a category typed only as a label.
    CHECK(cell(*r, "applications.refused.third_party.natural_person").state == CellState::absent);
    CHECK(cell(*r, "applications.refused.natural_person").state == CellState::absent);

    CHECK(cell(*r, "review_litigation.review.upheld").raw == 3);
    CHECK(cell(*r, "review_litigation.review.upheld").where.cell_ref == "复议诉讼!A6");
    CHECK(cell(*r, "review_litigation.review.total").raw == 6);
    CHECK(cell(*r, "review_litigation.litigation_direct.pending").raw == 1);
    CHECK(cell(*r, "review_litigation.litigation_direct.total").raw == 3);
    CHECK(cell(*r, "review_litigation.litigation_after_review.upheld").raw == 1);
    CHECK(cell(*r, "review_litigation.litigation_after_review.total").where.cell_ref == "复议诉讼!O6");

    CHECK(lines(out) ==
          lines(std::vector<std::string>{
              "info form staff.xlsx: form 2021 (国办公开办函〔2021〕30号) inferred from the labels",
              "warning label staff.xlsx:主动公开!A3: label '第二十条 第（一）项' matched to the official "
              "'第二十条第（一）项'",
              "warning label staff.xlsx:主动公开!A5: label '规范性文件' matched to the official '行政规范性文件'",
              "warning unit-in-cell staff.xlsx:主动公开!B13: '第二十条第（五）项 / 行政许可 · 本年处理决定数量': unit "
              "typed into "
              "the cell: "
              "'18536件', value taken as 18536",
              "warning label staff.xlsx:申请情况!E5: label '商业 企业' matched to the official '商业企业'",
              "warning label staff.xlsx:申请情况!B10: label '(二)部分公开(区分处理的,只计这一情况,不计其他情形)' "
              "matched to "
              "the official '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'",
              "warning label staff.xlsx:申请情况!C12: label '2.其他法律行政止公开' matched to the official "
              "'2.其他法律行政法规禁止公开'",
              "warning label staff.xlsx:申请情况!C13: label '5.属于三类内容事务信息' matched to the official "
              "'5.属于三类内部事务信息'",
              "warning label staff.xlsx:申请情况!C14: label "
              "'1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请' matched to the official "
              "'1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'",
              "warning label staff.xlsx:申请情况!C15: label '3.其他原因' matched to the official '3.其他'",
          }));
  }

  TEST_CASE("shared strings and inline strings give the same report") {
    TempDir dir;
    Diagnostics shared_out;
    Diagnostics inline_out;
    auto shared =
        read_official_workbook("staff.xlsx", staff_workbook(dir, false), test::forms(), meta_2023(), shared_out);
    auto inlined =
        read_official_workbook("staff.xlsx", staff_workbook(dir, true), test::forms(), meta_2023(), inline_out);
    REQUIRE(shared);
    REQUIRE(inlined);
    for (const auto& c : shared->form->cells()) {
      CAPTURE(c.id);
      CHECK(shared->at(c).state == inlined->at(c).state);
      CHECK(shared->at(c).raw == inlined->at(c).raw);
      CHECK(shared->at(c).where.cell_ref == inlined->at(c).where.cell_ref);
    }
    CHECK(lines(shared_out) == lines(inline_out));
  }

  TEST_CASE("gongkai's own XLSX reads back to the same figures, for both forms") {
    for (const char* source : {"sample-data/department-2023/report.yaml", "sample-data/government-2020/report.yaml",
                               "tests/data/real-reports/2022_pingtan_syq.csv"}) {
      CAPTURE(source);
      Built built = build_xlsx((std::filesystem::path(GONGKAI_SOURCE_DIR) / source).string());
      Diagnostics out;
      auto back = read_official_workbook("built.xlsx", built.xlsx, test::forms(), meta_2023(), out);
      REQUIRE(back);
      CHECK(back->form->id == built.report->form->id);
      REQUIRE(out.items().size() == 1);  // the form, inferred
      CHECK(out.items()[0].rule == "form");
      Diagnostics checked;
      check_report(*back, {}, checked);
      for (const auto& c : back->form->cells()) {
        CAPTURE(c.id);
        // The same figures: a blank reads back blank, a cell left out was printed as 0.
        const CellValue& was = built.report->at(c);
        CHECK((back->at(c).state == CellState::blank) == (was.state == CellState::blank));
        CHECK(back->at(c).raw == (was.has_value() ? was.raw : 0));
      }
    }
  }

  TEST_CASE("tables sharing one sheet are each read up to the next one's header") {
    TempDir dir;
    std::string bytes = workbook(dir, {{"汇总", [](SheetWriter& w) {
                                          review_sheet(w);
                                          w.text("A8", "自然人");  // a stray label, alone: no header
                                          w.merge("D10:J10", "申请人情况");
                                          w.text("D11", "自然人").text("E11", "商业企业").text("J11", "总计");
                                          w.text("A12", "一、本年新收政府信息公开申请数量").nums("D", 12, {4, 1});
                                          w.num("J12", 5);
                                        }}});
    Diagnostics out;
    auto r = read_official_workbook("one.xlsx", bytes, test::forms(), meta_2023(), out);
    REQUIRE(r);
    CHECK(cell(*r, "review_litigation.litigation_after_review.total").raw == 1);
    CHECK(cell(*r, "applications.received.natural_person").raw == 4);
    CHECK(cell(*r, "applications.received.business").where.cell_ref == "汇总!E12");
    CHECK(cell(*r, "applications.received.total").raw == 5);
    CHECK(lines(out) == lines(std::vector<std::string>{
                            "info form one.xlsx: the labels fit forms 2019, 2021 equally; form 2021 "
                            "(国办公开办函〔2021〕30号) chosen by the year",
                            "warning xlsx one.xlsx: table proactive (二、主动公开政府信息情况) not found in the "
                            "workbook: no sheet has its column labels",
                        }));
  }

  TEST_CASE("figures that cannot be placed are errors naming their cell, never dropped") {
    TempDir dir;
    std::string bytes =
        workbook(dir, {{"表三", [](SheetWriter& w) {
                          w.text("D1", "自然人").text("E1", "商业企业").text("F1", "备注").text("G1", "总计");
                          w.text("A2", "一、本年新收政府信息公开申请数量").nums("D", 2, {4, 1, 9, 5});
                          w.text("A3", "合计").num("D3", 4);
                          w.num("D4", 7);
                          w.text("A5", "三、本年度办理结果").num("D5", 3);
                          w.text("A6", "一、本年新收政府信息公开申请数量").num("D6", 4);
                        }}});
    Diagnostics out;
    auto r = read_official_workbook("t.xlsx", bytes, test::forms(), meta_2023(), out);
    REQUIRE(r);
    CHECK(
        lines(out) ==
        lines(std::vector<std::string>{
            "info form t.xlsx: the labels fit forms 2019, 2021 equally; form 2021 (国办公开办函〔2021〕30号) chosen by "
            "the year",
            "warning xlsx t.xlsx: table proactive (二、主动公开政府信息情况) not found in the workbook: no sheet has "
            "its column labels",
            "error label t.xlsx:表三!F1: column label '备注' in table applications is not recognised; the closest "
            "are: '其他', '总计', '自然人'",
            "error label t.xlsx:表三!A3: row label '合计' in table applications is not recognised; the closest are: "
            "'3.其他', '（七）总计', '2.重复申请'",
            "error label t.xlsx:表三!D4: figures in a row without a row label: cannot tell which row they belong to",
            "error label t.xlsx:表三!D5: '三、本年度办理结果' is a heading row: the form has no figures in it",
            "error duplicate t.xlsx:表三!D6: cell '一、本年新收政府信息公开申请数量 · 自然人' is given twice (first "
            "at 表三!D2)",
            "warning xlsx t.xlsx: table review_litigation (四、政府信息公开行政复议、行政诉讼情况) not found in the "
            "workbook: no sheet has its column labels",
        }));
  }

  TEST_CASE("a workbook holding none of the tables is an error, and nothing is read") {
    TempDir dir;
    std::string bytes = workbook(dir, {{"Sheet1", [](SheetWriter& w) { w.text("A1", "台账").num("B2", 3); }}});
    Diagnostics out;
    CHECK_FALSE(read_official_workbook("none.xlsx", bytes, test::forms(), meta_2023(), out));
    REQUIRE(!out.items().empty());
    CHECK(lines(out).ends_with(
        "error xlsx none.xlsx: the workbook holds none of tables 二, 三, 四: no sheet has their column labels (such "
        "as 自然人, 结果维持, 本年制发件数)\n"));
  }

  TEST_CASE("a sheet too large to be a table is skipped, and said so") {
    TempDir dir;
    std::string rows;
    for (int r = 1; r <= 1001; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c><v>1</v></c></row>";
    std::string bytes = test::raw_workbook(dir, {{"台账", test::sheet_xml(rows)}});
    Diagnostics out;
    CHECK_FALSE(read_official_workbook("big.xlsx", bytes, test::forms(), meta_2023(), out));
    REQUIRE(!out.items().empty());
    CHECK(lines(out).starts_with(
        "info xlsx big.xlsx: sheet '台账' skipped: too large to be one of tables 二, 三, 四 (more than 1000 rows, 64 "
        "columns or 5000 merged ranges)\n"));
  }

  TEST_CASE("the form given is used without inference") {
    TempDir dir;
    ReportMeta meta = meta_2023();
    meta.form_id = "2021";
    Diagnostics out;
    auto r = read_official_workbook("staff.xlsx", staff_workbook(dir), test::forms(), meta, out);
    REQUIRE(r);
    CHECK(r->form->id == "2021");
    for (const auto& d : out.items()) CHECK(d.rule != "form");
    meta.form_id = "1999";
    Diagnostics unknown;
    CHECK_FALSE(read_official_workbook("staff.xlsx", staff_workbook(dir), test::forms(), meta, unknown));
    CHECK(lines(unknown) == "error form staff.xlsx: unknown form '1999' (known: 2019, 2021)\n");
  }

  TEST_CASE("an .xlsx input is read through read_report, and a damaged one is an input error") {
    TempDir dir;
    std::string bytes = staff_workbook(dir);
    auto load = [&](const std::string& path) {
      if (path == "2023_示例局.xlsx") return bytes;
      return std::string("PK\x03\x04 damaged");
    };
    Diagnostics out;
    ReadResult r = read_report("2023_示例局.xlsx", test::forms(), ReadOptions{}, load, out);
    REQUIRE(r.report);
    CHECK(r.report->year == 2023);
    CHECK(r.report->agency == "示例局");
    CHECK(cell(*r.report, "applications.received.natural_person").where.to_string() == "2023_示例局.xlsx:申请情况!D7");
    CHECK(failure("PK\x03\x04 damaged") == "book.xlsx: not an XLSX workbook: not a ZIP archive");
    Diagnostics out2;
    CHECK_THROWS_AS((void)read_report("bad.xlsx", test::forms(), ReadOptions{}, load, out2), InputError);
  }
}
