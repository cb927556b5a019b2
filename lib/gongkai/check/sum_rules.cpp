#include <gongkai/check/sum_rules.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/check/messages.hpp>

#include <fmt/format.h>

#include <set>

namespace gongkai {

void check_derived_totals(CheckContext& ctx, Diagnostics& out) { derive_totals(ctx.report, out); }

void check_sums(CheckContext& ctx, Diagnostics& out) {
  const Report& r = ctx.report;
  std::set<std::size_t>& wrong_totals = ctx.wrong_totals;
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
}

void check_balances(CheckContext& ctx, Diagnostics& out) {
  const Report& r = ctx.report;
  const std::set<std::size_t>& wrong_totals = ctx.wrong_totals;
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

}  // namespace gongkai
