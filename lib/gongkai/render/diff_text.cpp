#include <gongkai/render/diff_text.hpp>

#include <gongkai/diff/cell_diff.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/diff_model.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace gongkai {
namespace {

std::string figure_of(const CellDef& c, const Side& s, Lang lang) { return diff_figure(c, s, lang); }
std::string change_of(const CellDiff& d, Lang lang) { return diff_change(d, lang); }

// The flags, then the rules the newer report explains, marked so.
std::string flags_of(const std::vector<std::string>& flags, const std::vector<std::string>& explained, Lang lang) {
  std::string out;
  for (const auto& f : flags) out += (out.empty() ? "" : ",") + f;
  for (const auto& f : explained)
    out += (out.empty() ? "" : ",") + f + (lang == Lang::zh ? "（已说明）" : " (explained)");
  return out;
}

std::string table_number_of(const Form& form, const CellDef& c) { return diff_table_number(form, c); }
std::string side_title(const DiffSide& s, Lang lang) { return diff_side_title(s, lang); }
std::string mode_text(DiffMode m, Lang lang) { return diff_mode_text(m, lang); }

// The colour of a row's change cell by its kind, and of its flags cell: red for a cross-year
// rule (an error), yellow for the rest.
std::string kind_colour(ChangeKind k) {
  switch (k) {
    case ChangeKind::newly_reported:
      return "32";
    case ChangeKind::no_longer_reported:
      return "35";
    case ChangeKind::not_comparable:
      return "2";
    default:
      return "";
  }
}
std::string flags_colour(const std::vector<std::string>& flags) {
  if (flags.empty()) return "";
  for (const auto& f : flags)
    if (is_cross_year_rule(f)) return "1;31";
  return "33";
}

std::string findings_text(const Diagnostics& findings, Lang lang) {
  if (findings.empty()) return lang == Lang::zh ? "\n无标记。\n" : "\nNothing flagged.\n";
  return (lang == Lang::zh ? "\n标记：\n" : "\nFlags:\n") + render_diagnostics_text(findings, lang);
}

}  // namespace

std::string aligned_table(const std::vector<std::vector<std::string>>& rows, std::size_t left,
                          const std::vector<std::vector<std::string>>* colours) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const std::vector<std::string>* cs = colours != nullptr && r < colours->size() ? &(*colours)[r] : nullptr;
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - display_width(row[i]), ' ');
      if (i > 0) line += "  ";
      std::string cell = row[i];
      if (cs != nullptr && i < cs->size() && !(*cs)[i].empty() && !cell.empty())
        cell = "\x1b[" + (*cs)[i] + "m" + cell + "\x1b[0m";
      line += i < left ? cell + pad : pad + cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string diff_cell_name(const CellDef& cell) {
  std::vector<std::string> parts;
  for (const RowDef* r = cell.row; r != nullptr; r = r->parent.empty() ? nullptr : cell.table->row(r->parent))
    if (r->has_cells) parts.insert(parts.begin(), r->short_label.empty() ? r->label : r->short_label);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " / ") + p;
  return out + " · " + cell.column->label;
}

std::string sparkline(const std::vector<Side>& values) {
  static constexpr const char* kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  bool any = false;
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  for (const auto& v : values) {
    if (!v.number()) continue;
    lo = any ? std::min(lo, v.raw) : v.raw;
    hi = any ? std::max(hi, v.raw) : v.raw;
    any = true;
  }
  std::string out;
  for (const auto& v : values) {
    if (!v.number()) {
      out += " ";
      continue;
    }
    std::size_t level = 0;
    if (hi > lo)
      level = static_cast<std::size_t>((static_cast<WideInt>(v.raw) - lo) * 7 / (static_cast<WideInt>(hi) - lo));
    out += kBars[level];
  }
  return out;
}

