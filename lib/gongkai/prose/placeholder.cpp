#include <gongkai/prose/placeholder.hpp>

#include <gongkai/core/text.hpp>

namespace gongkai {

PlaceholderScan scan_placeholders(std::string_view text) {
  PlaceholderScan scan;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = text.find("{{", at);
    if (open == std::string_view::npos) break;
    const std::size_t line_end = text.find('\n', open);
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos || (line_end != std::string_view::npos && close > line_end)) {
      scan.unterminated.push_back(open);
      at = open + 2;
      continue;
    }
    Placeholder p;
    p.begin = open;
    p.end = close + 2;
    p.name = std::string(trim(text.substr(open + 2, close - open - 2)));
    scan.found.push_back(std::move(p));
    at = close + 2;
  }
  return scan;
}

bool is_figure_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace gongkai
