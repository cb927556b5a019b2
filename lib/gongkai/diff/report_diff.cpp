#include <gongkai/diff/report_diff.hpp>

#include <gongkai/check/checker.hpp>
#include <gongkai/check/messages.hpp>
#include <gongkai/core/checked.hpp>
#include <gongkai/core/decimal.hpp>
#include <gongkai/prose/percent.hpp>
#include <gongkai/prose/text_reuse.hpp>

#include <fmt/format.h>

#include <limits>
#include <map>

namespace gongkai {
namespace {

// The smallest change worth a flag, in the column's raw unit (micro-万元 for amounts).
std::int64_t in_raw_units(const ColumnDef& column, std::int64_t minimum) {
  if (column.kind != ValueKind::amount) return minimum;
  return checked_mul(minimum, Decimal::kOne).value_or(std::numeric_limits<std::int64_t>::max());
}

std::string section_heading(const Form& form, const std::string& section_id) {
  for (const auto& s : form.sections)
    if (s.id == section_id) return s.heading;
  return section_id;
}

CellMap cell_map(const Form& older, const Form& newer, const DiffOptions& options) {
  if (older.id == newer.id) return CellMap::identity(newer);
  for (const auto& def : options.correspondences)
    if (auto m = CellMap::from(def, older, newer)) return std::move(*m);
  return CellMap{};
}

class Differ {
 public:
  Differ(const Report& older, const Report& newer, const DiffOptions& options)
      : old_(older),
        new_(newer),
        options_(options),
        same_form_(older.form == newer.form),
        map_(same_form_ ? CellMap{} : cell_map(*older.form, *newer.form, options)) {}

  ReportDiff run() {
    ReportDiff d;
    d.before = DiffSide{old_.agency, old_.year, old_.form->id, old_.origin.file};
    d.after = DiffSide{new_.agency, new_.year, new_.form->id, new_.origin.file};
    d.old_form = old_.form;
    d.new_form = new_.form;
    if (new_.year == old_.year)
      d.mode = DiffMode::revision;
    else if (new_.year == old_.year + 1)
      d.mode = DiffMode::year_over_year;
    else
      d.mode = DiffMode::years_apart;
    pair_cells(d);
    for (auto& c : d.cells) flag_cell(c, d.findings);
    flag_tables(d);
    if (d.mode == DiffMode::year_over_year) cross_year(d);
    if (d.mode == DiffMode::revision) prose(d);
    return d;
  }

 private:
  void pair_cells(ReportDiff& d) {
    d.cells.reserve(new_.form->cells().size());
    for (const auto& c : new_.form->cells()) {
      Side before = Side::not_in_form();
      std::string old_id;
      if (same_form_) {  // every cell is its own counterpart: no map built (a roster diff does this per unit)
        old_id = c.id;
        before = Side::of(old_.at(c));
      } else if (auto it = map_.new_to_old.find(c.id); it != map_.new_to_old.end()) {
        old_id = it->second;
        before = Side::of(old_.at(*old_.form->cell(old_id)));
      }
      CellDiff cd = compare_sides(before, Side::of(new_.at(c)));
      nothing_given(cd);
      cd.id = c.id;
      cd.new_id = c.id;
      cd.old_id = old_id;
      cd.def = &c;
      cd.derived = c.derived;
      if (cd.kind == ChangeKind::not_comparable) {
        if (const Text* why = map_.reason_new(c.id)) cd.why_not_comparable = *why;
      }
      d.cells.push_back(std::move(cd));
    }
    if (same_form_) return;  // every cell of the old side was paired above
    for (const auto& c : old_.form->cells()) {
      if (map_.old_to_new.contains(c.id)) continue;
      CellDiff cd = compare_sides(Side::of(old_.at(c)), Side::not_in_form());
      cd.id = c.id;
      cd.old_id = c.id;
      cd.def = &c;
      cd.derived = c.derived;
      if (const Text* why = map_.reason_old(c.id)) cd.why_not_comparable = *why;
      d.cells.push_back(std::move(cd));
    }
  }

  // A total computed as 0 from parts left out, against a cell not given: neither side reports a
  // figure, so nothing was newly reported nor dropped.
  static void nothing_given(CellDiff& cd) {
    const auto zero_computed = [](const Side& s) { return s.number() && s.computed && s.raw == 0; };
    const auto none = [](const Side& s) { return s.in_form && s.state == CellState::absent; };
    if ((cd.kind == ChangeKind::newly_reported && none(cd.before) && zero_computed(cd.after)) ||
        (cd.kind == ChangeKind::no_longer_reported && zero_computed(cd.before) && none(cd.after)))
      cd.kind = ChangeKind::same;
  }

