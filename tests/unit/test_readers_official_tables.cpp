#include "test_support.hpp"

#include <gongkai/readers/official_tables.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace gongkai;

namespace {

struct Put {
  const char* ref;
  std::string text;
  bool number = false;
};

Put t(const char* ref, std::string s) { return {ref, std::move(s), false}; }
Put n(const char* ref, std::string s) { return {ref, std::move(s), true}; }

SheetGrid grid(const std::vector<Put>& puts, const std::vector<const char*>& merges = {}) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, GridCell> cells;
  for (const auto& p : puts) {
    auto ref = parse_cell_ref(p.ref);
    REQUIRE(ref);
    cells[{ref->row, ref->column}] = GridCell{p.number ? XlsxValueType::number : XlsxValueType::text, false, p.text};
  }
  std::vector<CellRange> ranges;
  for (const char* m : merges) ranges.push_back(*parse_cell_range(m));
  return SheetGrid("S", std::move(cells), std::move(ranges));
}

const Form& form_2021() { return *test::forms().by_id("2021"); }

// Each placed figure as `cell.id@C7=text`.
std::vector<std::string> placed(const SheetGrid& g, const TablePlacement& p) {
  std::vector<std::string> out;
  for (const auto& v : p.values) {
    const GridCell* c = g.value(v.row, v.column);
    out.push_back(v.cell->id + "@" + format_cell_ref({v.row, v.column}) + "=" + (c ? c->text : ""));
  }
  return out;
}

}  // namespace

