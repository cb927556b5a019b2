#include <gongkai/core/date.hpp>

#include <fmt/format.h>

namespace gongkai {

std::optional<Date> Date::from_ymd(int year, unsigned month, unsigned day) {
  // year{} holds -32767..32767; month{} and day{} keep any value up to 255, which ok() refuses.
  if (year < -32767 || year > 32767 || month > 12 || day > 31) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return Date(std::chrono::sys_days{ymd});
}

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  unsigned v[3] = {0, 0, 0};
  constexpr std::size_t kStart[3] = {0, 5, 8}, kEnd[3] = {4, 7, 10};
  for (std::size_t part = 0; part < 3; ++part)
    for (std::size_t i = kStart[part]; i < kEnd[part]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v[part] = v[part] * 10 + static_cast<unsigned>(s[i] - '0');
    }
  return from_ymd(static_cast<int>(v[0]), v[1], v[2]);
}

std::string Date::to_string() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

bool is_leap_year(int year) { return std::chrono::year{year}.is_leap(); }

unsigned days_in_month(int year, unsigned month) {
  if (month < 1 || month > 12) return 0;
  const std::chrono::year_month_day_last last{std::chrono::year{year},
                                              std::chrono::month_day_last{std::chrono::month{month}}};
  return static_cast<unsigned>(last.day());
}

}  // namespace gongkai