  // How a message names a side: its year, or for two versions of one year which version.
  [[nodiscard]] std::string when_zh(const Report& r) const {
    if (old_.year != new_.year) return fmt::format("{}年", r.year);
    return &r == &old_ ? "更正前" : "更正后";
  }
  [[nodiscard]] std::string when_en(const Report& r) const {
    if (old_.year != new_.year) return fmt::format("in {}", r.year);
    return &r == &old_ ? "in the first version" : "in the corrected one";
  }

  [[nodiscard]] std::string fig(const CellDiff& c, const Side& s) const { return format_value(*c.def->column, s.raw); }

  [[nodiscard]] std::string label(const CellDiff& c) const {
    const Form& form = c.new_id.empty() ? *old_.form : *new_.form;
    return form.cell_label(*c.def);
  }

  void add(CellDiff& c, Diagnostics& out, const char* rule, Text message) const {
    const Form& form = *new_.form;
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = rule;
    d.message = std::move(message);
    d.cells.push_back(mention(form, *c.def));
    d.actual = fig(c, c.after);
    d.where = where_of(new_, *c.def);
    c.flags.emplace_back(rule);
    out.add(std::move(d));
  }

  void flag_cell(CellDiff& c, Diagnostics& out) const {
    if (c.kind != ChangeKind::changed || !c.before.number() || !c.after.number()) return;
    const ColumnDef& column = *c.def->column;
    if (column.kind == ValueKind::signed_count) return;  // 本年增/减: a sign change is no swing
    const std::int64_t before = c.before.raw;
    const std::int64_t after = c.after.raw;
    const std::string b = fig(c, c.before);
    const std::string a = fig(c, c.after);
    const std::string name = label(c);
    const std::int64_t zero_min = std::max<std::int64_t>(1, in_raw_units(column, options_.settings.zero_min_change));
    // A zero side must be a given 0: a total computed as 0 from parts left out is no report of 0.
    if (after == 0 && !c.after.computed && before >= zero_min) {
      add(c, out, "to-zero",
          {fmt::format("「{}」从{}的 {} 降为{}的 0", name, when_zh(old_), b, when_zh(new_)),
           fmt::format("「{}」 fell from {} {} to 0 {}", name, b, when_en(old_), when_en(new_))});
      return;
    }
    if (before == 0 && !c.before.computed && after >= zero_min) {
      add(c, out, "from-zero",
          {fmt::format("「{}」从{}的 0 升为{}的 {}", name, when_zh(old_), when_zh(new_), a),
           fmt::format("「{}」 rose from 0 {} to {} {}", name, when_en(old_), a, when_en(new_))});
      return;
    }
    if (before <= 0 || after <= 0 || !c.change) return;
    const std::int64_t magnitude = *c.change < 0 ? -*c.change : *c.change;
    if (magnitude < in_raw_units(column, options_.settings.swing_min_change)) return;
    const WideInt f = options_.settings.swing_factor_micro;
    const WideInt up = static_cast<WideInt>(after) * Decimal::kOne;
    const WideInt down = static_cast<WideInt>(before) * Decimal::kOne;
    const bool grew = up >= static_cast<WideInt>(before) * f;
    const bool fell = static_cast<WideInt>(after) * f <= down;
    if (!grew && !fell) return;
    const std::string factor = Decimal::from_micro(options_.settings.swing_factor_micro).to_string();
    const std::string pct = c.percent_tenths ? format_percent_tenths(*c.percent_tenths) : std::string("?");
    add(c, out, "swing",
        {fmt::format("「{}」从{}的 {} 变为{}的 {}（{}），超过 {}{} 的阈值", name, when_zh(old_), b, when_zh(new_), a,
                     pct, grew ? "×" : "÷", factor),
         fmt::format("「{}」 went from {} {} to {} {} ({}), beyond the {}{} threshold", name, b, when_en(old_), a,
                     when_en(new_), pct, grew ? "×" : "÷", factor)});
  }

  void flag_tables(ReportDiff& d) const {
    for (const auto& t : new_.form->tables) {
      bool before_nonzero = false;
      bool after_any = false;
      bool after_all_zero = true;
      for (const auto& c : d.cells) {
        if (c.new_id.empty() || c.def->table != &t) continue;
        if (c.after.number()) {
          after_any = true;
          after_all_zero = after_all_zero && c.after.raw == 0;
        }
        if (c.kind != ChangeKind::not_comparable && c.before.number() && c.before.raw != 0) before_nonzero = true;
      }
      if (!before_nonzero || !after_any || !after_all_zero || !table_given(new_, t)) continue;
      const std::string heading = section_heading(*new_.form, t.section);
      Diagnostic g;
      g.severity = Severity::warning;
      g.rule = "table-zero";
      g.message = {fmt::format("「{}」{}有非零数字，{}全部为 0", heading, when_zh(old_), when_zh(new_)),
                   fmt::format("「{}」 had figures other than 0 {}; {} every figure is 0", heading, when_en(old_),
                               when_en(new_))};
      g.where = new_.origin;
      g.actual = "0";
      d.findings.add(std::move(g));
    }
  }

