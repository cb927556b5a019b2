#include <gongkai/render/roster_diff_table.hpp>

#include <gongkai/core/decimal.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace gongkai {

namespace {

bool is_figure(const std::string& s) {
  std::size_t i = s.starts_with('-') ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) return false;
  return true;
}

// Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) keeps a
// leading ' so it stays text; figures are written as they are.
std::string csv_field(const std::string& s) {
  const bool formula_like =
      !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos && !is_figure(s);
  const std::string v = formula_like ? "'" + s : s;
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string count_text(const RosterUnitDiff& u, std::size_t n) {
  if (u.status != RosterUnitStatus::compared) return "";
  return fmt::format("{}", n);
}

}  // namespace

std::string roster_status_text(RosterUnitStatus s, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (s) {
    case RosterUnitStatus::compared:
      return zh ? "已比较" : "compared";
    case RosterUnitStatus::appeared:
      return zh ? "新增单位" : "appeared";
    case RosterUnitStatus::disappeared:
      return zh ? "减少单位" : "disappeared";
    case RosterUnitStatus::duplicate:
      return zh ? "重名" : "duplicate name";
    case RosterUnitStatus::unreadable:
      return zh ? "无法读取" : "unreadable";
  }
  return "";
}

std::string roster_continuity_text(const RosterUnitDiff& u, bool broken, Lang lang) {
  if (u.status != RosterUnitStatus::compared) return "";
  if (broken) return lang == Lang::zh ? "不衔接" : "broken";
  return lang == Lang::zh ? "衔接" : "ok";
}

std::string roster_figure_text(const KeyFigure& k, const std::optional<std::int64_t>& v) {
  if (!v) return "";
  return k.amount ? Decimal::from_micro(*v).to_string(2) : fmt::format("{}", *v);
}

std::vector<RosterDiffColumn> roster_diff_columns(const RosterDiff& diff, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::vector<RosterDiffColumn> cols{
      {zh ? "单位" : "unit", false},
      {zh ? "比较" : "status", false},
      {zh ? fmt::format("{} 年度文件", diff.old_year) : fmt::format("{} file", diff.old_year), false},
      {zh ? fmt::format("{} 年度文件", diff.new_year) : fmt::format("{} file", diff.new_year), false},
      {zh ? "变化单元格" : "changed cells", true}};
  for (const auto& r : roster_flag_rules()) cols.push_back({r, true});
  cols.push_back({zh ? "上年结转衔接" : "carry-over", false});
  cols.push_back({zh ? "现行有效件数衔接" : "in force", false});
  for (const auto& k : diff.key_figures) {
    cols.push_back({fmt::format("{} {}", k.label.in(lang), diff.old_year), true});
    cols.push_back({fmt::format("{} {}", k.label.in(lang), diff.new_year), true});
  }
  return cols;
}

std::vector<std::string> roster_diff_row(const RosterDiff& diff, const RosterUnitDiff& u, Lang lang) {
  std::vector<std::string> v{u.name, roster_status_text(u.status, lang), u.old_file, u.new_file,
                             count_text(u, u.changed_cells)};
  for (const auto& r : roster_flag_rules()) v.push_back(count_text(u, u.flag_count(r)));
  v.push_back(roster_continuity_text(u, u.carry_broken, lang));
  v.push_back(roster_continuity_text(u, u.in_force_broken, lang));
  for (std::size_t i = 0; i < diff.key_figures.size(); ++i) {
    v.push_back(roster_figure_text(diff.key_figures[i], i < u.old_figures.size() ? u.old_figures[i] : std::nullopt));
    v.push_back(roster_figure_text(diff.key_figures[i], i < u.new_figures.size() ? u.new_figures[i] : std::nullopt));
  }
  return v;
}

bool roster_needs_attention(const RosterUnitDiff& u) {
  return u.status != RosterUnitStatus::compared || !u.findings.empty();
}

std::vector<std::size_t> roster_attention_order(const RosterDiff& diff) {
  std::vector<std::size_t> order(diff.units.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto rank = [&](std::size_t i) {
    const RosterUnitDiff& u = diff.units[i];
    int level = 5;
    if (u.status == RosterUnitStatus::unreadable)
      level = 0;
    else if (u.status == RosterUnitStatus::duplicate)
      level = 1;
    else if (u.carry_broken)
      level = 2;
    else if (u.in_force_broken)
      level = 3;
    else if (u.status != RosterUnitStatus::compared)
      level = 4;
    // Fewer is later: negate the counts so that a plain ascending sort puts the most first.
    return std::make_tuple(level, -static_cast<long long>(u.flagged()), -static_cast<long long>(u.changed_cells), i);
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  return order;
}

std::string render_roster_diff_csv(const RosterDiff& diff, Lang lang) {
  std::string out;
  bool first = true;
  for (const auto& c : roster_diff_columns(diff, lang)) {
    out += (first ? "" : ",") + csv_field(c.heading);
    first = false;
  }
  out += "\n";
  for (const auto& u : diff.units) {
    first = true;
    for (const auto& v : roster_diff_row(diff, u, lang)) {
      out += (first ? "" : ",") + csv_field(v);
      first = false;
    }
    out += "\n";
  }
  return out;
}

}  // namespace gongkai
