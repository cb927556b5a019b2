#include "test_support.hpp"

#include <gongkai/core/text.hpp>
#include <gongkai/readers/label_match.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace gongkai;

namespace {

// The rows of a form's table as a long CSV may write them: the label alone, or after its
// parent. Targets are row IDs.
struct Rows {
  LabelMatcher matcher;
  std::vector<std::string> ids;
};

Rows rows_of(const std::string& form_id, const std::string& table_id) {
  Rows r;
  const TableDef* t = test::forms().by_id(form_id)->table(table_id);
  REQUIRE(t != nullptr);
  for (const auto& row : t->rows) {
    if (!row.has_cells) continue;
    r.ids.push_back(row.id);
    r.matcher.add(row.label, r.ids.size() - 1);
    if (const RowDef* parent = t->row(row.parent)) r.matcher.add(parent->label + "/" + row.label, r.ids.size() - 1);
  }
  return r;
}

struct Expect {
  LabelMatchKind kind;
  std::string id;
  std::string official;
};

void check_match(const Rows& rows, const std::string& printed, const Expect& e) {
  CAPTURE(printed);
  LabelMatch m = rows.matcher.match(printed);
  CHECK(m.kind == e.kind);
  REQUIRE(m.matched());
  CHECK(rows.ids[m.target] == e.id);
  CHECK(m.official == e.official);
}

}  // namespace

