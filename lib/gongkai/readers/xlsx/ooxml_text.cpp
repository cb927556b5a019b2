#include <gongkai/readers/xlsx/ooxml_text.hpp>

#include <optional>
#include <string_view>

namespace gongkai {
namespace {

// `_xHHHH_` at `s[i]` -> HHHH.
std::optional<char32_t> escape_at(std::string_view s, std::size_t i) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return std::nullopt;
  char32_t v = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    char c = s[k];
    int d = 0;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    else
      return std::nullopt;
    v = v * 16 + static_cast<char32_t>(d);
  }
  return v;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace

void decode_ooxml_escapes(std::string& text, std::size_t from) {
  std::string_view s(text);
  std::size_t first = s.find("_x", from);
  if (first == std::string_view::npos) return;
  std::string out(s.substr(0, first));
  std::size_t i = first;
  while (i < s.size()) {
    auto unit = escape_at(s, i);
    if (!unit) {
      out.push_back(s[i]);
      ++i;
      continue;
    }
    if (*unit >= 0xD800 && *unit <= 0xDBFF) {
      auto low = escape_at(s, i + 7);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00));
        i += 14;
        continue;
      }
    }
    if (*unit >= 0xD800 && *unit <= 0xDFFF) {
      out.append(s.substr(i, 7));
    } else {
      append_utf8(out, *unit);
    }
    i += 7;
  }
  text = std::move(out);
}

}  // namespace gongkai
