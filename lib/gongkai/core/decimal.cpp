#include <gongkai/core/decimal.hpp>

#include <gongkai/core/checked.hpp>

#include <fmt/format.h>

namespace gongkai {

std::string Decimal::to_string(int min_decimals) const {
  // Work in unsigned magnitude so INT64_MIN does not overflow on negation.
  bool negative = micro_ < 0;
  std::uint64_t mag = negative ? (~static_cast<std::uint64_t>(micro_) + 1U) : static_cast<std::uint64_t>(micro_);
  std::uint64_t whole = mag / static_cast<std::uint64_t>(kOne);
  std::uint64_t frac = mag % static_cast<std::uint64_t>(kOne);
  std::string digits = fmt::format("{:06d}", frac);
  std::size_t keep = digits.size();
  while (keep > static_cast<std::size_t>(min_decimals) && digits[keep - 1] == '0') --keep;
  digits.resize(keep);
  return fmt::format("{}{}{}{}", negative ? "-" : "", whole, digits.empty() ? "" : ".", digits);
}

std::optional<std::int64_t> parse_fixed(std::string_view text, int scale) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  int frac_digits = -1;  // -1 until the decimal point is seen
  bool any_digit = false;
  for (char c : text) {
    if (c == '.') {
      if (frac_digits >= 0) return std::nullopt;
      frac_digits = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any_digit = true;
    if (frac_digits >= 0) {
      if (frac_digits == scale) {
        if (c != '0') return std::nullopt;  // more precision than we can hold
        continue;
      }
      ++frac_digits;
    }
    auto m = checked_mul(value, 10);
    if (!m) return std::nullopt;
    auto a = checked_add(*m, c - '0');
    if (!a) return std::nullopt;
    value = *a;
  }
  if (!any_digit || frac_digits == 0) return std::nullopt;  // "." or "5."
  for (int i = frac_digits < 0 ? 0 : frac_digits; i < scale; ++i) {
    auto m = checked_mul(value, 10);
    if (!m) return std::nullopt;
    value = *m;
  }
  return negative ? -value : value;
}

}  // namespace gongkai
