// The 信息处理费 statement of section 六. Under 国办函〔2020〕109号 (政府信息公开信息处理费管理
// 办法) an agency may charge for applications beyond a reasonable volume; the report says how
// many 收费通知 it sent, how much they asked for and how much was paid — or that it charged
// nothing. Amounts are exact (Decimal) and the unit is stated, never guessed: published
// reports mix 元 and 万元.
#pragma once

#include <gongkai/core/decimal.hpp>
#include <gongkai/forms/form.hpp>

#include <cstdint>
#include <string>

namespace gongkai {

enum class FeeUnit { yuan, wan_yuan };  // 元, 万元

struct FeeStatement {
  bool none = false;             // `fees: none`: 本年度未收取信息处理费
  std::int64_t notices = 0;      // 收费通知 sent (件)
  Decimal charged;               // asked for in those notices
  Decimal collected;             // actually paid
  FeeUnit unit = FeeUnit::yuan;  // how the amounts are printed
};

// One paragraph, in the words of the form's phrases `fee_statement.none` (none, or no notice and
// nothing collected) and `fee_statement.charged` ({notices} {charged} {collected} {unit}), e.g.
//   本年度未收取信息处理费。
//   本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），向申请人发出收费通知
//   2件，应收取信息处理费300.00元，实际收取200.00元。
[[nodiscard]] std::string render_fee_statement(const FeeStatement& fees, const Form& form);

// 300.00 (元: always two decimals) or 0.03 (万元: at least two decimals, exact).
[[nodiscard]] std::string format_fee_amount(Decimal amount, FeeUnit unit);

}  // namespace gongkai
