// Fixed-point decimal with six fractional digits, for money. The form's amounts are in 万元,
// and one millionth of a 万元 is exactly one 分 (0.01 元), the smallest unit money is kept in,
// so every amount a report can state is exact. Never a binary float.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

class Decimal {
 public:
  static constexpr int kScale = 6;
  static constexpr std::int64_t kOne = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal from_micro(std::int64_t micro) { return Decimal(micro); }

  [[nodiscard]] constexpr std::int64_t micro() const { return micro_; }
  // Plain decimal text with at least `min_decimals` fractional digits and no trailing zeros
  // past them: 24252.311082, 1234.50 (min 2), 7 (min 0).
  [[nodiscard]] std::string to_string(int min_decimals = 0) const;

  friend constexpr bool operator==(Decimal, Decimal) = default;
  friend constexpr auto operator<=>(Decimal, Decimal) = default;

 private:
  constexpr explicit Decimal(std::int64_t micro) : micro_(micro) {}
  std::int64_t micro_ = 0;
};

// Parses `[-]digits[.digits]` scaled by 10^extra_scale (so "1.5" with extra_scale 2 is 150
// micro-units times 100). Returns nullopt on syntax error, more fractional digits than the
// scale can hold, or overflow.
[[nodiscard]] std::optional<std::int64_t> parse_fixed(std::string_view text, int scale);

}  // namespace gongkai
