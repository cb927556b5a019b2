#include <gongkai/diff/correspondence.hpp>

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
      : YamlDefinition(name, text, {"表式对应关系定义有误", "bad form correspondence"},
                       {"表式对应关系不是有效的 YAML", "the form correspondence is not valid YAML"}) {}

  std::string scalar(const YAML::Node& map, const char* key) const {
    const YAML::Node n = map[key];
    if (!n || !n.IsScalar() || n.Scalar().empty()) fail(map, fmt::format("'{}' must be a non-empty string", key));
    return n.Scalar();
  }

  std::vector<std::string> patterns(const YAML::Node& list, const char* what) const {
    std::vector<std::string> out;
    if (!list) return out;
    if (!list.IsSequence()) fail(list, fmt::format("'{}' must be a list of cell IDs", what));
    for (const auto& item : list) {
      if (!item.IsScalar() || item.Scalar().empty()) fail(item, fmt::format("'{}' must hold cell IDs", what));
      out.push_back(item.Scalar());
    }
    return out;
  }

  CorrespondenceDef read() const {
    const YAML::Node root = load();
    CorrespondenceDef def;
    try {
      check_mapping(root, {"from", "to", "same", "pairs", "not_comparable"});
      def.from_form = scalar(root, "from");
      def.to_form = scalar(root, "to");
      def.same = patterns(root["same"], "same");
      if (const YAML::Node ps = root["pairs"]) {
        if (!ps.IsSequence()) fail(ps, "'pairs' must be a list of {from, to}");
        for (const auto& p : ps) {
          check_mapping(p, {"from", "to"});
          def.pairs.emplace_back(scalar(p, "from"), scalar(p, "to"));
        }
      }
      if (const YAML::Node nc = root["not_comparable"]) {
        if (!nc.IsSequence()) fail(nc, "'not_comparable' must be a list");
        for (const auto& n : nc) {
          check_mapping(n, {"form", "cells", "zh", "en"});
          CorrespondenceDef::Reason r;
          r.form = scalar(n, "form");
          if (r.form != def.from_form && r.form != def.to_form)
            fail(n, fmt::format("form '{}' is neither '{}' nor '{}'", r.form, def.from_form, def.to_form));
          r.patterns = patterns(n["cells"], "cells");
          r.text = Text{scalar(n, "zh"), scalar(n, "en")};
          def.not_comparable.push_back(std::move(r));
        }
      }
    } catch (const YAML::Exception& e) {
      fail(e);
    }
    return def;
  }
};

bool matches_any(const std::vector<std::string>& patterns, std::string_view id) {
  for (const auto& p : patterns)
    if (cell_pattern_matches(p, id)) return true;
  return false;
}

}  // namespace

CorrespondenceDef load_correspondence(std::string_view name, std::string_view yaml_text) {
  return Loader(name, yaml_text).read();
}

bool cell_pattern_matches(std::string_view pattern, std::string_view id) {
  if (pattern.ends_with(".*")) {
    pattern.remove_suffix(1);  // keep the dot: `a.*` matches `a.b`, not `ab.c`
    return id.starts_with(pattern);
  }
  return pattern == id;
}

CellMap CellMap::identity(const Form& form) {
  CellMap m;
  for (const auto& c : form.cells()) {
    m.old_to_new.emplace(c.id, c.id);
    m.new_to_old.emplace(c.id, c.id);
  }
  return m;
}

std::optional<CellMap> CellMap::from(const CorrespondenceDef& def, const Form& older, const Form& newer) {
  bool forward = def.from_form == older.id && def.to_form == newer.id;
  bool backward = def.from_form == newer.id && def.to_form == older.id;
  if (!forward && !backward) return std::nullopt;
  CellMap m;
  auto pair = [&](const std::string& old_id, const std::string& new_id) {
    if (older.cell(old_id) == nullptr || newer.cell(new_id) == nullptr) return;
    m.old_to_new.emplace(old_id, new_id);
    m.new_to_old.emplace(new_id, old_id);
  };
  for (const auto& c : older.cells())
    if (matches_any(def.same, c.id) && newer.cell(c.id) != nullptr) pair(c.id, c.id);
  for (const auto& [from_id, to_id] : def.pairs) {
    if (forward)
      pair(from_id, to_id);
    else
      pair(to_id, from_id);
  }
  for (const auto& r : def.not_comparable) {
    const Form& form = r.form == older.id ? older : newer;
    const char* side = r.form == older.id ? "old:" : "new:";
    for (const auto& c : form.cells())
      if (matches_any(r.patterns, c.id)) m.why_not.emplace(side + c.id, r.text);
  }
  return m;
}

const Text* CellMap::reason_old(std::string_view id) const {
  auto it = why_not.find(fmt::format("old:{}", id));
  return it == why_not.end() ? nullptr : &it->second;
}

const Text* CellMap::reason_new(std::string_view id) const {
  auto it = why_not.find(fmt::format("new:{}", id));
  return it == why_not.end() ? nullptr : &it->second;
}

}  // namespace gongkai
