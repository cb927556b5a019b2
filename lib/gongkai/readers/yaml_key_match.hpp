// How a key typed in a YAML tally matches a name of the form: the stable ID or the verbatim
// label, or the label only after normalisation (full/half width, spaces: a `label` warning).
#pragma once

#include <string_view>

namespace gongkai {

enum class KeyMatch {
  none,
  exact,       // the stable ID or the verbatim label
  normalized,  // the label after gongkai::compact (full/half width, spaces): a `label` warning
};

// `key` against an official label: verbatim, or equal after compact().
[[nodiscard]] KeyMatch match_label(std::string_view key, std::string_view label);

}  // namespace gongkai
