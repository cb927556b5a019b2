#include "xlsx_test_files.hpp"

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/readers/xlsx/workbook.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace gongkai;
using gongkai::test::raw_workbook;
using gongkai::test::sheet_xml;
using gongkai::test::TempDir;

namespace {

std::string type_name(XlsxValueType t) {
  switch (t) {
    case XlsxValueType::number:
      return "number";
    case XlsxValueType::text:
      return "text";
    case XlsxValueType::boolean:
      return "boolean";
    case XlsxValueType::error:
      return "error";
    case XlsxValueType::date:
      return "date";
  }
  return "?";
}

// Every delivered cell as `C7 type[f] text`.
struct Dump {
  std::vector<std::string> cells;
  XlsxSheetSummary summary;
};

Dump dump(XlsxWorkbook& book, std::size_t sheet) {
  Dump d;
  d.summary = book.read_sheet(sheet, [&](std::uint32_t row, std::span<const XlsxCell> cells) {
    for (const XlsxCell& c : cells) {
      d.cells.push_back(format_cell_ref({row, c.column}) + " " + type_name(c.type) + (c.formula ? "[f]" : "") + " " +
                        std::string(c.text));
    }
    return true;
  });
  return d;
}

// The English message and location of the InputError `f` throws.
template <typename F>
std::string failure(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.where().to_string() + ": " + e.message().en;
  }
  return "no error";
}

std::string failure_zh(const std::string& bytes, const XlsxLimits& limits = {}) {
  try {
    XlsxWorkbook book("book.xlsx", bytes, limits);
    for (std::size_t i = 0; i < book.sheets().size(); ++i) dump(book, i);
  } catch (const InputError& e) {
    return e.message().zh;
  }
  return "no error";
}

// Opens `bytes` and reads every sheet; the failure, if any.
std::string read_failure(const std::string& bytes, const XlsxLimits& limits = {}) {
  return failure([&] {
    XlsxWorkbook book("book.xlsx", bytes, limits);
    for (std::size_t i = 0; i < book.sheets().size(); ++i) dump(book, i);
  });
}

}  // namespace

