// Explained findings: matching by rule and first cell, errors not explained, stale ones, the
// YAML list read against a form (IDs, labels, did-you-mean, reasons in one or two languages).
#include "test_support.hpp"

#include <gongkai/build/explanations_input.hpp>
#include <gongkai/check/explanations.hpp>
#include <gongkai/prose/prose_extras.hpp>
#include <gongkai/readers/input.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

Diagnostic finding(Severity s, const std::string& rule, const std::string& cell) {
  Diagnostic d = Diagnostic::make(s, rule, SourceLoc{"r.yaml", 3, 5, {}}, {"问题 " + cell, "finding " + cell});
  if (!cell.empty()) d.cells.push_back({cell, "label of " + cell});
  return d;
}

Explanation explanation(const std::string& rule, const std::string& cell, int line) {
  return Explanation{
      rule, cell, cell.empty() ? "" : "label of " + cell, {"理由", "reason"}, SourceLoc{"r.yaml", line, 7, {}}};
}

const Form& form2021() { return *test::forms().by_id("2021"); }

}  // namespace

TEST_SUITE("check_explanations") {
  TEST_CASE("a warning is explained by its rule and first cell; others are left alone") {
    Diagnostics ds;
    ds.add(finding(Severity::warning, "in-force-continuity", "proactive.normative_docs.in_force"));
    ds.add(finding(Severity::warning, "in-force-continuity", "proactive.regulations.in_force"));
    ds.add(finding(Severity::warning, "swing", "proactive.normative_docs.in_force"));
    ExplanationSet set({explanation("in-force-continuity", "proactive.normative_docs.in_force", 20)});
    set.apply(ds, ds);
    REQUIRE(ds.items().size() == 3);
    REQUIRE(ds.items()[0].explanation.has_value());
    CHECK(ds.items()[0].explanation->en == "reason");
    CHECK(ds.items()[0].explained_at.line == 20);
    CHECK_FALSE(ds.items()[1].explanation.has_value());
    CHECK_FALSE(ds.items()[2].explanation.has_value());
    CHECK(count_unexplained(ds, Severity::warning) == 2);
    CHECK(count_explained(ds) == 1);
    Diagnostics stale;
    set.report_stale(ExplainScope{true, false, true, false}, stale);
    CHECK(stale.empty());
  }

  TEST_CASE("an explanation without a cell fits only findings that name no cell") {
    Diagnostics ds;
    ds.add(finding(Severity::warning, "table-zero", ""));
    ds.add(finding(Severity::warning, "swing", "applications.received.total"));
    ExplanationSet set({explanation("table-zero", "", 4), explanation("swing", "", 5)});
    set.apply(ds, ds);
    CHECK(ds.items()[0].explanation.has_value());
    CHECK_FALSE(ds.items()[1].explanation.has_value());
    Diagnostics stale;
    set.report_stale(ExplainScope{false, false, true, true}, stale);
    REQUIRE(stale.items().size() == 1);
    CHECK(stale.items()[0].rule == "stale-explanation");
    CHECK(stale.items()[0].where.line == 5);
  }

  TEST_CASE("an error is never explained: the explanation is an error of its own, once") {
    Diagnostics ds;
    ds.add(finding(Severity::error, "balance", "applications.received.natural_person"));
    ds.add(finding(Severity::error, "balance", "applications.received.natural_person"));
    ExplanationSet set({explanation("balance", "applications.received.natural_person", 9)});
    set.apply(ds, ds);
    CHECK_FALSE(ds.items()[0].explanation.has_value());
    std::size_t errors = 0;
    for (const auto& d : ds.items())
      if (d.rule == "explanation") ++errors;
    CHECK(errors == 1);
    CHECK(ds.items().back().where.line == 9);
    CHECK(count_unexplained(ds, Severity::error) == ds.count(Severity::error));
    Diagnostics stale;
    set.report_stale(ExplainScope{true, true, true, true}, stale);
    CHECK(stale.empty());  // it fitted a finding: not stale
  }

  TEST_CASE("staleness is judged only where the rule was run") {
    ExplanationSet set({explanation("in-force-continuity", "proactive.normative_docs.in_force", 2),
                        explanation("swing", "applications.received.total", 3),
                        explanation("blank-cell", "applications.received.business", 4)});
    Diagnostics none;
    set.apply(none, none);
    Diagnostics check_alone;
    set.report_stale(ExplainScope{true, true, false, false}, check_alone);  // no last year, no diff
    REQUIRE(check_alone.items().size() == 1);
    CHECK(check_alone.items()[0].where.line == 4);
    Diagnostics diff;
    set.report_stale(ExplainScope{false, false, true, true}, diff);
    CHECK(diff.items().size() == 2);
  }

  TEST_CASE("the YAML list: IDs and labels, reasons in one or two languages") {
    const std::string yaml =
        "agency: x\n"
        "explanations:\n"
        "  - rule: in-force-continuity\n"
        "    cell: 第二十条第（一）项 / 行政规范性文件 · 现行有效件数\n"
        "    reason: {zh: 清理旧文件, en: old documents cleaned up}\n"
        "  - rule: table-zero\n"
        "    reason: 本年没有收到申请\n"
        "  - rule: swing\n"
        "    cell: applications.received.total\n"
        "    reason: {en: a new office opened}\n";
    Diagnostics out;
    const auto es = read_explanations("r.yaml", yaml, form2021(), out);
    CHECK(out.empty());
    REQUIRE(es.size() == 3);
    CHECK(es[0].cell_id == "proactive.normative_docs.in_force");
    CHECK(es[0].reason.zh == "清理旧文件");
    CHECK(es[0].reason.en == "old documents cleaned up");
    CHECK(es[0].where.line == 3);
    CHECK(es[1].cell_id.empty());
    CHECK(es[1].reason.en == "本年没有收到申请");  // written once: the same in both
    CHECK(es[2].reason.zh == "a new office opened");
  }

  TEST_CASE("the YAML list: problems are findings and the entry is dropped") {
    const std::string yaml =
        "explanations:\n"
        "  - rule: in-force-continuty\n"
        "    cell: proactive.normative_docs.in_force\n"
        "    reason: x\n"
        "  - rule: swing\n"
        "    cell: no.such.cell\n"
        "    reason: x\n"
        "  - rule: swing\n"
        "    cell: applications.received.total\n"
        "  - rule: stale-explanation\n"
        "    reason: x\n"
        "  - rule: swing\n"
        "    cell: applications.received.total\n"
        "    reason: '  '\n"
        "  - rule: table-zero\n"
        "    reason: x\n"
        "  - rule: table-zero\n"
        "    reason: y\n";
    Diagnostics out;
    const auto es = read_explanations("r.yaml", yaml, form2021(), out);
    REQUIRE(es.size() == 1);
    CHECK(es[0].rule == "table-zero");
    REQUIRE(out.items().size() == 6);
    for (const auto& d : out.items()) CHECK(d.rule == "explanation");
    CHECK(out.items()[0].message.en.find("did you mean 'in-force-continuity'") != std::string::npos);
    CHECK(out.items()[0].where.line == 2);
    CHECK(out.items()[1].message.en.find("has no cell 'no.such.cell'") != std::string::npos);
    CHECK(out.items()[2].message.en.find("no 'reason'") != std::string::npos);
    CHECK(out.items()[5].message.en.find("given twice") != std::string::npos);
  }

  TEST_CASE("a reason written over several lines is one paragraph") {
    const std::string yaml =
        "explanations:\n"
        "  - rule: table-zero\n"
        "    reason: |\n"
        "      old documents\n"
        "      cleaned up\n";
    Diagnostics out;
    const auto es = read_explanations("r.yaml", yaml, form2021(), out);
    CHECK(out.empty());
    REQUIRE(es.size() == 1);
    CHECK(es[0].reason.en == "old documents cleaned up");
  }

  TEST_CASE("a label typed with half-width marks is read, with a label warning") {
    const std::string yaml =
        "explanations:\n"
        "  - rule: in-force-continuity\n"
        "    cell: 第二十条第(一)项 / 行政规范性文件 · 现行有效件数\n"
        "    reason: x\n";
    Diagnostics out;
    const auto es = read_explanations("r.yaml", yaml, form2021(), out);
    REQUIRE(es.size() == 1);
    CHECK(es[0].cell_id == "proactive.normative_docs.in_force");
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "label");
    CHECK(out.items()[0].severity == Severity::warning);
  }

  TEST_CASE("a YAML tally is parsed once: explanations and extras read from the reader's tree as from the text") {
    const std::string yaml =
        "\xEF\xBB\xBF"  // a BOM: the tree's places must still be the text's
        "agency: 某局\nlevel: department\nyear: 2023\n"
        "fees: {notices: 1, charged: 300, collected: 300, unit: 元}\n"
        "explanations:\n"
        "  - rule: swing\n"
        "    cell: applications.received.total\n"
        "    reason: 新设了一个窗口\n"
        "  - rule: no-such-rule\n"
        "    reason: x\n";
    const FileLoader load = [&](const std::string&) { return yaml; };
    Diagnostics read_out;
    const ReadResult read = read_report("r.yaml", test::forms(), {}, load, read_out);
    REQUIRE(read.report);
    REQUIRE(read.yaml_root);
    Diagnostics from_tree, from_text;
    const auto a = input_explanations("r.yaml", read.yaml_text, read.yaml_tree(), *read.report->form, load, from_tree);
    const auto b = input_explanations("r.yaml", read.yaml_text, nullptr, *read.report->form, load, from_text);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].cell_id == b[0].cell_id);
    CHECK(a[0].where.line == 6);
    CHECK(a[0].where.line == b[0].where.line);
    CHECK(a[0].where.column == b[0].where.column);
    REQUIRE(from_tree.items().size() == 1);  // the unknown rule, at the same place both ways
    REQUIRE(from_text.items().size() == 1);
    CHECK(from_tree.items()[0].rule == "explanation");
    CHECK(from_tree.items()[0].where.line == 9);
    CHECK(from_tree.items()[0].where.line == from_text.items()[0].where.line);
    CHECK(from_tree.items()[0].message.en == from_text.items()[0].message.en);
    Diagnostics extras_out;
    const ProseExtras extras = read_prose_extras("r.yaml", read.yaml_text, extras_out, read.yaml_tree());
    CHECK(extras_out.empty());
    REQUIRE(extras.fees);
    CHECK(extras.fees->notices == 1);
  }

  TEST_CASE("a file without explanations has none, whatever else it holds") {
    Diagnostics out;
    CHECK(read_explanations("r.yaml", "agency: x\nyear: 2023\n", form2021(), out).empty());
    CHECK(out.empty());
  }
}
