#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/core/decimal.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/diff/settings.hpp>
#include <gongkai/io/files.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

using namespace gongkai;

namespace {

void set(Report& r, const std::string& id, std::int64_t v) {
  const CellDef* c = r.form->cell(id);
  REQUIRE_MESSAGE(c != nullptr, id);
  r.at(*c) = CellValue{CellState::value, v, false, SourceLoc{"t.yaml", 1, 1, {}}};
}

void blank(Report& r, const std::string& id) {
  const CellDef* c = r.form->cell(id);
  REQUIRE_MESSAGE(c != nullptr, id);
  r.at(*c) = CellValue{CellState::blank, 0, false, SourceLoc{"t.yaml", 1, 1, {}}};
}

Report report(const char* form, int year) {
  Report r(test::forms().by_id(form));
  r.agency = "测试局";
  r.year = year;
  r.origin = SourceLoc{fmt::format("{}.yaml", year), 0, 0, {}};
  return r;
}

void checked(Report& r) {
  Diagnostics ignored;
  check_report(r, CheckOptions{&test::forms()}, ignored);
}

const CellDiff& cell(const ReportDiff& d, const std::string& id) {
  for (const auto& c : d.cells)
    if (c.id == id) return c;
  FAIL("no cell " << id);
  return d.cells.front();
}

bool has(const std::vector<std::string>& flags, const std::string& rule) {
  return std::find(flags.begin(), flags.end(), rule) != flags.end();
}

std::size_t findings_of(const ReportDiff& d, const std::string& rule) {
  return static_cast<std::size_t>(std::count_if(d.findings.items().begin(), d.findings.items().end(),
                                                [&](const Diagnostic& f) { return f.rule == rule; }));
}

DiffOptions with_correspondence() {
  DiffOptions o;
  const std::string path = std::string(GONGKAI_SOURCE_DIR) + "/report-templates/forms/correspondence/2019-2021.yaml";
  o.correspondences.push_back(load_correspondence(path, read_file(path)));
  return o;
}

// Two consecutive 2021-form years with one of each flag.
struct Pair {
  Report old_r = report("2021", 2022);
  Report new_r = report("2021", 2023);
  Pair() {
    set(old_r, "proactive.licensing.decisions", 956);
    set(new_r, "proactive.licensing.decisions", 95600);  // ×100: swing
    set(old_r, "proactive.penalty.decisions", 10);
    set(new_r, "proactive.penalty.decisions", 0);  // to-zero
    set(old_r, "proactive.coercion.decisions", 0);
    set(new_r, "proactive.coercion.decisions", 14);  // from-zero (at least 10)
    set(old_r, "proactive.regulations.issued", 3);
    set(new_r, "proactive.regulations.issued", 9);  // ×3, but a change of 6 < 10: no flag
    set(old_r, "proactive.normative_docs.issued", 10);
    set(new_r, "proactive.normative_docs.issued", 29);  // ×2.9: no flag
    set(old_r, "proactive.normative_docs.repealed", 0);
    set(new_r, "proactive.normative_docs.repealed", 0);
    set(old_r, "proactive.normative_docs.in_force", 30);
    set(new_r, "proactive.normative_docs.in_force", 90);  // ×3 exactly, +60: swing; 30 + 29 − 0 ≠ 90
    blank(old_r, "proactive.fees.amount");
    set(new_r, "proactive.fees.amount", 5 * Decimal::kOne);  // blank → 5: newly reported
    set(old_r, "applications.received.natural_person", 10);
    set(old_r, "applications.carried_forward.natural_person", 5);
    set(new_r, "applications.received.natural_person", 12);
    set(new_r, "applications.carried_over.natural_person", 4);  // ≠ 5: carry-continuity
    set(old_r, "review_litigation.review.upheld", 2);
    set(new_r, "review_litigation.review.upheld", 0);
    set(new_r, "review_litigation.review.corrected", 0);  // the table is now all 0
    checked(old_r);
    checked(new_r);
  }
};

}  // namespace

