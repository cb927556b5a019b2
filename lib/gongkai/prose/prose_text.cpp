#include <gongkai/prose/prose_text.hpp>

#include <gongkai/core/text.hpp>

#include <utf8proc.h>

namespace gongkai {

SourceLoc prose_location(std::string_view text, const SourceLoc& start, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  int line = 0;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  SourceLoc at = start;
  at.cell_ref.clear();
  if (start.line <= 0) return at;  // where the prose starts is unknown: name the file only
  const int base_line = start.line;
  const int base_column = start.column > 0 ? start.column : 1;
  const int column_in_line = static_cast<int>(decode_utf8(text.substr(line_start, offset - line_start)).size()) + 1;
  at.line = base_line + line;
  at.column = base_column + column_in_line - 1;
  return at;
}

bool is_blank_prose(std::string_view text) {
  for (char32_t c : decode_utf8(text)) {
    if (c == U'\uFEFF' || c == U'\u200B') continue;
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || cat == UTF8PROC_CATEGORY_ZS ||
        cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP)
      continue;
    return false;
  }
  return true;
}

}  // namespace gongkai
