// A value as a message quotes it. Inputs come from anywhere (a 3,000,000-character label, a
// cell holding a line break, a control character): a message quotes at most a short excerpt,
// on one line, so every finding is one line of text output and costs the same whatever the
// value's length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gongkai {

// The longest excerpt a message quotes, in code points (documented in docs/limits.md).
inline constexpr std::size_t kExcerptChars = 80;

// At most `max_chars` code points of `value`, then 「…」 when there was more. Line breaks and
// tabs are shown as \n, \r, \t, other control characters (C0, DEL, C1) and the invisible
// direction and line-separator marks as \u0001 etc., a byte that is not UTF-8 as \xFF. Only
// the excerpt's part of the value is looked at.
[[nodiscard]] std::string excerpt(std::string_view value, std::size_t max_chars = kExcerptChars);

// The whole text with the same escapes and no shortening: a message made one line.
[[nodiscard]] std::string one_line(std::string_view text);

}  // namespace gongkai