std::string render_diff_text(const ReportDiff& diff, Lang lang, const DiffView& view) {
  const bool zh = lang == Lang::zh;
  std::string out = zh ? fmt::format("「{}」{} → {}：{}\n", diff.after.agency, side_title(diff.before, lang),
                                     side_title(diff.after, lang), mode_text(diff.mode, lang))
                       : fmt::format("{}: {} → {}: {}\n", diff.after.agency, side_title(diff.before, lang),
                                     side_title(diff.after, lang), mode_text(diff.mode, lang));
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<std::string>> colours{{}};
  rows.push_back({"", zh ? "单元格" : "cell", "", fmt::format("{}", diff.before.year),
                  fmt::format("{}", diff.after.year), zh ? "变化" : "change", "%", zh ? "标记" : "flags"});
  std::size_t folded = 0;
  std::map<std::string, std::size_t> reasons;  // reason -> cells
  std::size_t nc_folded = 0;
  for (const auto& c : diff.cells) {
    if (c.kind == ChangeKind::not_comparable) {
      const std::string why = c.why_not_comparable
                                  ? c.why_not_comparable->in(lang)
                                  : (zh ? "另一表式没有对应的单元格" : "the other form has no such cell");
      ++reasons[why];
      // A cell neither report gives a figure for says nothing: folded.
      const Side& own = c.before.in_form ? c.before : c.after;
      if (own.state == CellState::absent && !view.all) {
        ++nc_folded;
        continue;
      }
    }
    if (c.kind == ChangeKind::same && c.flags.empty() && c.explained.empty() && !view.all) {
      ++folded;
      continue;
    }
    const Form& form = c.new_id.empty() ? *diff.old_form : *diff.new_form;
    rows.push_back({table_number_of(form, *c.def), diff_cell_name(*c.def), c.derived ? "Σ" : "",
                    figure_of(*c.def, c.before, lang), figure_of(*c.def, c.after, lang), change_of(c, lang),
                    c.percent_tenths && c.kind == ChangeKind::changed ? format_percent_tenths(*c.percent_tenths) : "",
                    flags_of(c.flags, c.explained, lang)});
    colours.push_back({"", "", "", "", "", kind_colour(c.kind), "", flags_colour(c.flags)});
  }
  out += "\n" + aligned_table(rows, 3, view.colour ? &colours : nullptr);
  out += zh ? "\nΣ 由表内合计规则得出；* 为计算所得（未填报）；— 未提供；空白 为留空（不是 0）\n"
            : "\nΣ a total of the form's sum rules; * computed (not given); — not given; blank: left empty (not 0)\n";
  if (!reasons.empty()) {
    out += zh ? "\n不可比的单元格（表式不同）：\n" : "\nNot comparable (the forms differ):\n";
    for (const auto& [why, n] : reasons)
      out += zh ? fmt::format("  {} 个：{}\n", n, why) : fmt::format("  {}: {}\n", n, why);
    if (nc_folded > 0)
      out += zh ? fmt::format("  （其中 {} 个两份报告都未填，已折叠，--all 显示）\n", nc_folded)
                : fmt::format("  ({} of them given by neither report: folded; --all shows them)\n", nc_folded);
  }
  for (const auto& p : diff.prose) {
    out += fmt::format("\n{}{}\n", zh ? "正文修改：" : "prose changed: ", p.heading);
    for (const auto& l : p.lines) out += fmt::format("{} {}\n", l.op, l.text);
  }
  out += findings_text(diff.findings, lang);
  const std::size_t changed = diff.count(ChangeKind::changed);
  const std::size_t added = diff.count(ChangeKind::newly_reported);
  const std::size_t dropped = diff.count(ChangeKind::no_longer_reported);
  const std::size_t nc = diff.count(ChangeKind::not_comparable);
  const std::size_t same = diff.count(ChangeKind::same);
  out += zh ? fmt::format("\n{} 个单元格：{} 个有变化，{} 个新填报，{} 个不再填报，{} 个不可比，{} 个未变{}\n",
                          diff.cells.size(), changed, added, dropped, nc, same,
                          folded > 0 ? fmt::format("（{} 个已折叠，--all 显示）", folded) : "")
            : fmt::format(
                  "\n{} cells: {} changed, {} newly reported, {} no longer reported, {} not comparable, {} "
                  "unchanged{}\n",
                  diff.cells.size(), changed, added, dropped, nc, same,
                  folded > 0 ? fmt::format(" ({} folded; --all shows them)", folded) : "");
  return out;
}

