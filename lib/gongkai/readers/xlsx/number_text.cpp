#include <gongkai/readers/xlsx/number_text.hpp>

#include <charconv>

namespace gongkai {

std::string plain_decimal(std::string_view number) {
  auto e = number.find_first_of("eE");
  if (e == std::string_view::npos) return std::string(number);
  std::string_view mantissa = number.substr(0, e);
  std::string_view exponent = number.substr(e + 1);
  if (!exponent.empty() && exponent.front() == '+') exponent.remove_prefix(1);
  int exp = 0;
  auto [end, ec] = std::from_chars(exponent.data(), exponent.data() + exponent.size(), exp);
  // Doubles reach 1E+308; a larger exponent is not a spreadsheet number.
  if (ec != std::errc() || end != exponent.data() + exponent.size() || exp > 400 || exp < -400) {
    return std::string(number);
  }
  std::string sign;
  if (!mantissa.empty() && (mantissa.front() == '-' || mantissa.front() == '+')) {
    if (mantissa.front() == '-') sign = "-";
    mantissa.remove_prefix(1);
  }
  std::string digits;
  int point = -1;  // digits before the decimal point
  for (char c : mantissa) {
    if (c == '.' && point < 0) {
      point = static_cast<int>(digits.size());
    } else if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else {
      return std::string(number);
    }
  }
  if (digits.empty()) return std::string(number);
  if (point < 0) point = static_cast<int>(digits.size());
  point += exp;
  // Place the point: pad with zeros on whichever side it falls outside the digits.
  if (point <= 0) {
    digits.insert(0, static_cast<std::size_t>(-point) + 1, '0');
    point = 1;
  } else if (point > static_cast<int>(digits.size())) {
    digits.append(static_cast<std::size_t>(point) - digits.size(), '0');
  }
  std::string whole = digits.substr(0, static_cast<std::size_t>(point));
  std::string fraction = digits.substr(static_cast<std::size_t>(point));
  while (whole.size() > 1 && whole.front() == '0') whole.erase(0, 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string out = sign + whole;
  if (!fraction.empty()) out += "." + fraction;
  if (out == "-0") out = "0";
  return out;
}

}  // namespace gongkai