TEST_SUITE("diff/report_diff") {
  TEST_CASE("year over year: swing, to-zero, from-zero, newly reported, table-zero") {
    Pair p;
    const ReportDiff d = diff_reports(p.old_r, p.new_r, DiffOptions{});
    CHECK(d.mode == DiffMode::year_over_year);
    CHECK(d.cells.size() == p.new_r.form->cells().size());  // one form: every cell paired

    const CellDiff& lic = cell(d, "proactive.licensing.decisions");
    CHECK(lic.kind == ChangeKind::changed);
    CHECK(lic.change == 95600 - 956);
    CHECK(lic.percent_tenths == 99000);
    CHECK(has(lic.flags, "swing"));

    CHECK(has(cell(d, "proactive.penalty.decisions").flags, "to-zero"));
    CHECK(has(cell(d, "proactive.coercion.decisions").flags, "from-zero"));
    // A zero flag needs a change of 10 (the settings' zero.min_change): 0 → 1 is not flagged.
    CHECK(cell(d, "proactive.normative_docs.repealed").flags.empty());
    CHECK(cell(d, "proactive.regulations.issued").flags.empty());
    CHECK(cell(d, "proactive.normative_docs.issued").flags.empty());
    CHECK(has(cell(d, "proactive.normative_docs.in_force").flags, "swing"));

    const CellDiff& fees = cell(d, "proactive.fees.amount");
    CHECK(fees.kind == ChangeKind::newly_reported);
    CHECK(fees.flags.empty());  // blank → 5 is not "from 0"
    CHECK_FALSE(fees.change.has_value());

    CHECK(findings_of(d, "table-zero") == 1);
    CHECK(findings_of(d, "swing") == 2);
  }

  TEST_CASE("the cross-year rules of check are findings at the cells they name") {
    Pair p;
    const ReportDiff d = diff_reports(p.old_r, p.new_r, DiffOptions{});
    CHECK(has(cell(d, "applications.carried_over.natural_person").flags, "carry-continuity"));
    CHECK(has(cell(d, "proactive.normative_docs.in_force").flags, "in-force-continuity"));
    CHECK(d.cross_year_failed());
  }

  TEST_CASE("swing thresholds come from the settings") {
    Pair p;
    DiffOptions o;
    o.settings.swing_factor_micro = 2'500'000;  // ×2.5
    const ReportDiff d = diff_reports(p.old_r, p.new_r, o);
    CHECK(has(cell(d, "proactive.normative_docs.issued").flags, "swing"));  // 10 → 29 is ×2.9
    o.settings.swing_min_change = 100;
    const ReportDiff e = diff_reports(p.old_r, p.new_r, o);
    CHECK(cell(e, "proactive.normative_docs.issued").flags.empty());
    CHECK(cell(e, "proactive.normative_docs.in_force").flags == std::vector<std::string>{"in-force-continuity"});
  }

  TEST_CASE("the settings file of report-templates") {
    const std::string path = std::string(GONGKAI_SOURCE_DIR) + "/report-templates/diff-thresholds.yaml";
    const DiffSettings s = load_diff_settings(path, read_file(path));
    CHECK(s.swing_factor_micro == 3'000'000);
    CHECK(s.swing_min_change == 10);
    CHECK(s.zero_min_change == 10);
    CHECK_FALSE(s.key_figures.empty());
    CHECK(load_diff_settings("x.yaml", "swing: {factor: 2.5}\n").swing_factor_micro == 2'500'000);
    CHECK_THROWS_AS((void)load_diff_settings("x.yaml", "swing: {factor: 1}\n"), InputError);
    CHECK_THROWS_AS((void)load_diff_settings("x.yaml", "swing: {factr: 3}\n"), InputError);
    CHECK_THROWS_AS((void)load_diff_settings("x.yaml", "zero: {min_change: -1}\n"), InputError);
  }

  TEST_CASE("across the form change, only corresponding cells are compared") {
    Report old_r = report("2019", 2020);
    Report new_r = report("2021", 2021);
    set(old_r, "applications.other.natural_person", 3);  // one row in form 2019
    set(new_r, "applications.other.no_correction.natural_person", 1);
    set(new_r, "applications.other.other.natural_person", 2);  // the category: 1 + 2 = 3
    set(old_r, "proactive.licensing.decisions", 100);
    set(new_r, "proactive.licensing.decisions", 120);
    set(old_r, "proactive.regulations.made", 2);
    set(new_r, "proactive.regulations.issued", 2);
    checked(old_r);
    checked(new_r);
    const ReportDiff d = diff_reports(old_r, new_r, with_correspondence());
    CHECK(d.mode == DiffMode::year_over_year);

    const CellDiff& other = cell(d, "applications.other.natural_person");
    CHECK(other.kind == ChangeKind::same);
    CHECK(other.after.computed);
    CHECK(other.derived);

    // 2019 leaves 商业企业 of （六）其他处理 out; 2021 computes its category as 0 from sub-rows
    // left out: neither reports a figure, so it is not "newly reported".
    CHECK(cell(d, "applications.other.business").kind == ChangeKind::same);

    const CellDiff& lic = cell(d, "proactive.licensing.decisions");
    CHECK(lic.change == 20);
    CHECK(lic.percent_tenths == 200);

    const CellDiff& issued = cell(d, "proactive.regulations.issued");
    CHECK(issued.kind == ChangeKind::not_comparable);
    REQUIRE(issued.why_not_comparable.has_value());
    CHECK(issued.why_not_comparable->en.find("another measure") != std::string::npos);
    const CellDiff& made = cell(d, "proactive.regulations.made");  // in form 2019 only
    CHECK(made.kind == ChangeKind::not_comparable);
    CHECK(made.new_id.empty());
    CHECK(made.old_id == "proactive.regulations.made");
    CHECK(cell(d, "proactive.procurement.amount").kind == ChangeKind::not_comparable);
    CHECK(cell(d, "applications.other.fee_unpaid.total").kind == ChangeKind::not_comparable);

    // Every cell of either form appears once: 2021's, then 2019's without a counterpart.
    std::size_t paired = 0;
    for (const auto& c : d.cells) paired += c.kind != ChangeKind::not_comparable ? 1 : 0;
    CHECK(d.cells.size() == new_r.form->cells().size() + old_r.form->cells().size() - paired);

    // Without the correspondence data nothing is compared: nothing is invented.
    const ReportDiff none = diff_reports(old_r, new_r, DiffOptions{});
    CHECK(none.count(ChangeKind::not_comparable) == none.cells.size());
  }

  TEST_CASE("two versions of one year: a revision log with the prose as a line diff") {
    Report a = report("2021", 2023);
    Report b = report("2021", 2023);
    set(a, "proactive.licensing.decisions", 956);
    set(b, "proactive.licensing.decisions", 9560);
    a.prose["overview"] = "第一行\n第二行\n";
    b.prose["overview"] = "第一行\n第二行改\n第三行";
    a.prose["problems"] = "同样。";
    b.prose["problems"] = "同样。";
    checked(a);
    checked(b);
    const ReportDiff d = diff_reports(a, b, DiffOptions{});
    CHECK(d.mode == DiffMode::revision);
    CHECK(cell(d, "proactive.licensing.decisions").change == 8604);
    CHECK_FALSE(d.cross_year_failed());
    REQUIRE(d.prose.size() == 1);
    CHECK(d.prose[0].id == "overview");
    REQUIRE(d.prose[0].lines.size() == 4);
    CHECK(d.prose[0].lines[0].op == ' ');
    CHECK(d.prose[0].lines[1].op == '-');
    CHECK(d.prose[0].lines[1].text == "第二行");
    CHECK(d.prose[0].lines[2].op == '+');
    CHECK(d.prose[0].lines[3].text == "第三行");
  }

  TEST_CASE("text-reuse: a section copied from last year is a cross-year finding") {
    Report a = report("2021", 2022);
    Report b = report("2021", 2023);
    const std::string text =
        "本机关坚持以公开为常态不公开为例外，围绕中心工作深化政务公开，规范依申请公开办理流程，"
        "加强政府信息管理与平台建设，完善监督保障机制，回应社会关切，提升公开质量和实效。";
    a.prose["overview"] = text;
    b.prose["overview"] = text;
    b.prose["problems"] = "公开时效仍需提高。";
    checked(a);
    checked(b);
    const ReportDiff d = diff_reports(a, b, DiffOptions{});
    CHECK(findings_of(d, "text-reuse") == 1);
    CHECK(d.cross_year_failed());
    // Not consecutive: no cross-year rule.
    Report c = report("2021", 2025);
    c.prose["overview"] = text;
    checked(c);
    const ReportDiff e = diff_reports(a, c, DiffOptions{});
    CHECK(e.mode == DiffMode::years_apart);
    CHECK(findings_of(e, "text-reuse") == 0);
  }

  TEST_CASE("two agencies are refused") {
    Report a = report("2021", 2022);
    Report b = report("2021", 2023);
    b.agency = "另一局";
    Diagnostics out;
    CHECK_FALSE(same_agency(a, b, out));
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "diff-agency");
  }
}
