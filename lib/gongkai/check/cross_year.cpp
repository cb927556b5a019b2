#include <gongkai/check/cross_year.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/check/messages.hpp>
#include <gongkai/core/checked.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

std::optional<std::int64_t> value_of(const Report& r, const std::string& id) {
  const CellDef* c = r.form->cell(id);
  if (c == nullptr) return std::nullopt;
  return resolved(r, *c);
}

void carry(const Report& cur, const Report& prev, const CrossYearRuleDef& rule, Diagnostics& out) {
  const Form& form = *cur.form;
  const TableDef* t = form.table(rule.table);
  if (t == nullptr) return;
  const std::string cur_row = rule.current.substr(rule.current.find('.') + 1);
  const std::string prev_row = rule.previous.substr(rule.previous.find('.') + 1);
  const RowDef* cr = t->row(cur_row);
  if (cr == nullptr) return;
  for (const auto& col : t->columns_of(*cr)) {
    const CellDef* c = form.cell(t->id, cur_row, col.id);
    auto now = resolved(cur, *c);
    auto before = value_of(prev, fmt::format("{}.{}.{}", t->id, prev_row, col.id));
    if (!now || !before || *now == *before) continue;
    const CellDef* pc = prev.form->cell(fmt::format("{}.{}.{}", t->id, prev_row, col.id));
    // Two derived totals only repeat the difference of the given columns.
    if (cur.at(*c).computed && prev.at(*pc).computed) continue;
    const std::string col_zh = col.group_label.empty() ? col.label : col.group_label + "·" + col.label;
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = rule.rule;
    d.message = {fmt::format("{} {}：{}年「{}」为 {}，但{}年「{}」为 {}", table_number(form, *t), col_zh, cur.year,
                             cr->short_label, *now, prev.year, pc->row->short_label, *before),
                 fmt::format("{} {}: 「{}」 of {} is {}, but 「{}」 of {} was {}", table_number(form, *t), col_zh,
                             cr->short_label, cur.year, *now, pc->row->short_label, prev.year, *before)};
    d.cells.push_back(mention(form, *c));
    d.cells.push_back(mention(*prev.form, *pc));
    d.expected = fmt::format("{}", *before);
    d.actual = fmt::format("{}", *now);
    d.where = where_of(cur, *c);
    out.add(std::move(d));
  }
}

void stock(const Report& cur, const Report& prev, const CrossYearRuleDef& rule, Diagnostics& out) {
  const Form& form = *cur.form;
  const TableDef* t = form.table(rule.table);
  if (t == nullptr) return;
  for (const auto& row : t->rows) {
    const CellDef* s = form.cell(t->id, row.id, rule.stock);
    const CellDef* a = form.cell(t->id, row.id, rule.added);
    const CellDef* m = form.cell(t->id, row.id, rule.removed);
    if (s == nullptr || a == nullptr || m == nullptr) continue;
    auto before = value_of(prev, s->id);
    auto now = resolved(cur, *s);
    auto added = resolved(cur, *a);
    auto removed = resolved(cur, *m);
    if (!before || !now || !added || !removed) continue;
    auto plus = checked_add(*before, *added);
    auto expected = plus ? checked_sub(*plus, *removed) : std::nullopt;
    if (!expected || *expected == *now) continue;
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = rule.rule;
    d.message = {fmt::format("{} 「{}」：{}年{} 为 {}，但 {}年{} {} + {} {} − {} {} = {}", table_number(form, *t),
                             row.label, cur.year, s->column->label, *now, prev.year, s->column->label, *before,
                             a->column->label, *added, m->column->label, *removed, *expected),
                 fmt::format("{} 「{}」: {} {} is {}, but {} {} {} + {} {} - {} {} = {}", table_number(form, *t),
                             row.label, cur.year, s->column->label, *now, prev.year, s->column->label, *before,
                             a->column->label, *added, m->column->label, *removed, *expected)};
    d.cells.push_back(mention(form, *s));
    d.expected = fmt::format("{}", *expected);
    d.actual = fmt::format("{}", *now);
    d.where = where_of(cur, *s);
    out.add(std::move(d));
  }
}

}  // namespace

void check_carry(const Report& current, const Report& previous, Diagnostics& out) {
  for (const auto& rule : current.form->cross_year)
    if (rule.kind == CrossYearKind::carry) carry(current, previous, rule, out);
}

void check_stock(const Report& current, const Report& previous, Diagnostics& out) {
  for (const auto& rule : current.form->cross_year)
    if (rule.kind != CrossYearKind::carry) stock(current, previous, rule, out);
}

bool check_previous_fits(const Report& current, const Report& previous, Diagnostics& out) {
  if (previous.agency == current.agency && previous.year == current.year - 1) return true;
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "previous";
  d.where = previous.origin;
  d.actual = fmt::format("{} {}", previous.agency, previous.year);
  if (current.year == 0 || previous.year == 0) {
    // An unknown year is not "the 0 report": say what is missing.
    const Report& unknown = current.year == 0 ? current : previous;
    d.where = unknown.origin;
    d.message = {
        fmt::format("「{}」的报告年度未知（请用 --year 指定），无法确定上年报告，未作跨年度检查", unknown.agency),
        fmt::format("the year of {}'s report is not known (give it with --year), so last year's report "
                    "cannot be matched; no cross-year check was made",
                    unknown.agency)};
    out.add(std::move(d));
    return false;
  }
  d.expected = fmt::format("{} {}", current.agency, current.year - 1);
  d.message = {
      fmt::format("上年报告是「{}」{} 年度的报告，但「{}」{} 年度报告需要同一机关 {} 年度的报告，未作跨年度检查",
                  previous.agency, previous.year, current.agency, current.year, current.year - 1),
      fmt::format("the previous report is {}'s {} report, but {}'s {} report needs the same agency's {} "
                  "report; no cross-year check was made",
                  previous.agency, previous.year, current.agency, current.year, current.year - 1)};
  out.add(std::move(d));
  return false;
}

}  // namespace gongkai
