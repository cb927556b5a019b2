#include <gongkai/tally/register_date.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {
std::string parsed(std::string_view s) {
  auto d = parse_register_date(s);
  return d ? format_day(*d) : "none";
}
std::string excel(std::string_view s) {
  auto d = parse_excel_date(s);
  return d ? format_day(*d) : "none";
}
}  // namespace

TEST_SUITE("tally/register_date") {
  TEST_CASE("the ways staff write a date all read as the same day") {
    for (const char* s : {"2023-01-05", "2023/1/5", "2023.1.5", "2023年1月5日", "2023年01月05日", "2023年1月5号",
                          "2023年1月5", "20230105", " 2023-1-05 ", "2023/01/05 10:30", "2023-01-05T08:00:00",
                          "2023-01-05 10:30:00.000", "\u30002023-01-05\u3000"})
      CHECK_MESSAGE(parsed(s) == "2023-01-05", s);
  }

  TEST_CASE("anything else, or a day that does not exist, is not a date") {
    for (const char* s : {"", "2023-13-01", "2023-02-29", "2023-1/5", "23-01-05", "2023-01", "2023年1月", "20231301",
                          "2023-01-05 noon", "2023-01-05x", "44927", "1899-12-31", "五月", "2023--01-05"})
      CHECK_MESSAGE(parsed(s) == "none", s);
    CHECK(parsed("2024-02-29") == "2024-02-29");
  }

  TEST_CASE("an Excel serial day number reads as its date, with Excel's phantom 1900-02-29 refused") {
    CHECK(excel("44927") == "2023-01-01");
    CHECK(excel("44927.75") == "2023-01-01");
    CHECK(excel("1") == "1900-01-01");
    CHECK(excel("59") == "1900-02-28");
    CHECK(excel("60") == "none");
    CHECK(excel("61") == "1900-03-01");
    CHECK(excel("2958465") == "9999-12-31");
    CHECK(excel("2958466") == "none");
    CHECK(excel("0") == "none");
    CHECK(excel("-3") == "none");
    CHECK(excel("4.4927E4") == "none");
    CHECK(excel("20230105") == "2023-01-05");
  }

  TEST_CASE("day numbers and civil dates convert both ways") {
    CHECK(day_number(1970, 1, 1) == 0);
    CHECK(day_number(2000, 3, 1) - day_number(2000, 2, 28) == 2);
    for (DayNumber d = day_number(1899, 12, 1); d < day_number(2101, 1, 1); d += 17) {
      const CivilDate c = civil_date(d);
      CHECK(day_number(c.year, c.month, c.day) == d);
    }
  }
}
