#include <gongkai/tally/register_date.hpp>

#include <gongkai/core/date.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

std::optional<DayNumber> checked_day(int y, int m, int d) {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 ||
      static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m)))
    return std::nullopt;
  return day_number(y, m, d);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits ASCII digits at `pos`.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t max_digits) {
  const std::size_t start = pos;
  int v = 0;
  while (pos < s.size() && is_digit(s[pos]) && pos - start < max_digits) v = v * 10 + (s[pos++] - '0');
  if (pos == start) return std::nullopt;
  return v;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim_spaces(std::string_view s) {
  // ASCII white space and the ideographic space U+3000, which Chinese input methods type.
  for (;;) {
    if (!s.empty() && is_space(s.front()))
      s.remove_prefix(1);
    else if (s.starts_with("\u3000"))
      s.remove_prefix(3);
    else
      break;
  }
  for (;;) {
    if (!s.empty() && is_space(s.back()))
      s.remove_suffix(1);
    else if (s.ends_with("\u3000"))
      s.remove_suffix(3);
    else
      break;
  }
  return s;
}

// What may follow a date: nothing, or a time of day (`10:30`, `10:30:00`, `10:30:00.000`)
// after white space or `T`.
bool is_time_suffix(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest.front() != 'T' && !is_space(rest.front())) return false;
  rest.remove_prefix(1);
  rest = trim_spaces(rest);
  if (rest.empty()) return false;
  for (char c : rest)
    if (!is_digit(c) && c != ':' && c != '.') return false;
  return is_digit(rest.front()) && rest.find(':') != std::string_view::npos;
}

}  // namespace

// The register's compact day number is core/date's Date (std::chrono::sys_days) as 32 bits.
DayNumber day_number(int year, int month, int day) {
  const auto d = Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return d ? static_cast<DayNumber>(d->days()) : 0;
}

CivilDate civil_date(DayNumber d) {
  const Date date = Date::from_days(d);
  return {date.year(), static_cast<int>(date.month()), static_cast<int>(date.day())};
}

std::string format_day(DayNumber d) {
  const CivilDate c = civil_date(d);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::optional<DayNumber> parse_register_date(std::string_view text) {
  // The common spelling first, read exactly as the general path below reads it: YYYY-MM-DD.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    bool all_digits = true;
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) all_digits = all_digits && is_digit(text[i]);
    if (all_digits) {
      const auto n = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (text[i] - '0');
        return v;
      };
      return checked_day(n(0, 4), n(5, 2), n(8, 2));
    }
  }
  const std::string_view s = trim_spaces(text);
  std::size_t pos = 0;
  // YYYYMMDD: exactly eight digits.
  if (s.size() >= 8 && (s.size() == 8 || !is_digit(s[8]))) {
    bool eight = true;
    for (std::size_t i = 0; i < 8 && eight; ++i) eight = is_digit(s[i]);
    if (eight) {
      if (!is_time_suffix(s.substr(8))) return std::nullopt;
      const auto n = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
        return v;
      };
      return checked_day(n(0, 4), n(4, 2), n(6, 2));
    }
  }
  const auto year = digits(s, pos, 4);
  if (!year || pos != 4) return std::nullopt;
  std::string_view rest = s.substr(pos);
  if (rest.starts_with("年")) {
    pos += std::string_view("年").size();
    const auto month = digits(s, pos, 2);
    if (!month || !s.substr(pos).starts_with("月")) return std::nullopt;
    pos += std::string_view("月").size();
    const auto day = digits(s, pos, 2);
    if (!day) return std::nullopt;
    if (s.substr(pos).starts_with("日"))
      pos += std::string_view("日").size();
    else if (s.substr(pos).starts_with("号"))
      pos += std::string_view("号").size();
    if (!is_time_suffix(s.substr(pos))) return std::nullopt;
    return checked_day(*year, *month, *day);
  }
  if (rest.empty() || (rest.front() != '-' && rest.front() != '/' && rest.front() != '.')) return std::nullopt;
  const char sep = rest.front();
  ++pos;
  const auto month = digits(s, pos, 2);
  if (!month || pos >= s.size() || s[pos] != sep) return std::nullopt;
  ++pos;
  const auto day = digits(s, pos, 2);
  if (!day || !is_time_suffix(s.substr(pos))) return std::nullopt;
  return checked_day(*year, *month, *day);
}

std::optional<DayNumber> parse_excel_date(std::string_view number) {
  const std::string_view s = trim_spaces(number);
  std::size_t pos = 0;
  // 9 digits hold any serial (Excel's last day, 9999-12-31, is 2958465) and any YYYYMMDD.
  const auto whole = digits(s, pos, 9);
  if (!whole || (pos < s.size() && s[pos] != '.')) return std::nullopt;
  if (pos < s.size()) {  // the time of day: digits only
    for (std::size_t i = pos + 1; i < s.size(); ++i)
      if (!is_digit(s[i])) return std::nullopt;
  }
  const int n = *whole;
  if (n >= 19000101 && n <= 99991231 && pos == s.size()) return checked_day(n / 10000, n / 100 % 100, n % 100);
  if (n < 1 || n > 2958465 || n == 60) return std::nullopt;
  // Excel counts 1900-02-29, which never was: serials after it are one day ahead.
  const DayNumber base = n < 60 ? day_number(1899, 12, 31) : day_number(1899, 12, 30);
  return base + n;
}

}  // namespace gongkai
