#include <gongkai/diff/settings.hpp>

#include <gongkai/core/decimal.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/yaml_limits.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <initializer_list>

namespace gongkai {
namespace {

class Loader {
 public:
  explicit Loader(std::string_view name) : name_(name) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& what) const {
    const YAML::Mark m = at.Mark();
    SourceLoc where{name_, 0, 0, {}};
    if (!m.is_null() && m.line >= 0) where = SourceLoc{name_, m.line + 1, m.column + 1, {}};
    throw InputError(where,
                     Text{fmt::format("比较阈值定义有误：{}", what), fmt::format("bad diff thresholds: {}", what)});
  }

  void check_keys(const YAML::Node& map, std::initializer_list<const char*> known) const {
    if (!map.IsMap()) fail(map, "expected a mapping");
    for (const auto& kv : map) {
      const std::string k = kv.first.Scalar();
      bool ok = false;
      for (const char* n : known) ok = ok || k == n;
      if (!ok) fail(kv.first, fmt::format("unknown key '{}'", k));
    }
  }

  std::int64_t minimum(const YAML::Node& map, const char* key, std::int64_t fallback) const {
    const YAML::Node n = map[key];
    if (!n) return fallback;
    const auto v = n.IsScalar() ? parse_fixed(n.Scalar(), 0) : std::nullopt;
    if (!v || *v < 0) fail(n, fmt::format("'{}' must be a whole number >= 0", key));
    return *v;
  }

  DiffSettings load(std::string_view text) const {
    require_yaml_limits(name_, text);
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
      throw InputError(SourceLoc{name_, e.mark.line + 1, e.mark.column + 1, {}},
                       Text{fmt::format("比较阈值不是有效的 YAML：{}", e.msg),
                            fmt::format("diff thresholds are not valid YAML: {}", e.msg)});
    }
    DiffSettings s;
    if (root.IsNull()) return s;
    try {
      check_keys(root, {"swing", "zero", "key_figures"});
      if (const YAML::Node sw = root["swing"]) {
        check_keys(sw, {"factor", "min_change"});
        if (const YAML::Node f = sw["factor"]) {
          const auto v = f.IsScalar() ? parse_fixed(f.Scalar(), 6) : std::nullopt;
          if (!v || *v <= 1'000'000) fail(f, "'factor' must be a decimal greater than 1");
          s.swing_factor_micro = *v;
        }
        s.swing_min_change = minimum(sw, "min_change", s.swing_min_change);
      }
      if (const YAML::Node z = root["zero"]) {
        check_keys(z, {"min_change"});
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
      throw InputError(SourceLoc{name_, e.mark.line + 1, e.mark.column + 1, {}},
                       Text{fmt::format("比较阈值定义有误：{}", e.msg), fmt::format("bad diff thresholds: {}", e.msg)});
    }
    return s;
  }

 private:
  std::string name_;
};

}  // namespace

DiffSettings load_diff_settings(std::string_view name, std::string_view yaml_text) {
  return Loader(name).load(yaml_text);
}

}  // namespace gongkai
