// A part inflated on a second thread (readers/xlsx/read_ahead.hpp) reads as it reads in line:
// the same cells, the same error, and a parse stopped early stops the thread.
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

XlsxLimits ahead(XlsxLimits limits = {}) {
  limits.read_ahead_from = 0;  // every part, however small
  return limits;
}

XlsxLimits in_line(XlsxLimits limits = {}) {
  limits.read_ahead_from = UINT64_MAX;
  return limits;
}

// Every cell of every sheet as `row:column=text`, or the error met.
std::string read_all(const std::string& bytes, const XlsxLimits& limits, std::size_t stop_after_rows = 0) {
  std::string out;
  try {
    XlsxWorkbook book("book.xlsx", bytes, limits);
    for (std::size_t i = 0; i < book.sheets().size(); ++i) {
      std::size_t rows = 0;
      XlsxSheetSummary s = book.read_sheet(i, [&](std::uint32_t row, std::span<const XlsxCell> cells) {
        for (const XlsxCell& c : cells)
          out += std::to_string(row) + ":" + std::to_string(c.column) + "=" + std::string(c.text) + ";";
        return stop_after_rows == 0 || ++rows < stop_after_rows;
      });
      out += s.complete ? "|complete|" : "|stopped|";
    }
  } catch (const InputError& e) {
    // The rows before a failure are not compared: where a limit is crossed depends on the size
    // of the reads. A failure ends the file's reading whatever came before it.
    out = "error: " + e.where().to_string() + ": " + e.message().en;
  }
  return out;
}

// A sheet of `rows` rows, with shared strings, inline strings and numbers.
std::string big_book(const TempDir& dir, int rows, std::string* shared) {
  std::string body;
  *shared = "<sst>";
  for (int r = 1; r <= rows; ++r) {
    *shared += "<si><t>GK" + std::to_string(r * 7919 % 100003) + "</t></si>";
    body += "<row r=\"" + std::to_string(r) + "\"><c t=\"s\"><v>" + std::to_string(r - 1) + "</v></c><c><v>" +
            std::to_string(r * 31 % 977) + "</v></c><c t=\"inlineStr\"><is><t>予以公开 " + std::to_string(r) +
            "</t></is></c></row>";
  }
  *shared += "</sst>";
  return raw_workbook(dir, {{"S", sheet_xml(body)}}, shared);
}

}  // namespace

TEST_SUITE("readers/xlsx/read_ahead") {
  TEST_CASE("a sheet read ahead gives every cell as read in line") {
    TempDir dir;
    std::string shared;
    std::string bytes = big_book(dir, 30000, &shared);
    std::string expected = read_all(bytes, in_line());
    REQUIRE(expected.ends_with("|complete|"));
    CHECK(expected.find("30000:3=予以公开 30000;") != std::string::npos);
    CHECK(read_all(bytes, ahead()) == expected);
  }

  TEST_CASE("a parse stopped early stops the reader thread") {
    TempDir dir;
    std::string shared;
    std::string bytes = big_book(dir, 30000, &shared);
    std::string expected = read_all(bytes, in_line(), 3);
    CHECK(expected.ends_with("3:3=予以公开 3;|stopped|"));
    CHECK(read_all(bytes, ahead(), 3) == expected);
  }

  TEST_CASE("a limit crossed while reading ahead is the error reading in line gives, after the rows before it") {
    TempDir dir;
    std::string shared;
    std::string bytes = big_book(dir, 30000, &shared);
    XlsxLimits limits;
    limits.max_part_bytes = 1 << 20;  // the sheet is ~3 MB
    std::string expected = read_all(bytes, in_line(limits));
    CHECK(expected ==
          ("error: book.xlsx: refused XLSX: xl/worksheets/sheet1.xml: inflates beyond 1 MiB, the limit for one part (a "
           "zip bomb?)"));
    CHECK(read_all(bytes, ahead(limits)) == expected);
  }

  TEST_CASE("malformed XML read ahead is named at the same line and column") {
    TempDir dir;
    std::string sheet = "<worksheet>\n<sheetData>\n<row><c><v>1</v></row>\n</sheetData></worksheet>";
    std::string bytes = raw_workbook(dir, {{"S", sheet}});
    std::string expected =
        "error: book.xlsx: corrupt XLSX: xl/worksheets/sheet1.xml:3:19: malformed XML (mismatched tag)";
    CHECK(read_all(bytes, in_line()) == expected);
    CHECK(read_all(bytes, ahead()) == expected);
  }
}
