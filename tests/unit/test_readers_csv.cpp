#include <gongkai/readers/csv.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>
#include <vector>

using namespace gongkai;

namespace {

struct ReadAll {
  std::vector<std::vector<std::string>> rows;
  std::vector<CsvRow> raw;  // fields' text is not valid after the next row: compare positions only
  Diagnostics out;
};

ReadAll read_all(std::string_view text, char delimiter = ',') {
  ReadAll r;
  CsvReader reader("t.csv", text, delimiter);
  CsvRow row;
  while (reader.next(row, r.out)) {
    std::vector<std::string> fields;
    for (const auto& f : row.fields) fields.emplace_back(f.text);
    r.rows.push_back(fields);
    r.raw.push_back(row);
  }
  return r;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_SUITE("readers/csv") {
  TEST_CASE("plain fields are split on commas, one row a line") {
    auto r = read_all("section,row\nproactive,规章\n");
    CHECK(r.rows == Rows{{"section", "row"}, {"proactive", "规章"}});
    CHECK(r.out.empty());
  }

  TEST_CASE("each field knows its line and its column in characters") {
    auto r = read_all("a,bb,规章\n规章,x,\"q\"\n");
    REQUIRE(r.raw.size() == 2);
    CHECK(r.raw[0].line == 1);
    CHECK(r.raw[0].fields[0].column == 1);
    CHECK(r.raw[0].fields[1].column == 3);
    CHECK(r.raw[0].fields[2].column == 6);
    CHECK(r.raw[1].line == 2);
    CHECK(r.raw[1].fields[1].line == 2);
    CHECK(r.raw[1].fields[1].column == 4);  // 规 章 , x: x is the fourth character
    CHECK(r.raw[1].fields[2].column == 6);  // a quoted field starts at its quote
    CHECK(r.raw[1].fields[2].quoted);
    CHECK_FALSE(r.raw[1].fields[1].quoted);
  }

  TEST_CASE("a quoted field may hold commas and doubled quotes") {
    auto r = read_all("\"a,\"\"b\"\"\",c,\"\"\"\",\"plain\"\n");
    CHECK(r.rows == Rows{{"a,\"b\"", "c", "\"", "plain"}});
    CHECK(r.raw[0].fields[1].column == 11);
    CHECK(r.out.empty());
  }

  TEST_CASE("a quoted field may span lines, and lines after it are counted") {
    auto r = read_all("\"x\ny\",z\nnext,1\n");
    CHECK(r.rows == Rows{{"x\ny", "z"}, {"next", "1"}});
    CHECK(r.raw[0].fields[1].line == 2);
    CHECK(r.raw[0].fields[1].column == 4);
    CHECK(r.raw[1].line == 3);
  }

  TEST_CASE("CRLF and LF line ends are both accepted") {
    auto r = read_all("a,b\r\nc,d\ne,f\r\n");
    CHECK(r.rows == Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}});
    CHECK(r.raw[2].line == 3);
  }

  TEST_CASE("empty fields are kept, empty lines are skipped, the last line needs no line end") {
    auto r = read_all(",,\n\n\na,\nlast");
    CHECK(r.rows == Rows{{"", "", ""}, {"a", ""}, {"last"}});
    CHECK(r.raw[1].line == 4);
    CHECK(r.raw[2].line == 5);
  }

  TEST_CASE("empty input has no rows") {
    auto r = read_all("");
    CHECK(r.rows.empty());
    CHECK(r.out.empty());
  }

  TEST_CASE("an unterminated quote is an error at the opening quote and ends the input") {
    auto r = read_all("a,b\nc,\"de\nf,g\n");
    CHECK(r.rows == Rows{{"a", "b"}});
    REQUIRE(r.out.items().size() == 1);
    const Diagnostic& d = r.out.items()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.rule == "csv");
    CHECK(d.where.to_string() == "t.csv:2:3");
    CHECK(d.message.en == "unterminated quoted field: the quote opened at line 2, column 3 is never closed");
    CHECK(d.message.zh == "引号未闭合：第 2 行第 3 列开始的带引号字段直到文件末尾都没有结束");
  }

  TEST_CASE("a stray quote in an unquoted field is an error, and reading goes on") {
    auto r = read_all("ab\"c,d\n规\"x,y\nok,1\n");
    CHECK(r.rows == Rows{{"ab\"c", "d"}, {"规\"x", "y"}, {"ok", "1"}});
    REQUIRE(r.out.items().size() == 2);
    CHECK(r.out.items()[0].where.to_string() == "t.csv:1:3");
    CHECK(r.out.items()[0].message.en ==
          "stray quote at line 1, column 3 in an unquoted field (quote the whole field and write an inner quote as "
          "\"\")");
    CHECK(r.out.items()[1].where.to_string() == "t.csv:2:2");
  }

  TEST_CASE("text after a closing quote is an error; the field keeps it") {
    auto r = read_all("\"ab\"c,d\n");
    CHECK(r.rows == Rows{{"abc", "d"}});
    REQUIRE(r.out.items().size() == 1);
    CHECK(r.out.items()[0].where.to_string() == "t.csv:1:5");
  }

  TEST_CASE("several unescaped fields in one row stay intact") {
    auto r = read_all("\"a\"\"1\",\"b\"\"2\",\"c\"\"3\"\n");
    CHECK(r.rows == Rows{{"a\"1", "b\"2", "c\"3"}});
  }

  TEST_CASE("another delimiter can be chosen") {
    auto r = read_all("a\tb,c\n", '\t');
    CHECK(r.rows == Rows{{"a", "b,c"}});
  }

  TEST_CASE("many rows are read in order with their line numbers") {
    std::string text;
    for (int i = 1; i <= 20000; ++i) text += fmt::format("case-{},\"申请 {}\",{}\r\n", i, i, i * 2);
    CsvReader reader("big.csv", text);
    CsvRow row;
    Diagnostics out;
    int n = 0;
    while (reader.next(row, out)) {
      ++n;
      REQUIRE(row.fields.size() == 3);
      REQUIRE(row.line == n);
      REQUIRE(row.fields[1].text == fmt::format("申请 {}", n));
    }
    CHECK(n == 20000);
    CHECK(out.empty());
  }
}
