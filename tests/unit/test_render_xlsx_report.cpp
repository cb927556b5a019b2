#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/render/report_text.hpp>
#include <gongkai/render/xlsx_prose_sheet.hpp>
#include <gongkai/render/xlsx_report.hpp>
#include <gongkai/render/xlsx_sheet.hpp>

#include <doctest/doctest.h>
#include <zip.h>

#include <map>
#include <regex>
#include <string>

using namespace gongkai;

namespace {

void set(Report& r, const std::string& id, std::int64_t v) {
  const CellDef* c = r.form->cell(id);
  REQUIRE_MESSAGE(c != nullptr, id);
  r.at(*c) = CellValue{CellState::value, v, false, SourceLoc{"t.yaml", 1, 1, {}}};
}

void blank(Report& r, const std::string& id) {
  r.at(*r.form->cell(id)) = CellValue{CellState::blank, 0, false, SourceLoc{"t.yaml", 1, 1, {}}};
}

// A consistent 2023 department report in form 2021, totals left to derivation.
Report sample() {
  Report r(test::forms().by_id("2021"));
  r.agency = "某市交通运输局";
  r.year = 2023;
  r.publication_date = "2024-01-20";
  set(r, "proactive.regulations.issued", 2);
  set(r, "proactive.normative_docs.in_force", 470);
  set(r, "proactive.licensing.decisions", 1530);
  set(r, "proactive.fees.amount", 24252'311082);  // 24252.311082 万元
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
  set(r, "review_litigation.review.upheld", 10);
  set(r, "review_litigation.review.corrected", 1);
  set(r, "review_litigation.litigation_direct.upheld", 0);
  blank(r, "review_litigation.litigation_direct.corrected");
  return r;
}

struct Built {
  Report report;
  BuiltReport built;
};

Built build(Report r) {
  Built b{std::move(r), {}};
  check_report(b.report, CheckOptions{&test::forms()}, b.built.findings);
  b.built.report = &b.report;
  b.built.prose = {
      {"overview", "# 总体情况\n\n2023年，本局坚持以公开为常态。\n全年主动公开政府信息1530条。\n"},
      {"problems", "存在的问题是公开内容不够全面。"},
      {"other_matters", "本年度未收取信息处理费。\n\n| 任务 | 牵头处室 |\n|---|---|\n| 公开规章 | 法规处 |\n"}};
  b.built.generated = "2024-01-31T08:30:00Z";
  return b;
}

// Every part of the package, by name.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(src != nullptr);
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  std::map<std::string, std::string> parts;
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    REQUIRE(zip_stat_index(archive, index, 0, &st) == 0);
    zip_file_t* f = zip_fopen_index(archive, index, 0);
    REQUIRE(f != nullptr);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    parts[st.name] = std::move(data);
  }
  zip_close(archive);
  return parts;
}

// The `<c r="ref" …>…</c>` element of a sheet (or the self-closed `<c r="ref" …/>`).
std::string cell_xml(const std::string& sheet, const std::string& ref) {
  std::smatch m;
  const std::regex re("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)");
  if (!std::regex_search(sheet, m, re)) return {};
  return m.str(0);
}

