#include <gongkai/model/report.hpp>

#include <fmt/format.h>

namespace gongkai {

std::string_view to_string(Level l) { return l == Level::department ? "department" : "government"; }

std::optional<Level> parse_level(std::string_view s) {
  if (s == "department" || s == "部门") return Level::department;
  if (s == "government" || s == "政府") return Level::government;
  return std::nullopt;
}

Report::Report(std::shared_ptr<const Form> f) : form(std::move(f)) { cells.resize(form->cells().size()); }

const CellValue* Report::find(std::string_view cell_id) const {
  const CellDef* c = form->cell(cell_id);
  return c == nullptr ? nullptr : &cells[c->index];
}

bool table_given(const Report& report, const TableDef& t) {
  for (const auto& c : report.form->cells())
    if (c.table == &t && report.at(c).state != CellState::absent && !report.at(c).computed) return true;
  return false;
}

std::string format_value(const ColumnDef& column, std::int64_t raw) {
  if (column.kind == ValueKind::amount) return Decimal::from_micro(raw).to_string();
  return fmt::format("{}", raw);
}

}  // namespace gongkai
