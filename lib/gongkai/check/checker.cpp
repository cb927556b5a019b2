#include <gongkai/check/checker.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/check/messages.hpp>
#include <gongkai/core/checked.hpp>
#include <gongkai/core/civil_date.hpp>

#include <fmt/format.h>

#include <set>

namespace gongkai {
namespace {

Diagnostic finding(Severity sev, const std::string& rule, Text msg, SourceLoc where) {
  Diagnostic d;
  d.severity = sev;
  d.rule = rule;
  d.message = std::move(msg);
  d.where = std::move(where);
  return d;
}

void check_blank_cells(const Report& r, Diagnostics& out) {
  const Form& form = *r.form;
  for (const auto& c : form.cells()) {
    if (r.at(c).state != CellState::blank) continue;
    const std::string label = form.cell_label(c);
    if (r.at(c).stub) {
      Diagnostic d =
          finding(Severity::error, "stub",
                  {fmt::format("「{}」尚未填写：仍是 gongkai init 留下的「{}」", label, kStubMarker),
                   fmt::format("'{}' is not filled in: it still holds gongkai init's {} marker", label, kStubMarker)},
                  where_of(r, c));
      d.cells.push_back(mention(form, c));
      out.add(std::move(d));
      continue;
    }
    Text msg = c.derived ? Text{fmt::format("「{}」为空（空白不等于 0），已按合计规则计算", label),
                                fmt::format("'{}' is blank (blank is not 0); it is computed from its parts", label)}
                         : Text{fmt::format("「{}」为空（空白不等于 0），合计时按 0 计", label),
                                fmt::format("'{}' is blank (blank is not 0); counted as 0 in sums", label)};
    Diagnostic d = finding(Severity::warning, "blank-cell", std::move(msg), where_of(r, c));
    d.cells.push_back(mention(form, c));
    out.add(std::move(d));
  }
}

// A category figure given alone: accepted, but its sub-rows are missing.
void check_lone_categories(const Report& r, Diagnostics& out) {
  const Form& form = *r.form;
  for (const auto& t : form.tables) {
    for (const auto& row : t.rows) {
      if (!row.optional) continue;
      auto kids = t.children_of(row.id);
      bool category_given = false;
      bool kids_given = false;
      const CellDef* first = nullptr;
      for (const auto& col : t.columns_of(row)) {
        const CellDef* c = form.cell(t.id, row.id, col.id);
        const CellValue& v = r.at(*c);
        if (v.state != CellState::absent && !v.computed) {
          category_given = true;
          if (first == nullptr) first = c;
        }
        for (const RowDef* k : kids)
          if (const CellDef* kc = form.cell(t.id, k->id, col.id); kc && r.at(*kc).state != CellState::absent)
            kids_given = true;
      }
      if (!category_given || kids_given || kids.empty()) continue;
      const std::string no = table_number(form, t);
      Diagnostic d = finding(Severity::warning, "category-sum",
                             {fmt::format("{} 「{}」只给出了类别合计，缺少其 {} 个分项", no, row.label, kids.size()),
                              fmt::format("{} 「{}」: only the category figure is given; its {} sub-rows are missing",
                                          no, row.label, kids.size())},
                             where_of(r, *first));
      d.cells.push_back(mention(form, *first));
      out.add(std::move(d));
    }
  }
}

// Returns the cells whose given total disagreed with its parts: a balance through one of them
// repeats the same mistake, so check_balances leaves it out (one wrong total, one finding).
std::set<std::size_t> check_sums(const Report& r, Diagnostics& out) {
  std::set<std::size_t> wrong_totals;
  const Form& form = *r.form;
  for (const auto& inst : form.sum_instances()) {
    const CellValue& total = r.at(*inst.total);
    if (!total.has_value() || total.computed) continue;
    // A category given alone: its missing sub-rows are reported by check_lone_categories.
    if (inst.total->optional && inst.rule->kind == RuleKind::row_sum && !any_part_reported(r, inst)) continue;
    bool overflow = false;
    auto sum = sum_parts(r, inst.parts, &overflow);
    if (!sum || *sum == total.raw) continue;
    const TableDef& t = *inst.total->table;
    const std::string no = table_number(form, t);
    std::vector<std::string> zh_names, figs;
    for (const CellDef* p : inst.parts) {
      figs.push_back(figure(r, *p));
      if (inst.rule->kind == RuleKind::column_sum) {
        zh_names.push_back(p->column->label);
      } else {
        zh_names.push_back(p->row->short_label);
      }
    }
    const std::string actual = format_value(*inst.total->column, total.raw);
    const std::string expected = format_value(*inst.total->column, *sum);
    wrong_totals.insert(inst.total->index);
    // Both languages name the cells by their official labels, as the printed form does.
    Text msg;
    if (inst.rule->kind == RuleKind::column_sum) {
      msg = {fmt::format("{} 「{}」：{} 为 {}，但 {} = {} = {}", no, inst.total->row->short_label,
                         inst.total->column->label, actual, join_plus(zh_names), join_plus(figs), expected),
             fmt::format("{} 「{}」: {} is {}, but {} = {} = {}", no, inst.total->row->short_label,
                         inst.total->column->label, actual, join_plus(zh_names), join_plus(figs), expected)};
    } else {
      const ColumnDef& col = *inst.total->column;
      std::string col_zh = col.group_label.empty() ? col.label : col.group_label + "·" + col.label;
      msg = {fmt::format("{} {}：{} 为 {}，但 {} = {} = {}", no, col_zh, inst.total->row->short_label, actual,
                         join_plus(zh_names), join_plus(figs), expected),
             fmt::format("{} {}: {} is {}, but {} = {} = {}", no, col_zh, inst.total->row->short_label, actual,
                         join_plus(zh_names), join_plus(figs), expected)};
    }
    Diagnostic d = finding(Severity::error, inst.rule->rule, std::move(msg), where_of(r, *inst.total));
    d.cells.push_back(mention(form, *inst.total));
    for (const CellDef* p : inst.parts) d.cells.push_back(mention(form, *p));
    d.expected = expected;
    d.actual = actual;
    out.add(std::move(d));
  }
  return wrong_totals;
}

void check_balances(const Report& r, const std::set<std::size_t>& wrong_totals, Diagnostics& out) {
  const Form& form = *r.form;
  for (const auto& t : form.tables) {
    for (const auto& rule : t.rules) {
      if (rule.kind != RuleKind::row_balance) continue;
      for (const auto& col : t.columns) {
        auto side = [&](const std::vector<std::string>& rows, std::vector<const CellDef*>& cells) {
          for (const auto& id : rows)
            if (const CellDef* c = form.cell(t.id, id, col.id)) cells.push_back(c);
          return sum_parts(r, cells);
        };
        std::vector<const CellDef*> left, right;
        auto l = side(rule.left, left);
        auto rt = side(rule.right, right);
        if (!l || !rt || *l == *rt) continue;
        // A column of derived totals only repeats the imbalance of the given columns.
        bool any_given = false;
        for (const auto* side_cells : {&left, &right})
          for (const CellDef* c : *side_cells) any_given = any_given || !r.at(*c).computed;
        if (!any_given) continue;
        // A total already found wrong against its parts is the whole story.
        bool repeats = false;
        for (const auto* side_cells : {&left, &right})
          for (const CellDef* c : *side_cells) repeats = repeats || wrong_totals.count(c->index) != 0;
        if (repeats) continue;
        std::vector<std::string> lz, lf, rz, rf;
        for (const CellDef* c : left) {
          lz.push_back(c->row->short_label);
          lf.push_back(figure(r, *c));
        }
        for (const CellDef* c : right) {
          rz.push_back(c->row->short_label);
          rf.push_back(figure(r, *c));
        }
        const std::string no = table_number(form, t);
        const std::string col_zh = col.group_label.empty() ? col.label : col.group_label + "·" + col.label;
        Text msg{fmt::format("{} {}：{} = {} = {}，但 {} = {} = {}", no, col_zh, join_plus(lz), join_plus(lf), *l,
                             join_plus(rz), join_plus(rf), *rt),
                 fmt::format("{} {}: {} = {} = {}, but {} = {} = {}", no, col_zh, join_plus(lz), join_plus(lf), *l,
                             join_plus(rz), join_plus(rf), *rt)};
        // Point at the first right-hand figure that was given: usually the one mistyped.
        const CellDef* culprit = right.front();
        for (const CellDef* c : right)
          if (!r.at(*c).computed && r.at(*c).where.known()) {
            culprit = c;
            break;
          }
        Diagnostic d = finding(Severity::error, rule.rule, std::move(msg), where_of(r, *culprit));
        for (const CellDef* c : left) d.cells.push_back(mention(form, *c));
        for (const CellDef* c : right) d.cells.push_back(mention(form, *c));
        d.expected = fmt::format("{}", *l);
        d.actual = fmt::format("{}", *rt);
        out.add(std::move(d));
      }
    }
  }
}

void check_form_year(const Report& r, const CheckOptions& options, Diagnostics& out) {
  const Form& form = *r.form;
  if (r.year == 0 || form.covers(r.year)) return;
  std::shared_ptr<const Form> right = options.forms ? options.forms->for_year(r.year) : nullptr;
  std::string want_zh = right ? fmt::format("应使用 {} 表式（{}）", right->id, right->title) : "没有适用的表式";
  std::string want_en =
      right ? fmt::format("it must use form {} ({})", right->id, right->title) : "no form covers that year";
  Diagnostic d = finding(Severity::error, "form-year",
                         {fmt::format("{} 年度报告使用了 {} 表式（{}），{}", r.year, form.id, form.title, want_zh),
                          fmt::format("the {} report uses form {} ({}); {}", r.year, form.id, form.title, want_en)},
                         r.origin);
  d.expected = right ? right->id : "";
  d.actual = form.id;
  out.add(std::move(d));
}

void check_deadline(const Report& r, Diagnostics& out) {
  if (!r.publication_date || r.year == 0) return;
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(r.publication_date->c_str(), "%d-%u-%u", &y, &m, &d) != 3) return;
  // The deadline by level is form data (`deadlines:` in report-templates/forms/*.yaml).
  const DeadlineDef* due = r.form->deadline(to_string(r.level));
  if (due == nullptr) return;
  const unsigned due_month = due->month;
  const unsigned due_day = due->day;
  const std::int64_t late = days_from_civil(y, m, d) - days_from_civil(r.year + 1, due_month, due_day);
  if (late <= 0) return;
  const char* who_zh = r.level == Level::department ? "部门" : "政府";
  const char* who_en = r.level == Level::department ? "a department" : "a government";
  out.add(finding(Severity::info, "deadline",
                  {fmt::format("{}年度报告的发布期限是 {} 年 {} 月 {} 日（{}），发布日期 {} 晚了 {} 天", r.year,
                               r.year + 1, due_month, due_day, who_zh, *r.publication_date, late),
                   fmt::format("the {} report of {} is due by {}-{:02d}-{:02d}; published {}, {} days late", r.year,
                               who_en, r.year + 1, due_month, due_day, *r.publication_date, late)},
                  r.origin));
}

}  // namespace

void check_report(Report& report, const CheckOptions& options, Diagnostics& out) {
  check_form_year(report, options, out);
  check_blank_cells(report, out);
  check_lone_categories(report, out);
  derive_totals(report, out);
  const std::set<std::size_t> wrong_totals = check_sums(report, out);
  check_balances(report, wrong_totals, out);
  check_deadline(report, out);
}

}  // namespace gongkai
