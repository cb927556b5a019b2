#include <gongkai/readers/sheet_grid.hpp>

#include <gongkai/core/text.hpp>

namespace gongkai {

SheetGrid::SheetGrid(std::string name, std::map<std::pair<std::uint32_t, std::uint32_t>, GridCell> cells,
                     std::vector<CellRange> merged)
    : name_(std::move(name)), cells_(std::move(cells)), merged_(std::move(merged)) {
  for (const auto& [pos, cell] : cells_) {
    rows_ = std::max(rows_, pos.first);
    columns_ = std::max(columns_, pos.second);
  }
}

const GridCell* SheetGrid::value(std::uint32_t row, std::uint32_t column) const {
  auto it = cells_.find({row, column});
  return it == cells_.end() ? nullptr : &it->second;
}

const CellRange* SheetGrid::merge_at(std::uint32_t row, std::uint32_t column) const {
  for (const CellRange& m : merged_) {
    if (m.contains(row, column)) return &m;
  }
  return nullptr;
}

const GridCell* SheetGrid::shown(std::uint32_t row, std::uint32_t column) const {
  if (const GridCell* own = value(row, column)) return own;
  if (const CellRange* m = merge_at(row, column)) return value(m->first.row, m->first.column);
  return nullptr;
}

std::string_view SheetGrid::label(std::uint32_t row, std::uint32_t column) const {
  const GridCell* c = shown(row, column);
  return c == nullptr || c->type != XlsxValueType::text ? std::string_view() : trim(c->text);
}

bool SheetGrid::covered(std::uint32_t row, std::uint32_t column) const {
  const CellRange* m = merge_at(row, column);
  return m != nullptr && !(m->first.row == row && m->first.column == column);
}

std::string SheetGrid::ref(std::uint32_t row, std::uint32_t column) const {
  return sheet_cell_ref(name_, CellRef{row, column});
}

std::optional<SheetGrid> load_sheet_grid(XlsxWorkbook& book, std::size_t index, const GridLimits& limits) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, GridCell> cells;
  bool too_large = false;
  std::uint64_t rows = 0;
  XlsxSheetSummary summary = book.read_sheet(index, [&](std::uint32_t row, std::span<const XlsxCell> values) {
    if (++rows > limits.max_rows) {
      too_large = true;
      return false;
    }
    for (const XlsxCell& c : values) {
      if (c.column > limits.max_columns) {
        too_large = true;
        return false;
      }
      cells[{row, c.column}] = GridCell{c.type, c.formula, std::string(c.text)};
    }
    return true;
  });
  if (too_large || summary.merged.size() > limits.max_merged) return std::nullopt;
  return SheetGrid(book.sheets()[index].name, std::move(cells), std::move(summary.merged));
}

}  // namespace gongkai
