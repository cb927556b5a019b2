#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

void set(Report& r, const std::string& id, std::int64_t v, int line = 0) {
  const CellDef* c = r.form->cell(id);
  REQUIRE_MESSAGE(c != nullptr, id);
  r.at(*c) = CellValue{CellState::value, v, false, SourceLoc{"t.yaml", line, 3, {}}};
}

void blank(Report& r, const std::string& id) {
  r.at(*r.form->cell(id)) = CellValue{CellState::blank, 0, false, SourceLoc{"t.yaml", 9, 3, {}}};
}

// A consistent 2021 department report: 自然人 120 received + 3 carried over = 118 handled + 5 forward.
Report consistent() {
  Report r(test::forms().by_id("2021"));
  r.agency = "测试局";
  r.year = 2023;
  r.origin = SourceLoc{"t.yaml", 1, 1, {}};
  set(r, "applications.received.natural_person", 120);
  set(r, "applications.received.business", 4);
  set(r, "applications.carried_over.natural_person", 3);
  set(r, "applications.granted.natural_person", 60);
  set(r, "applications.granted.business", 2);
  set(r, "applications.partly_granted.natural_person", 10);
  set(r, "applications.refused.state_secret.natural_person", 1);
  set(r, "applications.refused.third_party.natural_person", 4);
  set(r, "applications.unavailable.not_held.natural_person", 30);
  set(r, "applications.unavailable.not_held.business", 2);
  set(r, "applications.not_handled.repeated.natural_person", 8);
  set(r, "applications.other.other.natural_person", 5);
  set(r, "applications.carried_forward.natural_person", 5);
  set(r, "review_litigation.review.upheld", 2);
  set(r, "review_litigation.review.corrected", 1);
  return r;
}

Diagnostics run(Report& r) {
  Diagnostics out;
  check_report(r, CheckOptions{&test::forms()}, out);
  return out;
}

std::string text(const Diagnostics& d, Lang lang) { return render_diagnostics_text(d, lang); }

}  // namespace

