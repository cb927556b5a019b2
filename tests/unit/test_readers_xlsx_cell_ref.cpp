#include <gongkai/readers/xlsx/cell_ref.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("readers/xlsx/cell_ref") {
  TEST_CASE("a reference reads as row and column, A being column 1") {
    CHECK(parse_cell_ref("C7") == CellRef{7, 3});
    CHECK(parse_cell_ref("A1") == CellRef{1, 1});
    CHECK(parse_cell_ref("Z1") == CellRef{1, 26});
    CHECK(parse_cell_ref("AA10") == CellRef{10, 27});
    CHECK(parse_cell_ref("$B$2") == CellRef{2, 2});
    CHECK(parse_cell_ref("c7") == CellRef{7, 3});
    CHECK(parse_cell_ref("XFD1048576") == CellRef{1048576, 16384});
  }

  TEST_CASE("a reference outside Excel's grid or malformed is refused") {
    CHECK_FALSE(parse_cell_ref("XFE1"));
    CHECK_FALSE(parse_cell_ref("A1048577"));
    CHECK_FALSE(parse_cell_ref("A0"));
    CHECK_FALSE(parse_cell_ref("7C"));
    CHECK_FALSE(parse_cell_ref("C"));
    CHECK_FALSE(parse_cell_ref("7"));
    CHECK_FALSE(parse_cell_ref(""));
    CHECK_FALSE(parse_cell_ref("C7 "));
    CHECK_FALSE(parse_cell_ref("AAAA1"));
  }

  TEST_CASE("a range reads both corners; a single cell is a range of one") {
    CHECK(parse_cell_range("A1:C3") == CellRange{{1, 1}, {3, 3}});
    CHECK(parse_cell_range("B2") == CellRange{{2, 2}, {2, 2}});
    CHECK_FALSE(parse_cell_range("C3:A1"));
    CHECK_FALSE(parse_cell_range("A1:"));
    CellRange r{{1, 1}, {1, 3}};
    CHECK(r.contains(1, 2));
    CHECK_FALSE(r.contains(2, 2));
  }

  TEST_CASE("formatting gives back the reference it parses") {
    CHECK(column_name(1) == "A");
    CHECK(column_name(26) == "Z");
    CHECK(column_name(27) == "AA");
    CHECK(column_name(702) == "ZZ");
    CHECK(column_name(703) == "AAA");
    CHECK(column_name(16384) == "XFD");
    for (std::uint32_t c : {1U, 26U, 27U, 52U, 53U, 702U, 703U, 16384U}) {
      CHECK(parse_cell_ref(format_cell_ref({9, c})) == CellRef{9, c});
    }
  }

  TEST_CASE("a cell is named with its sheet, quoted as Excel would") {
    CHECK(sheet_cell_ref("表三", {7, 3}) == "表三!C7");
    CHECK(sheet_cell_ref("Sheet1", {1, 1}) == "Sheet1!A1");
    CHECK(sheet_cell_ref("My Sheet", {2, 2}) == "'My Sheet'!B2");
    CHECK(sheet_cell_ref("O'Neil", {2, 2}) == "'O''Neil'!B2");
    CHECK(sheet_cell_ref("2021", {1, 1}) == "'2021'!A1");
  }
}