std::string render_series_text(const SeriesDiff& s, Lang lang, const DiffView& view) {
  const bool zh = lang == Lang::zh;
  std::string years;
  for (const auto& r : s.reports) years += (years.empty() ? "" : ", ") + fmt::format("{}", r.year);
  std::string out = zh ? fmt::format("「{}」{} 个年度：{}\n", s.reports.front().agency, s.reports.size(), years)
                       : fmt::format("{}: {} reports: {}\n", s.reports.front().agency, s.reports.size(), years);
  for (const auto& r : s.reports) out += fmt::format("  {}\n", side_title(r, lang));
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head{"", zh ? "单元格" : "cell", ""};
  for (const auto& r : s.reports) head.push_back(fmt::format("{}", r.year));
  head.push_back(zh ? "趋势" : "trend");
  head.push_back(zh ? "标记" : "flags");
  const std::size_t flags_col = head.size() - 1;
  rows.push_back(std::move(head));
  std::vector<std::vector<std::string>> colours{{}};
  std::size_t folded = 0;
  for (const auto& row : s.rows) {
    bool all_same = row.flags.empty() && row.explained.empty();
    for (const auto& v : row.values) {
      const Side& f = row.values.front();
      all_same = all_same && v.in_form == f.in_form && v.state == f.state && (!v.number() || v.raw == f.raw);
    }
    if (all_same && !view.all) {
      ++folded;
      continue;
    }
    std::vector<std::string> r{table_number_of(*s.form, *row.def), diff_cell_name(*row.def), row.derived ? "Σ" : ""};
    for (const auto& v : row.values) r.push_back(figure_of(*row.def, v, lang));
    r.push_back(row.trend);
    r.push_back(flags_of(row.flags, row.explained, lang));
    rows.push_back(std::move(r));
    std::vector<std::string> c(flags_col + 1);
    c[flags_col] = flags_colour(row.flags);
    colours.push_back(std::move(c));
  }
  out += "\n" + aligned_table(rows, 3, view.colour ? &colours : nullptr);
  out += zh ? "\nΣ 由表内合计规则得出；* 为计算所得（未填报）；— 未提供；空白 为留空（不是 "
              "0）；不适用：该年表式无可比单元格\n"
            : "\nΣ a total of the form's sum rules; * computed (not given); — not given; blank: left empty (not 0); "
              "n/a: that year's form has no comparable cell\n";
  if (!s.key_figures.empty()) {
    out += zh ? "\n主要数字：\n" : "\nKey figures:\n";
    std::vector<std::vector<std::string>> chart;
    for (const auto& id : s.key_figures)
      for (const auto& row : s.rows)
        if (row.id == id) {
          std::vector<std::string> line{"  " + diff_cell_name(*row.def), sparkline(row.values)};
          for (const auto& v : row.values) line.push_back(figure_of(*row.def, v, lang));
          chart.push_back(std::move(line));
        }
    out += aligned_table(chart, 2);
  }
  out += findings_text(s.findings, lang);
  out += zh ? fmt::format("\n{} 个单元格{}\n", s.rows.size(),
                          folded > 0 ? fmt::format("，{} 个各年相同（已折叠，--all 显示）", folded) : "")
            : fmt::format("\n{} cells{}\n", s.rows.size(),
                          folded > 0 ? fmt::format(", {} the same every year (folded; --all shows them)", folded) : "");
  return out;
}

}  // namespace gongkai
