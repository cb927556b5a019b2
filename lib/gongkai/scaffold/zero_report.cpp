#include <gongkai/scaffold/zero_report.hpp>

#include <gongkai/check/derive.hpp>

#include <fmt/format.h>

namespace gongkai {

Report stub_report(std::shared_ptr<const Form> form) {
  Report r(form);
  for (const auto& c : r.form->cells())
    if (!c.derived) r.at(c) = CellValue{CellState::blank, 0, false, {}, true};
  return r;
}

namespace {

// Copies last year's figures into `targets` (pairs of this year's cell, last year's cell ID).
// As in check's arithmetic, a cell left out beside given ones counts 0; when last year gives
// none of them there is nothing to carry and they are reported missing.
bool copy_cells(Report& next, const std::vector<std::pair<const CellDef*, std::string>>& targets, const Report& last,
                CarriedCells& carried) {
  bool any_given = false;
  for (const auto& [cell, id] : targets)
    if (const CellDef* from = last.form->cell(id); from != nullptr && last.at(*from).has_value()) any_given = true;
  if (!any_given) {
    for (const auto& [cell, id] : targets) carried.missing.push_back(id);
    return false;
  }
  for (const auto& [cell, id] : targets) {
    const CellDef* from = last.form->cell(id);
    const std::optional<std::int64_t> v = from == nullptr ? std::nullopt : resolved(last, *from);
    if (!v) {
      carried.missing.push_back(id);
      continue;
    }
    SourceLoc where = last.at(*from).where;
    if (!where.known()) where = last.origin;
    next.at(*cell) = CellValue{CellState::value, *v, false, where};
  }
  return true;
}

}  // namespace

CarriedCells carry_from_last_year(Report& next, const Report& last) {
  CarriedCells carried;
  const Form& form = *next.form;
  for (const auto& rule : form.cross_year) {
    std::vector<std::pair<const CellDef*, std::string>> targets;
    if (rule.kind == CrossYearKind::carry) {
      const auto dot = rule.current.find('.');
      const std::string table = rule.current.substr(0, dot);
      const std::string row = rule.current.substr(dot + 1);
      const std::string prev_row = rule.previous.substr(rule.previous.find('.') + 1);
      const TableDef* t = form.table(table);
      const RowDef* r = t == nullptr ? nullptr : t->row(row);
      if (r == nullptr) continue;
      for (const auto& col : t->columns_of(*r))
        if (const CellDef* c = form.cell(table, row, col.id); c != nullptr && !c->derived)
          targets.emplace_back(c, fmt::format("{}.{}.{}", table, prev_row, col.id));
      if (copy_cells(next, targets, last, carried)) carried.rows.push_back(rule.current);
    } else {
      const TableDef* t = form.table(rule.table);
      if (t == nullptr) continue;
      for (const auto& row : t->rows)
        if (const CellDef* c = form.cell(t->id, row.id, rule.stock); c != nullptr && !c->derived)
          targets.emplace_back(c, c->id);
      if (copy_cells(next, targets, last, carried)) carried.columns.push_back(rule.table + "." + rule.stock);
    }
  }
  return carried;
}

}  // namespace gongkai
