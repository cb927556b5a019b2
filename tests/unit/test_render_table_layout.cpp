#include "test_support.hpp"

#include <gongkai/render/table_layout.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gongkai;

namespace {

// One line per layout cell: position, span (rows x columns), then the label or the cell ID.
std::string dump(const TableLayout& l) {
  std::string out = fmt::format("{}x{} header {} labels {}\n", l.rows, l.columns, l.header_rows, l.label_columns);
  for (const auto& c : l.cells) {
    out += fmt::format("{},{} {}x{} ", c.row, c.col, c.row_span, c.col_span);
    if (c.cell != nullptr) {
      out += "=" + c.cell->id;
    } else {
      out += c.role == CellRole::title          ? "T"
             : c.role == CellRole::row_label    ? "R"
             : c.role == CellRole::column_label ? "#"
                                                : "?";
      out += c.text;
    }
    out += "\n";
  }
  return out;
}

// The rows of the layout, for tests that check body lines only: `row: label-or-id ...`.
std::string rows_of(const TableLayout& l, int from_row) {
  std::string out;
  for (int row = from_row; row < l.rows; ++row) {
    out += fmt::format("{}:", row);
    for (const auto& c : l.cells) {
      if (c.row != row) continue;
      if (c.cell != nullptr) continue;
      out += fmt::format(" [{},{} {}x{}]{}", c.row, c.col, c.row_span, c.col_span, c.text);
    }
    out += "\n";
  }
  return out;
}

Report report(const char* form) { return Report(test::forms().by_id(form)); }

void give(Report& r, const std::string& id, std::int64_t v, bool computed = false) {
  const CellDef* c = r.form->cell(id);
  REQUIRE_MESSAGE(c != nullptr, id);
  r.at(*c) = CellValue{CellState::value, v, computed, {}};
}

// Every grid position is covered by exactly one layout cell.
void check_tiles(const TableLayout& l) {
  std::vector<int> covered(static_cast<std::size_t>(l.rows * l.columns), 0);
  for (const auto& c : l.cells) {
    REQUIRE(c.row >= 0);
    REQUIRE(c.col >= 0);
    REQUIRE(c.row + c.row_span <= l.rows);
    REQUIRE(c.col + c.col_span <= l.columns);
    for (int r = c.row; r < c.row + c.row_span; ++r)
      for (int k = c.col; k < c.col + c.col_span; ++k) ++covered[static_cast<std::size_t>(r * l.columns + k)];
  }
  for (int r = 0; r < l.rows; ++r)
    for (int k = 0; k < l.columns; ++k)
      CHECK_MESSAGE(covered[static_cast<std::size_t>(r * l.columns + k)] == 1, fmt::format("position {},{}", r, k));
}

}  // namespace