  void cross_year(ReportDiff& d) const {
    Diagnostics found;
    check_cross_year(new_, old_, found);
    for (const auto& p : new_.form->sections) {
      if (p.is_table) continue;
      auto now = new_.prose.find(p.id);
      auto before = old_.prose.find(p.id);
      if (now == new_.prose.end() || before == old_.prose.end()) continue;
      auto score = reuse_score(now->second, before->second);
      if (!score || score->tenths < kReuseThresholdTenths) continue;
      const std::string pct = format_tenths(score->tenths);
      const std::string threshold = format_tenths(kReuseThresholdTenths);
      Diagnostic r;
      r.severity = Severity::warning;
      r.rule = "text-reuse";
      auto w = new_.prose_where.find(p.id);
      r.where = w != new_.prose_where.end() ? w->second : new_.origin;
      r.actual = pct;
      r.expected = fmt::format("< {}", threshold);
      r.message = {fmt::format("「{}」与{}年报告的同一部分雷同：{} 的文字与上年相同（阈值 {}）", p.heading, old_.year,
                               pct, threshold),
                   fmt::format("section {} repeats the {} report: {} of its text also appears there (threshold {})",
                               p.heading, old_.year, pct, threshold)};
      found.add(std::move(r));
    }
    std::map<std::string, CellDiff*, std::less<>> by_new_id;
    for (auto& c : d.cells)
      if (!c.new_id.empty()) by_new_id.emplace(c.new_id, &c);
    for (const auto& f : found.items()) {
      for (const auto& m : f.cells) {
        auto it = by_new_id.find(m.id);
        if (it != by_new_id.end()) {
          it->second->flags.push_back(f.rule);
          break;  // the first cell named in this report is the culprit
        }
      }
    }
    d.findings.append(found);
  }

  void prose(ReportDiff& d) const {
    for (const auto& p : new_.form->sections) {
      if (p.is_table) continue;
      auto now = new_.prose.find(p.id);
      auto before = old_.prose.find(p.id);
      const std::string a = before == old_.prose.end() ? std::string() : before->second;
      const std::string b = now == new_.prose.end() ? std::string() : now->second;
      // A final line break more or less is no change a line diff can show (a built report's
      // prose ends with one, a YAML's inline prose does not).
      const auto body = [](std::string_view s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
        return s;
      };
      if (body(a) == body(b)) continue;
      d.prose.push_back(ProseSectionDiff{p.id, p.heading, diff_lines(a, b)});
    }
  }

  const Report& old_;
  const Report& new_;
  const DiffOptions& options_;
  bool same_form_;  // one form on both sides: cells pair by themselves, map_ is empty
  CellMap map_;
};

}  // namespace

std::string_view to_string(DiffMode m) {
  switch (m) {
    case DiffMode::year_over_year:
      return "year-over-year";
    case DiffMode::years_apart:
      return "years-apart";
    case DiffMode::revision:
      return "revision";
  }
  return "year-over-year";
}

std::size_t ReportDiff::count(ChangeKind k) const {
  std::size_t n = 0;
  for (const auto& c : cells) n += c.kind == k ? 1 : 0;
  return n;
}

bool is_cross_year_rule(std::string_view rule) {
  return rule == "carry-continuity" || rule == "in-force-continuity" || rule == "text-reuse";
}

bool ReportDiff::cross_year_failed() const {
  for (const auto& f : findings.items())
    if (is_cross_year_rule(f.rule) && !f.explanation) return true;
  return false;
}

bool same_agency(const Report& a, const Report& b, Diagnostics& out) {
  if (a.agency == b.agency) return true;
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "diff-agency";
  d.where = b.origin;
  d.expected = a.agency;
  d.actual = b.agency;
  d.message = {fmt::format("不能比较两个机关的报告：「{}」（{}）与「{}」（{}）；diff 只比较同一机关的报告", a.agency,
                           a.origin.file, b.agency, b.origin.file),
               fmt::format("cannot compare the reports of two agencies: {} ({}) and {} ({}); diff compares the "
                           "reports of one agency",
                           a.agency, a.origin.file, b.agency, b.origin.file)};
  out.add(std::move(d));
  return false;
}

ReportDiff diff_reports(const Report& older, const Report& newer, const DiffOptions& options) {
  return Differ(older, newer, options).run();
}

}  // namespace gongkai
