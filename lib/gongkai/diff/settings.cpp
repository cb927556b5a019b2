#include <gongkai/diff/settings.hpp>

#include <gongkai/core/decimal.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/yaml_source.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <initializer_list>

namespace gongkai {
namespace {

// Places and messages through the one YAML source (core/yaml_source): columns in characters.
class Loader : public YamlDefinition {
 public:
  Loader(std::string_view name, std::string_view text)
      : YamlDefinition(name, text, {"比较阈值定义有误", "bad diff thresholds"},
                       {"比较阈值不是有效的 YAML", "diff thresholds are not valid YAML"}) {}

  std::int64_t minimum(const YAML::Node& map, const char* key, std::int64_t fallback) const {
    const YAML::Node n = map[key];
    if (!n) return fallback;
    const auto v = n.IsScalar() ? parse_fixed(n.Scalar(), 0) : std::nullopt;
    if (!v || *v < 0) fail(n, fmt::format("'{}' must be a whole number >= 0", key));
    return *v;
  }

  DiffSettings read() const {
    const YAML::Node root = load();
    DiffSettings s;
    if (root.IsNull()) return s;
    try {
      check_mapping(root, {"swing", "zero", "key_figures"});
      if (const YAML::Node sw = root["swing"]) {
        check_mapping(sw, {"factor", "min_change"});
        if (const YAML::Node f = sw["factor"]) {
          const auto v = f.IsScalar() ? parse_fixed(f.Scalar(), 6) : std::nullopt;
          if (!v || *v <= 1'000'000) fail(f, "'factor' must be a decimal greater than 1");
          s.swing_factor_micro = *v;
        }
        s.swing_min_change = minimum(sw, "min_change", s.swing_min_change);
      }
      if (const YAML::Node z = root["zero"]) {
        check_mapping(z, {"min_change"});
        s.zero_min_change = minimum(z, "min_change", s.zero_min_change);
      }
      if (const YAML::Node k = root["key_figures"]) {
        if (!k.IsSequence()) fail(k, "'key_figures' must be a list of cell IDs");
        for (const auto& item : k) {
          if (!item.IsScalar() || item.Scalar().empty()) fail(item, "'key_figures' must hold cell IDs");
          s.key_figures.push_back(item.Scalar());
        }
      }
    } catch (const YAML::Exception& e) {
      fail(e);
    }
    return s;
  }
};

}  // namespace

DiffSettings load_diff_settings(std::string_view name, std::string_view yaml_text) {
  return Loader(name, yaml_text).read();
}

}  // namespace gongkai