TEST_SUITE("readers/official_tables") {
  TEST_CASE("table 四 typed as three rows under one header is read as a grid") {
    const Form& f = form_2021();
    TableFinder finder(f, *f.table("review_litigation"));
    SheetGrid g =
        grid({t("B1", "结果维持"), t("C1", "结果纠正"), t("D1", "其他结果"), t("E1", "尚未审结"), t("F1", "总计"),
              t("A2", "行政复议"), n("B2", "3"), n("F2", "3"), t("A3", "行政诉讼"), t("A4", "未经复议直接起诉"),
              n("C4", "2"), n("F4", "2"), t("A5", "复议后起诉"), n("E5", "1"), n("F5", "1")});
    REQUIRE(finder.anchors(g) == std::vector<std::uint32_t>{1});
    TablePlacement p = finder.place(g, 1, g.rows());
    CHECK(p.notes.empty());
    CHECK(p.problems.empty());
    CHECK(placed(g, p) == std::vector<std::string>{
                              "review_litigation.review.upheld@B2=3",
                              "review_litigation.review.corrected@C2=",
                              "review_litigation.review.other@D2=",
                              "review_litigation.review.pending@E2=",
                              "review_litigation.review.total@F2=3",
                              "review_litigation.litigation_direct.upheld@B4=",
                              "review_litigation.litigation_direct.corrected@C4=2",
                              "review_litigation.litigation_direct.other@D4=",
                              "review_litigation.litigation_direct.pending@E4=",
                              "review_litigation.litigation_direct.total@F4=2",
                              "review_litigation.litigation_after_review.upheld@B5=",
                              "review_litigation.litigation_after_review.corrected@C5=",
                              "review_litigation.litigation_after_review.other@D5=",
                              "review_litigation.litigation_after_review.pending@E5=1",
                              "review_litigation.litigation_after_review.total@F5=1",
                          });
  }

  TEST_CASE("table 四 as published: each column's kind of case is the label above it, merged or not") {
    const Form& f = form_2021();
    TableFinder finder(f, *f.table("review_litigation"));
    // 行政复议 merged over its five columns; 行政诉讼 and its two kinds typed once, not merged.
    SheetGrid g = grid({t("A1", "行政复议"),   t("F1", "行政诉讼"), t("A2", "结果维持"), t("B2", "结果纠正"),
                        t("C2", "其他结果"),   t("D2", "尚未审结"), t("E2", "总计"),     t("F2", "未经复议直接起诉"),
                        t("K2", "复议后起诉"), t("F3", "结果维持"), t("G3", "结果纠正"), t("H3", "其他结果"),
                        t("I3", "尚未审结"),   t("J3", "总计"),     t("K3", "结果维持"), t("L3", "结果纠正"),
                        t("M3", "其他结果"),   t("N3", "尚未审结"), t("O3", "合计"),     n("A4", "1"),
                        n("G4", "2"),          n("O4", "5")},
                       {"A1:E1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3"});
    TablePlacement p = finder.place(g, finder.anchors(g).front(), g.rows());
    std::vector<std::string> got = placed(g, p);
    CHECK(got.size() == 15);
    CHECK(std::find(got.begin(), got.end(), "review_litigation.review.upheld@A4=1") != got.end());
    CHECK(std::find(got.begin(), got.end(), "review_litigation.litigation_direct.corrected@G4=2") != got.end());
    CHECK(std::find(got.begin(), got.end(), "review_litigation.litigation_after_review.total@O4=5") != got.end());
    // 「合计」 for 「总计」: one note, at its cell.
    REQUIRE(p.notes.size() == 1);
    CHECK(p.notes[0].printed == "合计");
    CHECK(p.notes[0].match.official == "总计");
    CHECK(format_cell_ref({p.notes[0].row, p.notes[0].column}) == "O3");
  }

  TEST_CASE("the header of table 三 is not taken for table 四's, nor the reverse") {
    const Form& f = form_2021();
    TableFinder review(f, *f.table("review_litigation"));
    TableFinder applications(f, *f.table("applications"));
    // 「其他」 and 「总计」 of table 三: 「其他」 is near 「其他结果」 but not its wording.
    SheetGrid three = grid({t("B1", "自然人"), t("C1", "商业企业"), t("D1", "其他"), t("E1", "总计")});
    CHECK(review.anchors(three).empty());
    CHECK(applications.anchors(three) == std::vector<std::uint32_t>{1});
    SheetGrid four = grid({t("A1", "结果维持"), t("B1", "其他结果"), t("C1", "总计")});
    CHECK(applications.anchors(four).empty());
  }

  TEST_CASE("a category typed once above its sub-rows gives them their parent") {
    const Form& f = form_2021();
    TableFinder finder(f, *f.table("applications"));
    // 「1.其他」 would not exist alone; under （六）其他处理 … there is 「3.其他」 and the number
    // tells the rows of （三） and （四） apart only with their category.
    SheetGrid g = grid({t("C1", "自然人"), t("D1", "总计"), t("A2", "（三）不予公开"), t("B2", "1.属于国家秘密"),
                        n("C2", "1"), t("B3", "2.其他法律行政法规禁止公开"), n("C3", "2"), t("A4", "（四）无法提供"),
                        t("B4", "1.本机关不掌握相关政府信息"), n("C4", "4")});
    TablePlacement p = finder.place(g, 1, g.rows());
    CHECK(p.notes.empty());
    CHECK(placed(g, p) == std::vector<std::string>{
                              "applications.refused.state_secret.natural_person@C2=1",
                              "applications.refused.state_secret.total@D2=",
                              "applications.refused.prohibited_by_law.natural_person@C3=2",
                              "applications.refused.prohibited_by_law.total@D3=",
                              "applications.unavailable.not_held.natural_person@C4=4",
                              "applications.unavailable.not_held.total@D4=",
                          });
  }

  TEST_CASE("the form's texts above a table's column labels are its header, up to the first other text") {
    const Form& f = form_2021();
    TableFinder applications(f, *f.table("applications"));
    // As a pasted page has it: the last row of table 二, the section heading, the 勾稽关系
    // note merged down the label columns beside 申请人情况, then the column labels.
    SheetGrid three =
        grid({t("A1", "行政事业性收费"), n("D1", "5"), t("A2", "三、收到和处理政府信息公开申请情况"),
              t("A3", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） "), t("C3", "申请人情况 "),
              t("C4", "自然人"), t("D4", "法人或其他组织"), t("E4", "总计"), t("D5", "商业\n企业")},
             {"A3:B5", "C3:E3"});
    REQUIRE(applications.anchors(three) == std::vector<std::uint32_t>{4});
    CHECK(applications.header_top(three, 4) == 2);
    // Any other text ends the header: a note of the office's own is not the form's.
    SheetGrid noted = grid({t("A1", "注：单位为件"), t("C2", "申请人情况"), t("C3", "自然人"), t("E3", "总计")});
    CHECK(applications.header_top(noted, 3) == 2);

    TableFinder review(f, *f.table("review_litigation"));
    // The 2022 page's heading has a word more (「行政法复议」): still its heading.
    SheetGrid four =
        grid({t("A1", "四、结转下年度继续办理"), n("C1", "0"), t("A2", "四、政府信息公开行政法复议、行政诉讼情况"),
              t("A3", "行政复议"), t("F3", "行政诉讼"), t("A4", "结\n果\n维\n持"), t("B4", "总计"),
              t("F4", "未经复议直接起诉")});
    REQUIRE(review.anchors(four) == std::vector<std::uint32_t>{4});
    CHECK(review.header_top(four, 4) == 2);
  }

  TEST_CASE("a label wrapped inside its cell is not noted; a retyped one is, line breaks and all") {
    const Form& f = form_2021();
    TableFinder finder(f, *f.table("review_litigation"));
    SheetGrid g =
        grid({t("A1", "行政复议 "), t("A2", "结\n果\n维\n持"), t("B2", "结果\u00A0纠正"), t("C2", "其 他 结 果"),
              t("D2", "尚\r\n未\r\n审\r\n结"), t("E2", "合\n计"), n("A3", "1"), n("E3", "1")},
             {"A1:E1"});
    TablePlacement p = finder.place(g, finder.anchors(g).front(), g.rows());
    CHECK(p.problems.empty());
    CHECK(placed(g, p).size() == 5);
    REQUIRE(p.notes.size() == 1);
    CHECK(p.notes[0].printed == "合\n计");
    CHECK(p.notes[0].match.official == "总计");
  }
}
