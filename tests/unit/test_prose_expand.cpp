#include "prose_fixture.hpp"

#include <gongkai/prose/expand.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <doctest/doctest.h>

using namespace gongkai;
using namespace gongkai::test;

namespace {

// 2023: received 30 + 9 = 39, carried over 2; handled 40 (granted 25, partly 5, not held 10);
// carried forward 1. Review 2 (1 upheld, 1 corrected); lawsuits 1 direct, 1 after review.
std::unique_ptr<Report> year_2023() {
  auto r = prose_report(2023, {{"proactive.regulations.in_force", 3},
                               {"proactive.normative_docs.in_force", 470},
                               {"proactive.fees.amount", 12'500'000},
                               {"applications.received.natural_person", 30},
                               {"applications.received.business", 9},
                               {"applications.carried_over.natural_person", 2},
                               {"applications.granted.natural_person", 20},
                               {"applications.granted.business", 5},
                               {"applications.partly_granted.natural_person", 5},
                               {"applications.unavailable.not_held.natural_person", 6},
                               {"applications.unavailable.not_held.business", 4},
                               {"applications.carried_forward.natural_person", 1},
                               {"review_litigation.review.upheld", 1},
                               {"review_litigation.review.corrected", 1},
                               {"review_litigation.litigation_direct.upheld", 1},
                               {"review_litigation.litigation_after_review.pending", 1}});
  set_prose(*r, "overview", "本年度新收政府信息公开申请{{applications.received.total}}件。\n", "overview.md");
  set_prose(*r, "problems", "一是解读形式较为单一。\n", "problems.md");
  set_prose(*r, "other_matters", "本年度无其他需要报告的事项。\n", "other_matters.md");
  return r;
}

// 2022: received 25 + 7 = 32.
std::unique_ptr<Report> year_2022() {
  auto r = prose_report(2022, {{"applications.received.natural_person", 25},
                               {"applications.received.business", 7},
                               {"applications.granted.natural_person", 25},
                               {"applications.granted.business", 5},
                               {"applications.carried_forward.natural_person", 2}});
  set_prose(*r, "problems", "一是解读形式较为单一。\n", "problems-2022.md");
  return r;
}

Diagnostics& ignored_findings() {
  static Diagnostics d;
  return d;
}

std::string lines(const Diagnostics& d, Lang lang) { return render_diagnostics_text(d, lang); }

std::string one_line(const Diagnostics& d, Lang lang) {
  REQUIRE(d.items().size() == 1);
  std::string line = render_diagnostic_line(d.items().front(), lang);
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return line;
}

std::string line_of(const Diagnostic& d, Lang lang) {
  std::string line = render_diagnostic_line(d, lang);
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return line;
}

}  // namespace

