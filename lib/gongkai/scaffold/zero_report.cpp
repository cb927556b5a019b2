#include <gongkai/scaffold/zero_report.hpp>

#include <gongkai/check/derive.hpp>

#include <fmt/format.h>

namespace gongkai {

Report zero_report(std::shared_ptr<const Form> form) {
  Report r(form);
  for (const auto& c : r.form->cells())
    if (!c.derived) r.at(c) = CellValue{CellState::value, 0, false, {}};
  return r;
}

namespace {

// Copies last year's figure into `cell` when last year's form has the same cell.
bool copy_cell(Report& next, const CellDef& cell, const Report& last, const std::string& last_id,
               CarriedCells& carried) {
  const CellDef* from = last.form->cell(last_id);
  if (from == nullptr) {
    carried.missing.push_back(last_id);
    return false;
  }
  // Only a figure last year's report gives (or derives): an absent or blank cell is not a 0
  // to carry.
  const std::optional<std::int64_t> v = last.at(*from).has_value() ? resolved(last, *from) : std::nullopt;
  if (!v) {
    carried.missing.push_back(last_id);
    return false;
  }
  SourceLoc where = last.at(*from).where;
  if (!where.known()) where = last.origin;
  next.at(cell) = CellValue{CellState::value, *v, false, where};
  return true;
}

}  // namespace

CarriedCells carry_from_last_year(Report& next, const Report& last) {
  CarriedCells carried;
  const Form& form = *next.form;
  for (const auto& rule : form.cross_year) {
    if (rule.kind == CrossYearKind::carry) {
      const auto dot = rule.current.find('.');
      const std::string table = rule.current.substr(0, dot);
      const std::string row = rule.current.substr(dot + 1);
      const std::string prev_row = rule.previous.substr(rule.previous.find('.') + 1);
      const TableDef* t = form.table(table);
      const RowDef* r = t == nullptr ? nullptr : t->row(row);
      if (r == nullptr) continue;
      bool any = false;
      for (const auto& col : t->columns_of(*r)) {
        const CellDef* c = form.cell(table, row, col.id);
        if (c == nullptr || c->derived) continue;
        any = copy_cell(next, *c, last, fmt::format("{}.{}.{}", table, prev_row, col.id), carried) || any;
      }
      if (any) carried.rows.push_back(rule.current);
    } else {
      const TableDef* t = form.table(rule.table);
      if (t == nullptr) continue;
      bool any = false;
      for (const auto& row : t->rows) {
        const CellDef* c = form.cell(t->id, row.id, rule.stock);
        if (c == nullptr || c->derived) continue;
        any = copy_cell(next, *c, last, c->id, carried) || any;
      }
      if (any) carried.columns.push_back(rule.table + "." + rule.stock);
    }
  }
  return carried;
}

}  // namespace gongkai