TEST_SUITE("check/checker") {
  TEST_CASE("a cell still holding gongkai init's 【待填写】 is an error, not a blank") {
    Report r = consistent();
    const CellDef* c = r.form->cell("applications.received.research");
    r.at(*c) = CellValue{CellState::blank, 0, false, SourceLoc{"t.yaml", 7, 15, {}}, true};
    Diagnostics d = run(r);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].severity == Severity::error);
    CHECK(text(d, Lang::en) ==
          "t.yaml:7:15: error[stub]: '一、本年新收政府信息公开申请数量 · 法人或其他组织·科研机构' is not filled in: it "
          "still holds gongkai init's 【待填写】 marker\n");
  }

  TEST_CASE("a given 总计 that breaks the balance is reported in its own column") {
    Report r = consistent();
    set(r, "applications.received.total", 124, 11);
    set(r, "applications.carried_forward.total", 6, 12);
    set(r, "applications.carried_forward.business", 1);
    Diagnostics d = run(r);
    // business: 4 + 0 = 4 but 4 + 1 = 5; total: 124 + 3 = 127 but 122 + 6 = 128 (6 is given).
    REQUIRE(d.items().size() == 2);
    CHECK(d.items()[0].rule == "balance");
    CHECK(d.items()[1].message.en ==
          "三 总计: 本年新收 + 上年结转 = 124 + 3 = 127, but （七）总计 + 结转下年度 = 122 + 6 = 128");
  }

  TEST_CASE("a consistent report has no findings and its totals are derived") {
    Report r = consistent();
    Diagnostics d = run(r);
    CHECK(text(d, Lang::en) == "");
    const CellValue* total = r.find("applications.handled_total.total");
    REQUIRE(total);
    CHECK(total->raw == 122);
    CHECK(total->computed);
    CHECK(r.find("applications.refused.natural_person")->raw == 5);
    CHECK(r.find("review_litigation.review.total")->raw == 3);
    // Nothing given for the (五) category's other rows: absent, counted as 0.
    CHECK(r.find("applications.refused.query_matter.total")->raw == 0);
  }

  TEST_CASE("balance names both sides with their figures") {
    Report r = consistent();
    set(r, "applications.handled_total.natural_person", 118, 40);
    set(r, "applications.carried_forward.natural_person", 4, 41);
    Diagnostics d = run(r);
    // 118 is the right sum of outcomes, so only the balance breaks: 120 + 3 != 118 + 4. The
    // derived 总计 column repeats it and is not reported again.
    CHECK(text(d, Lang::zh) ==
          "t.yaml:40:3: error[balance]: 三 自然人：本年新收 + 上年结转 = 120 + 3 = 123，但 （七）总计 + 结转下年度 = "
          "118 + 4 = 122\n");
    CHECK(text(d, Lang::en) ==
          "t.yaml:40:3: error[balance]: 三 自然人: 本年新收 + 上年结转 = 120 + 3 = 123, but （七）总计 + 结转下年度 = "
          "118 + 4 = 122\n");
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].expected == "123");
    CHECK(d.items()[0].actual == "122");
    CHECK(d.items()[0].cells.size() == 4);
  }

  TEST_CASE("outcome-sum: a printed (七)总计 that does not add up") {
    Report r = consistent();
    set(r, "applications.handled_total.natural_person", 20, 30);
    Diagnostics d = run(r);
    // One wrong total, one finding: the balance through it is not reported again.
    REQUIRE(d.count(Severity::error) == 1);
    CHECK(render_diagnostic_line(d.items()[0], Lang::en) ==
          "t.yaml:30:3: error[outcome-sum]: 三 自然人: （七）总计 is 20, but （一）予以公开 + （二）部分公开 + "
          "（三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理 = 60 + 10 + 5 + 30 + 8 + 5 = 118\n");
    CHECK(d.items()[0].expected == "118");
    CHECK(d.items()[0].actual == "20");
  }

  TEST_CASE("column-total: a row's 总计 is checked against the six applicant columns") {
    Report r = consistent();
    set(r, "applications.received.total", 125, 12);
    Diagnostics d = run(r);
    REQUIRE(d.items().size() >= 1);
    CHECK(render_diagnostic_line(d.items()[0], Lang::zh) ==
          "t.yaml:12:3: error[column-total]: 三 「本年新收」：总计 为 125，但 自然人 + 商业企业 + 科研机构 + "
          "社会公益组织 + "
          "法律服务机构 + 其他 = 120 + 4 + 0 + 0 + 0 + 0 = 124\n");
  }

  TEST_CASE("case-total: 行政复议 总计 0 over 10+1+0+0") {
    Report r = consistent();
    set(r, "review_litigation.review.upheld", 10);
    set(r, "review_litigation.review.corrected", 1);
    set(r, "review_litigation.review.total", 0, 50);
    Diagnostics d = run(r);
    CHECK(text(d, Lang::zh) ==
          "t.yaml:50:3: error[case-total]: 四 「行政复议」：总计 为 0，但 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = "
          "10 + 1 + 0 + 0 = 11\n");
  }

  TEST_CASE("category-sum: a given category must equal its sub-rows") {
    Report r = consistent();
    set(r, "applications.refused.natural_person", 7, 20);
    Diagnostics d = run(r);
    REQUIRE(d.items().size() == 2);  // and the 自然人 balance it upsets
    CHECK(d.items()[1].rule == "balance");
    CHECK(d.items()[0].rule == "category-sum");
    CHECK(d.items()[0].expected == "5");
    CHECK(d.items()[0].actual == "7");
  }

  TEST_CASE("a category given alone is accepted with a warning and used in the sums") {
    Report r = consistent();
    for (const auto* id : {"applications.other.other.natural_person"}) r.at(*r.form->cell(id)) = CellValue{};
    set(r, "applications.other.natural_person", 5, 22);
    Diagnostics d = run(r);
    CHECK(text(d, Lang::en) ==
          "t.yaml:22:3: warning[category-sum]: 三 「（六）其他处理」: only the category figure is given; "
          "its 3 sub-rows are missing\n");
    CHECK(r.find("applications.handled_total.natural_person")->raw == 118);
  }

  TEST_CASE("a blank leaf stays blank, counts as 0 and is reported") {
    Report r = consistent();
    blank(r, "applications.received.research");
    Diagnostics d = run(r);
    CHECK(text(d, Lang::en) ==
          "t.yaml:9:3: warning[blank-cell]: '一、本年新收政府信息公开申请数量 · 法人或其他组织·科研机构' is blank "
          "(blank is "
          "not 0); counted as 0 in sums\n");
    CHECK(r.find("applications.received.research")->state == CellState::blank);
  }

  TEST_CASE("a blank total is computed and marked") {
    Report r = consistent();
    blank(r, "applications.received.total");
    Diagnostics d = run(r);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].rule == "blank-cell");
    CHECK(r.find("applications.received.total")->raw == 124);
    CHECK(r.find("applications.received.total")->computed);
  }

  TEST_CASE("form-year: the 2019 trial form for a 2022 report") {
    Report r(test::forms().by_id("2019"));
    r.year = 2022;
    r.origin = SourceLoc{"old.csv", 0, 0, {}};
    Diagnostics d = run(r);
    CHECK(text(d, Lang::en) ==
          "old.csv: error[form-year]: the 2022 report uses form 2019 (国办公开办函〔2019〕60号); it must use form 2021 "
          "(国办公开办函〔2021〕30号)\n");
  }

  TEST_CASE("deadline: a late department report is noted, an early one is not") {
    Report r = consistent();
    r.publication_date = "2024-02-05";
    Diagnostics d = run(r);
    CHECK(text(d, Lang::en) ==
          "t.yaml:1:1: info[deadline]: the 2023 report of a department is due by 2024-01-31; "
          "published 2024-02-05, 5 days late\n");
    Report on_time = consistent();
    on_time.publication_date = "2024-01-31";
    CHECK(run(on_time).empty());
    Report gov = consistent();
    gov.level = Level::government;
    gov.publication_date = "2024-03-20";
    CHECK(run(gov).empty());
  }

  TEST_CASE("an overflowing sum is an error, never a wrap") {
    Report r = consistent();
    set(r, "applications.received.natural_person", std::numeric_limits<std::int64_t>::max());
    set(r, "applications.received.business", 1);
    Diagnostics d = run(r);
    bool overflow = false;
    for (const auto& f : d.items()) overflow = overflow || f.rule == "overflow";
    CHECK(overflow);
  }
}