TEST_SUITE("readers/xlsx/workbook") {
  TEST_CASE("a workbook written by libxlsxwriter reads back sheet by sheet, cell by cell") {
    TempDir dir;
    std::string path = dir.file("book.xlsx");
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* first = workbook_add_worksheet(wb, "表三");
    lxw_worksheet* second = workbook_add_worksheet(wb, "My Sheet");
    worksheet_write_string(first, 0, 0, "申请人情况", nullptr);
    worksheet_write_string(first, 0, 2, "申请人情况", nullptr);  // the same shared string again
    worksheet_write_number(first, 1, 1, 12, nullptr);
    worksheet_write_number(first, 1, 2, 0.5, nullptr);
    worksheet_write_number(first, 1, 3, -3, nullptr);
    worksheet_write_boolean(first, 2, 0, 1, nullptr);
    worksheet_write_formula_num(first, 2, 1, "=B2*2", nullptr, 24);
    worksheet_write_formula_str(first, 2, 2, "=\"a\"&\"b\"", nullptr, "ab");
    worksheet_write_blank(first, 3, 0, workbook_add_format(wb));  // styled, no value: left out
    worksheet_merge_range(first, 4, 0, 4, 2, "合并", nullptr);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_rich_string_tuple part1{nullptr, const_cast<char*>("商业")};
    lxw_rich_string_tuple part2{bold, const_cast<char*>("企业")};
    lxw_rich_string_tuple* rich[] = {&part1, &part2, nullptr};
    worksheet_write_rich_string(first, 5, 0, rich, nullptr);
    worksheet_write_number(second, 99, 27, 7, nullptr);
    worksheet_hide(second);
    std::string bytes = test::close_workbook(wb, path);

    XlsxWorkbook book("book.xlsx", bytes);
    REQUIRE(book.sheets().size() == 2);
    CHECK(book.sheets()[0].name == "表三");
    CHECK(book.sheets()[0].part == "xl/worksheets/sheet1.xml");
    CHECK_FALSE(book.sheets()[0].hidden);
    CHECK(book.sheets()[1].name == "My Sheet");
    CHECK(book.sheets()[1].hidden);

    Dump d = dump(book, 0);
    CHECK(d.cells == std::vector<std::string>{"A1 text 申请人情况", "C1 text 申请人情况", "B2 number 12",
                                              "C2 number 0.5", "D2 number -3", "A3 boolean TRUE", "B3 number[f] 24",
                                              "C3 text[f] ab", "A5 text 合并", "A6 text 商业企业"});
    CHECK(d.summary.complete);
    CHECK(d.summary.rows == 5);
    REQUIRE(d.summary.merged.size() == 1);
    CHECK(d.summary.merged[0] == CellRange{{5, 1}, {5, 3}});

    Dump d2 = dump(book, 1);
    CHECK(d2.cells == std::vector<std::string>{"AB100 number 7"});
  }

  TEST_CASE("libxlsxwriter's constant-memory mode writes inline strings, read the same") {
    TempDir dir;
    std::string path = dir.file("stream.xlsx");
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    std::string tmp = dir.file("");
    options.tmpdir = tmp.data();
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, "自然人", nullptr);
    worksheet_write_number(ws, 0, 1, 3, nullptr);
    std::string bytes = test::close_workbook(wb, path);
    XlsxWorkbook book("stream.xlsx", bytes);
    REQUIRE(book.sheets().size() == 1);
    CHECK(book.sheets()[0].name == "Sheet1");
    CHECK(dump(book, 0).cells == std::vector<std::string>{"A1 text 自然人", "B1 number 3"});
  }

  TEST_CASE("inline strings, rich runs, phonetic guides, escapes and formula results read from raw XML") {
    TempDir dir;
    std::string shared =
        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">)"
        R"(<si><t xml:space="preserve"> 规章 </t></si>)"
        R"(<si><r><rPr><b/></rPr><t>行政</t></r><r><t>许可</t></r><rPh sb="0" eb="2"><t>ぎょうせい</t></rPh></si>)"
        R"(</sst>)";
    std::string rows =
        R"(<row r="2"><c r="B2" t="inlineStr"><is><t>未经复议_x000D_直接起诉</t></is></c>)"
        R"(<c r="C2" t="inlineStr"><is><r><t>复议</t></r><r><t>后起诉</t></r></is></c>)"
        R"(<c r="D2" t="s"><v>1</v></c><c r="E2" t="s"><v> 0 </v></c></row>)"
        R"(<row r="3"><c t="str"><f>A1</f><v>文字</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c>)"
        R"(<c t="n"><v>1.5E-3</v></c><c t="b"><v>0</v></c><c t="d"><v>2021-12-31T00:00:00</v></c>)"
        R"(<c><f>SUM(A1:A2)</f></c><c s="3"/><c r="J3"><v></v></c></row>)"
        R"(<row r="4" spans="1:3"></row>)"
        R"(<row><x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="A5"><x:v>42</x:v></x:c></row>)";
    std::string bytes = raw_workbook(dir, {{"Sheet1", sheet_xml(rows)}}, &shared);
    XlsxWorkbook book("raw.xlsx", bytes);
    Dump d = dump(book, 0);
    CHECK(d.cells == std::vector<std::string>{"B2 text 未经复议\r直接起诉", "C2 text 复议后起诉", "D2 text 行政许可",
                                              "E2 text  规章 ", "A3 text[f] 文字", "B3 error[f] #DIV/0!",
                                              "C3 number 1.5E-3", "D3 boolean FALSE", "E3 date 2021-12-31T00:00:00",
                                              "A5 number 42"});
    CHECK(d.summary.rows == 3);
  }

  TEST_CASE("the callback can stop a sheet early; the merged ranges are then unknown") {
    TempDir dir;
    std::string rows;
    for (int r = 1; r <= 50; ++r)
      rows += "<row r=\"" + std::to_string(r) + "\"><c><v>" + std::to_string(r) + "</v></c></row>";
    std::string bytes =
        raw_workbook(dir, {{"S", sheet_xml(rows, R"(<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>)")}});
    XlsxWorkbook book("raw.xlsx", bytes);
    std::uint32_t last = 0;
    XlsxSheetSummary s = book.read_sheet(0, [&](std::uint32_t row, std::span<const XlsxCell>) {
      last = row;
      return row < 10;
    });
    CHECK(last == 10);
    CHECK_FALSE(s.complete);
    CHECK(s.rows == 10);
    CHECK(s.merged.empty());
    XlsxSheetSummary all = book.read_sheet(0, [](std::uint32_t, std::span<const XlsxCell>) { return true; });
    CHECK(all.complete);
    CHECK(all.rows == 50);
    CHECK(all.merged == std::vector<CellRange>{{{1, 1}, {1, 2}}});
  }

  TEST_CASE("bytes that are not a ZIP are not a workbook") {
    CHECK(read_failure("name,value\n规章,3\n") == "book.xlsx: not an XLSX workbook: not a ZIP archive");
    CHECK(failure_zh("name,value\n") == "不是 XLSX 工作簿：不是 ZIP 压缩包");
    CHECK(read_failure("") == "book.xlsx: not an XLSX workbook: the file is empty");
    CHECK(read_failure(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0')) ==
          "book.xlsx: not an XLSX workbook: an OLE2 compound file: an Excel 97-2003 .xls or a password-protected "
          "workbook; save it as .xlsx without a password");
  }

  TEST_CASE("a ZIP that is not an OOXML spreadsheet is not a workbook") {
    TempDir dir;
    CHECK(read_failure(test::make_zip(dir, {{"readme.txt", "hello"}})) ==
          "book.xlsx: not an XLSX workbook: a ZIP archive without [Content_Types].xml");
    std::string docx_types =
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
        R"(<Override PartName="/word/document.xml" )"
        R"(ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
    CHECK(read_failure(test::make_zip(dir, {{"[Content_Types].xml", docx_types}})) ==
          "book.xlsx: not an XLSX workbook: [Content_Types].xml: names no workbook part (a Word or PowerPoint file?)");
  }

  TEST_CASE("a damaged ZIP is a corrupt workbook") {
    TempDir dir;
    std::string good = raw_workbook(dir, {{"S", sheet_xml("<row><c><v>1</v></c></row>")}});
    // Cut off the central directory: libzip no longer finds the archive.
    CHECK(read_failure(good.substr(0, good.size() / 2)) == "book.xlsx: not an XLSX workbook: not a ZIP archive");
    // Flip bytes inside the first entry's deflated data: inflating it fails.
    std::string damaged = good;
    for (std::size_t i = 60; i < 90; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    CHECK(read_failure(damaged) ==
          "book.xlsx: corrupt XLSX: [Content_Types].xml: cannot read its data (Zlib error: data error)");
    // A stored (not deflated) sheet whose bytes changed: its CRC no longer matches.
    std::vector<test::ZipEntry> entries{
        {"[Content_Types].xml", test::kContentTypesXml},
        {"xl/workbook.xml", test::workbook_xml({"S"})},
        {"xl/_rels/workbook.xml.rels", test::workbook_rels(1, false)},
        {"xl/worksheets/sheet1.xml", sheet_xml("<row><c><v>12345</v></c></row>"), true}};
    std::string stored = test::make_zip(dir, entries);
    auto at = stored.find("12345");
    REQUIRE(at != std::string::npos);
    stored[at] = '9';
    CHECK(read_failure(stored) ==
          "book.xlsx: corrupt XLSX: xl/worksheets/sheet1.xml: cannot read its data (CRC error)");
  }

  TEST_CASE("a missing part is named") {
    TempDir dir;
    std::vector<test::ZipEntry> entries{{"[Content_Types].xml", test::kContentTypesXml}};
    CHECK(read_failure(test::make_zip(dir, entries)) == "book.xlsx: corrupt XLSX: missing part xl/workbook.xml");
    entries.push_back({"xl/workbook.xml", test::workbook_xml({"S"})});
    CHECK(read_failure(test::make_zip(dir, entries)) ==
          "book.xlsx: corrupt XLSX: missing part xl/_rels/workbook.xml.rels");
    entries.push_back({"xl/_rels/workbook.xml.rels", test::workbook_rels(1, false)});
    CHECK(read_failure(test::make_zip(dir, entries)) ==
          "book.xlsx: corrupt XLSX: missing part xl/worksheets/sheet1.xml");
    CHECK(failure_zh(test::make_zip(dir, entries)) == "XLSX 文件损坏：缺少部件 xl/worksheets/sheet1.xml");
  }

  TEST_CASE("a shared string without a shared strings part is named by its cell") {
    TempDir dir;
    std::string sheet = sheet_xml(R"(<row r="7"><c r="C7" t="s"><v>0</v></c></row>)");
    // No relationship to a shared strings part at all.
    CHECK(read_failure(raw_workbook(dir, {{"表三", sheet}})) ==
          "book.xlsx:表三!C7: corrupt XLSX: xl/worksheets/sheet1.xml: refers to shared string 0, but the workbook "
          "has no shared strings part (xl/sharedStrings.xml)");
    // A relationship to a part the ZIP does not hold.
    std::vector<test::ZipEntry> entries{{"[Content_Types].xml", test::kContentTypesXml},
                                        {"xl/workbook.xml", test::workbook_xml({"表三"})},
                                        {"xl/_rels/workbook.xml.rels", test::workbook_rels(1, true)},
                                        {"xl/worksheets/sheet1.xml", sheet}};
    CHECK(read_failure(test::make_zip(dir, entries)) == "book.xlsx: corrupt XLSX: missing part xl/sharedStrings.xml");
    // An index past the end of the table.
    std::string shared = R"(<sst><si><t>a</t></si></sst>)";
    CHECK(read_failure(
              raw_workbook(dir, {{"表三", sheet_xml(R"(<row r="7"><c r="C7" t="s"><v>1</v></c></row>)")}}, &shared)) ==
          "book.xlsx:表三!C7: corrupt XLSX: xl/worksheets/sheet1.xml: refers to shared string 1, but "
          "xl/sharedStrings.xml holds only 1");
  }

  TEST_CASE("malformed XML is named by part, line and column") {
    TempDir dir;
    std::string sheet = "<worksheet>\n<sheetData>\n<row><c><v>1</v></row>\n</sheetData></worksheet>";
    CHECK(read_failure(raw_workbook(dir, {{"S", sheet}})) ==
          "book.xlsx: corrupt XLSX: xl/worksheets/sheet1.xml:3:19: malformed XML (mismatched tag)");
    CHECK(failure_zh(raw_workbook(dir, {{"S", sheet}})) ==
          "XLSX 文件损坏：xl/worksheets/sheet1.xml:3:19：XML 格式错误（mismatched tag）");
  }

  TEST_CASE("a DOCTYPE is refused, so entity expansion (billion laughs) never starts") {
    TempDir dir;
    std::string laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
        "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
        "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
    CHECK(read_failure(raw_workbook(dir, {{"S", laughs}})) ==
          "book.xlsx: refused XLSX: xl/worksheets/sheet1.xml:2:16: a DOCTYPE declaration (XML entities are not "
          "allowed in a workbook)");
    std::string external =
        "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst><si><t>&xxe;</t></si></sst>";
    CHECK(read_failure(raw_workbook(dir, {{"S", sheet_xml("")}}, &external)) ==
          "book.xlsx: refused XLSX: xl/sharedStrings.xml:1:15: a DOCTYPE declaration (XML entities are not allowed in "
          "a workbook)");
  }

  TEST_CASE("a part inflating beyond the per-part limit is refused as a zip bomb") {
    TempDir dir;
    std::string zeros(4 << 20, '0');  // 4 MiB of one byte: deflates to about 4 KiB
    std::string sheet = sheet_xml("<row><c t=\"inlineStr\"><is><t>" + zeros + "</t></is></c></row>");
    std::string bytes = raw_workbook(dir, {{"S", sheet}});
    XlsxLimits limits;
    limits.max_part_bytes = 1 << 20;
    CHECK(read_failure(bytes, limits) ==
          "book.xlsx: refused XLSX: xl/worksheets/sheet1.xml: inflates beyond 1 MiB, the limit for one part (a zip "
          "bomb?)");
    CHECK(failure_zh(bytes, limits) ==
          "拒绝读取 XLSX：xl/worksheets/sheet1.xml：解压后超过单个部件的上限 1 MiB（疑似 ZIP 炸弹）");
  }

  TEST_CASE("a part inflating more than the allowed ratio is refused as a zip bomb") {
    TempDir dir;
    std::string zeros(4 << 20, '0');
    std::string sheet = sheet_xml("<row><c t=\"inlineStr\"><is><t>" + zeros + "</t></is></c></row>");
    std::string bytes = raw_workbook(dir, {{"S", sheet}});
    XlsxLimits limits;
    limits.ratio_applies_above = 1 << 20;
    std::string message = read_failure(bytes, limits);
    CHECK(message.starts_with("book.xlsx: refused XLSX: xl/worksheets/sheet1.xml: "));
    CHECK(message.ends_with(" compressed bytes inflate more than 200:1 (a zip bomb?)"));
    // Under the default threshold the ratio is not held against 4 MiB; the cell's length is.
    CHECK(read_failure(bytes, XlsxLimits{}) ==
          "book.xlsx:S!A1: refused XLSX: xl/worksheets/sheet1.xml: cell text longer than the limit of 131072 bytes");
  }

  TEST_CASE("the parts of a workbook together may not inflate beyond the total limit") {
    TempDir dir;
    std::string rows;
    for (int r = 1; r <= 1000; ++r)
      rows += "<row r=\"" + std::to_string(r) + "\"><c><v>" + std::to_string(r) + "</v></c></row>";
    std::string bytes = raw_workbook(dir, {{"A", sheet_xml(rows)}, {"B", sheet_xml(rows)}});
    XlsxLimits limits;
    limits.max_total_bytes = 64 << 10;
    CHECK(read_failure(bytes, limits) ==
          "book.xlsx: refused XLSX: xl/worksheets/sheet2.xml: the workbook inflates beyond 64 KiB in total, the "
          "limit for one workbook (a zip bomb?)");
  }

  TEST_CASE("cells beyond the column limit, over-long text and deep nesting are refused") {
    TempDir dir;
    XlsxLimits limits;
    limits.max_columns = 10;
    CHECK(
        read_failure(raw_workbook(dir, {{"表三", sheet_xml(R"(<row r="3"><c r="K3"><v>1</v></c></row>)")}}), limits) ==
        "book.xlsx:表三!K3: refused XLSX: xl/worksheets/sheet1.xml: column 11 is beyond the limit of 10 columns");
    CHECK(read_failure(raw_workbook(dir, {{"S", sheet_xml(R"(<row r="3"><c r="XFE3"><v>1</v></c></row>)")}})) ==
          "book.xlsx: corrupt XLSX: xl/worksheets/sheet1.xml: sheet 'S' row 3: invalid cell reference 'XFE3'");

    limits = XlsxLimits{};
    limits.max_cell_text_bytes = 8;
    CHECK(read_failure(
              raw_workbook(
                  dir, {{"S", sheet_xml(R"(<row r="2"><c r="B2" t="inlineStr"><is><t>123456789</t></is></c></row>)")}}),
              limits) ==
          "book.xlsx:S!B2: refused XLSX: xl/worksheets/sheet1.xml: cell text longer than the limit of 8 bytes");

    limits = XlsxLimits{};
    limits.max_xml_depth = 6;
    std::string deep = sheet_xml(R"(<row><c t="inlineStr"><is><r><t>x</t></r></is></c></row>)");
    CHECK(read_failure(raw_workbook(dir, {{"S", deep}}), limits) ==
          "book.xlsx: refused XLSX: xl/worksheets/sheet1.xml:1:156: XML nested deeper than 6 levels");
  }

  TEST_CASE("the shared string table is bounded in count") {
    TempDir dir;
    std::string shared = R"(<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>)";
    XlsxLimits limits;
    limits.max_shared_strings = 2;
    CHECK(read_failure(raw_workbook(dir, {{"S", sheet_xml("")}}, &shared), limits) ==
          "book.xlsx: refused XLSX: xl/sharedStrings.xml: more than 2 shared strings, the limit");
  }
}
