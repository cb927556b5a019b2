#include <gongkai/readers/yaml_key_match.hpp>

#include <gongkai/core/normalize.hpp>

namespace gongkai {

KeyMatch match_label(std::string_view key, std::string_view label) {
  if (label.empty()) return KeyMatch::none;
  if (key == label) return KeyMatch::exact;
  return compact(key) == compact(label) ? KeyMatch::normalized : KeyMatch::none;
}

}  // namespace gongkai
