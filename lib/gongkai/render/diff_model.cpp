#include <gongkai/render/diff_model.hpp>

#include <gongkai/diff/cell_diff.hpp>

#include <fmt/format.h>

#include <map>

namespace gongkai {

std::string diff_figure(const CellDef& c, const Side& s, Lang lang) {
  if (!s.in_form) return lang == Lang::zh ? "不适用" : "n/a";
  switch (s.state) {
    case CellState::value:
      return format_value(*c.column, s.raw) + (s.computed ? "*" : "");
    case CellState::blank:
      return lang == Lang::zh ? "空白" : "blank";
    case CellState::absent:
      return "—";
  }
  return "—";
}

std::string diff_kind_label(ChangeKind k, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (k) {
    case ChangeKind::same:
      return zh ? "未变" : "unchanged";
    case ChangeKind::changed:
      return zh ? "有变化" : "changed";
    case ChangeKind::newly_reported:
      return zh ? "新填报" : "newly reported";
    case ChangeKind::no_longer_reported:
      return zh ? "不再填报" : "no longer reported";
    case ChangeKind::not_comparable:
      return zh ? "不可比" : "not comparable";
  }
  return "";
}

std::string diff_change(const CellDiff& d, Lang lang) {
  switch (d.kind) {
    case ChangeKind::same:
      return "";
    case ChangeKind::changed:
      if (!d.change) return lang == Lang::zh ? "已变" : "changed";
      return (*d.change > 0 ? "+" : "") + format_value(*d.def->column, *d.change);
    default:
      return diff_kind_label(d.kind, lang);
  }
}

std::string diff_table_number(const Form& form, const CellDef& c) {
  for (const auto& s : form.sections)
    if (s.id == c.table->section) return s.number;
  return c.table->id;
}

std::string diff_side_title(const DiffSide& s, Lang lang) {
  return lang == Lang::zh ? fmt::format("{} 年度（表式 {}，{}）", s.year, s.form_id, s.file)
                          : fmt::format("{} (form {}, {})", s.year, s.form_id, s.file);
}

std::string diff_mode_text(DiffMode m, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (m) {
    case DiffMode::year_over_year:
      return zh ? "逐年比较" : "year over year";
    case DiffMode::years_apart:
      return zh ? "非相邻年度比较（不作跨年度检查）" : "years apart (no cross-year rule)";
    case DiffMode::revision:
      return zh ? "同一年度的两个版本（更正）" : "two versions of one year (revision)";
  }
  return "";
}

std::string diff_title(const ReportDiff& d, Lang lang) {
  return lang == Lang::zh ? fmt::format("「{}」{} → {}：{}", d.after.agency, diff_side_title(d.before, lang),
                                        diff_side_title(d.after, lang), diff_mode_text(d.mode, lang))
                          : fmt::format("{}: {} → {}: {}", d.after.agency, diff_side_title(d.before, lang),
                                        diff_side_title(d.after, lang), diff_mode_text(d.mode, lang));
}

std::string series_title(const SeriesDiff& s, Lang lang) {
  std::string years;
  for (const auto& r : s.reports) years += (years.empty() ? "" : ", ") + fmt::format("{}", r.year);
  return lang == Lang::zh ? fmt::format("「{}」{} 个年度：{}", s.reports.front().agency, s.reports.size(), years)
                          : fmt::format("{}: {} reports: {}", s.reports.front().agency, s.reports.size(), years);
}

std::string diff_word(std::string_view key, Lang lang) {
  static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> kWords = {
      {"table", {"表", "table"}},
      {"cell", {"单元格", "cell"}},
      {"row", {"行", "row"}},
      {"column", {"列", "column"}},
      {"id", {"单元格 ID", "cell ID"}},
      {"old_id", {"原表式 ID", "old form ID"}},
      {"new_id", {"新表式 ID", "new form ID"}},
      {"derived", {"合计", "total"}},
      {"change", {"变化", "change"}},
      {"percent", {"变化率", "percent"}},
      {"kind", {"类别", "kind"}},
      {"kind_label", {"说明", "kind (words)"}},
      {"trend", {"趋势", "trend"}},
      {"flags", {"标记", "flags"}},
      {"findings", {"标记", "Flags"}},
      {"nothing_flagged", {"无标记。", "Nothing flagged."}},
      {"not_comparable", {"不可比的单元格（表式不同）", "Not comparable (the forms differ)"}},
      {"prose", {"正文修改", "Prose changed"}},
      {"key_figures", {"主要数字", "Key figures"}},
      {"severity", {"级别", "severity"}},
      {"rule", {"规则", "rule"}},
      {"where", {"位置", "where"}},
      {"message", {"说明", "message"}},
      {"reports", {"报告", "Reports"}},
      {"cells", {"各单元格", "Cells"}},
      {"not_a_number", {"无可比数字", "no figure to compare"}},
      {"years", {"年度", "years"}},
  };
  const auto it = kWords.find(key);
  if (it == kWords.end()) return std::string(key);
  return std::string(lang == Lang::zh ? it->second.first : it->second.second);
}

namespace {

// A finding the newer report explains is shown with its rule, marked as the text table marks it.
std::vector<std::string> explained_labels(const std::vector<std::string>& rules, Lang lang) {
  std::vector<std::string> out;
  for (const auto& r : rules) out.push_back(r + (lang == Lang::zh ? "（已说明）" : " (explained)"));
  return out;
}

std::string row_label_of(const CellDef& cell) {
  std::vector<std::string> parts;
  for (const RowDef* r = cell.row; r != nullptr; r = r->parent.empty() ? nullptr : cell.table->row(r->parent))
    if (r->has_cells) parts.insert(parts.begin(), r->short_label.empty() ? r->label : r->short_label);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " / ") + p;
  return out;
}

std::optional<std::string> value_of(const CellDef& c, const Side& s) {
  if (!s.number()) return std::nullopt;
  return format_value(*c.column, s.raw);
}

// The row's table, opened when the cell is of another table than the last row's.
DiffModelTable& table_for(DiffModel& m, const Form& form, const CellDef& c) {
  const std::string number = diff_table_number(form, c);
  if (m.tables.empty() || m.tables.back().number != number) {
    DiffModelTable t;
    t.number = number;
    for (const auto& s : form.sections)
      if (s.id == c.table->section) t.heading = s.heading;
    if (t.heading.empty()) t.heading = c.table->id;
    m.tables.push_back(std::move(t));
  }
  return m.tables.back();
}

DiffModelRow row_of(const CellDef& def, const std::string& id, bool derived) {
  DiffModelRow r;
  r.id = id;
  r.row_label = row_label_of(def);
  r.column_label = def.column->label;
  r.name = diff_cell_name(def);
  r.derived = derived;
  return r;
}

}  // namespace

