#include <gongkai/core/civil_date.hpp>
#include <gongkai/core/date.hpp>

#include <doctest/doctest.h>

#include <chrono>

using namespace gongkai;

TEST_SUITE("core.date") {
  TEST_CASE("YYYY-MM-DD of a real day is read and written back the same") {
    for (const char* s : {"2024-01-31", "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31"}) {
      const auto d = Date::parse(s);
      REQUIRE(d.has_value());
      CHECK(d->to_string() == s);
    }
    const auto d = Date::parse("2024-03-05");
    REQUIRE(d);
    CHECK(d->year() == 2024);
    CHECK(d->month() == 3U);
    CHECK(d->day() == 5U);
  }

  TEST_CASE("a day that is none is refused: 31 February, 29 February of a common year, a 13th month") {
    CHECK_FALSE(Date::parse("2024-02-31"));
    CHECK_FALSE(Date::parse("2024-02-30"));
    CHECK_FALSE(Date::parse("2023-02-29"));
    CHECK_FALSE(Date::parse("1900-02-29"));  // a century is leap only every 400 years
    CHECK(Date::parse("2000-02-29"));
    CHECK_FALSE(Date::parse("2024-13-45"));
    CHECK_FALSE(Date::parse("2024-13-01"));
    CHECK_FALSE(Date::parse("2024-00-10"));
    CHECK_FALSE(Date::parse("2024-04-31"));
    CHECK_FALSE(Date::parse("2024-01-00"));
    CHECK_FALSE(Date::from_ymd(2024, 2, 30));
    CHECK(Date::from_ymd(2024, 2, 29));
  }

  TEST_CASE("only YYYY-MM-DD: no other separator, width, space or time") {
    for (const char* s : {"2024/01/31", "2024-1-31", "24-01-31", " 2024-01-31", "2024-01-31 ", "2024-01-31T00:00",
                          "2024年1月31日", "", "2024-01-3x", "+024-01-31", "2024-01-31\n"})
      CHECK_MESSAGE(!Date::parse(s), s);
  }

  TEST_CASE("leap years and the length of months") {
    CHECK(is_leap_year(2024));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(2023));
    CHECK_FALSE(is_leap_year(1900));
    CHECK(days_in_month(2024, 2) == 29U);
    CHECK(days_in_month(2023, 2) == 28U);
    CHECK(days_in_month(2023, 4) == 30U);
    CHECK(days_in_month(2023, 12) == 31U);
    CHECK(days_in_month(2023, 13) == 0U);
    CHECK(days_in_month(2023, 0) == 0U);
  }

  TEST_CASE("day arithmetic across months, leap days and years") {
    const Date epoch = *Date::parse("1970-01-01");
    CHECK(epoch.days() == 0);
    CHECK(Date{} == epoch);
    CHECK(Date::parse("2024-01-31")->days() == 19753);
    CHECK(Date::from_days(19753).to_string() == "2024-01-31");
    CHECK(Date::from_days(-1).to_string() == "1969-12-31");
    CHECK(*Date::parse("2024-03-01") - *Date::parse("2024-02-28") == 2);  // through 29 February
    CHECK(*Date::parse("2023-03-01") - *Date::parse("2023-02-28") == 1);
    CHECK(*Date::parse("2025-01-01") - *Date::parse("2024-01-01") == 366);
    CHECK(*Date::parse("2024-01-01") - *Date::parse("2023-01-01") == 365);
    CHECK(*Date::parse("2023-12-31") - *Date::parse("2024-01-31") == -31);
    CHECK((*Date::parse("2023-12-31") + std::chrono::days{1}).to_string() == "2024-01-01");
    CHECK((*Date::parse("2024-03-01") - std::chrono::days{1}).to_string() == "2024-02-29");
    CHECK(*Date::parse("2023-12-31") < *Date::parse("2024-01-01"));
    // The deadline rule's figure: a department's 2023 report published on 2025-02-14 (the
    // day `--published 2024-13-45` used to stand for) is 380 days late.
    CHECK(*Date::parse("2025-02-14") - *Date::parse("2024-01-31") == 380);
  }

  TEST_CASE("timestamps are read on the same days") {
    CHECK(parse_utc("2024-01-31") == std::optional<std::int64_t>(19753LL * 86400));
    CHECK(parse_utc("2024-01-31T10:30:00Z") == std::optional<std::int64_t>(19753LL * 86400 + 10 * 3600 + 30 * 60));
    CHECK_FALSE(parse_utc("2024-02-31T00:00:00Z"));
    CHECK_FALSE(parse_utc("2024-13-01"));
  }
}
