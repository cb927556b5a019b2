// A calendar day (proleptic Gregorian), on C++20's std::chrono::year_month_day: read strictly
// as YYYY-MM-DD (a real day: 2024-02-29 yes, 2023-02-29, 2024-02-31 and 2024-13-45 no), written
// the same way, and counted in days (std::chrono::sys_days) without the C library's time zone
// state, so results are the same on every machine. Every date gongkai reads goes through it.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

class Date {
 public:
  // 1970-01-01.
  constexpr Date() = default;

  // The day, or nothing when it is not one (month 1–12, day within the month).
  [[nodiscard]] static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  // Exactly `YYYY-MM-DD`: four, two and two ASCII digits, a real day. Nothing else is a date
  // here (no spaces, no time, no other separator): the forms of a case register are
  // tally/register_date's.
  [[nodiscard]] static std::optional<Date> parse(std::string_view text);
  // The day `days` after 1970-01-01 (before it when negative).
  [[nodiscard]] static constexpr Date from_days(std::int64_t days) {
    return Date(std::chrono::sys_days{std::chrono::days{days}});
  }

  [[nodiscard]] constexpr std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{day_}; }
  [[nodiscard]] constexpr std::chrono::sys_days sys_days() const { return day_; }
  // Days since 1970-01-01.
  [[nodiscard]] constexpr std::int64_t days() const { return day_.time_since_epoch().count(); }
  [[nodiscard]] int year() const { return static_cast<int>(ymd().year()); }
  [[nodiscard]] unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  [[nodiscard]] unsigned day() const { return static_cast<unsigned>(ymd().day()); }

  // `2024-01-31`.
  [[nodiscard]] std::string to_string() const;

  [[nodiscard]] constexpr Date operator+(std::chrono::days n) const { return Date(day_ + n); }
  [[nodiscard]] constexpr Date operator-(std::chrono::days n) const { return Date(day_ - n); }
  // Days from `other` to this day (positive when this one is later).
  [[nodiscard]] constexpr std::int64_t operator-(Date other) const { return (day_ - other.day_).count(); }
  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  constexpr explicit Date(std::chrono::sys_days d) : day_(d) {}
  std::chrono::sys_days day_{};
};

[[nodiscard]] bool is_leap_year(int year);
// 28–31; 0 when `month` is not 1–12.
[[nodiscard]] unsigned days_in_month(int year, unsigned month);

}  // namespace gongkai
