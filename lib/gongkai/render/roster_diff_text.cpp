#include <gongkai/render/roster_diff_text.hpp>

#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/diff_text.hpp>
#include <gongkai/render/roster_diff_table.hpp>

#include <fmt/format.h>

namespace gongkai {

namespace {

std::string roster_title(const std::string& name, int year, const std::string& file, Lang lang) {
  return lang == Lang::zh ? fmt::format("「{}」{} 年度（{}）", name, year, file)
                          : fmt::format("{} {} ({})", name, year, file);
}

std::string flag_cell(const RosterUnitDiff& u, const std::string& rule) {
  if (u.status != RosterUnitStatus::compared) return "";
  const std::size_t n = u.flag_count(rule);
  return n == 0 ? "·" : fmt::format("{}", n);
}

}  // namespace

std::string roster_diff_summary(const RosterDiff& diff, Lang lang) {
  std::size_t carry = 0;
  std::size_t flagged = 0;
  for (const auto& u : diff.units) {
    if (u.carry_broken) ++carry;
    if (u.status == RosterUnitStatus::compared && u.flagged() > 0) ++flagged;
  }
  const auto n = [&](RosterUnitStatus s) { return diff.count(s); };
  return lang == Lang::zh
             ? fmt::format(
                   "{} 个单位：{} 个已比较（{} 个有标记，{} 个上年结转不衔接），{} 个新增，{} 个减少，{} 个重名，{} "
                   "个无法读取\n",
                   diff.units.size(), n(RosterUnitStatus::compared), flagged, carry, n(RosterUnitStatus::appeared),
                   n(RosterUnitStatus::disappeared), n(RosterUnitStatus::duplicate), n(RosterUnitStatus::unreadable))
             : fmt::format(
                   "{} units: {} compared ({} flagged, {} with carry-over broken), {} appeared, {} "
                   "disappeared, {} duplicate names, {} unreadable\n",
                   diff.units.size(), n(RosterUnitStatus::compared), flagged, carry, n(RosterUnitStatus::appeared),
                   n(RosterUnitStatus::disappeared), n(RosterUnitStatus::duplicate), n(RosterUnitStatus::unreadable));
}

std::string render_roster_diff_text(const RosterDiff& diff, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = roster_title(diff.old_name, diff.old_year, diff.old_roster, lang) + " → " +
                    roster_title(diff.new_name, diff.new_year, diff.new_roster, lang) + "\n";
  if (!diff.rosters_unreadable) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> head{zh ? "单位" : "unit", zh ? "比较" : "status", zh ? "变化" : "changed"};
    for (const auto& r : roster_flag_rules()) head.push_back(r);
    head.push_back(zh ? "结转" : "carry");
    head.push_back(zh ? "现行有效" : "in force");
    for (const auto& k : diff.key_figures) head.push_back(k.label.in(lang));
    rows.push_back(std::move(head));
    for (const auto& u : diff.units) {
      std::vector<std::string> r{u.name, roster_status_text(u.status, lang),
                                 u.status == RosterUnitStatus::compared ? fmt::format("{}", u.changed_cells) : ""};
      for (const auto& rule : roster_flag_rules()) r.push_back(flag_cell(u, rule));
      r.push_back(roster_continuity_text(u, u.carry_broken, lang));
      r.push_back(roster_continuity_text(u, u.in_force_broken, lang));
      for (std::size_t i = 0; i < diff.key_figures.size(); ++i) {
        const std::string a = roster_figure_text(diff.key_figures[i], u.old_figures[i]);
        const std::string b = roster_figure_text(diff.key_figures[i], u.new_figures[i]);
        r.push_back(a.empty() && b.empty() ? "" : (a.empty() ? "—" : a) + "→" + (b.empty() ? "—" : b));
      }
      rows.push_back(std::move(r));
    }
    out += "\n" + aligned_table(rows, 2);
    out += zh ? fmt::format("\n数字：{} 年度→{} 年度；· 无标记；— 该年度没有\n", diff.old_year, diff.new_year)
              : fmt::format("\nfigures: {}→{}; · nothing flagged; — none that year\n", diff.old_year, diff.new_year);
  }
  // Errors in full; warnings counted (each unit's own diff shows them at their cells).
  Diagnostics errors = diff.findings;
  std::size_t warnings = 0;
  for (const auto& u : diff.units)
    for (const auto& d : u.findings.items()) {
      if (d.severity == Severity::error)
        errors.add(d);
      else
        ++warnings;
    }
  if (!errors.empty()) out += (zh ? "\n错误：\n" : "\nErrors:\n") + render_diagnostics_text(errors, lang);
  if (warnings > 0)
    out +=
        zh ? fmt::format("\n另有 {} 个警告（标记）：逐个单位用 gongkai diff 上年文件 本年文件 查看\n", warnings)
           : fmt::format("\n{} warning{} (flags) besides: gongkai diff LAST THIS on a unit shows them at their cells\n",
                         warnings, warnings == 1 ? "" : "s");
  if (!diff.rosters_unreadable) out += "\n" + roster_diff_summary(diff, lang);
  return out;
}

}  // namespace gongkai
