#include <gongkai/aggregate/roster.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <gongkai/core/yaml_limits.hpp>

namespace gongkai {
namespace {

void error(Diagnostics& out, std::string_view name, const YAML::Mark& m, Text msg) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "roster";
  d.message = std::move(msg);
  d.where = SourceLoc{std::string(name), m.line + 1, m.column + 1, {}};
  out.add(std::move(d));
}

// agency/level/year/form/published from a mapping; unknown values are errors.
bool read_meta(const YAML::Node& n, std::string_view name, ReportMeta& meta, Diagnostics& out) {
  bool ok = true;
  try {
    if (auto a = n["agency"]) meta.agency = a.as<std::string>();
    if (auto l = n["level"]) {
      meta.level = parse_level(l.as<std::string>());
      if (!meta.level) {
        error(out, name, l.Mark(),
              {fmt::format("level 应为 department 或 government，而不是「{}」", l.as<std::string>()),
               fmt::format("level must be department or government, not '{}'", l.as<std::string>())});
        ok = false;
      }
    }
    if (auto y = n["year"]) meta.year = y.as<int>();
    if (auto f = n["form"]) meta.form_id = f.as<std::string>();
    if (auto p = n["published"]) meta.publication_date = p.as<std::string>();
  } catch (const YAML::Exception& e) {
    error(out, name, e.mark,
          {fmt::format("名册字段类型有误：{}", e.msg), fmt::format("wrong type in roster: {}", e.msg)});
    ok = false;
  }
  return ok;
}

}  // namespace

bool looks_like_roster(std::string_view yaml_text) {
  if (check_yaml_limits(yaml_text)) return false;  // read as a tally, which says why
  try {
    YAML::Node n = YAML::Load(std::string(yaml_text));
    return n.IsMap() && n["units"];
  } catch (const YAML::Exception&) {
    return false;
  }
}

namespace {

std::optional<Roster> parse_roster_tree(std::string_view name, std::string_view yaml_text, Diagnostics& out);

}  // namespace

std::optional<Roster> parse_roster(std::string_view name, std::string_view yaml_text, Diagnostics& out) {
  // yaml-cpp throws on a value of the wrong kind (a mapping where text is expected, a key that is
  // a list …): whatever the roster's shape, that is a finding at its place, never an escape.
  try {
    return parse_roster_tree(name, yaml_text, out);
  } catch (const YAML::Exception& e) {
    error(out, name, e.mark,
          {fmt::format("名册的结构无效：{}", e.msg), fmt::format("the roster's structure is not valid: {}", e.msg)});
    return std::nullopt;
  }
}

namespace {

std::optional<Roster> parse_roster_tree(std::string_view name, std::string_view yaml_text, Diagnostics& out) {
  require_yaml_limits(name, yaml_text);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::ParserException& e) {
    error(out, name, e.mark,
          {fmt::format("名册不是有效的 YAML：{}", e.msg), fmt::format("the roster is not valid YAML: {}", e.msg)});
    return std::nullopt;
  }
  if (!root.IsMap() || !root["units"] || !root["units"].IsSequence()) {
    error(out, name, root.Mark(), {"名册须是含 units 列表的映射", "a roster must be a mapping with a 'units' list"});
    return std::nullopt;
  }
  Roster r;
  r.origin = SourceLoc{std::string(name), 1, 1, {}};
  bool ok = read_meta(root, name, r.meta, out);
  static const char* known[] = {"agency", "level", "year", "form", "published", "units", "own", "prose_from"};
  for (const auto& kv : root) {
    auto key = kv.first.as<std::string>();
    bool found = false;
    for (const char* k : known) found = found || key == k;
    if (!found) {
      error(out, name, kv.first.Mark(),
            {fmt::format("名册中未知的键「{}」（可用：agency, level, year, form, published, units, own, prose_from）",
                         key),
             fmt::format(
                 "unknown key '{}' in roster (known: agency, level, year, form, published, units, own, prose_from)",
                 key)});
      ok = false;
    }
  }
  if (auto o = root["own"]) r.own = o.as<std::string>();
  if (auto p = root["prose_from"]) r.prose_from = p.as<std::string>();
  for (const auto& u : root["units"]) {
    RosterEntry e;
    e.where = SourceLoc{std::string(name), u.Mark().line + 1, u.Mark().column + 1, {}};
    if (u.IsScalar()) {
      e.path = u.as<std::string>();
    } else if (u.IsMap() && u["path"] && u["path"].IsScalar()) {
      e.path = u["path"].as<std::string>();
      ok = read_meta(u, name, e.meta, out) && ok;
    } else {
      error(out, name, u.Mark(),
            {"units 的每一项应是路径，或含 path 的映射", "each unit must be a path, or a mapping with 'path'"});
      ok = false;
      continue;
    }
    r.units.push_back(std::move(e));
  }
  if (!ok) return std::nullopt;
  return r;
}

}  // namespace

}  // namespace gongkai
