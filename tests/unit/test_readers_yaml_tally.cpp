#include <gongkai/readers/yaml_tally.hpp>

#include <gongkai/render/diagnostics_text.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <ostream>
#include <random>
#include <string>
#include <vector>

using namespace gongkai;

namespace {

// Findings as printed lines; printed one a line when a check fails.
struct Lines : std::vector<std::string> {
  using std::vector<std::string>::vector;
};

std::ostream& operator<<(std::ostream& os, const Lines& lines) {
  os << "\n";
  for (const auto& l : lines) os << "  " << l << "\n";
  return os;
}

struct Read {
  YamlTally tally;
  Diagnostics out;

  [[nodiscard]] const Report& report() const { return *tally.report; }
  [[nodiscard]] const CellValue& cell(std::string_view id) const {
    const CellValue* v = tally.report->find(id);
    REQUIRE(v != nullptr);
    return *v;
  }
  // Every finding as `gongkai check` prints it, without the newline.
  [[nodiscard]] Lines lines(Lang lang = Lang::en) const {
    Lines r;
    for (const auto& d : out.items()) {
      std::string l = render_diagnostic_line(d, lang);
      l.pop_back();
      r.push_back(l);
    }
    return r;
  }
};

Read read(std::string_view text, const ReportMeta& meta = {}) {
  Read r;
  r.tally = read_yaml_tally("t.yaml", text, test::forms(), meta, r.out);
  return r;
}

const std::string kHead = "agency: 某市发展和改革委员会\nlevel: department\nyear: 2023\n";  // lines 1-3

}  // namespace

