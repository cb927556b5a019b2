#include <gongkai/readers/xlsx/cell_ref.hpp>

namespace gongkai {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Excel quotes a sheet name in a formula when it holds anything but letters, digits, `_` and
// `.`, or starts with a digit. Non-ASCII (CJK) characters count as letters.
bool needs_quotes(std::string_view sheet) {
  if (sheet.empty() || is_digit(sheet.front())) return true;
  for (char c : sheet) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || is_upper(c) || is_lower(c) || is_digit(c) || c == '_' || c == '.') continue;
    return true;
  }
  return false;
}

}  // namespace

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::uint32_t column = 0;
  std::size_t letters = 0;
  for (; i < ref.size() && (is_upper(ref[i]) || is_lower(ref[i])); ++i) {
    if (++letters > 3) return std::nullopt;
    char c = is_lower(ref[i]) ? static_cast<char>(ref[i] - 'a' + 'A') : ref[i];
    column = column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
  }
  if (letters == 0) return std::nullopt;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::uint32_t row = 0;
  std::size_t digits = 0;
  for (; i < ref.size() && is_digit(ref[i]); ++i) {
    if (++digits > 7) return std::nullopt;
    row = row * 10 + static_cast<std::uint32_t>(ref[i] - '0');
  }
  if (digits == 0 || i != ref.size()) return std::nullopt;
  if (row < 1 || row > kXlsxMaxRows || column > kXlsxMaxColumns) return std::nullopt;
  return CellRef{row, column};
}

std::optional<CellRange> parse_cell_range(std::string_view ref) {
  auto colon = ref.find(':');
  if (colon == std::string_view::npos) {
    auto one = parse_cell_ref(ref);
    if (!one) return std::nullopt;
    return CellRange{*one, *one};
  }
  auto first = parse_cell_ref(ref.substr(0, colon));
  auto last = parse_cell_ref(ref.substr(colon + 1));
  if (!first || !last || last->row < first->row || last->column < first->column) return std::nullopt;
  return CellRange{*first, *last};
}

std::string column_name(std::uint32_t column) {
  std::string letters;
  while (column > 0) {
    std::uint32_t rem = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + rem));
    column = (column - 1) / 26;
  }
  return letters;
}

std::string format_cell_ref(CellRef ref) { return column_name(ref.column) + std::to_string(ref.row); }

std::string sheet_cell_ref(std::string_view sheet, CellRef ref) {
  std::string out;
  if (needs_quotes(sheet)) {
    out.push_back('\'');
    for (char c : sheet) {
      if (c == '\'') out.push_back('\'');
      out.push_back(c);
    }
    out.push_back('\'');
  } else {
    out.append(sheet);
  }
  out.push_back('!');
  out += format_cell_ref(ref);
  return out;
}

}  // namespace gongkai
