// One UTF-8 sequence at a time, for code that walks text and treats a bad byte on its own
// (excerpts that escape it, folder names that replace it). Whole-text validation is
// find_invalid_utf8 (text.hpp).
#pragma once

#include <cstddef>
#include <string_view>

namespace gongkai {

// The length of the well-formed UTF-8 sequence at s[i] (no overlong form, no surrogate, nothing
// past U+10FFFF) and its code point in `cp`; 0 when the bytes there are not one.
// REQUIRES: i < s.size().
[[nodiscard]] inline std::size_t decode_utf8_at(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace gongkai