TEST_SUITE("check/cross_year") {
  TEST_CASE("carry-continuity: this year's 上年结转 equals last year's 结转下年度") {
    Report prev = consistent();
    prev.year = 2022;
    Report cur = consistent();
    (void)run(prev);
    set(cur, "applications.carried_over.natural_person", 3, 7);
    (void)run(cur);
    Diagnostics d;
    check_cross_year(cur, prev, d);
    CHECK(text(d, Lang::en) ==
          "t.yaml:7:3: error[carry-continuity]: 三 自然人: 「上年结转」 of 2023 is 3, but 「结转下年度」 of "
          "2022 was 5\n");
  }

  TEST_CASE("in-force-continuity: 现行有效 follows last year's stock") {
    Report prev = consistent();
    prev.year = 2022;
    set(prev, "applications.carried_forward.natural_person", 3);  // carry-over continuous
    set(prev, "proactive.normative_docs.in_force", 400);
    Report cur = consistent();
    set(cur, "proactive.normative_docs.issued", 80);
    set(cur, "proactive.normative_docs.repealed", 10);
    set(cur, "proactive.normative_docs.in_force", 470, 5);
    (void)run(prev);
    (void)run(cur);
    Diagnostics ok;
    check_cross_year(cur, prev, ok);
    CHECK(ok.empty());
    set(cur, "proactive.normative_docs.in_force", 393, 5);
    Diagnostics d;
    check_cross_year(cur, prev, d);
    CHECK(text(d, Lang::zh) ==
          "t.yaml:5:3: warning[in-force-continuity]: 二 「行政规范性文件」：2023年现行有效件数 为 393，但 "
          "2022年现行有效件数 "
          "400 + 本年制发件数 80 − 本年废止件数 10 = 470\n");
  }
}