TEST_SUITE("render/table_layout") {
  TEST_CASE("form 2021 table 二 is four blocks, each a title row, a header row and its data rows") {
    Report r = report("2021");
    const TableLayout l = layout_table(r, *r.form->table("proactive"));
    CHECK(l.heading == "二、主动公开政府信息情况");
    CHECK(dump(l) ==
          "14x4 header 0 labels 1\n"
          "0,0 1x4 T第二十条第（一）项\n"
          "1,0 1x1 #信息内容\n"
          "1,1 1x1 #本年制发件数\n"
          "1,2 1x1 #本年废止件数\n"
          "1,3 1x1 #现行有效件数\n"
          "2,0 1x1 R规章\n"
          "2,1 1x1 =proactive.regulations.issued\n"
          "2,2 1x1 =proactive.regulations.repealed\n"
          "2,3 1x1 =proactive.regulations.in_force\n"
          "3,0 1x1 R行政规范性文件\n"
          "3,1 1x1 =proactive.normative_docs.issued\n"
          "3,2 1x1 =proactive.normative_docs.repealed\n"
          "3,3 1x1 =proactive.normative_docs.in_force\n"
          "4,0 1x4 T第二十条第（五）项\n"
          "5,0 1x1 #信息内容\n"
          "5,1 1x3 #本年处理决定数量\n"
          "6,0 1x1 R行政许可\n"
          "6,1 1x3 =proactive.licensing.decisions\n"
          "7,0 1x4 T第二十条第（六）项\n"
          "8,0 1x1 #信息内容\n"
          "8,1 1x3 #本年处理决定数量\n"
          "9,0 1x1 R行政处罚\n"
          "9,1 1x3 =proactive.penalty.decisions\n"
          "10,0 1x1 R行政强制\n"
          "10,1 1x3 =proactive.coercion.decisions\n"
          "11,0 1x4 T第二十条第（八）项\n"
          "12,0 1x1 #信息内容\n"
          "12,1 1x3 #本年收费金额（单位：万元）\n"
          "13,0 1x1 R行政事业性收费\n"
          "13,1 1x3 =proactive.fees.amount\n");
    check_tiles(l);
  }

  TEST_CASE("form 2019 table 二 has five blocks; two-column blocks widen their last column") {
    Report r = report("2019");
    const TableLayout l = layout_table(r, *r.form->table("proactive"));
    CHECK(l.columns == 4);
    CHECK(l.rows == 18);
    CHECK(rows_of(l, 0) ==
          "0: [0,0 1x4]第二十条第（一）项\n"
          "1: [1,0 1x1]信息内容 [1,1 1x1]本年新制作数量 [1,2 1x1]本年新公开数量 [1,3 1x1]对外公开总数量\n"
          "2: [2,0 1x1]规章\n"
          "3: [3,0 1x1]规范性文件\n"
          "4: [4,0 1x4]第二十条第（五）项\n"
          "5: [5,0 1x1]信息内容 [5,1 1x1]上一年项目数量 [5,2 1x1]本年增/减 [5,3 1x1]处理决定数量\n"
          "6: [6,0 1x1]行政许可\n"
          "7: [7,0 1x1]其他对外管理服务事项\n"
          "8: [8,0 1x4]第二十条第（六）项\n"
          "9: [9,0 1x1]信息内容 [9,1 1x1]上一年项目数量 [9,2 1x1]本年增/减 [9,3 1x1]处理决定数量\n"
          "10: [10,0 1x1]行政处罚\n"
          "11: [11,0 1x1]行政强制\n"
          "12: [12,0 1x4]第二十条第（八）项\n"
          "13: [13,0 1x1]信息内容 [13,1 1x1]上一年项目数量 [13,2 1x2]本年增/减\n"
          "14: [14,0 1x1]行政事业性收费\n"
          "15: [15,0 1x4]第二十条第（九）项\n"
          "16: [16,0 1x1]信息内容 [16,1 1x1]采购项目数量 [16,2 1x2]采购总金额\n"
          "17: [17,0 1x1]政府集中采购\n");
    const LayoutCell* amount = l.at(17, 2);
    REQUIRE(amount != nullptr);
    REQUIRE(amount->cell != nullptr);
    CHECK(amount->cell->id == "proactive.procurement.amount");
    CHECK(amount->col_span == 2);
    check_tiles(l);
  }

  TEST_CASE("table 二 flattens to one section per block") {
    Report r = report("2021");
    const TableLayout l = layout_table(r, *r.form->table("proactive"));
    REQUIRE(l.flat.size() == 4);
    CHECK(l.flat[0].title == "第二十条第（一）项");
    CHECK(l.flat[0].header == std::vector<std::string>{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"});
    CHECK(l.flat[0].label_columns == 1);
    REQUIRE(l.flat[0].rows.size() == 2);
    CHECK(l.flat[0].rows[1].path == std::vector<std::string>{"行政规范性文件"});
    REQUIRE(l.flat[0].rows[1].cells.size() == 3);
    CHECK(l.flat[0].rows[1].cells[2]->id == "proactive.normative_docs.in_force");
    CHECK(l.flat[3].header == std::vector<std::string>{"信息内容", "本年收费金额（单位：万元）"});
  }

  TEST_CASE("form 2021 table 三 header: corner note, 申请人情况, 自然人 and 总计 over two rows, the group over five") {
    Report r = report("2021");
    const TableLayout l = layout_table(r, *r.form->table("applications"));
    CHECK(l.heading == "三、收到和处理政府信息公开申请情况");
    CHECK(l.columns == 10);
    CHECK(l.label_columns == 3);
    CHECK(l.header_rows == 3);
    CHECK(l.rows == 3 + 25);
    CHECK(rows_of(l, 0).substr(0, rows_of(l, 0).find("\n3:") + 1) ==
          "0: [0,0 3x3]（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） [0,3 1x7]申请人情况\n"
          "1: [1,3 2x1]自然人 [1,4 1x5]法人或其他组织 [1,9 2x1]总计\n"
          "2: [2,4 1x1]商业企业 [2,5 1x1]科研机构 [2,6 1x1]社会公益组织 [2,7 1x1]法律服务机构 [2,8 1x1]其他\n");
    check_tiles(l);
  }

  TEST_CASE("form 2021 table 三 body: 三、 spans its outcomes, categories span their sub-rows") {
    Report r = report("2021");
    const TableLayout l = layout_table(r, *r.form->table("applications"));
    CHECK(rows_of(l, 3) ==
          "3: [3,0 1x3]一、本年新收政府信息公开申请数量\n"
          "4: [4,0 1x3]二、上年结转政府信息公开申请数量\n"
          "5: [5,0 22x1]三、本年度办理结果 [5,1 1x2]（一）予以公开\n"
          "6: [6,1 1x2]（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
          "7: [7,1 8x1]（三）不予公开 [7,2 1x1]1.属于国家秘密\n"
          "8: [8,2 1x1]2.其他法律行政法规禁止公开\n"
          "9: [9,2 1x1]3.危及“三安全一稳定”\n"
          "10: [10,2 1x1]4.保护第三方合法权益\n"
          "11: [11,2 1x1]5.属于三类内部事务信息\n"
          "12: [12,2 1x1]6.属于四类过程性信息\n"
          "13: [13,2 1x1]7.属于行政执法案卷\n"
          "14: [14,2 1x1]8.属于行政查询事项\n"
          "15: [15,1 3x1]（四）无法提供 [15,2 1x1]1.本机关不掌握相关政府信息\n"
          "16: [16,2 1x1]2.没有现成信息需要另行制作\n"
          "17: [17,2 1x1]3.补正后申请内容仍不明确\n"
          "18: [18,1 5x1]（五）不予处理 [18,2 1x1]1.信访举报投诉类申请\n"
          "19: [19,2 1x1]2.重复申请\n"
          "20: [20,2 1x1]3.要求提供公开出版物\n"
          "21: [21,2 1x1]4.无正当理由大量反复申请\n"
          "22: [22,2 1x1]5.要求行政机关确认或重新出具已获取信息\n"
          "23: [23,1 3x1]（六）其他处理 [23,2 1x1]1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n"
          "24: [24,2 1x1]2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n"
          "25: [25,2 1x1]3.其他\n"
          "26: [26,1 1x2]（七）总计\n"
          "27: [27,0 1x3]四、结转下年度继续办理\n");
    // Every body row carries the seven figures in column order.
    for (int row = 3; row < l.rows; ++row) {
      for (int k = 0; k < 7; ++k) {
        const LayoutCell* v = l.at(row, 3 + k);
        REQUIRE_MESSAGE(v != nullptr, fmt::format("{},{}", row, 3 + k));
        REQUIRE(v->cell != nullptr);
        CHECK(v->cell->column == &r.form->table("applications")->columns[static_cast<std::size_t>(k)]);
        CHECK(v->row_span == 1);
        CHECK(v->col_span == 1);
      }
    }
    CHECK(l.at(7, 3)->cell->id == "applications.refused.state_secret.natural_person");
    CHECK(l.at(0, 0)->role == CellRole::column_label);
    CHECK(l.at(2, 4)->role == CellRole::column_label);
    CHECK(l.at(5, 0)->role == CellRole::row_label);
    CHECK(l.at(7, 2)->role == CellRole::row_label);
    CHECK(l.at(7, 3)->role == CellRole::value);
    CHECK_FALSE(l.at(7, 3)->header);
    CHECK(l.at(26, 9)->cell->id == "applications.handled_total.total");
  }

  TEST_CASE("form 2019 table 三: （六）其他处理 is one row spanning two label columns") {
    Report r = report("2019");
    const TableLayout l = layout_table(r, *r.form->table("applications"));
    CHECK(l.rows == 3 + 23);
    CHECK(l.label_columns == 3);
    const std::string body = rows_of(l, 3);
    CHECK(body.find("5: [5,0 20x1]三、本年度办理结果 [5,1 1x2]（一）予以公开\n") != std::string::npos);
    CHECK(body.find("23: [23,1 1x2]（六）其他处理\n24: [24,1 1x2]（七）总计\n25: [25,0 1x3]四、结转下年度继续办理\n") !=
          std::string::npos);
    CHECK(l.at(23, 3)->cell->id == "applications.other.natural_person");
    check_tiles(l);
  }

  TEST_CASE("a category given without its sub-rows is printed as one row") {
    Report r = report("2021");
    give(r, "applications.other.natural_person", 3);
    const TableLayout l = layout_table(r, *r.form->table("applications"));
    CHECK(l.rows == 3 + 23);
    CHECK(rows_of(l, 23) ==
          "23: [23,1 1x2]（六）其他处理\n"
          "24: [24,1 1x2]（七）总计\n"
          "25: [25,0 1x3]四、结转下年度继续办理\n");
    CHECK(l.at(5, 0)->row_span == 20);
    CHECK(l.at(23, 3)->cell->id == "applications.other.natural_person");
    check_tiles(l);
    const FlatRow& flat = l.flat[0].rows[20];
    CHECK(flat.path == std::vector<std::string>{"三、本年度办理结果", "（六）其他处理"});
    CHECK(flat.cells.front()->id == "applications.other.natural_person");
  }

  TEST_CASE("a category given alone is one row even when its sub-rows' totals were computed as 0") {
    Report r = report("2021");
    give(r, "applications.other.natural_person", 3);
    give(r, "applications.other.other.total", 0, /*computed=*/true);
    const TableLayout l = layout_table(r, *r.form->table("applications"));
    CHECK(l.rows == 3 + 23);
    CHECK(l.at(23, 1)->text == "（六）其他处理");
    CHECK(l.at(23, 1)->col_span == 2);
  }

  TEST_CASE("a category given with a sub-row, or computed from its sub-rows, keeps the sub-rows") {
    Report r = report("2021");
    give(r, "applications.other.natural_person", 3);
    give(r, "applications.other.other.natural_person", 3);
    give(r, "applications.refused.natural_person", 4, /*computed=*/true);
    const TableLayout l = layout_table(r, *r.form->table("applications"));
    CHECK(l.rows == 3 + 25);
    CHECK(l.at(23, 1)->text == "（六）其他处理");
    CHECK(l.at(23, 1)->row_span == 3);
    CHECK(l.at(7, 1)->row_span == 8);
    check_tiles(l);
  }

  TEST_CASE("table 三 flattens to label paths and column headers joined with ·") {
    Report r = report("2021");
    const TableLayout l = layout_table(r, *r.form->table("applications"));
    REQUIRE(l.flat.size() == 1);
    const FlatSection& f = l.flat[0];
    CHECK(f.label_columns == 1);
    CHECK(f.header == std::vector<std::string>{
                          "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                          "申请人情况·自然人",
                          "申请人情况·法人或其他组织·商业企业",
                          "申请人情况·法人或其他组织·科研机构",
                          "申请人情况·法人或其他组织·社会公益组织",
                          "申请人情况·法人或其他组织·法律服务机构",
                          "申请人情况·法人或其他组织·其他",
                          "申请人情况·总计",
                      });
    REQUIRE(f.rows.size() == 25);
    CHECK(f.rows[0].path == std::vector<std::string>{"一、本年新收政府信息公开申请数量"});
    CHECK(f.rows[4].path == std::vector<std::string>{"三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"});
    CHECK(f.rows[4].cells.size() == 7);
  }

  TEST_CASE("table 四: 行政复议 over five columns, 行政诉讼 over ten, one body row of fifteen") {
    for (const char* form : {"2019", "2021"}) {
      CAPTURE(form);
      Report r = report(form);
      const TableLayout l = layout_table(r, *r.form->table("review_litigation"));
      CHECK(l.heading == "四、政府信息公开行政复议、行政诉讼情况");
      CHECK(rows_of(l, 0) ==
            "0: [0,0 1x5]行政复议 [0,5 1x10]行政诉讼\n"
            "1: [1,0 2x1]结果维持 [1,1 2x1]结果纠正 [1,2 2x1]其他结果 [1,3 2x1]尚未审结 [1,4 2x1]总计"
            " [1,5 1x5]未经复议直接起诉 [1,10 1x5]复议后起诉\n"
            "2: [2,5 1x1]结果维持 [2,6 1x1]结果纠正 [2,7 1x1]其他结果 [2,8 1x1]尚未审结 [2,9 1x1]总计"
            " [2,10 1x1]结果维持 [2,11 1x1]结果纠正 [2,12 1x1]其他结果 [2,13 1x1]尚未审结 [2,14 1x1]总计\n"
            "3:\n");
      CHECK(l.header_rows == 3);
      CHECK(l.label_columns == 0);
      CHECK(l.columns == 15);
      CHECK(l.at(3, 0)->cell->id == "review_litigation.review.upheld");
      CHECK(l.at(3, 9)->cell->id == "review_litigation.litigation_direct.total");
      CHECK(l.at(3, 14)->cell->id == "review_litigation.litigation_after_review.total");
      check_tiles(l);
      REQUIRE(l.flat.size() == 1);
      const FlatSection& f = l.flat[0];
      CHECK(f.label_columns == 0);
      REQUIRE(f.header.size() == 15);
      CHECK(f.header[0] == "行政复议·结果维持");
      CHECK(f.header[4] == "行政复议·总计");
      CHECK(f.header[5] == "行政诉讼·未经复议直接起诉·结果维持");
      CHECK(f.header[14] == "行政诉讼·复议后起诉·总计");
      REQUIRE(f.rows.size() == 1);
      CHECK(f.rows[0].path.empty());
      CHECK(f.rows[0].cells.size() == 15);
    }
  }
}
