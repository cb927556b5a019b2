#include <gongkai/prose/percent.hpp>

#include <gongkai/core/checked.hpp>

#include <fmt/format.h>

namespace gongkai {

std::optional<std::int64_t> percent_tenths(std::int64_t part, std::int64_t whole) {
  auto scaled = checked_mul(part, 1000);
  if (!scaled) return std::nullopt;
  std::int64_t q = *scaled / whole;
  const std::int64_t r = *scaled % whole;
  // Half away from zero (all operands are non-negative): round up when r / whole >= 1/2,
  // written as r >= whole - r so that 2 * r cannot overflow.
  if (r >= whole - r) ++q;
  return q;
}

std::string format_tenths(std::int64_t tenths) { return fmt::format("{}.{}%", tenths / 10, tenths % 10); }

YoyPhrase yoy_phrase(std::int64_t current, std::int64_t previous) {
  YoyPhrase out;
  if (current < 0 || previous < 0) {
    out.problem = Text{"负数没有同比百分比", "a negative figure has no year-over-year percentage"};
    return out;
  }
  if (current == previous) {
    out.text = "与上年持平";
    return out;
  }
  if (previous == 0) {
    out.text = "上年为0";
    return out;
  }
  const bool up = current > previous;
  auto diff = up ? checked_sub(current, previous) : checked_sub(previous, current);
  auto tenths = diff ? percent_tenths(*diff, previous) : std::nullopt;
  if (!tenths) {
    out.problem = Text{"计算同比百分比时数值溢出", "the year-over-year percentage overflows"};
    return out;
  }
  const char* direction = up ? "上升" : "下降";
  out.text = *tenths == 0 ? fmt::format("同比{}不足0.1%", direction)
                          : fmt::format("同比{}{}", direction, format_tenths(*tenths));
  return out;
}

}  // namespace gongkai
