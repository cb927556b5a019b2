// Placeholders in prose: `{{applications.received.total}}`, `{{applications.received.total.yoy}}`.
// The prose names a figure instead of typing it, so the published text can never disagree
// with the tables. This file only finds them; figures.hpp says what a name means and
// expand.hpp replaces them. `{{` always opens a placeholder (Chinese prose has no other use
// for it); white space inside the braces is allowed: `{{ fees }}`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct Placeholder {
  std::size_t begin = 0;  // byte offset of the first `{`
  std::size_t end = 0;    // one past the last `}`
  std::string name;       // the text between the braces, trimmed
};

struct PlaceholderScan {
  std::vector<Placeholder> found;         // in text order
  std::vector<std::size_t> unterminated;  // offsets of `{{` with no `}}` before the line ends
};

// A placeholder may not span lines: a `{{` whose `}}` is not on the same line is unterminated.
[[nodiscard]] PlaceholderScan scan_placeholders(std::string_view text);

// True when `name` is shaped like a figure name: ASCII lower-case letters, digits, `_` and
// `.`, not starting or ending with `.`.
[[nodiscard]] bool is_figure_name(std::string_view name);

}  // namespace gongkai
