// A spreadsheet number as plain decimal text. A workbook stores figures as XML Schema doubles
// ("12", "0.5", "1.5E-3", "1E+20"); our readers parse plain decimals (parse_cell_number), so
// the exponent form is rewritten exactly, digit by digit, never through a binary float.
#pragma once

#include <string>
#include <string_view>

namespace gongkai {

// "1.5E-3" -> "0.0015", "-2.5e2" -> "-250", "12" -> "12". Text that is not a number in
// exponent form is returned unchanged (the caller's parser then judges it).
[[nodiscard]] std::string plain_decimal(std::string_view number);

}  // namespace gongkai
