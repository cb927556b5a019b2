#include <gongkai/render/roster_diff_json.hpp>

#include <gongkai/core/decimal.hpp>
#include <gongkai/render/diagnostics_json.hpp>

#include <nlohmann/json.hpp>

namespace gongkai {

namespace {

using json = nlohmann::ordered_json;

json side(const std::string& file, const std::string& name, int year) {
  json j;
  j["file"] = file;
  j["agency"] = name;
  j["year"] = year == 0 ? json(nullptr) : json(year);
  return j;
}

json figure(const KeyFigure& k, const std::optional<std::int64_t>& v) {
  if (!v) return nullptr;
  if (k.amount) return Decimal::from_micro(*v).to_string(2);
  return *v;
}

json continuity(const RosterUnitDiff& u, bool broken) {
  if (u.status != RosterUnitStatus::compared) return nullptr;
  return broken ? "broken" : "ok";
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

std::string render_roster_diff_json(const RosterDiff& diff, Lang lang) {
  json j;
  j["last"] = side(diff.old_roster, diff.old_name, diff.old_year);
  j["this"] = side(diff.new_roster, diff.new_name, diff.new_year);
  json figs = json::array();
  for (const auto& k : diff.key_figures)
    figs.push_back({{"id", k.id}, {"label", k.label.in(lang)}, {"amount", k.amount}});
  j["key_figures"] = std::move(figs);
  json units = json::array();
  for (const auto& u : diff.units) {
    json o;
    o["unit"] = u.name;
    o["status"] = std::string(to_string(u.status));
    o["last_file"] = or_null(u.old_file);
    o["this_file"] = or_null(u.new_file);
    o["last_year"] = u.old_year == 0 ? json(nullptr) : json(u.old_year);
    o["this_year"] = u.new_year == 0 ? json(nullptr) : json(u.new_year);
    const bool compared = u.status == RosterUnitStatus::compared;
    o["changed_cells"] = compared ? json(u.changed_cells) : json(nullptr);
    o["not_comparable_cells"] = compared ? json(u.not_comparable) : json(nullptr);
    json flags = json::object();
    for (const auto& r : roster_flag_rules()) flags[r] = u.flag_count(r);
    for (const auto& [r, n] : u.flags)
      if (!flags.contains(r)) flags[r] = n;
    o["flags"] = compared ? flags : json(nullptr);
    o["carry_continuity"] = continuity(u, u.carry_broken);
    o["in_force_continuity"] = continuity(u, u.in_force_broken);
    json f = json::object();
    for (std::size_t i = 0; i < diff.key_figures.size(); ++i)
      f[diff.key_figures[i].id] = {{"last", figure(diff.key_figures[i], u.old_figures[i])},
                                   {"this", figure(diff.key_figures[i], u.new_figures[i])}};
    o["figures"] = std::move(f);
    o["findings"] = diagnostics_json(u.findings, lang);
    units.push_back(std::move(o));
  }
  j["units"] = std::move(units);
  j["findings"] = diagnostics_json(diff.findings, lang);
  json counts;
  for (auto s : {RosterUnitStatus::compared, RosterUnitStatus::appeared, RosterUnitStatus::disappeared,
                 RosterUnitStatus::duplicate, RosterUnitStatus::unreadable})
    counts[std::string(to_string(s))] = diff.count(s);
  std::size_t carry = 0;
  for (const auto& u : diff.units)
    if (u.carry_broken) ++carry;
  counts["carry_broken"] = carry;
  j["counts"] = std::move(counts);
  return j.dump(2) + "\n";
}

}  // namespace gongkai
