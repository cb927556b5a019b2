#include "prose_fixture.hpp"

#include <gongkai/prose/narrative_figure.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <doctest/doctest.h>

using namespace gongkai;
using namespace gongkai::test;

namespace {

// normative documents in force 470 (regulations 3); penalty decisions 64; received 39 (30 + 9); handled 40, of which 30
// disclosed (75.0%); review 2, lawsuits 2; licensing decisions 1234; fees 12.5 万元.
std::unique_ptr<Report> report() {
  return prose_report(2023, {{"proactive.regulations.in_force", 3},
                             {"proactive.normative_docs.in_force", 470},
                             {"proactive.licensing.decisions", 1234},
                             {"proactive.penalty.decisions", 64},
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
                             {"review_litigation.review.upheld", 2},
                             {"review_litigation.litigation_direct.upheld", 2}});
}

Diagnostics check(const std::string& text) {
  auto r = report();
  Diagnostics out;
  check_narrative_figures(*r, prose_rules(), text, SourceLoc{"overview.md", 1, 1, {}}, out);
  return out;
}

std::string text_of(const Diagnostics& d, Lang lang) { return render_diagnostics_text(d, lang); }

}  // namespace

TEST_SUITE("prose_narrative_figure") {
  TEST_CASE("a literal figure contradicting the table it states is flagged at the number") {
    Diagnostics out = check("## 主动公开\n截至2023年底，本机关现行有效行政规范性文件393件。");
    CHECK(text_of(out, Lang::en) ==
          "overview.md:2:24: warning[narrative-figure]: the prose says 393件 in 「本机关现行有效行政规范性文件393件」, "
          "but table 二 gives 470 for 第二十条第（一）项 / 行政规范性文件 · 现行有效件数 "
          "(proactive.normative_docs.in_force)\n");
    CHECK(text_of(out, Lang::zh) ==
          "overview.md:2:24: warning[narrative-figure]: 正文「本机关现行有效行政规范性文件393件」中的 393件 与表二"
          "「第二十条第（一）项 / 行政规范性文件 · 现行有效件数」的 470 不符\n");
    REQUIRE(out.items().size() == 1);
    const Diagnostic& d = out.items()[0];
    CHECK(d.actual == "393");
    CHECK(d.expected == "470");
    REQUIRE(d.cells.size() == 1);
    CHECK(d.cells[0].id == "proactive.normative_docs.in_force");
  }

  TEST_CASE("figures that agree with the tables, or come from placeholders, pass") {
    CHECK(check("现行有效行政规范性文件470件。本年度共新收政府信息公开申请39件，上年结转2件。").empty());
    CHECK(check("现行有效行政规范性文件{{proactive.normative_docs.in_force}}件。").empty());
    CHECK(check("2023年新收申请39件。").empty());
    CHECK(check("全年作出行政许可决定1,234件。").empty());
  }

  TEST_CASE("a year before the figure is not the figure") {
    Diagnostics out = check("2023年新收申请45件。");
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].actual == "45");
    CHECK(out.items()[0].expected == "39");
    CHECK(out.items()[0].where.to_string() == "overview.md:1:10");
  }

  TEST_CASE("changes, parts, hedges and several numbers are left alone") {
    CHECK(check("新收申请较上年增加7件。").empty());
    CHECK(check("其中新收申请30件。").empty());
    CHECK(check("新收申请约50件。").empty());
    CHECK(check("新收申请50余件。").empty());
    CHECK(check("新收申请100件以上。").empty());
    CHECK(check("新收申请45件和信访2件。").empty());
    CHECK(check("第3季度新收申请10件。").empty());
    CHECK(check("全年受理行政许可申请1200件。").empty());
  }

  TEST_CASE("a clause two figures could be about is not guessed at") {
    CHECK(check("收到行政复议、行政诉讼案件共3件。").empty());
    CHECK(check("现行有效规章和行政规范性文件共393件。").empty());
  }

  TEST_CASE("a list split by 、 is several statements when each item has its number") {
    Diagnostics out = check("公开行政许可决定1,234件、行政处罚决定60件、行政强制决定5件。");
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].cells[0].id == "proactive.penalty.decisions");
    CHECK(out.items()[0].actual == "60");
    Diagnostics two = check("现行有效规章5件、行政规范性文件393件。");
    REQUIRE(two.items().size() == 2);
    CHECK(two.items()[0].cells[0].id == "proactive.regulations.in_force");
    CHECK(two.items()[1].cells[0].id == "proactive.normative_docs.in_force");
  }

  TEST_CASE("a short clause continuing its sentence takes the subject from before it") {
    Diagnostics out = check("全年制发行政规范性文件4件，废止2件，现行有效393件。");
    CHECK(text_of(out, Lang::en) ==
          "overview.md:1:24: warning[narrative-figure]: the prose says 393件 in 「全年制发行政规范性文件4件，废止2件，"
          "现行有效393件」, but table 二 gives 470 for 第二十条第（一）项 / 行政规范性文件 · 现行有效件数 "
          "(proactive.normative_docs.in_force)\n");
    CHECK(check("全年新收政府信息公开申请39件，上年结转2件，办结40件。").empty());
    REQUIRE(check("全年新收政府信息公开申请39件，上年结转2件，办结41件。").items().size() == 1);
  }

  TEST_CASE("a continuing clause with words of its own is about something else") {
    CHECK(check("全年新收政府信息公开申请39件，涉及企业登记档案35件。").empty());
    CHECK(check("全年新收政府信息公开申请39件，收到表扬信3件。").empty());
    CHECK(check("现行有效行政规范性文件470件，本年修订12件。").empty());
  }

  TEST_CASE("each clause is judged on its own") {
    Diagnostics out = check("本年度收到政府信息公开申请45件，办结40件，结转下年度继续办理3件。");
    REQUIRE(out.items().size() == 2);
    CHECK(out.items()[0].cells[0].id == "applications.received.total");
    CHECK(out.items()[1].cells[0].id == "applications.carried_forward.total");
    CHECK(out.items()[1].actual == "3");
    CHECK(out.items()[1].expected == "1");
  }

  TEST_CASE("amounts compare in 万元 or 元, at the precision written") {
    CHECK(check("收取行政事业性收费12.50万元。").empty());
    CHECK(check("收取行政事业性收费125000元。").empty());
    CHECK(check("行政事业性收费金额13万元。").empty());  // 12.5 rounds half away from zero to 13
    Diagnostics out = check("行政事业性收费金额12.4万元。");
    CHECK(text_of(out, Lang::en) ==
          "overview.md:1:10: warning[narrative-figure]: the prose says 12.4万元 in 「行政事业性收费金额12.4万元」, but "
          "table 二 gives 12.5 万元 for 第二十条第（八）项 / 行政事业性收费 · 本年收费金额（单位：万元） "
          "(proactive.fees.amount)\n");
    CHECK(text_of(out, Lang::zh) ==
          "overview.md:1:10: warning[narrative-figure]: 正文「行政事业性收费金额12.4万元」中的 12.4万元 与表二"
          "「第二十条第（八）项 / 行政事业性收费 · 本年收费金额（单位：万元）」的 12.5万元 不符\n");
  }

  TEST_CASE("the 信息处理费 statement is not read as 行政事业性收费") {
    CHECK(check("本年度收取信息处理费300元。").empty());
  }

  TEST_CASE("derived figures of the rules are checked too") {
    CHECK(check("公开率75%。").empty());
    Diagnostics out = check("依申请公开的公开率为80.0%。");
    CHECK(text_of(out, Lang::en) ==
          "overview.md:1:11: warning[narrative-figure]: the prose says 80.0% in 「依申请公开的公开率为80.0%」, but the "
          "tables give 75.0% for disclosure rate (granted in full or in part, of all handled) "
          "(applications.disclosure_rate.total)\n");
    CHECK(text_of(out, Lang::zh) ==
          "overview.md:1:11: warning[narrative-figure]: 正文「依申请公开的公开率为80.0%」中的 80.0% 与按表计算的"
          "「公开率（予以公开和部分公开占办理总数的比例）」75.0% 不符\n");
  }

  TEST_CASE("full-width digits are numbers too") {
    Diagnostics out = check("新收申请４５件。");
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].actual == "４５");
  }

  TEST_CASE("a figure absent from the report's form is not checked") {
    auto r = prose_report(2020, {{"applications.received.natural_person", 3}}, "2019");
    Diagnostics out;
    check_narrative_figures(*r, prose_rules(), "现行有效行政规范性文件393件。", SourceLoc{"o.md", 1, 1, {}}, out);
    CHECK(out.empty());
  }
}