TEST_SUITE("readers/label_match") {
  TEST_CASE("the key ignores spaces, width, 「1、」 numbering, 「、」 versus 「，」 and quote styles") {
    CHECK(label_key("第二十条 第（一）项") == "第二十条第(一)项");
    CHECK(label_key("商业 企业") == "商业企业");
    CHECK(label_key("1、申请人、行政机关") == label_key("1.申请人，行政机关"));
    CHECK(label_key("（六）其他处理/1、申请人") == "(六)其他处理/1.申请人");
    CHECK(label_key("一、本年新收") == "一,本年新收");  // not numbering: the form itself writes 一、
    CHECK(label_key("3.危及\"三安全一稳定\"") == label_key("3.危及“三安全一稳定”"));
    CHECK(label_key("ABC") == "abc");
  }

  TEST_CASE("edit distance counts code points, not bytes") {
    CHECK(edit_distance(U"内部", U"内容") == 1);
    CHECK(edit_distance(U"", U"规章") == 2);
    CHECK(edit_distance(U"规范性文件", U"行政规范性文件") == 2);
  }

  TEST_CASE("the official wording verbatim is an exact match") {
    Rows rows = rows_of("2021", "applications");
    check_match(rows, "（三）不予公开/1.属于国家秘密",
                {LabelMatchKind::exact, "refused.state_secret", "（三）不予公开/1.属于国家秘密"});
    check_match(rows, "1.属于国家秘密", {LabelMatchKind::exact, "refused.state_secret", "1.属于国家秘密"});
    check_match(rows, "（六）其他处理", {LabelMatchKind::exact, "other", "（六）其他处理"});
  }

  TEST_CASE("spec §6: 「第二十条 第（一）项」 with a space is the block title") {
    Rows rows = rows_of("2021", "proactive");
    check_match(rows, "第二十条 第（一）项/规章",
                {LabelMatchKind::normalised, "regulations", "第二十条第（一）项/规章"});
  }

  TEST_CASE("spec §6: 「商业 企业」 wrapped in its cell is 商业企业") {
    LabelMatcher columns;
    const TableDef* t = test::forms().by_id("2021")->table("applications");
    for (std::size_t i = 0; i < t->columns.size(); ++i) columns.add(t->columns[i].label, i);
    LabelMatch m = columns.match("商业 企业");
    CHECK(m.kind == LabelMatchKind::normalised);
    CHECK(t->columns[m.target].id == "business");
    CHECK(m.official == "商业企业");
  }

  TEST_CASE("spec §6: half-width 「(二)部分公开(…,只计这一情况,…)」 is partly_granted") {
    Rows rows = rows_of("2021", "applications");
    check_match(rows, "(二)部分公开(区分处理的,只计这一情况,不计其他情形)",
                {LabelMatchKind::near, "partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"});
  }

  TEST_CASE("spec §6: typos 「5.属于三类内容事务信息」 and 「2.其他法律行政止公开」") {
    Rows rows = rows_of("2021", "applications");
    check_match(rows, "5.属于三类内容事务信息",
                {LabelMatchKind::near, "refused.internal_affairs", "5.属于三类内部事务信息"});
    check_match(rows, "（三）不予公开/5.属于三类内容事务信息",
                {LabelMatchKind::near, "refused.internal_affairs", "（三）不予公开/5.属于三类内部事务信息"});
    check_match(rows, "2.其他法律行政止公开",
                {LabelMatchKind::near, "refused.prohibited_by_law", "2.其他法律行政法规禁止公开"});
  }

  TEST_CASE("spec §6: 「1、」 numbering and 「，」 for 「、」 in the 其他处理 sub-rows") {
    Rows rows = rows_of("2021", "applications");
    check_match(rows, "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                {LabelMatchKind::normalised, "other.no_correction",
                 "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"});
    check_match(rows, "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
                {LabelMatchKind::normalised, "other.no_correction",
                 "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"});
    check_match(rows, "（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请",
                {LabelMatchKind::normalised, "other.fee_unpaid",
                 "（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"});
  }

  TEST_CASE("spec §6: 「3.其他原因」 is 3.其他") {
    Rows rows = rows_of("2021", "applications");
    check_match(rows, "3.其他原因", {LabelMatchKind::near, "other.other", "3.其他"});
  }

  TEST_CASE("spec §6: 「规范性文件」 in a form-2021 table is 行政规范性文件") {
    Rows rows = rows_of("2021", "proactive");
    check_match(rows, "规范性文件", {LabelMatchKind::near, "normative_docs", "行政规范性文件"});
    // In form 2019 it is the official wording.
    Rows old = rows_of("2019", "proactive");
    check_match(old, "规范性文件", {LabelMatchKind::exact, "normative_docs", "规范性文件"});
  }

  TEST_CASE("a different label does not match") {
    LabelMatcher m;
    m.add("商业企业", 0);
    LabelMatch r = m.match("自然人");
    CHECK_FALSE(r.matched());
    CHECK_FALSE(r.ambiguous);
    CHECK(r.closest == std::vector<std::string>{"商业企业"});
  }

  TEST_CASE("an unknown label matches nothing and names the three closest") {
    Rows rows = rows_of("2021", "applications");
    LabelMatch r = rows.matcher.match("6.属于过程信息以外的东西");
    CHECK_FALSE(r.matched());
    REQUIRE(r.closest.size() == 3);
    CHECK(r.closest[0] == "6.属于四类过程性信息");
    CHECK_FALSE(rows.matcher.match("随便写的标签").matched());
    CHECK_FALSE(rows_of("2021", "proactive").matcher.match("第二十条第（九）项/政府集中采购").matched());
    CHECK_FALSE(rows_of("2021", "proactive").matcher.match("其他对外管理服务事项").matched());
  }

  TEST_CASE("a near miss that fits two labels equally is no match") {
    LabelMatcher m;
    m.add("甲乙丙丁", 0);
    m.add("甲乙丙戊", 1);
    LabelMatch r = m.match("甲乙丙己");
    CHECK_FALSE(r.matched());
    CHECK(r.ambiguous);
    CHECK(r.closest == std::vector<std::string>{"甲乙丙丁", "甲乙丙戊"});
  }

  TEST_CASE("one text shared by two targets is ambiguous even verbatim") {
    LabelMatcher m;
    m.add("其他", 0);
    m.add("其他", 1);
    LabelMatch r = m.match("其他");
    CHECK_FALSE(r.matched());
    CHECK(r.ambiguous);
  }

  TEST_CASE("several spellings of one target are not an ambiguity") {
    LabelMatcher m;
    m.add("法人或其他组织/商业企业", 0);
    m.add("商业企业", 0);
    m.add("自然人", 1);
    LabelMatch r = m.match("法人或其他组织/商业 企业");
    CHECK(r.kind == LabelMatchKind::normalised);
    CHECK(r.target == 0);
    CHECK(r.official == "法人或其他组织/商业企业");
  }

  TEST_CASE("a label wrapped inside its cell reads as the official wording; a retyped one does not") {
    CHECK(strip_white_space("结\n果\n维\n持") == "结果维持");
    CHECK(strip_white_space("商业 \r\n企业\u00A0\u3000\t") == "商业企业");
    CHECK(strip_white_space("\u200B（一）予以公开") == "（一）予以公开");
    CHECK(strip_white_space("(一)予以公开") == "(一)予以公开");  // width is not white space
    LabelMatcher m;
    m.add("结果维持", 0);
    m.add("总计", 1);
    m.add("（一）予以公开", 2);
    LabelMatch wrapped = m.match("结\n果\n维\n持");
    CHECK(wrapped.kind == LabelMatchKind::normalised);
    CHECK(wrapped.wrapped);
    CHECK(wrapped.official == "结果维持");
    CHECK(reads_as_official(wrapped));
    CHECK(reads_as_official(m.match("\u00A0（一）予以\n公开 ")));
    CHECK(reads_as_official(m.match("总计")));
    // A real variant stays one, wrapped or not: half-width brackets, another word.
    LabelMatch half = m.match("(一)予以\n公开");
    CHECK(half.kind == LabelMatchKind::normalised);
    CHECK_FALSE(half.wrapped);
    CHECK_FALSE(reads_as_official(half));
    LabelMatch other = m.match("合\n计");
    CHECK(other.kind == LabelMatchKind::near);
    CHECK_FALSE(reads_as_official(other));
  }

  TEST_CASE("a near miss never drops or adds a distinctive word: （二）部分予以公开 is not （一）予以公开") {
    Rows rows = rows_of("2021", "applications");
    const LabelMatch m = rows.matcher.match("（二）部分予以公开");
    CHECK_FALSE(m.matched());
    REQUIRE_FALSE(m.closest.empty());
    CHECK(m.closest.front().find("部分公开") != std::string::npos);
    for (const auto& c : m.closest) CHECK(c.find("部分") != std::string::npos);
    const LabelMatch n = rows.matcher.match("部分予以公开");
    CHECK_FALSE(n.matched());
    REQUIRE_FALSE(n.closest.empty());
    CHECK(n.closest.front().find("部分公开") != std::string::npos);
  }

  TEST_CASE("a 3,000,000-character label is answered quickly, with no near miss") {
    Rows rows = rows_of("2021", "applications");
    std::string huge;
    for (int i = 0; i < 1'000'000; ++i) huge += "予以公";
    const LabelMatch m = rows.matcher.match(huge);
    CHECK_FALSE(m.matched());
    CHECK(m.closest.empty());  // nothing official is "closest" to three million characters
  }

  TEST_CASE("a label padded with much white space is still the official one, wrapped") {
    Rows rows = rows_of("2021", "applications");
    std::string padded = "一、本年新收政府信息公开申请数量";
    padded.insert(9, std::string(900, ' '));  // after 「一、本」: 900 spaces of a wrapped cell
    const LabelMatch m = rows.matcher.match(padded);
    CHECK(m.kind == LabelMatchKind::normalised);
    CHECK(m.wrapped);
    CHECK(m.official == "一、本年新收政府信息公开申请数量");
  }
}
