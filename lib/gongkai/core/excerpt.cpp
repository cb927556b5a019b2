#include <gongkai/core/excerpt.hpp>

#include <gongkai/core/utf8_decode.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace gongkai {
namespace {

bool invisible(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0xFEFF;
}

void append_escaped(std::string& out, std::string_view s, std::size_t at, std::size_t len, char32_t cp) {
  if (!invisible(cp)) {
    out.append(s.substr(at, len));
    return;
  }
  switch (cp) {
    case U'\n':
      out += "\\n";
      return;
    case U'\r':
      out += "\\r";
      return;
    case U'\t':
      out += "\\t";
      return;
    default:
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
  }
}

std::string escape(std::string_view value, std::size_t max_chars) {
  std::string out;
  out.reserve(std::min(value.size(), max_chars) + 8);
  std::size_t chars = 0;
  std::size_t i = 0;
  std::size_t run = 0;  // start of the bytes copied as they are
  while (i < value.size()) {
    if (chars == max_chars) {
      out.append(value.substr(run, i - run));
      out += "…";
      return out;
    }
    const auto b = static_cast<unsigned char>(value[i]);
    if (b >= 0x20 && b < 0x7F) {  // printable ASCII: the common case
      ++i;
      ++chars;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode_utf8_at(value, i, cp);
    if (len != 0 && !invisible(cp)) {
      i += len;
      ++chars;
      continue;
    }
    out.append(value.substr(run, i - run));
    if (len == 0) {
      out += fmt::format("\\x{:02X}", b);
      ++i;
    } else {
      append_escaped(out, value, i, len, cp);
      i += len;
    }
    run = i;
    ++chars;
  }
  out.append(value.substr(run));
  return out;
}

}  // namespace

std::string excerpt(std::string_view value, std::size_t max_chars) { return escape(value, max_chars); }

std::string one_line(std::string_view text) { return escape(text, std::numeric_limits<std::size_t>::max()); }

}  // namespace gongkai
