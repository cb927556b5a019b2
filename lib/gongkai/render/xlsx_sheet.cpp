#include <gongkai/render/xlsx_sheet.hpp>

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gongkai {

void xlsx_check(lxw_error e) {
  if (e == LXW_NO_ERROR) return;
  throw InputError({}, {fmt::format("无法生成 XLSX 文件：{}", lxw_strerror(e)),
                        fmt::format("cannot write the XLSX workbook: {}", lxw_strerror(e))});
}

double xlsx_text_width(std::string_view text) {
  // display_width counts a CJK character as 2; in Excel's default font it is ~2.2 units.
  return static_cast<double>(display_width(text)) * 1.1;
}

double xlsx_wrapped_height(std::string_view text, double room) {
  constexpr double kPadding = 2.0;  // column units a cell keeps free around its text
  constexpr double kMaxRowHeight = 409.0;
  const double usable = std::max(1.0, room - kPadding);
  double lines = 0;
  for (std::string_view line : split(text, '\n'))
    lines += std::max(1.0, std::ceil(xlsx_text_width(line) / usable - 1e-9));
  return std::min(kMaxRowHeight, std::max(1.0, lines) * kXlsxLineHeight + 3.0);
}

std::string xlsx_sheet_name(std::string_view wanted, std::set<std::string>& taken) {
  std::u32string name;
  for (char32_t c : decode_utf8(wanted)) {
    if (c == U'[' || c == U']' || c == U':' || c == U'*' || c == U'?' || c == U'/' || c == U'\\') continue;
    name.push_back(c);
  }
  // Excel also refuses a name starting or ending with an apostrophe, or empty.
  while (!name.empty() && name.front() == U'\'') name.erase(name.begin());
  while (!name.empty() && name.back() == U'\'') name.pop_back();
  if (name.empty()) name = U"Sheet";
  auto cut = [](std::u32string s, std::size_t max_units) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      units += s[i] > 0xFFFF ? 2U : 1U;
      if (units > max_units) return s.substr(0, i);
    }
    return s;
  };
  std::string out = encode_utf8(cut(name, LXW_SHEETNAME_MAX));
  for (int n = 2; taken.contains(out); ++n) {
    const std::u32string suffix = decode_utf8(fmt::format("（{}）", n));
    out = encode_utf8(cut(name, LXW_SHEETNAME_MAX - suffix.size()) + suffix);
  }
  taken.insert(out);
  return out;
}

void xlsx_write_banner(lxw_worksheet* ws, std::uint32_t row, int columns, const std::string& text, lxw_format* format) {
  if (columns > 1) {
    xlsx_check(worksheet_merge_range(ws, row, 0, row, static_cast<lxw_col_t>(columns - 1), text.c_str(), format));
  } else {
    xlsx_check(worksheet_write_string(ws, row, 0, text.c_str(), format));
  }
}

void xlsx_print_setup(lxw_worksheet* ws, bool landscape, const std::string& notice) {
  constexpr std::uint8_t kPaperA4 = 9;
  worksheet_set_paper(ws, kPaperA4);
  if (landscape) {
    worksheet_set_landscape(ws);
  } else {
    worksheet_set_portrait(ws);
  }
  worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many pages tall as needed
  worksheet_center_horizontally(ws);
  if (!notice.empty()) {
    std::string escaped;  // '&' starts a header code
    for (char c : notice) escaped += c == '&' ? std::string("&&") : std::string(1, c);
    const std::string header = "&C&\"-,Bold\"&KC00000" + escaped;
    if (header.size() <= LXW_HEADER_FOOTER_MAX) xlsx_check(worksheet_set_header(ws, header.c_str()));
  }
  xlsx_check(worksheet_set_footer(ws, "&C第 &P 页，共 &N 页"));
}

}  // namespace gongkai
