#include <gongkai/aggregate/roster.hpp>

#include <gongkai/core/date.hpp>
#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/yaml_limits.hpp>
#include <gongkai/core/yaml_source.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

void error(Diagnostics& out, SourceLoc where, Text msg) {
  out.add(Diagnostic::error("roster", std::move(where), std::move(msg)));
}

// agency/level/year/form/published from a mapping; unknown values are errors.
bool read_meta(const YAML::Node& n, const YamlText& src, ReportMeta& meta, Diagnostics& out) {
  bool ok = true;
  try {
    if (auto a = n["agency"]) meta.agency = a.as<std::string>();
    if (auto l = n["level"]) {
      meta.level = parse_level(l.as<std::string>());
      if (!meta.level) {
        error(out, src.where(l),
              {fmt::format("level 应为 department 或 government，而不是「{}」", l.as<std::string>()),
               fmt::format("level must be department or government, not '{}'", l.as<std::string>())});
        ok = false;
      }
    }
    if (auto y = n["year"]) meta.year = y.as<int>();
    if (auto f = n["form"]) meta.form_id = f.as<std::string>();
    if (auto p = n["published"]) {
      const std::string text = p.as<std::string>();
      if (Date::parse(text)) {
        meta.publication_date = text;
      } else {
        error(out, src.where(p),
              {fmt::format("发布日期（published）「{}」无效，应为 YYYY-MM-DD 格式的真实日期", excerpt(text)),
               fmt::format("published '{}' is not a valid date: write a real day as YYYY-MM-DD", excerpt(text))});
        ok = false;
      }
    }
  } catch (const YAML::Exception& e) {
    error(out, src.where(e.mark),
          {fmt::format("名册字段类型有误：{}", e.msg), fmt::format("wrong type in roster: {}", e.msg)});
    ok = false;
  }
  return ok;
}

}  // namespace

bool looks_like_roster(std::string_view yaml_text) {
  // A roster has the key `units`: a text without the word is a tally, told without parsing it
  // (a batch asks this of every unit file; parsing each twice was a quarter of a roster diff).
  // Only a key spelt with YAML escapes ("\x75nits") is missed: it is then read as a tally.
  if (yaml_text.find("units") == std::string_view::npos) return false;
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
    error(out, YamlText(name, yaml_text).where(e.mark),
          {fmt::format("名册的结构无效：{}", e.msg), fmt::format("the roster's structure is not valid: {}", e.msg)});
    return std::nullopt;
  }
}

namespace {

std::optional<Roster> parse_roster_tree(std::string_view name, std::string_view yaml_text, Diagnostics& out) {
  const YamlText src(name, yaml_text);
  require_yaml_limits(name, yaml_text);
  const auto parsed = src.parse(out, "roster", {"名册不是有效的 YAML", "the roster is not valid YAML"});
  if (!parsed) return std::nullopt;
  const YAML::Node& root = *parsed;
  if (!root.IsMap() || !root["units"] || !root["units"].IsSequence()) {
    error(out, src.where(root), {"名册须是含 units 列表的映射", "a roster must be a mapping with a 'units' list"});
    return std::nullopt;
  }
  Roster r;
  r.origin = SourceLoc{std::string(name), 1, 1, {}};
  bool ok = read_meta(root, src, r.meta, out);
  static const char* known[] = {"agency", "level", "year", "form", "published", "units", "own", "prose_from"};
  for (const auto& kv : root) {
    auto key = kv.first.as<std::string>();
    bool found = false;
    for (const char* k : known) found = found || key == k;
    if (!found) {
      error(out, src.where(kv.first),
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
    e.where = src.where(u);
    if (u.IsScalar()) {
      e.path = u.as<std::string>();
    } else if (u.IsMap() && u["path"] && u["path"].IsScalar()) {
      e.path = u["path"].as<std::string>();
      ok = read_meta(u, src, e.meta, out) && ok;
    } else {
      error(out, src.where(u),
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
