#include <gongkai/prose/fee_statement.hpp>

#include <fmt/format.h>

namespace gongkai {

std::string format_fee_amount(Decimal amount, FeeUnit unit) {
  if (unit == FeeUnit::wan_yuan) return amount.to_string(2);
  // One micro-万元 is one 分, so 元 are the micro figure divided by 100.
  const std::int64_t fen = amount.micro();
  const bool negative = fen < 0;
  const std::uint64_t mag = negative ? (~static_cast<std::uint64_t>(fen) + 1U) : static_cast<std::uint64_t>(fen);
  return fmt::format("{}{}.{:02d}", negative ? "-" : "", mag / 100U, mag % 100U);
}

std::string render_fee_statement(const FeeStatement& fees) {
  if (fees.none || (fees.notices == 0 && fees.collected.micro() == 0 && fees.charged.micro() == 0))
    return "本年度未收取信息处理费。\n";
  const char* unit = fees.unit == FeeUnit::yuan ? "元" : "万元";
  return fmt::format(
      "本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），向申请人发出收费通知{}件，"
      "应收取信息处理费{}{}，实际收取{}{}。\n",
      fees.notices, format_fee_amount(fees.charged, fees.unit), unit, format_fee_amount(fees.collected, fees.unit),
      unit);
}

}  // namespace gongkai
