#include <gongkai/readers/yaml_key_match.hpp>

#include <gongkai/core/normalize.hpp>

namespace gongkai {

KeyMatch match_label(std::string_view key, std::string_view label) {
  if (label.empty()) return KeyMatch::none;
  if (key == label) return KeyMatch::exact;
  // A key many times longer than the label is not the label retyped or wrapped: not normalised
  // (a 3,000,000-character key was normalised, and its result copied, once per label).
  if (key.size() > 4 * label.size() + 1024) return KeyMatch::none;
  return compact(key) == compact(label) ? KeyMatch::normalized : KeyMatch::none;
}

}  // namespace gongkai