DiffModel diff_model(const ReportDiff& diff, Lang lang, const DiffView& view) {
  const bool zh = lang == Lang::zh;
  DiffModel m;
  m.mode = diff.mode;
  m.title = diff_title(diff, lang);
  m.agency = diff.after.agency;
  m.newest_year = diff.after.year;
  m.reports = {diff_side_title(diff.before, lang), diff_side_title(diff.after, lang)};
  m.years = {fmt::format("{}", diff.before.year), fmt::format("{}", diff.after.year)};
  std::map<std::string, std::size_t> reasons;
  for (const auto& c : diff.cells) {
    const Form& form = c.new_id.empty() ? *diff.old_form : *diff.new_form;
    DiffModelRow r = row_of(*c.def, c.id, c.derived);
    r.old_id = c.old_id;
    r.new_id = c.new_id;
    r.figures = {diff_figure(*c.def, c.before, lang), diff_figure(*c.def, c.after, lang)};
    r.values = {value_of(*c.def, c.before), value_of(*c.def, c.after)};
    r.change = diff_change(c, lang);
    if (c.change) r.change_value = format_value(*c.def->column, *c.change);
    if (c.percent_tenths && c.kind == ChangeKind::changed) r.percent = format_percent_tenths(*c.percent_tenths);
    r.kind = std::string(to_string(c.kind));
    r.kind_label = diff_kind_label(c.kind, lang);
    r.flags = c.flags;
    r.explained = explained_labels(c.explained, lang);
    if (c.kind == ChangeKind::not_comparable) {
      ++reasons[c.why_not_comparable ? c.why_not_comparable->in(lang)
                                     : (zh ? "另一表式没有对应的单元格" : "the other form has no such cell")];
      const Side& own = c.before.in_form ? c.before : c.after;
      r.folded = own.state == CellState::absent && !view.all;
    }
    if (c.kind == ChangeKind::same && c.flags.empty() && c.explained.empty() && !view.all) r.folded = true;
    if (r.folded) ++m.folded;
    table_for(m, form, *c.def).rows.push_back(std::move(r));
  }
  for (const auto& [why, n] : reasons) m.not_comparable.emplace_back(why, n);
  m.prose = diff.prose;
  m.findings = &diff.findings;
  m.legend = zh ? "Σ 由表内合计规则得出；* 为计算所得（未填报）；— 未提供；空白 为留空（不是 0）"
                : "Σ a total of the form's sum rules; * computed (not given); — not given; blank: left empty (not 0)";
  const std::size_t changed = diff.count(ChangeKind::changed);
  const std::size_t added = diff.count(ChangeKind::newly_reported);
  const std::size_t dropped = diff.count(ChangeKind::no_longer_reported);
  const std::size_t nc = diff.count(ChangeKind::not_comparable);
  const std::size_t same = diff.count(ChangeKind::same);
  m.summary = zh ? fmt::format("{} 个单元格：{} 个有变化，{} 个新填报，{} 个不再填报，{} 个不可比，{} 个未变",
                               diff.cells.size(), changed, added, dropped, nc, same)
                 : fmt::format(
                       "{} cells: {} changed, {} newly reported, {} no longer reported, {} not comparable, "
                       "{} unchanged",
                       diff.cells.size(), changed, added, dropped, nc, same);
  return m;
}

