#include <gongkai/prose/fee_statement.hpp>

#include <fmt/format.h>

#include <utility>

namespace gongkai {

std::string format_fee_amount(Decimal amount, FeeUnit unit) {
  if (unit == FeeUnit::wan_yuan) return amount.to_string(2);
  // One micro-万元 is one 分, so 元 are the micro figure divided by 100.
  const std::int64_t fen = amount.micro();
  const bool negative = fen < 0;
  const std::uint64_t mag = negative ? (~static_cast<std::uint64_t>(fen) + 1U) : static_cast<std::uint64_t>(fen);
  return fmt::format("{}{}.{:02d}", negative ? "-" : "", mag / 100U, mag % 100U);
}

std::string render_fee_statement(const FeeStatement& fees, const Form& form) {
  if (fees.none || (fees.notices == 0 && fees.collected.micro() == 0 && fees.charged.micro() == 0))
    return std::string(form.phrase("fee_statement.none")) + "\n";
  const std::string unit = fees.unit == FeeUnit::yuan ? "元" : "万元";
  const std::pair<std::string_view, std::string> values[] = {
      {"{notices}", fmt::format("{}", fees.notices)},
      {"{charged}", format_fee_amount(fees.charged, fees.unit)},
      {"{collected}", format_fee_amount(fees.collected, fees.unit)},
      {"{unit}", unit},
  };
  const std::string_view phrase = form.phrase("fee_statement.charged");
  std::string out;
  for (std::size_t i = 0; i < phrase.size();) {
    bool replaced = false;
    for (const auto& [name, value] : values)
      if (phrase.substr(i).starts_with(name)) {
        out += value;
        i += name.size();
        replaced = true;
        break;
      }
    if (!replaced) out += phrase[i++];
  }
  return out + "\n";
}

}  // namespace gongkai