TEST_SUITE("readers.yaml_tally") {
  TEST_CASE("a minimal tally names the agency, level, year and the form in force for the year") {
    auto r = read(kHead);
    CHECK(r.out.empty());
    REQUIRE(r.tally.report.has_value());
    CHECK(r.report().agency == "某市发展和改革委员会");
    CHECK(r.report().level == Level::department);
    CHECK(r.report().year == 2023);
    CHECK(r.report().form->id == "2021");
    CHECK_FALSE(r.report().publication_date.has_value());
    CHECK(r.report().origin.to_string() == "t.yaml:1:1");
    CHECK_FALSE(r.tally.tables_file.has_value());
    for (const auto& c : r.report().cells) CHECK(c.state == CellState::absent);
  }

  TEST_CASE("level, form and publication date are read; level may be given in Chinese") {
    auto r = read("agency: 某县人民政府办公室\nlevel: 政府\nyear: 2020\nform: \"2019\"\npublished: 2021-03-20\n");
    CHECK(r.out.empty());
    REQUIRE(r.tally.report.has_value());
    CHECK(r.report().level == Level::government);
    CHECK(r.report().form->id == "2019");
    CHECK(r.report().publication_date == std::optional<std::string>("2021-03-20"));
  }

  TEST_CASE("the form may be named by its document number, and a form not in force is read as asked") {
    auto r = read(kHead + "form: 国办公开办函〔2019〕60号\n");
    CHECK(r.out.empty());
    REQUIRE(r.tally.report.has_value());
    CHECK(r.report().form->id == "2019");  // the checker reports form-year, not the reader
  }

  TEST_CASE("top-level keys may be written in Chinese") {
    auto r = read("机关名称: 某市财政局\n层级: 部门\n年度: 2022\n发布日期: 2023-01-18\n");
    CHECK(r.out.empty());
    REQUIRE(r.tally.report.has_value());
    CHECK(r.report().agency == "某市财政局");
    CHECK(r.report().year == 2022);
    CHECK(r.report().publication_date == std::optional<std::string>("2023-01-18"));
  }

  TEST_CASE("cells are read by stable IDs and remember the line and column of their scalar") {
    auto r = read(kHead +
                  "proactive:\n"                                                   // 4
                  "  regulations: {issued: 0, repealed: 1, in_force: 3}\n"         // 5
                  "applications:\n"                                                // 6
                  "  received: {natural_person: 10, business: 2, other_org: 1}\n"  // 7
                  "review_litigation:\n"                                           // 8
                  "  review:\n"                                                    // 9
                  "    upheld: 4\n");                                              // 10
    CHECK(r.out.empty());
    const CellValue& issued = r.cell("proactive.regulations.issued");
    CHECK(issued.state == CellState::value);
    CHECK(issued.raw == 0);
    CHECK(issued.where.to_string() == "t.yaml:5:25");
    CHECK(r.cell("proactive.regulations.in_force").raw == 3);
    CHECK(r.cell("applications.received.natural_person").raw == 10);
    CHECK(r.cell("applications.received.other_org").where.to_string() == "t.yaml:7:58");
    CHECK(r.cell("review_litigation.review.upheld").raw == 4);
    CHECK(r.cell("review_litigation.review.upheld").where.to_string() == "t.yaml:10:13");
    CHECK_FALSE(r.cell("applications.received.natural_person").computed);
  }

  TEST_CASE("columns count characters, not bytes") {
    auto r = read(kHead + "三、收到和处理政府信息公开申请情况:\n  一、本年新收政府信息公开申请数量: {自然人: 7}\n");
    CHECK(r.out.empty());
    CHECK(r.cell("applications.received.natural_person").raw == 7);
    // Two spaces, 16 characters, ": {", 自然人, ": ": the 7 is the 27th character.
    CHECK(r.cell("applications.received.natural_person").where.to_string() == "t.yaml:5:27");
  }

  TEST_CASE("tables, rows and columns may be keyed by their official labels") {
    auto r = read(kHead +
                  "二、主动公开政府信息情况:\n"
                  "  第二十条第（一）项:\n"
                  "    行政规范性文件: {本年制发件数: 5, 现行有效件数: 40}\n"
                  "  第二十条第（八）项/行政事业性收费: {本年收费金额（单位：万元）: 3.5}\n"
                  "三、收到和处理政府信息公开申请情况:\n"
                  "  一、本年新收政府信息公开申请数量: {自然人: 10, 法人或其他组织/商业企业: 2, 科研机构: 1}\n"
                  "  三、本年度办理结果:\n"
                  "    （三）不予公开:\n"
                  "      4.保护第三方合法权益: {自然人: 2}\n"
                  "  （三）不予公开/1.属于国家秘密: {自然人: 1}\n"
                  "四、政府信息公开行政复议、行政诉讼情况:\n"
                  "  行政诉讼:\n"
                  "    复议后起诉: {结果纠正: 1}\n");
    CHECK(r.lines() == Lines{});
    CHECK(r.cell("proactive.normative_docs.issued").raw == 5);
    CHECK(r.cell("proactive.normative_docs.in_force").raw == 40);
    CHECK(r.cell("proactive.fees.amount").raw == 3'500'000);
    CHECK(r.cell("applications.received.natural_person").raw == 10);
    CHECK(r.cell("applications.received.business").raw == 2);
    CHECK(r.cell("applications.received.research").raw == 1);
    CHECK(r.cell("applications.refused.third_party.natural_person").raw == 2);
    CHECK(r.cell("applications.refused.state_secret.natural_person").raw == 1);
    CHECK(r.cell("review_litigation.litigation_after_review.corrected").raw == 1);
  }

  TEST_CASE("a label matched only after normalisation is read with a label warning") {
    auto r = read(kHead + "applications:\n  (二)部分公开(区分处理的,只计这一情形,不计其他情形): {自然人: 3}\n");
    REQUIRE(r.out.items().size() == 1);
    CHECK(r.out.items()[0].severity == Severity::warning);
    CHECK(r.lines() ==
          Lines{"t.yaml:5:3: warning[label]: '(二)部分公开(区分处理的,只计这一情形,不计其他情形)' is not the official "
                "wording; read as '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'"});
    CHECK(r.lines(Lang::zh) ==
          Lines{"t.yaml:5:3: warning[label]: 「(二)部分公开(区分处理的,只计这一情形,不计其他情形)」不是官方表述，"
                "已按「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」读取"});
    CHECK(r.cell("applications.partly_granted.natural_person").raw == 3);
  }

  TEST_CASE("category sub-rows may be nested or dotted; litigation rows nested under litigation") {
    auto r = read(kHead +
                  "applications:\n"
                  "  refused:\n"
                  "    state_secret: {natural_person: 1}\n"
                  "  refused.third_party: {natural_person: 2}\n"
                  "  outcomes:\n"
                  "    unavailable: {not_held: {business: 4}}\n"
                  "  other:\n"
                  "    other: {natural_person: 5}\n"
                  "review_litigation:\n"
                  "  litigation:\n"
                  "    direct: {upheld: 1}\n"
                  "    litigation_after_review: {pending: 2}\n");
    CHECK(r.lines() == Lines{});
    CHECK(r.cell("applications.refused.state_secret.natural_person").raw == 1);
    CHECK(r.cell("applications.refused.third_party.natural_person").raw == 2);
    CHECK(r.cell("applications.unavailable.not_held.business").raw == 4);
    CHECK(r.cell("applications.other.other.natural_person").raw == 5);
    CHECK(r.cell("review_litigation.litigation_direct.upheld").raw == 1);
    CHECK(r.cell("review_litigation.litigation_after_review.pending").raw == 2);
    CHECK(r.cell("applications.refused.natural_person").state == CellState::absent);
  }

  TEST_CASE("a category figure alone fills the category's own cells") {
    auto r = read(kHead + "applications:\n  refused: {natural_person: 3, total: 3}\n");
    CHECK(r.out.empty());
    CHECK(r.cell("applications.refused.natural_person").raw == 3);
    CHECK(r.cell("applications.refused.total").raw == 3);
    CHECK(r.cell("applications.refused.state_secret.natural_person").state == CellState::absent);
  }

  TEST_CASE("derived totals may be given, and then are values to check; omitted they stay absent") {
    auto r = read(kHead + "applications:\n  received: {natural_person: 1, total: 9}\n  handled_total: {total: 9}\n");
    CHECK(r.out.empty());
    CHECK(r.cell("applications.received.total").raw == 9);
    CHECK_FALSE(r.cell("applications.received.total").computed);
    CHECK(r.cell("applications.handled_total.total").raw == 9);
    CHECK(r.cell("applications.carried_over.total").state == CellState::absent);
  }

  TEST_CASE("an omitted cell is absent; an empty value, ~, null and \"\" are blank cells") {
    auto r =
        read(kHead + "applications:\n  received: {natural_person: , business: ~, research: \"\", nonprofit: null}\n");
    CHECK(r.out.empty());
    CHECK(r.cell("applications.received.natural_person").state == CellState::blank);
    CHECK(r.cell("applications.received.natural_person").where.to_string() == "t.yaml:5:14");
    CHECK(r.cell("applications.received.business").state == CellState::blank);
    CHECK(r.cell("applications.received.business").where.to_string() == "t.yaml:5:42");
    CHECK(r.cell("applications.received.research").state == CellState::blank);
    CHECK(r.cell("applications.received.nonprofit").state == CellState::blank);
    CHECK(r.cell("applications.received.other_org").state == CellState::absent);
  }

  TEST_CASE("an empty value at the end of a line is located at its key") {
    auto r = read(kHead + "proactive:\n  licensing:\n  penalty: {decisions: 2}\n");
    CHECK(r.out.empty());
    CHECK(r.cell("proactive.licensing.decisions").state == CellState::blank);
    CHECK(r.cell("proactive.licensing.decisions").where.to_string() == "t.yaml:5:3");
  }

  TEST_CASE("a row with one column may take its figure directly") {
    auto r = read(kHead + "proactive:\n  licensing: 120\n  fees: 12.5\n");
    CHECK(r.out.empty());
    CHECK(r.cell("proactive.licensing.decisions").raw == 120);
    CHECK(r.cell("proactive.fees.amount").raw == 12'500'000);
  }

  TEST_CASE("amounts are exact fixed-point 万元; a unit in the cell is converted with a warning") {
    auto r = read(kHead + "proactive:\n  fees: {amount: 24252.311082}\n");
    CHECK(r.out.empty());
    CHECK(r.cell("proactive.fees.amount").raw == 24'252'311'082);

    auto u = read(kHead + "proactive:\n  fees: {amount: 1234.56元}\n");
    CHECK(u.cell("proactive.fees.amount").raw == 123'456);
    CHECK(u.lines() == Lines{"t.yaml:5:18: warning[unit-in-cell]: '第二十条第（八）项 / 行政事业性收费 · "
                             "本年收费金额（单位：万元）': unit typed into the cell: '1234.56元', converted to "
                             "0.123456 万元"});
  }

  TEST_CASE("a count typed with a unit, quoted or not, is read with a unit-in-cell warning") {
    auto r = read(kHead + "applications:\n  received: {natural_person: \"12件\", business: 3件}\n");
    CHECK(r.cell("applications.received.natural_person").raw == 12);
    CHECK(r.cell("applications.received.business").raw == 3);
    CHECK(r.lines() ==
          Lines{"t.yaml:5:30: warning[unit-in-cell]: '一、本年新收政府信息公开申请数量 · 自然人': unit typed into "
                "the cell: '12件', value taken as 12",
                "t.yaml:5:47: warning[unit-in-cell]: '一、本年新收政府信息公开申请数量 · 法人或其他组织·商业企业': "
                "unit typed into the cell: '3件', value taken as 3"});
    CHECK(r.lines(Lang::zh)[0] ==
          "t.yaml:5:30: warning[unit-in-cell]: 「一、本年新收政府信息公开申请数量 · 自然人」单元格内写有单位："
          "「12件」，数值取 12");
  }

  TEST_CASE("a fraction where a count belongs is a number error") {
    auto r = read(kHead + "applications:\n  received: {natural_person: 12.5}\n");
    REQUIRE(r.tally.report.has_value());
    CHECK(r.cell("applications.received.natural_person").state == CellState::absent);
    CHECK(r.lines() == Lines{"t.yaml:5:30: error[number]: '一、本年新收政府信息公开申请数量 · 自然人' must be a "
                             "whole number, not 12.5"});
    CHECK(r.lines(Lang::zh) ==
          Lines{"t.yaml:5:30: error[number]: 「一、本年新收政府信息公开申请数量 · 自然人」应为整数，却是 12.5"});
  }

  TEST_CASE("a number too large for 64 bits is a number error") {
    auto r = read(kHead + "applications:\n  received: {natural_person: 99999999999999999999}\n");
    CHECK(r.lines() == Lines{"t.yaml:5:30: error[number]: '一、本年新收政府信息公开申请数量 · 自然人': number too "
                             "large for a 64-bit integer: 99999999999999999999"});
  }

  TEST_CASE("a negative count is a non-negative error, but form 2019's 本年增/减 may be negative") {
    auto r = read(kHead + "applications:\n  carried_over: {natural_person: -2}\n");
    CHECK(r.lines() == Lines{"t.yaml:5:34: error[non-negative]: '二、上年结转政府信息公开申请数量 · 自然人' cannot be "
                             "negative: -2"});
    auto g = read("agency: 某县人民政府办公室\nlevel: government\nyear: 2020\nproactive:\n  licensing: {change: -3}\n");
    CHECK(g.out.empty());
    CHECK(g.cell("proactive.licensing.change").raw == -3);
  }

  TEST_CASE("text that is not a number is a number error") {
    auto r = read(kHead + "applications:\n  received: {natural_person: 十二, business: true}\n");
    CHECK(r.lines() ==
          Lines{"t.yaml:5:30: error[number]: '一、本年新收政府信息公开申请数量 · 自然人' is not a number: '十二'",
                "t.yaml:5:44: error[number]: '一、本年新收政府信息公开申请数量 · 法人或其他组织·商业企业' is not a "
                "number: 'true'"});
  }

  TEST_CASE("an unknown key is an error suggesting the closest ID or label") {
    auto r = read(
        "agncy: 某局\nlevel: department\nyear: 2023\n"
        "applications:\n"
        "  refused.thrid_party: {natural_person: 1}\n"
        "  received: {natual_person: 2, totl: 2}\n"
        "  行政复役: {}\n");
    CHECK(r.lines() ==
          Lines{"t.yaml: error[meta]: missing the agency name (agency)",
                "t.yaml:1:1: error[unknown-key]: unknown key 'agncy' in the top level; did you mean 'agency'?",
                "t.yaml:5:3: error[unknown-key]: unknown key 'refused.thrid_party' in 'applications'; did you mean "
                "'refused.third_party'?",
                "t.yaml:6:14: error[unknown-key]: unknown key 'natual_person' in 'applications.received'; did you mean "
                "'natural_person'?",
                "t.yaml:6:32: error[unknown-key]: unknown key 'totl' in 'applications.received'; did you mean 'total'?",
                "t.yaml:7:3: error[unknown-key]: unknown key '行政复役' in 'applications'; known keys: received, "
                "carried_over, outcomes, granted, partly_granted, refused, refused.state_secret, "
                "refused.prohibited_by_law, refused.security_stability, refused.third_party, refused.internal_affairs, "
                "refused.process_info, refused.enforcement_file, refused.query_matter, unavailable, "
                "unavailable.not_held, unavailable.needs_creation, unavailable.unclear, not_handled, "
                "not_handled.petition, not_handled.repeated, not_handled.publication, not_handled.excessive, "
                "not_handled.confirmation, other, other.no_correction, other.fee_unpaid, other.other, handled_total, "
                "carried_forward"});
    CHECK(r.lines(Lang::zh)[2] ==
          "t.yaml:5:3: error[unknown-key]: "
          "未知的键「refused.thrid_party」（在「三、收到和处理政府信息公开申请情况」中）；"
          "是否应为「refused.third_party」？");
    CHECK(r.out.items()[2].expected == std::optional<std::string>("refused.third_party"));
    // The rest of the file is still read.
    CHECK(r.cell("applications.received.natural_person").state == CellState::absent);
  }

  TEST_CASE("a mistyped Chinese label is matched to the closest official label") {
    auto r =
        read(kHead + "四、政府信息公开行政复议、行政诉讼情况:\n  行政复役: {结果维持: 1}\n  行政复议: {结果維持: 2}\n");
    CHECK(
        r.lines() ==
        Lines{"t.yaml:5:3: error[unknown-key]: unknown key '行政复役' in 'review_litigation'; did you mean '行政复议'?",
              "t.yaml:6:10: error[unknown-key]: unknown key '结果維持' in 'review_litigation.review'; did you mean "
              "'结果维持'?"});
    CHECK(r.lines(Lang::zh)[0] ==
          "t.yaml:5:3: error[unknown-key]: 未知的键「行政复役」（在「四、政府信息公开行政复议、行政诉讼情况」中）；"
          "是否应为「行政复议」？");
  }

  TEST_CASE("a mapping where a figure belongs, or a list where a mapping belongs, is a yaml error") {
    auto r = read(kHead +
                  "applications:\n"
                  "  received: {natural_person: {a: 1}}\n"
                  "  carried_over: [1, 2]\n"
                  "review_litigation: 3\n");
    CHECK(
        r.lines() ==
        Lines{"t.yaml:5:30: error[yaml]: '一、本年新收政府信息公开申请数量 · 自然人' must be a figure, found a mapping",
              "t.yaml:6:17: error[yaml]: 'applications.carried_over' must be a mapping (column: figure), found a "
              "list",
              "t.yaml:7:20: error[yaml]: 'review_litigation' must be a mapping (row: figures), found '3'"});
    CHECK(r.lines(Lang::zh)[1] ==
          "t.yaml:6:17: error[yaml]: 「二、上年结转政府信息公开申请数量」应为映射（列: 数值），实为列表");
  }

  TEST_CASE("a row with several columns given a single figure is a yaml error") {
    auto r = read(kHead + "review_litigation:\n  review: 5\n");
    CHECK(r.lines() == Lines{"t.yaml:5:11: error[yaml]: 'review_litigation.review' must be a mapping (column: figure), "
                             "found '5'"});
  }

  TEST_CASE("a cell given twice is an error naming the first place") {
    auto r = read(kHead +
                  "applications:\n"
                  "  refused: {third_party: {natural_person: 1}}\n"
                  "  refused.third_party: {natural_person: 2}\n");
    CHECK(r.lines() ==
          Lines{"t.yaml:6:25: error[yaml]: '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益 · 自然人' is "
                "given twice (first at line 5)"});
    CHECK(r.cell("applications.refused.third_party.natural_person").raw == 1);
  }

  TEST_CASE("a row or table key given twice is an error, and its second value is skipped") {
    auto r = read(kHead +
                  "applications:\n"
                  "  received: {natural_person: 1}\n"
                  "  received: {business: 2}\n"
                  "applications:\n"
                  "  carried_over: {natural_person: 1}\n");
    CHECK(r.lines() == Lines{"t.yaml:6:3: error[yaml]: 'received' is given twice (first at line 5)",
                             "t.yaml:7:1: error[yaml]: 'applications' is given twice (first at line 4)"});
    CHECK(r.lines(Lang::zh)[0] == "t.yaml:6:3: error[yaml]: 「received」重复给出（首次在第 5 行）");
    CHECK(r.cell("applications.received.natural_person").raw == 1);
    CHECK(r.cell("applications.received.business").state == CellState::absent);
    CHECK(r.cell("applications.carried_over.natural_person").state == CellState::absent);
  }

  TEST_CASE("a top-level key given twice is an error") {
    auto r = read(kHead + "year: 2022\n");
    CHECK(r.lines() == Lines{"t.yaml:4:1: error[yaml]: 'year' is given twice (first at line 3)"});
    CHECK(r.report().year == 2023);
  }

  TEST_CASE("malformed YAML is a yaml error at its line and column") {
    auto r = read(kHead + "applications:\n  received: {natural_person: 1\n");
    CHECK_FALSE(r.tally.report.has_value());
    REQUIRE(r.out.items().size() == 1);
    CHECK(r.out.items()[0].rule == "yaml");
    CHECK(r.out.items()[0].where.line == 6);
    CHECK(r.lines() == Lines{"t.yaml:6:1: error[yaml]: malformed YAML: end of map flow not found"});
    CHECK(r.lines(Lang::zh) == Lines{"t.yaml:6:1: error[yaml]: YAML 语法错误：end of map flow not found"});
  }

  TEST_CASE("an empty file, or one with only comments, is a clear error") {
    for (const char* text : {"", "  \n\n"}) {
      auto r = read(text);
      CHECK_FALSE(r.tally.report.has_value());
      CHECK(r.lines() ==
            Lines{"t.yaml: error[yaml]: the file is empty: a tally needs at least agency, level and year"});
      CHECK(r.lines(Lang::zh) == Lines{"t.yaml: error[yaml]: 文件为空：年度报告数据至少需要 agency、level、year 三项"});
    }
    auto c = read("# nothing yet\n");
    CHECK(
        c.lines() ==
        Lines{"t.yaml: error[yaml]: the file is empty (comments only): a tally needs at least agency, level and year"});
  }

  TEST_CASE("a top level that is not a mapping is a yaml error") {
    auto r = read("- agency\n- level\n");
    CHECK_FALSE(r.tally.report.has_value());
    CHECK(r.lines() == Lines{"t.yaml:1:1: error[yaml]: the top level must be a mapping (key: value), found a list"});
  }

  TEST_CASE("a line yaml-cpp reads as nothing is malformed YAML, not an empty file") {
    auto r = read("# header\n,agency: 某局\nlevel: department\n");
    CHECK_FALSE(r.tally.report.has_value());
    CHECK(r.lines() == Lines{"t.yaml:2:1: error[yaml]: malformed YAML: nothing could be read (does this line start "
                             "with a stray character?)"});
    auto n = read("~\n");
    CHECK(n.lines() == Lines{"t.yaml:1:1: error[yaml]: the top level must be a mapping (key: value), found nothing "
                             "(null)"});
  }

  TEST_CASE("a document marker before the content is fine") {
    auto r = read("---\n" + kHead);
    CHECK(r.out.empty());
    CHECK(r.tally.report.has_value());
  }

  TEST_CASE("a second YAML document is an error") {
    auto r = read(kHead + "---\nyear: 2022\n");
    CHECK(r.lines() ==
          Lines{"t.yaml:4:1: error[yaml]: the file holds more than one YAML document (---); a tally is one document"});
  }

  TEST_CASE("a key that is not text is a yaml error") {
    auto r = read(kHead + "[a, b]: 1\n");
    CHECK(r.lines() == Lines{"t.yaml:4:1: error[yaml]: a key must be text, found a list"});
  }

  TEST_CASE("missing agency, level and year are meta errors") {
    auto r = read("form: \"2021\"\n");
    CHECK(r.lines() == Lines{"t.yaml: error[meta]: missing the agency name (agency)",
                             "t.yaml: error[meta]: missing the level (level: department or government)",
                             "t.yaml: error[meta]: missing the report year (year)"});
    CHECK(r.lines(Lang::zh) == Lines{"t.yaml: error[meta]: 缺少机关名称（agency）",
                                     "t.yaml: error[meta]: 缺少层级（level: department 或 government）",
                                     "t.yaml: error[meta]: 缺少年度（year）"});
  }

  TEST_CASE("the caller's metadata fills what is missing and overrides what the file says") {
    ReportMeta meta;
    meta.agency = "某区教育局";
    meta.level = Level::department;
    meta.year = 2020;
    auto r = read("year: 2023\nlevel: 乡镇\n", meta);
    CHECK(r.out.empty());
    REQUIRE(r.tally.report.has_value());
    CHECK(r.report().agency == "某区教育局");
    CHECK(r.report().year == 2020);
    CHECK(r.report().form->id == "2019");
  }

  TEST_CASE("invalid level, year and date are meta errors") {
    auto r = read("agency: 某局\nlevel: 乡镇\nyear: 二〇二三\npublished: 2024-02-30\n");
    CHECK(r.lines() ==
          Lines{"t.yaml:2:8: error[meta]: level '乡镇' is not valid: use department (部门) or government (政府)",
                "t.yaml:3:7: error[meta]: year '二〇二三' is not valid: write a four-digit year such as 2023",
                "t.yaml:4:12: error[meta]: publication date '2024-02-30' is not valid: write a date as YYYY-MM-DD"});
    CHECK_FALSE(r.tally.report.has_value());  // no year, so no form
  }

  TEST_CASE("a year no form covers is an error") {
    auto r = read("agency: 某局\nlevel: department\nyear: 2015\n");
    CHECK_FALSE(r.tally.report.has_value());
    CHECK(r.lines() == Lines{"t.yaml:3:7: error[meta]: no form covers the year 2015; name one with form:; known forms: "
                             "2019 (2019–2020), 2021 (from 2021)"});
    CHECK(r.lines(Lang::zh) == Lines{"t.yaml:3:7: error[meta]: 没有适用于 2015 年度的表式，请用 form 指定；已知的表式："
                                     "2019（2019–2020 年度）、2021（2021 年度起）"});
  }

  TEST_CASE("an unknown form is an error listing the known forms, and the keys are still checked") {
    auto r = read(kHead + "form: \"2020\"\napplications:\n  recieved: {natural_person: 1}\n");
    CHECK_FALSE(r.tally.report.has_value());
    CHECK(r.lines() ==
          Lines{"t.yaml:4:7: error[meta]: unknown form '2020'; known forms: 2019 (2019–2020), 2021 (from 2021)",
                "t.yaml:6:3: error[unknown-key]: unknown key 'recieved' in 'applications'; did you mean 'received'?"});
  }

  TEST_CASE("every problem of a file is reported, in file order") {
    auto r = read(
        "level: department\n"
        "applications:\n"
        "  received: {natural_person: -1, business: 1.5}\n"
        "year: 2023\n"
        "bogus: 1\n");
    CHECK(
        r.lines() ==
        Lines{"t.yaml: error[meta]: missing the agency name (agency)",
              "t.yaml:3:30: error[non-negative]: '一、本年新收政府信息公开申请数量 · 自然人' cannot be negative: -1",
              "t.yaml:3:44: error[number]: '一、本年新收政府信息公开申请数量 · 法人或其他组织·商业企业' must be a "
              "whole number, not 1.5",
              "t.yaml:5:1: error[unknown-key]: unknown key 'bogus' in the top level; known keys: agency, level, year, "
              "form, published, tables, prose, proactive, applications, review_litigation, review, litigation, fees, "
              "work_plan, previous, explanations"});
  }

  TEST_CASE("fees and work_plan are left to the reader of section 六's data") {
    auto r = read(kHead + "fees: none\nwork_plan: {tasks: []}\n");
    CHECK(r.out.empty());
    REQUIRE(r.tally.report.has_value());
    CHECK(r.report().prose.empty());
  }

  TEST_CASE("review and litigation may be top-level keys, as in the long CSV") {
    auto r = read(kHead + "review: {upheld: 1, total: 1}\n行政诉讼:\n  未经复议直接起诉: {尚未审结: 2}\n");
    CHECK(r.out.empty());
    CHECK(r.cell("review_litigation.review.upheld").raw == 1);
    CHECK(r.cell("review_litigation.review.total").raw == 1);
    CHECK(r.cell("review_litigation.litigation_direct.pending").raw == 2);
  }

  TEST_CASE("prose is inline Markdown or a file to load") {
    auto r = read(kHead +
                  "prose:\n"                        // 4
                  "  overview: |\n"                 // 5
                  "    本机关坚持以公开为常态。\n"  // 6
                  "    全年主动公开信息 120 条。\n"
                  "  五、存在的主要问题及改进情况: {file: problems.md}\n"
                  "  other_matters: 本年度未收取信息处理费。\n");
    CHECK(r.out.empty());
    CHECK(r.report().prose.at("overview") == "本机关坚持以公开为常态。\n全年主动公开信息 120 条。\n");
    CHECK(r.report().prose_where.at("overview").to_string() == "t.yaml:6:5");
    CHECK(r.report().prose.at("other_matters") == "本年度未收取信息处理费。");
    CHECK(r.report().prose_where.at("other_matters").to_string() == "t.yaml:9:18");
    CHECK(r.tally.prose_files == std::map<std::string, std::string>{{"problems", "problems.md"}});
    CHECK_FALSE(r.report().prose.contains("problems"));
  }

  TEST_CASE("an unknown prose section is an unknown-key error") {
    auto r = read(kHead + "prose:\n  overveiw: x\n  proactive: y\n  problems: {path: p.md}\n");
    CHECK(r.lines() ==
          Lines{"t.yaml:5:3: error[unknown-key]: unknown key 'overveiw' in 'prose'; did you mean 'overview'?",
                "t.yaml:6:3: error[unknown-key]: unknown key 'proactive' in 'prose'; known keys: overview, problems, "
                "other_matters",
                "t.yaml:7:14: error[unknown-key]: unknown key 'path' in 'prose.problems'; known keys: file"});
  }

  TEST_CASE("tables: names a companion file for the cells") {
    auto r = read(kHead + "tables: tables.csv\n");
    CHECK(r.out.empty());
    CHECK(r.tally.tables_file == std::optional<std::string>("tables.csv"));
  }

  TEST_CASE("a companion table file and inline cells together are an error") {
    auto r = read(kHead + "applications:\n  received: {natural_person: 1}\ntables: tables.csv\n");
    CHECK(r.lines() ==
          Lines{"t.yaml:6:9: error[yaml]: 'tables' names a file, but table cells are also given at line 4; "
                "give them in one place only"});
    CHECK_FALSE(r.tally.tables_file.has_value());
  }

  TEST_CASE("odd YAML is reported, never thrown") {
    for (const char* text : {",a: 1", "]", "}", "a: [", "&a [*a]", "? [a]\n: 1\n", "\t", "a: !!binary x\n",
                             "agency: !<tag:x> 1\n", "<<: *a\n", "%YAML 1.2\n---\na: 1\n", "%TAG ! x\n", "'", "\"",
                             "a: 'x\n", "- - - -", "a:\n  - b: [c, {d: e}]\n", "\xff\xfe", "a: b: c\n"}) {
      CAPTURE(text);
      Read r;
      CHECK_NOTHROW(r = read(text));
      CHECK(r.out.has_errors());
    }
  }

  TEST_CASE("mutated tallies are read without crashing") {
    // A fixed seed: the same inputs on every run. Each mutant gives a report or an error.
    const std::string seed = kHead +
                             "proactive:\n  fees: {amount: 3.5}\n"
                             "applications:\n  refused: {state_secret: {natural_person: 1}}\n"
                             "  received: {natural_person: 10, total: 10}\n"
                             "review_litigation:\n  litigation: {direct: {upheld: 1}}\n"
                             "prose:\n  overview: |\n    文字\n";
    const char* pieces[] = {"{", "}",   "[",  "]", ":",    ",",  "\n", "  ", "- ",    "~",   "\"",
                            "|", "&a ", "*a", "#", "12.5", "件", "（", "/",  "---\n", "\xff"};
    std::mt19937 rng(20240125);
    for (int i = 0; i < 200; ++i) {
      std::string s = seed;
      for (int m = 0; m < 3; ++m) {
        const std::size_t pos = rng() % s.size();
        if (rng() % 2 == 0)
          s.insert(pos, pieces[rng() % std::size(pieces)]);
        else
          s.erase(pos, 1 + rng() % 6);
      }
      CAPTURE(s);
      Read r;
      REQUIRE_NOTHROW(r = read(s));
      CHECK((r.tally.report.has_value() || r.out.has_errors()));
    }
  }

  TEST_CASE("deeply nested or odd input never crashes") {
    std::string deep = kHead + "applications: ";
    for (int i = 0; i < 5000; ++i) deep += "[";
    auto r = read(deep);
    CHECK(r.out.has_errors());
    auto s = read(kHead + "applications:\n  received: {natural_person: &a 1, business: *a}\n  ? [x]\n  : 1\n");
    CHECK(s.cell("applications.received.business").raw == 1);
    CHECK(s.out.items().size() == 1);
    auto b = read("\xEF\xBB\xBF" + kHead);
    CHECK(b.out.empty());
  }
}