DiffModel diff_model(const SeriesDiff& s, Lang lang, const DiffView& view) {
  const bool zh = lang == Lang::zh;
  DiffModel m;
  m.series = true;
  m.title = series_title(s, lang);
  m.agency = s.reports.front().agency;
  m.newest_year = s.reports.back().year;
  for (const auto& r : s.reports) {
    m.reports.push_back(diff_side_title(r, lang));
    m.years.push_back(fmt::format("{}", r.year));
  }
  for (const auto& row : s.rows) {
    DiffModelRow r = row_of(*row.def, row.id, row.derived);
    r.new_id = row.id;
    bool all_same = row.flags.empty() && row.explained.empty();
    for (const auto& v : row.values) {
      const Side& f = row.values.front();
      all_same = all_same && v.in_form == f.in_form && v.state == f.state && (!v.number() || v.raw == f.raw);
      r.figures.push_back(diff_figure(*row.def, v, lang));
      r.values.push_back(value_of(*row.def, v));
    }
    r.trend = row.trend;
    r.flags = row.flags;
    r.explained = explained_labels(row.explained, lang);
    r.folded = all_same && !view.all;
    if (r.folded) ++m.folded;
    table_for(m, *s.form, *row.def).rows.push_back(std::move(r));
  }
  for (const auto& id : s.key_figures)
    for (const auto& row : s.rows)
      if (row.id == id) {
        DiffChart c;
        c.id = id;
        c.name = diff_cell_name(*row.def);
        c.unit = row.def->column->unit;
        c.amount = row.def->column->kind == ValueKind::amount;
        for (const auto& v : row.values) {
          c.raw.push_back(v.number() ? std::optional<std::int64_t>(v.raw) : std::nullopt);
          c.labels.push_back(diff_figure(*row.def, v, lang));
        }
        m.charts.push_back(std::move(c));
      }
  m.findings = &s.findings;
  m.legend =
      zh ? "Σ 由表内合计规则得出；* 为计算所得（未填报）；— 未提供；空白 为留空（不是 0）；不适用：该年表式无可比单元格"
         : "Σ a total of the form's sum rules; * computed (not given); — not given; blank: left empty (not 0); "
           "n/a: that year's form has no comparable cell";
  m.summary = zh ? fmt::format("{} 个单元格", s.rows.size()) : fmt::format("{} cells", s.rows.size());
  return m;
}

}  // namespace gongkai