TEST_SUITE("prose_expand") {
  TEST_CASE("gongkai init's 【待填写】 left in the prose is an error where it stands") {
    auto r = year_2023();
    set_prose(*r, "problems", "### （一）存在的主要问题\n\n【待填写】\n\n### （二）改进情况\n\n已改进。\n",
              "problems.md");
    Diagnostics out;
    (void)expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "problems.md:3:1: error[stub]: section 五、存在的主要问题及改进情况 still holds gongkai init's 【待填写】 "
          "marker: write this part");
    CHECK(one_line(out, Lang::zh) ==
          "problems.md:3:1: error[stub]: 「五、存在的主要问题及改进情况」中仍有 gongkai init "
          "留下的「【待填写】」：请写出这部分内容");
  }

  TEST_CASE("authoring notes in HTML comments are not part of any output") {
    auto r = year_2023();
    set_prose(*r, "other_matters", "<!-- 信息处理费由 fees: 生成 -->\n本年度无其他需要报告的事项。<!-- 注 -->\n",
              "other_matters.md");
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(out.empty());
    CHECK(prose.at("other_matters") == "本年度无其他需要报告的事项。\n");
  }

  TEST_CASE("a report without a publication date, a fee statement or a work plan gets warnings") {
    auto r = year_2023();
    Diagnostics out;
    ProseInputs in{r.get(), nullptr, &prose_rules(), {}, {}};
    check_publication_parts(in, expand_prose(in, out), out);
    REQUIRE(out.items().size() == 3);
    CHECK(out.items()[0].rule == "no-publication-date");
    CHECK(out.items()[1].rule == "no-fee-statement");
    CHECK(out.items()[2].rule == "no-work-plan");
    CHECK(out.items()[2].severity == Severity::warning);
    CHECK(line_of(out.items()[1], Lang::en)
              .ends_with("warning[no-fee-statement]: section 六、其他需要报告的事项 does not state the "
                         "information-processing fees "
                         "('fees:' in the report's YAML, see docs/prose.md)"));

    // A table of which no cell is given is missing (it prints empty, not as zeros).
    auto old = year_2022();
    Diagnostics missing;
    ProseInputs in_old{old.get(), nullptr, &prose_rules(), {}, {}};
    check_publication_parts(in_old, expand_prose(in_old, ignored_findings()), missing);
    REQUIRE(missing.items().size() >= 2);
    CHECK(line_of(missing.items()[0], Lang::en)
              .ends_with("warning[missing-table]: table 二 has no figure at all: the table is missing and prints empty "
                         "(not as 0)"));
    CHECK(line_of(missing.items()[1], Lang::zh)
              .ends_with("warning[missing-table]: 表四没有任何数字：这张表缺失，输出中留空（不按 0 计）"));
    CHECK_FALSE(table_given(*old, *old->form->table("proactive")));
    CHECK(table_given(*old, *old->form->table("applications")));

    r->publication_date = "2024-01-20";
    set_prose(*r, "other_matters", "本年度未收取信息处理费。落实上级年度政务公开工作要点情况良好。\n",
              "other_matters.md");
    Diagnostics ok;
    ProseInputs in2{r.get(), nullptr, &prose_rules(), {}, {}};
    check_publication_parts(in2, expand_prose(in2, ok), ok);
    CHECK(ok.empty());
  }

  TEST_CASE("placeholders are replaced by the checked report's figures") {
    auto r = year_2023();
    set_prose(
        *r, "overview",
        "本年度新收政府信息公开申请{{applications.received.total}}件，上年结转{{ applications.carried_over.total }}件，"
        "办结{{applications.handled_total.total}}件。收费金额{{proactive.fees.amount}}万元。\n",
        "overview.md");
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(out.empty());
    CHECK(prose.at("overview") == "本年度新收政府信息公开申请39件，上年结转2件，办结40件。收费金额12.5万元。\n");
    CHECK(prose.at("problems") == "一是解读形式较为单一。\n");
    CHECK(prose.at("other_matters") == "本年度无其他需要报告的事项。\n");
  }

  TEST_CASE("derived figures of the prose rules are sums and shares of cells") {
    auto r = year_2023();
    set_prose(*r, "overview",
              "现行有效规章和规范性文件{{proactive.documents.in_force}}件；予以公开和部分公开{{applications.disclosed."
              "total}}件，"
              "公开率{{applications.disclosure_rate.total}}；行政诉讼{{review_litigation.litigation.total}}件。",
              "overview.md");
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(out.empty());
    CHECK(prose.at("overview") ==
          "现行有效规章和规范性文件473件；予以公开和部分公开30件，公开率75.0%；行政诉讼2件。\n");
  }

  TEST_CASE("with last year's report, .previous and .yoy compare the two years") {
    auto r = year_2023();
    auto prev = year_2022();
    set_prose(*r, "overview",
              "新收申请{{applications.received.total}}件，{{applications.received.total.yoy}}（上年{{applications."
              "received.total.previous}}件）。",
              "overview.md");
    Diagnostics out;
    auto prose = expand_prose({r.get(), prev.get(), &prose_rules(), {}, {}}, out);
    CHECK(out.empty());
    CHECK(prose.at("overview") == "新收申请39件，同比上升21.9%（上年32件）。\n");
  }

  TEST_CASE("a year-over-year placeholder without last year's report asks for --previous") {
    auto r = year_2023();
    set_prose(*r, "overview", "新收申请{{applications.received.total}}件，\n{{applications.received.total.yoy}}。",
              "overview.md");
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "overview.md:2:1: error[placeholder]: placeholder {{applications.received.total.yoy}} needs last year's "
          "report: give it with --previous");
    CHECK(one_line(out, Lang::zh) ==
          "overview.md:2:1: error[placeholder]: 占位符 {{applications.received.total.yoy}} 需要上年的报告：请用 "
          "--previous 指定上年的数据");
    CHECK(prose.at("overview") == "新收申请39件，\n{{applications.received.total.yoy}}。\n");
  }

  TEST_CASE("an unknown placeholder names its place and the closest figure") {
    auto r = year_2023();
    set_prose(*r, "overview",
              "一、总体情况\n新收申请{{applications.recieved.total}}件，{{applications.recieved.total.yoy}}。",
              "overview.md");
    Diagnostics out;
    (void)expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    REQUIRE(out.items().size() == 2);
    CHECK(line_of(out.items()[0], Lang::en) ==
          "overview.md:2:5: error[placeholder]: unknown placeholder {{applications.recieved.total}}; did you mean "
          "{{applications.received.total}}?");
    CHECK(line_of(out.items()[0], Lang::zh) ==
          "overview.md:2:5: error[placeholder]: 未知的占位符 {{applications.recieved.total}}；是否应为 "
          "{{applications.received.total}}？");
    CHECK(out.items()[0].expected == "applications.received.total");
    CHECK(line_of(out.items()[1], Lang::en) ==
          "overview.md:2:38: error[placeholder]: unknown placeholder {{applications.recieved.total.yoy}}; did you "
          "mean {{applications.received.total.yoy}}?");
  }

  TEST_CASE("only one suffix is read") {
    auto r = year_2023();
    auto prev = year_2022();
    set_prose(*r, "problems", "{{applications.received.total.previous.yoy}}", "problems.md");
    Diagnostics out;
    (void)expand_prose({r.get(), prev.get(), &prose_rules(), {}, {}}, out);
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "placeholder");
    CHECK(out.items()[0].message.en.starts_with("unknown placeholder {{applications.received.total.previous.yoy}}"));
  }

  TEST_CASE("a name far from every figure gets no guess") {
    auto r = year_2023();
    set_prose(*r, "problems", "{{budget}}", "problems.md");
    Diagnostics out;
    (void)expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "problems.md:1:1: error[placeholder]: unknown placeholder {{budget}}: neither a cell of the form nor a "
          "figure of the prose rules (see docs/prose.md)");
  }

  TEST_CASE("without prose rules only cells can be cited") {
    auto r = year_2023();
    set_prose(*r, "overview", "{{applications.received.total}} {{applications.disclosed.total}}", "overview.md");
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, nullptr, {}, {}}, out);
    CHECK(prose.at("overview") == "39 {{applications.disclosed.total}}\n");
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "placeholder");
  }

  TEST_CASE("a blank cell cannot be cited: blank is not 0") {
    auto r = year_2023();
    r->at(*r->form->cell("proactive.penalty.decisions")) = CellValue{CellState::blank, 0, false, {}};
    set_prose(*r, "overview", "作出行政处罚决定{{proactive.penalty.decisions}}件。", "overview.md");
    Diagnostics out;
    (void)expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "overview.md:1:9: error[placeholder]: placeholder {{proactive.penalty.decisions}} cannot be expanded: the "
          "table leaves '第二十条第（六）项 / 行政处罚 · 本年处理决定数量' (proactive.penalty.decisions) blank");
    CHECK(one_line(out, Lang::zh) ==
          "overview.md:1:9: error[placeholder]: 占位符 {{proactive.penalty.decisions}} "
          "无法展开：表中「第二十条第（六）项 / "
          "行政处罚 · 本年处理决定数量」为空");
  }

  TEST_CASE("a share with a zero denominator is an error, not a division by zero") {
    auto r = prose_report(2023, {{"applications.received.natural_person", 0}});
    set_prose(*r, "overview", "公开率{{applications.disclosure_rate.total}}。", "overview.md");
    set_prose(*r, "problems", "无。", "problems.md");
    set_prose(*r, "other_matters", "无。", "other_matters.md");
    Diagnostics out;
    (void)expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "overview.md:1:4: error[placeholder]: placeholder {{applications.disclosure_rate.total}} cannot be "
          "expanded: 'applications.disclosure_rate.total' cannot be computed: its denominator is 0");
  }

  TEST_CASE("a year-over-year change against a base of 0 says so") {
    auto r = year_2023();
    auto prev = year_2022();
    prev->at(*prev->form->cell("review_litigation.review.upheld")) = CellValue{CellState::value, 0, false, {}};
    Diagnostics ignored;
    check_report(*prev, CheckOptions{&forms()}, ignored);
    set_prose(*r, "overview", "行政复议{{review_litigation.review.total}}件，{{review_litigation.review.total.yoy}}。",
              "overview.md");
    Diagnostics out;
    auto prose = expand_prose({r.get(), prev.get(), &prose_rules(), {}, {}}, out);
    CHECK(out.empty());
    CHECK(prose.at("overview") == "行政复议2件，上年为0。\n");
  }

  TEST_CASE("last year's report must have the figure a year-over-year phrase compares") {
    auto r = year_2023();
    auto prev = year_2022();
    prev->at(*prev->form->cell("proactive.licensing.decisions")) = CellValue{CellState::blank, 0, false, {}};
    r->at(*r->form->cell("proactive.licensing.decisions")) = CellValue{CellState::value, 12, false, {}};
    set_prose(*r, "overview", "{{proactive.licensing.decisions.yoy}}", "overview.md");
    Diagnostics out;
    (void)expand_prose({r.get(), prev.get(), &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "overview.md:1:1: error[placeholder]: placeholder {{proactive.licensing.decisions.yoy}} cannot be "
          "expanded: last year the table leaves '第二十条第（五）项 / 行政许可 · 本年处理决定数量' "
          "(proactive.licensing.decisions) blank");
    CHECK(one_line(out, Lang::zh) ==
          "overview.md:1:1: error[placeholder]: 占位符 {{proactive.licensing.decisions.yoy}} 无法展开：上年表中"
          "「第二十条第（五）项 / 行政许可 · 本年处理决定数量」为空");
  }

  TEST_CASE("last year's form must have the figure at all") {
    auto r = year_2023();
    auto prev = prose_report(2020, {{"applications.received.natural_person", 3}}, "2019");
    set_prose(*r, "overview", "{{proactive.normative_docs.in_force.yoy}}", "overview.md");
    Diagnostics out;
    (void)expand_prose({r.get(), prev.get(), &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "overview.md:1:1: error[placeholder]: placeholder {{proactive.normative_docs.in_force.yoy}}: last year's "
          "report (2020, form 2019) has no 'proactive.normative_docs.in_force'");
  }

  TEST_CASE("a missing or blank prose section is a missing-section error") {
    auto r = year_2023();
    r->prose.erase("problems");
    r->prose_where.erase("problems");
    set_prose(*r, "other_matters", " \n\u3000\n", "other_matters.md");
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(lines(out, Lang::en) ==
          "report.yaml: error[missing-section]: section 五、存在的主要问题及改进情况 (problems) has no prose\n"
          "other_matters.md:1:1: error[missing-section]: the prose of section 六、其他需要报告的事项 (other_matters) "
          "is empty\n");
    CHECK(lines(out, Lang::zh) ==
          "report.yaml: error[missing-section]: 缺少「五、存在的主要问题及改进情况」的正文\n"
          "other_matters.md:1:1: error[missing-section]: 「六、其他需要报告的事项」的正文为空\n");
    CHECK(prose.count("problems") == 0);
    CHECK(prose.count("other_matters") == 0);
    CHECK(prose.count("overview") == 1);
  }

  TEST_CASE("fees and work plan are appended to 六, numbered after its own sub-headings") {
    auto r = year_2023();
    set_prose(*r, "other_matters", "### （一）人大代表建议和政协提案办理情况\n\n本年度办理建议提案3件。\n\n",
              "other_matters.md");
    WorkPlan plan{"《2023年政务公开工作要点》",
                  {{"公开规范性文件", "办公室", TaskStatus::done, "网站专栏", {}},
                   {"建设政策文件库", "信息中心", TaskStatus::in_progress, "", {}}}};
    FeeStatement fees;
    fees.none = true;
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, &prose_rules(), plan, fees}, out);
    CHECK(out.empty());
    CHECK(prose.at("other_matters") ==
          "### （一）人大代表建议和政协提案办理情况\n\n本年度办理建议提案3件。\n\n"
          "### （二）收取信息处理费情况\n\n本年度未收取信息处理费。\n\n"
          "### （三）落实上级年度政务公开工作要点情况\n\n"
          "对照《2023年政务公开工作要点》，本机关共承担工作任务2项，已完成1项，推进中1项。\n\n"
          "| 序号 | 工作任务 | 牵头处室 | 完成情况 | 佐证材料 |\n"
          "| ---: | --- | --- | --- | --- |\n"
          "| 1 | 公开规范性文件 | 办公室 | 完成 | 网站专栏 |\n"
          "| 2 | 建设政策文件库 | 信息中心 | 推进中 |  |\n");
  }

  TEST_CASE("placed with {{fees}} and {{work_plan}}, the parts stay where the prose puts them") {
    auto r = year_2023();
    set_prose(*r, "other_matters",
              "**（一）信息处理费**\n\n{{fees}}\n\n**（二）工作要点**\n\n{{work_plan}}\n\n**（三）其他**\n\n无。\n",
              "other_matters.md");
    WorkPlan plan{"", {{"公开预算", "财务处", TaskStatus::not_done, "", {}}}};
    FeeStatement fees;
    fees.notices = 2;
    fees.charged = Decimal::from_micro(30'000);    // 300.00 元
    fees.collected = Decimal::from_micro(20'000);  // 200.00 元
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, &prose_rules(), plan, fees}, out);
    CHECK(out.empty());
    CHECK(prose.at("other_matters") ==
          "**（一）信息处理费**\n\n"
          "本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），向申请人发出收费通知2件，"
          "应收取信息处理费300.00元，实际收取200.00元。\n\n"
          "**（二）工作要点**\n\n"
          "本机关共承担工作任务1项，已完成0项，未完成1项。\n\n"
          "| 序号 | 工作任务 | 牵头处室 | 完成情况 | 佐证材料 |\n"
          "| ---: | --- | --- | --- | --- |\n"
          "| 1 | 公开预算 | 财务处 | 未完成 |  |\n\n"
          "**（三）其他**\n\n无。\n");
  }

  TEST_CASE("a section 六 made only of the generated parts is not missing") {
    auto r = year_2023();
    r->prose.erase("other_matters");
    FeeStatement fees;
    Diagnostics out;
    auto prose = expand_prose({r.get(), nullptr, &prose_rules(), {}, fees}, out);
    CHECK(out.empty());
    CHECK(prose.at("other_matters") == "### （一）收取信息处理费情况\n\n本年度未收取信息处理费。\n");
  }

  TEST_CASE("block placeholders are refused outside 六, without data, or inside a line") {
    auto r = year_2023();
    set_prose(*r, "overview", "{{fees}}", "overview.md");
    set_prose(*r, "other_matters", "见下表：{{work_plan}}\n{{fees}}", "other_matters.md");
    Diagnostics out;
    (void)expand_prose({r.get(), nullptr, &prose_rules(), WorkPlan{"", {}}, {}}, out);
    CHECK(lines(out, Lang::en) ==
          "overview.md:1:1: error[placeholder]: placeholder {{fees}} belongs in section 六 (other_matters) only\n"
          "other_matters.md:1:5: error[placeholder]: placeholder {{work_plan}} expands to a table and must stand on "
          "a line of its own\n"
          "other_matters.md:2:1: error[placeholder]: placeholder {{fees}} cannot be expanded: no fee data was given "
          "('fees' in the report's YAML)\n");
  }

  TEST_CASE("an unterminated placeholder is reported where it opens") {
    auto r = year_2023();
    set_prose(*r, "problems", "一是{{applications.received.total\n二是", "problems.md");
    Diagnostics out;
    (void)expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "problems.md:1:3: error[placeholder]: unterminated placeholder: '}}' missing (a placeholder cannot span "
          "lines)");
  }

  TEST_CASE("a section copied from last year is text-reuse, with the share") {
    const std::string text =
        "一是政策解读的形式还比较单一，图表、音视频等解读产品数量偏少，群众理解政策仍有一定难度。"
        "二是依申请公开答复的规范化程度有待提高，个别答复书引用条款不够准确。"
        "下一步，我局将丰富解读形式，加强答复文书审核，提升依申请公开工作质量。";
    auto r = year_2023();
    auto prev = year_2022();
    set_prose(*r, "problems", text, "problems.md");
    set_prose(*prev, "problems", text, "problems-2022.md");
    Diagnostics out;
    (void)expand_prose({r.get(), prev.get(), &prose_rules(), {}, {}}, out);
    CHECK(one_line(out, Lang::en) ==
          "problems.md:1:1: warning[text-reuse]: section 五、存在的主要问题及改进情况 repeats the 2022 report: "
          "100.0% of its text also appears there (threshold 60.0%)");
    CHECK(one_line(out, Lang::zh) ==
          "problems.md:1:1: warning[text-reuse]: 「五、存在的主要问题及改进情况」与2022年报告的同一部分雷同："
          "100.0% 的文字与上年相同（阈值 60.0%）");
  }

  TEST_CASE("a literal figure contradicting the table is flagged while expanding") {
    auto r = year_2023();
    set_prose(*r, "overview", "截至年底，现行有效行政规范性文件393件。", "overview.md");
    Diagnostics out;
    (void)expand_prose({r.get(), nullptr, &prose_rules(), {}, {}}, out);
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "narrative-figure");
  }
}
