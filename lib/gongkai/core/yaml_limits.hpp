// Limits on YAML inputs (tallies, prose, rosters, register synonyms), checked on the text
// before a parser sees it. yaml-cpp recurses once per level of nesting (a file of 100,000 `[`
// overflows the stack) and aliases let a small file stand for a huge tree ("billion laughs"),
// so a file deeper or with more aliases than the limits is refused with a clear error naming
// the limit, its value and the option that raises it (docs/limits.md).
#pragma once

#include <gongkai/core/text.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace gongkai {

struct YamlLimits {
  std::size_t max_depth = 64;    // nesting of mappings, lists and flow collections
  std::size_t max_aliases = 20;  // `*name` references (a report needs none)
};

// Process-wide: the CLI's --max-yaml-depth and --max-yaml-aliases set them.
void set_yaml_limits(YamlLimits limits);
[[nodiscard]] YamlLimits yaml_limits();

struct YamlLimitProblem {
  int line = 0;  // 1-based
  int column = 0;
  Text message;
};

// The first limit the text exceeds, or nothing. Conservative: counts the nesting a line's
// indentation, its `- ` markers and open brackets imply, and every `*` that starts a token,
// skipping comments, quoted strings and block scalars (`|`, `>`); linear in the text.
[[nodiscard]] std::optional<YamlLimitProblem> check_yaml_limits(std::string_view text,
                                                                const YamlLimits& limits = yaml_limits());

// Throws InputError (rule: an unreadable input, exit 2) naming `name` and the place when the
// text exceeds a limit. Every reader calls it before YAML::Load.
void require_yaml_limits(std::string_view name, std::string_view text);

}  // namespace gongkai
