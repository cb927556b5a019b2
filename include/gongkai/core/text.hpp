// Bilingual text and UTF-8 helpers. User-facing strings are held in both Chinese and English
// and chosen when printed, so findings stay data until the last step.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

enum class Lang { zh, en };

struct Text {
  std::string zh;
  std::string en;
  [[nodiscard]] const std::string& in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

// Byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid UTF-8.
[[nodiscard]] std::size_t find_invalid_utf8(std::string_view s);

// Decodes valid UTF-8 into code points. REQUIRES: find_invalid_utf8(s) == npos.
[[nodiscard]] std::u32string decode_utf8(std::string_view s);
[[nodiscard]] std::string encode_utf8(std::u32string_view s);

// Terminal display width (CJK wide characters count 2).
[[nodiscard]] std::size_t display_width(std::string_view s);

// Removes a leading UTF-8 byte-order mark.
[[nodiscard]] std::string_view strip_bom(std::string_view s);

[[nodiscard]] std::string_view trim(std::string_view s);

// Splits on a single byte separator, keeping empty fields.
[[nodiscard]] std::vector<std::string_view> split(std::string_view s, char sep);

// The language to use when none is asked for: the first of zh or en in LANGUAGE (as gettext
// reads it, not in the C/POSIX locale), else Chinese when the first of LC_ALL / LC_MESSAGES /
// LANG set names a zh locale, else English.
[[nodiscard]] Lang lang_from_environment();

}  // namespace gongkai
