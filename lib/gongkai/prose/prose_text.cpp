#include <gongkai/prose/prose_text.hpp>

#include <gongkai/core/text.hpp>

#include <utf8proc.h>

#include <algorithm>

namespace gongkai {

ProseLocator::ProseLocator(std::string_view text, SourceLoc start) : text_(text), start_(std::move(start)) {
  start_.cell_ref.clear();
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

SourceLoc ProseLocator::at(std::size_t offset) const {
  SourceLoc loc = start_;
  if (start_.line <= 0) return loc;  // where the prose starts is unknown: name the file only
  if (offset > text_.size()) offset = text_.size();
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(next - line_starts_.begin()) - 1;
  const std::size_t line_start = line_starts_[line];
  const int base_column = start_.column > 0 ? start_.column : 1;
  const auto chars = decode_utf8(text_.substr(line_start, offset - line_start)).size();
  loc.line = start_.line + static_cast<int>(line);
  loc.column = base_column + static_cast<int>(chars);
  return loc;
}

SourceLoc prose_location(std::string_view text, const SourceLoc& start, std::size_t offset) {
  return ProseLocator(text, start).at(offset);
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
