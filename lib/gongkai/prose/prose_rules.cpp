#include <gongkai/prose/prose_rules.hpp>

#include <gongkai/core/yaml_source.hpp>
#include <gongkai/prose/placeholder.hpp>

#include <fmt/format.h>

#include <set>

namespace gongkai {
namespace {

class Loader : public YamlDefinition {
 public:
  Loader(std::string_view name, std::string_view text)
      : YamlDefinition(name, text, {"正文规则定义有误", "bad prose rules"},
                       {"正文规则不是有效的 YAML", "prose rules are not valid YAML"}) {}

  std::string name(const YAML::Node& map, const char* key) const {
    std::string s = str(map, key, true);
    if (!is_figure_name(s)) fail(map[key], fmt::format("'{}' is not a figure name (a.b.c in lower case)", s));
    return s;
  }

  std::vector<std::string> words(const YAML::Node& list, const char* what) const {
    std::vector<std::string> out;
    if (!list) return out;
    if (!list.IsSequence()) fail(list, fmt::format("'{}' must be a list", what));
    for (const auto& item : list) {
      if (!item.IsScalar() || item.Scalar().empty()) fail(item, fmt::format("'{}' must hold non-empty words", what));
      out.push_back(item.Scalar());
    }
    return out;
  }

  FigureDef figure(const YAML::Node& n) const {
    if (!n.IsMap()) fail(n, "a figure must be a mapping");
    check_keys(n, {"id", "zh", "en", "sum", "ratio"});
    FigureDef f;
    f.id = name(n, "id");
    f.zh = str(n, "zh", true);
    f.en = str(n, "en", true);
    if (n["sum"] && n["ratio"]) fail(n, fmt::format("figure '{}' has both 'sum' and 'ratio'", f.id));
    if (auto s = n["sum"]) {
      f.kind = FigureKind::sum;
      f.parts = words(s, "sum");
      if (f.parts.size() < 2) fail(s, fmt::format("figure '{}': a sum needs at least two parts", f.id));
      for (const auto& p : f.parts)
        if (!is_figure_name(p)) fail(s, fmt::format("'{}' is not a figure name", p));
    } else if (auto r = n["ratio"]) {
      f.kind = FigureKind::ratio;
      if (!r.IsMap()) fail(r, "'ratio' must be a mapping {numerator, denominator}");
      check_keys(r, {"numerator", "denominator"});
      f.numerator = name(r, "numerator");
      f.denominator = name(r, "denominator");
    } else {
      fail(n, fmt::format("figure '{}' needs 'sum' or 'ratio'", f.id));
    }
    return f;
  }

  PhraseDef phrase(const YAML::Node& n) const {
    if (!n.IsMap()) fail(n, "a phrase must be a mapping");
    check_keys(n, {"figure", "all", "none", "units"});
    PhraseDef p;
    p.where = where(n);
    p.figure = name(n, "figure");
    auto all = n["all"];
    if (!all || !all.IsSequence() || all.size() == 0) fail(n, "'all' must be a non-empty list");
    for (const auto& g : all) {
      if (g.IsScalar() && !g.Scalar().empty()) {
        p.all.push_back({g.Scalar()});
      } else if (g.IsSequence() && g.size() > 0) {
        p.all.push_back(words(g, "all"));
      } else {
        fail(g, "each item of 'all' is a word or a non-empty list of words");
      }
    }
    p.none = words(n["none"], "none");
    p.units = words(n["units"], "units");
    if (p.units.empty()) p.units = {"件"};
    return p;
  }

  ProseRules load() const {
    const YAML::Node root = YamlDefinition::load();
    if (!root.IsMap()) fail(root, "the top level must be a mapping");
    ProseRules rules;
    try {
      check_keys(root, {"figures", "narrative"});
      std::set<std::string> ids;
      if (auto fs = root["figures"]) {
        if (!fs.IsSequence()) fail(fs, "'figures' must be a list");
        for (const auto& n : fs) {
          FigureDef f = figure(n);
          if (!ids.insert(f.id).second) fail(n, fmt::format("figure '{}' is defined twice", f.id));
          rules.figures.push_back(std::move(f));
        }
      }
      if (auto nar = root["narrative"]) {
        if (!nar.IsMap()) fail(nar, "'narrative' must be a mapping");
        check_keys(nar, {"exclude", "phrases"});
        rules.exclude = words(nar["exclude"], "exclude");
        if (auto ps = nar["phrases"]) {
          if (!ps.IsSequence()) fail(ps, "'phrases' must be a list");
          for (const auto& n : ps) rules.phrases.push_back(phrase(n));
        }
      }
    } catch (const YAML::Exception& e) {
      fail(e);
    }
    return rules;
  }
};

}  // namespace

const FigureDef* ProseRules::figure(std::string_view id) const {
  for (const auto& f : figures)
    if (f.id == id) return &f;
  return nullptr;
}

ProseRules load_prose_rules(std::string_view name, std::string_view yaml_text) {
  return Loader(name, yaml_text).load();
}

}  // namespace gongkai
