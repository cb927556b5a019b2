#include <gongkai/forms/form.hpp>

#include <fmt/format.h>

namespace gongkai {

const RowDef* TableDef::row(std::string_view row_id) const {
  for (const auto& r : rows)
    if (r.id == row_id) return &r;
  return nullptr;
}

const std::vector<ColumnDef>& TableDef::columns_of(const RowDef& r) const {
  const RowDef* at = &r;
  while (at != nullptr) {
    if (!at->columns.empty()) return at->columns;
    at = at->parent.empty() ? nullptr : row(at->parent);
  }
  return columns;
}

std::vector<const RowDef*> TableDef::children_of(std::string_view parent_id) const {
  std::vector<const RowDef*> out;
  for (const auto& r : rows)
    if (r.parent == parent_id) out.push_back(&r);
  return out;
}

const TableDef* Form::table(std::string_view table_id) const {
  for (const auto& t : tables)
    if (t.id == table_id) return &t;
  return nullptr;
}

const CellDef* Form::cell(std::string_view cell_id) const {
  auto it = by_id_.find(cell_id);
  return it == by_id_.end() ? nullptr : &cells_[it->second];
}

const CellDef* Form::cell(std::string_view t, std::string_view r, std::string_view c) const {
  // Called for every cell of every unit: the ID is assembled in a buffer kept per thread, so
  // that a lookup allocates nothing once the buffer has grown to the longest ID.
  thread_local std::string key;
  key.assign(t).append(1, '.').append(r).append(1, '.').append(c);
  return cell(std::string_view(key));
}

std::string Form::cell_label(const CellDef& c) const {
  std::string out;
  for (const auto& part : c.row_path) {
    if (!out.empty()) out += " / ";
    out += part;
  }
  out += " · ";
  if (!c.column->group_label.empty()) out += c.column->group_label + "·";
  out += c.column->label;
  return out;
}

void Form::index_cells() {
  cells_.clear();
  by_id_.clear();
  for (const auto& t : tables) {
    for (const auto& r : t.rows) {
      if (!r.has_cells) continue;
      std::vector<std::string> path;
      for (const RowDef* at = &r; at != nullptr; at = at->parent.empty() ? nullptr : t.row(at->parent))
        path.insert(path.begin(), at->label);
      for (const auto& c : t.columns_of(r)) {
        CellDef def;
        def.index = cells_.size();
        def.id = fmt::format("{}.{}.{}", t.id, r.id, c.id);
        def.table = &t;
        def.row = &r;
        def.column = &c;
        def.optional = r.optional;
        def.row_path = path;
        for (const auto& rule : t.rules) {
          if (rule.kind == RuleKind::column_sum && rule.total == c.id) def.derived = true;
          if (rule.kind == RuleKind::row_sum && rule.total == r.id) def.derived = true;
        }
        by_id_.emplace(def.id, def.index);
        cells_.push_back(std::move(def));
      }
    }
  }
  sums_.clear();
  for (const auto& t : tables) {
    for (const auto& rule : t.rules) {
      if (rule.kind == RuleKind::column_sum) {
        for (const auto& row : t.rows) {
          const CellDef* total = row.has_cells ? cell(t.id, row.id, rule.total) : nullptr;
          if (total == nullptr) continue;
          SumInstance inst{&rule, total, {}};
          for (const auto& p : rule.parts)
            if (const CellDef* c = cell(t.id, row.id, p)) inst.parts.push_back(c);
          sums_.push_back(std::move(inst));
        }
      } else if (rule.kind == RuleKind::row_sum) {
        for (const auto& col : t.columns_of(*t.row(rule.total))) {
          SumInstance inst{&rule, cell(t.id, rule.total, col.id), {}};
          for (const auto& p : rule.parts)
            if (const CellDef* c = cell(t.id, p, col.id)) inst.parts.push_back(c);
          sums_.push_back(std::move(inst));
        }
      }
    }
  }
  sums_into_.assign(cells_.size(), {});
  for (const auto& inst : sums_) sums_into_[inst.total->index].push_back(&inst);
}

}  // namespace gongkai