// The numFmtId of the style a cell uses.
std::string num_fmt_of(const std::map<std::string, std::string>& parts, const std::string& sheet,
                       const std::string& ref) {
  std::smatch m;
  const std::string c = cell_xml(parts.at(sheet), ref);
  if (!std::regex_search(c, m, std::regex(" s=\"([0-9]+)\""))) return {};
  const std::size_t s = std::stoul(m.str(1));
  const std::string& styles = parts.at("xl/styles.xml");
  const auto xfs = styles.substr(styles.find("<cellXfs"));
  std::vector<std::string> ids;
  const std::regex xf("<xf numFmtId=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(xfs.begin(), xfs.end(), xf); it != std::sregex_iterator(); ++it)
    ids.push_back(it->str(1));
  return s < ids.size() ? ids[s] : std::string{};
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("render/xlsx_report") {
  TEST_CASE("one sheet per table named by its section heading, then the text sheet") {
    Built b = build(sample());
    REQUIRE_FALSE(b.built.findings.has_errors());
    b.built.findings = {};
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& wb = parts.at("xl/workbook.xml");
    const auto p1 = wb.find("<sheet name=\"二、主动公开政府信息情况\" sheetId=\"1\"");
    const auto p2 = wb.find("<sheet name=\"三、收到和处理政府信息公开申请情况\" sheetId=\"2\"");
    const auto p3 = wb.find("<sheet name=\"四、政府信息公开行政复议、行政诉讼情况\" sheetId=\"3\"");
    const auto p4 = wb.find("<sheet name=\"报告正文\" sheetId=\"4\"");
    CHECK(p1 != std::string::npos);
    CHECK(p2 != std::string::npos);
    CHECK(p3 != std::string::npos);
    CHECK(p4 != std::string::npos);
    CHECK_FALSE(has(wb, "检查结果"));  // no findings, no findings sheet
  }

  TEST_CASE("table 三 has the official merged header and verbatim labels") {
    Built b = build(sample());
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& s3 = parts.at("xl/worksheets/sheet2.xml");
    // Row 1: heading; rows 2-4: header; labels in A:C, figures in D:J.
    CHECK(has(s3, "<mergeCell ref=\"A1:J1\"/>"));   // 三、收到和处理政府信息公开申请情况
    CHECK(has(s3, "<mergeCell ref=\"A2:C4\"/>"));   // the corner note
    CHECK(has(s3, "<mergeCell ref=\"D2:J2\"/>"));   // 申请人情况
    CHECK(has(s3, "<mergeCell ref=\"E3:I3\"/>"));   // 法人或其他组织
    CHECK(has(s3, "<mergeCell ref=\"D3:D4\"/>"));   // 自然人
    CHECK(has(s3, "<mergeCell ref=\"J3:J4\"/>"));   // 总计
    CHECK(has(s3, "<mergeCell ref=\"A5:C5\"/>"));   // 一、本年新收… spans the label columns
    CHECK(has(s3, "<mergeCell ref=\"B9:B16\"/>"));  // （三）不予公开 over its eight sub-rows
    const std::string& ss = parts.at("xl/sharedStrings.xml");
    for (const char* label : {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
                              "法人或其他组织", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                              "3.危及“三安全一稳定”", "（七）总计", "四、结转下年度继续办理"})
      CHECK_MESSAGE(has(ss, std::string("<t>") + label + "</t>"), label);
    // Frozen below the header and right of the labels; the header repeats on printed pages.
    CHECK(has(s3, "xSplit=\"3\" ySplit=\"4\" topLeftCell=\"D5\""));
    CHECK(has(parts.at("xl/workbook.xml"),
              "<definedName name=\"_xlnm.Print_Titles\" "
              "localSheetId=\"1\">'三、收到和处理政府信息公开申请情况'!$1:$4</definedName>"));
    // Too wide for A4 portrait at 100%: landscape, fitted to the page width.
    CHECK(has(s3, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"));
    CHECK(has(parts.at("xl/worksheets/sheet1.xml"), "orientation=\"portrait\""));
    CHECK(has(s3, "<pageSetUpPr fitToPage=\"1\"/>"));
  }

  TEST_CASE("derived totals are formulas with their computed values cached") {
    Built b = build(sample());
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& s3 = parts.at("xl/worksheets/sheet2.xml");
    // 一、本年新收 total (J5) = 120 + 4, computed by gongkai.
    CHECK(has(cell_xml(s3, "J5"), "><f>SUM(D5:I5)</f><v>124</v></c>"));
    // （七）总计 自然人 (row 28) = its outcome rows 7..27; total of totals J28.
    CHECK(has(cell_xml(s3, "D28"), "<f>SUM(D7:D27)</f><v>118</v>"));
    CHECK(has(cell_xml(s3, "J28"), "<f>SUM(D28:I28)</f><v>122</v>"));
    // A leaf is a plain number.
    CHECK(has(cell_xml(s3, "D7"), "><v>60</v></c>"));
    CHECK_FALSE(has(cell_xml(s3, "D7"), "<f>"));
    // Table 四: 行政复议 总计 (E5) = 10 + 1.
    const std::string& s4 = parts.at("xl/worksheets/sheet3.xml");
    CHECK(has(cell_xml(s4, "E5"), "<f>SUM(A5:D5)</f><v>11</v>"));
    CHECK(has(s4, "orientation=\"landscape\""));
    // No green "formula omits adjacent cells" triangles over the table.
    CHECK(has(s3, "<ignoredError sqref=\"A2:J29\" formulaRange=\"1\"/>"));
  }

  TEST_CASE("a blank cell stays blank and a zero stays zero") {
    Built b = build(sample());
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& s4 = parts.at("xl/worksheets/sheet3.xml");
    CHECK(has(cell_xml(s4, "F5"), "<v>0</v>"));   // 未经复议直接起诉 · 结果维持 = 0
    CHECK_FALSE(has(cell_xml(s4, "G5"), "<v>"));  // 结果纠正 left blank
    CHECK_FALSE(cell_xml(s4, "G5").empty());      // but bordered
  }

  TEST_CASE("amounts keep their exact value and show every decimal (at least two), counts an integer format") {
    Built b = build(sample());
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& s2 = parts.at("xl/worksheets/sheet1.xml");
    // Block 第二十条第（八）项 is the last: title row 13, header 14, 行政事业性收费 row 15.
    CHECK(has(cell_xml(s2, "B15"), "<v>24252.311082</v>"));
    // Not "0.00", which shows 24252.31 (or 36.8245 as 36.82): the sheet shows what the other
    // formats print.
    CHECK(num_fmt_of(parts, "xl/worksheets/sheet1.xml", "B15") == "164");
    CHECK(has(parts.at("xl/styles.xml"), "<numFmt numFmtId=\"164\" formatCode=\"0.00####\"/>"));
    // Figures right-aligned, as in the HTML page.
    CHECK(has(parts.at("xl/styles.xml"), "<alignment horizontal=\"right\""));
    CHECK(has(s2, "<mergeCell ref=\"B15:D15\"/>"));                     // one figure spans the block
    CHECK(num_fmt_of(parts, "xl/worksheets/sheet1.xml", "B4") == "1");  // built-in "0"
    CHECK(has(cell_xml(s2, "B4"), "<v>2</v>"));                         // 规章 本年制发件数
    CHECK(has(parts.at("xl/sharedStrings.xml"), "<t>本年收费金额（单位：万元）</t>"));
  }

  TEST_CASE("document properties name the report and its date is the fixed build time") {
    Built b = build(sample());
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& core = parts.at("docProps/core.xml");
    CHECK(has(core, "<dc:title>某市交通运输局2023年政府信息公开工作年度报告</dc:title>"));
    CHECK(has(core, "<dc:creator>某市交通运输局</dc:creator>"));
    CHECK(has(core, "<cp:keywords>2023年, 政府信息公开, 年度报告, 国办公开办函〔2021〕30号</cp:keywords>"));
    CHECK(has(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-01-31T08:30:00Z</dcterms:created>"));
    CHECK(has(core, "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-01-31T08:30:00Z</dcterms:modified>"));
    CHECK(has(parts.at("docProps/app.xml"), "<Company>某市交通运输局</Company>"));
  }

  TEST_CASE("identical input gives identical bytes; another build time changes only the dates") {
    Built b = build(sample());
    const std::string first = render_xlsx_report(b.built);
    const std::string second = render_xlsx_report(b.built);
    CHECK(first == second);

    b.built.generated = "2025-03-01T00:00:00Z";  // another SOURCE_DATE_EPOCH
    const std::string later = render_xlsx_report(b.built);
    CHECK(later != first);
    auto a = unzip(first), c = unzip(later);
    CHECK(has(c.at("docProps/core.xml"), "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-03-01T00:00:00Z"));
    a.erase("docProps/core.xml");
    c.erase("docProps/core.xml");
    CHECK(a == c);

    b.built.generated.clear();  // no build time: the publication date, never the clock
    CHECK(has(unzip(render_xlsx_report(b.built)).at("docProps/core.xml"), "2024-01-20T00:00:00Z"));
  }

  TEST_CASE("a given total that differs from its parts keeps the given figure; errors are stamped") {
    Report r = sample();
    set(r, "review_litigation.review.total", 0);  // 0 over 10 + 1
    Built b = build(std::move(r));
    REQUIRE(b.built.findings.has_errors());
    b.built.stamped_with_errors = true;
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& s4 = parts.at("xl/worksheets/sheet3.xml");
    const std::string e = cell_xml(s4, "E6");  // the notice pushes the grid down one row
    CHECK(has(e, "<v>0</v>"));
    CHECK_FALSE(has(e, "<f>"));
    CHECK(num_fmt_of(parts, "xl/worksheets/sheet3.xml", "E6") == "1");
    CHECK(num_fmt_of(parts, "xl/worksheets/sheet3.xml", "E6") == num_fmt_of(parts, "xl/worksheets/sheet3.xml", "A6"));
    CHECK(cell_xml(s4, "E6").find(" s=\"") != std::string::npos);
    // Shaded: the culprit's style differs from an ordinary figure's.
    std::smatch m1, m2;
    const std::string a = cell_xml(s4, "A6");
    REQUIRE(std::regex_search(e, m1, std::regex(" s=\"([0-9]+)\"")));
    REQUIRE(std::regex_search(a, m2, std::regex(" s=\"([0-9]+)\"")));
    CHECK(m1.str(1) != m2.str(1));

    const std::string& wb = parts.at("xl/workbook.xml");
    CHECK_FALSE(has(wb, "检查结果"));  // published outputs hold the report only: no findings sheet
    const Text notice = stamp_notice(b.built);
    CHECK(notice.zh == "本报告未通过检查，含有 1 个错误，不得作为正式报告发布。");
    CHECK(has(parts.at("xl/sharedStrings.xml"), "<t>" + notice.zh + "\n" + notice.en + "</t>"));
    CHECK_FALSE(parts.contains("xl/worksheets/sheet5.xml"));
    for (int i = 1; i <= 4; ++i) {
      const std::string& sheet = parts.at("xl/worksheets/sheet" + std::to_string(i) + ".xml");
      CHECK_MESSAGE(has(sheet, notice.zh + "</oddHeader>"), i);
    }
    CHECK_FALSE(has(parts.at("xl/sharedStrings.xml"), "<t>case-total</t>"));
    CHECK(has(parts.at("docProps/core.xml"), "<cp:contentStatus>含有错误（--allow-errors）</cp:contentStatus>"));
  }

  TEST_CASE("form 2019: a negative 本年增/减 is a number and an amount without a printed unit gets a note") {
    Report r(test::forms().by_id("2019"));
    r.agency = "某县人民政府办公室";
    r.year = 2020;
    set(r, "proactive.fees.prev_items", 12);
    set(r, "proactive.fees.change", -3);
    set(r, "proactive.procurement.amount", 75394432'520000);  // 75394432.52 万元
    Built b = build(std::move(r));
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& s1 = parts.at("xl/worksheets/sheet1.xml");
    const std::string& ss = parts.at("xl/sharedStrings.xml");
    CHECK(has(s1, "><v>-3</v></c>"));
    CHECK(has(s1, "><v>75394432.52</v></c>"));
    CHECK(has(ss, "<t>采购总金额</t>"));
    CHECK(has(ss, "<t>注：采购总金额单位：万元。</t>"));
    CHECK(has(ss, "<t>规范性文件</t>"));
  }

  TEST_CASE("a category given alone is printed as one row and counted in （七）总计") {
    Report r = sample();
    set(r, "applications.other.natural_person", 5);  // （六）其他处理 as one figure, no sub-rows
    r.at(*r.form->cell("applications.other.other.natural_person")) = CellValue{};
    Built b = build(std::move(r));
    REQUIRE_FALSE(b.built.findings.has_errors());
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& s3 = parts.at("xl/worksheets/sheet2.xml");
    // Rows: … not_handled.* 20-24, （六）其他处理 25, （七）总计 26.
    CHECK(has(parts.at("xl/sharedStrings.xml"), "<t>（六）其他处理</t>"));
    CHECK(has(s3, "<mergeCell ref=\"B25:C25\"/>"));
    CHECK(has(cell_xml(s3, "D25"), "<v>5</v>"));
    CHECK(has(cell_xml(s3, "D26"), "<f>SUM(D7:D25)</f><v>118</v>"));
  }

  TEST_CASE("the text sheet holds the six headings in order, the prose and links to the tables") {
    Built b = build(sample());
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& ss = parts.at("xl/sharedStrings.xml");
    CHECK(has(ss, "<t>某市交通运输局2023年政府信息公开工作年度报告</t>"));
    CHECK(has(ss, "<t>2023年，本局坚持以公开为常态。全年主动公开政府信息1530条。</t>"));
    CHECK(has(ss, "<t>见工作表「二、主动公开政府信息情况」</t>"));
    CHECK(has(ss, "<t>| 公开规章 | 法规处 |</t>"));
    const std::string& s5 = parts.at("xl/worksheets/sheet4.xml");
    CHECK(has(s5, "location=\"'二、主动公开政府信息情况'!A1\""));
  }
}

TEST_SUITE("render/xlsx_report safe content") {
  TEST_CASE("formula-like agency names and prose are written as text, never as formulas") {
    Report r = sample();
    r.agency = "=HYPERLINK(\"http://x\",\"y\")";
    Built b = build(std::move(r));
    b.built.prose["overview"] = "=1+1\n\n+cmd|' /C calc'!A0\n\n-2+3\n\n@SUM(A1)\n";
    const auto parts = unzip(render_xlsx_report(b.built));
    const std::string& ss = parts.at("xl/sharedStrings.xml");
    CHECK(has(ss, "<t>=HYPERLINK("));
    CHECK(has(ss, "<t>=1+1</t>"));
    CHECK(has(ss, "<t>+cmd|' /C calc'!A0</t>"));
    CHECK(has(ss, "<t>-2+3</t>"));
    CHECK(has(ss, "<t>@SUM(A1)</t>"));
    // The only formulas are the derived totals of the tables, none in the text sheet.
    CHECK_FALSE(has(parts.at("xl/worksheets/sheet4.xml"), "<f>"));
    for (const auto& [name, xml] : parts) CHECK_FALSE(has(xml, "<f>HYPERLINK"));
  }
}

TEST_SUITE("render/xlsx_prose_sheet") {
  TEST_CASE("Markdown becomes one row per paragraph, heading, list item and table row") {
    const auto blocks = prose_blocks(
        "## （一）主动公开\n\n本局全年公开信息\n1530条。\nSee the\nannex.\n\n- 第一项\n- 第二项\n\n"
        "| 任务 | 状态 |\n|:--|--:|\n| 甲 | 已完成 |\n");
    REQUIRE(blocks.size() == 6);
    CHECK(blocks[0].text == "（一）主动公开");
    CHECK(blocks[0].heading);
    CHECK(blocks[1].text == "本局全年公开信息1530条。See the annex.");
    CHECK_FALSE(blocks[1].heading);
    CHECK(blocks[2].text == "- 第一项");
    CHECK(blocks[3].text == "- 第二项");
    CHECK(blocks[4].text == "| 任务 | 状态 |");
    CHECK(blocks[5].text == "| 甲 | 已完成 |");
  }

  TEST_CASE("a very long paragraph is cut after a sentence") {
    std::string para;
    for (int i = 0; i < 200; ++i) para += "本局认真贯彻落实政府信息公开条例。";
    const auto blocks = prose_blocks(para);
    REQUIRE(blocks.size() > 1);
    std::string joined;
    for (const auto& b : blocks) {
      CHECK(b.text.ends_with("。"));
      joined += b.text;
    }
    CHECK(joined == para);
  }
}

TEST_SUITE("render/xlsx_sheet") {
  TEST_CASE("sheet names drop characters Excel forbids, fit 31 characters and never repeat") {
    std::set<std::string> taken;
    CHECK(xlsx_sheet_name("三、收到和处理政府信息公开申请情况", taken) == "三、收到和处理政府信息公开申请情况");
    CHECK(xlsx_sheet_name("a/b:c[d]*e?f\\g", taken) == "abcdefg");
    CHECK(xlsx_sheet_name("'quoted'", taken) == "quoted");
    const std::string long_name(40, 'x');
    CHECK(xlsx_sheet_name(long_name, taken) == std::string(31, 'x'));
    CHECK(xlsx_sheet_name(long_name, taken) == std::string(28, 'x') + "（2）");
    CHECK(xlsx_sheet_name("abcdefg", taken) == "abcdefg（2）");
  }
}
