#include <gongkai/core/text.hpp>

#include <utf8proc.h>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace gongkai {

// Well-formed UTF-8 as Unicode's table 3-7 defines it (no overlong forms, no surrogates,
// nothing past U+10FFFF), eight ASCII bytes at a time: every input is validated, so this runs
// over every byte gongkai reads.
std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // A CJK character (E1..EC or EE..EF and two continuation bytes) without the range checks
    // that E0, ED and the 4-byte leads need.
    if ((c & 0xF0U) == 0xE0U && c != 0xE0U && c != 0xEDU && i + 3 <= n && (p[i + 1] & 0xC0U) == 0x80U &&
        (p[i + 2] & 0xC0U) == 0x80U) {
      i += 3;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      out.push_back(U'\uFFFD');
      ++i;
      continue;
    }
    out.push_back(static_cast<char32_t>(cp));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string encode_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (char32_t c : decode_utf8(s)) {
    int cw = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
    w += cw > 0 ? static_cast<std::size_t>(cw) : 0;
  }
  return w;
}

std::string_view strip_bom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

Lang lang_from_environment() {
  // The locale as POSIX resolves it for messages: the first of LC_ALL, LC_MESSAGES, LANG set.
  std::string_view locale;
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') {
      locale = v;
      break;
    }
  }
  // LANGUAGE, as GNU gettext reads it: a list of languages by preference ("zh_CN:en"), the
  // first one gongkai speaks wins; ignored in the C/POSIX locale (and when none is set).
  const bool c_locale = locale.empty() || locale == "C" || locale == "POSIX" || locale.starts_with("C.");
  if (const char* v = std::getenv("LANGUAGE"); !c_locale && v != nullptr) {
    for (std::string_view entry : split(v, ':')) {
      if (entry.starts_with("zh")) return Lang::zh;
      if (entry.starts_with("en")) return Lang::en;
    }
  }
  return locale.starts_with("zh") ? Lang::zh : Lang::en;
}

}  // namespace gongkai
