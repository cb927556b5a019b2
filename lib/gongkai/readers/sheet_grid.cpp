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
  const std::size_t positions = static_cast<std::size_t>(rows_) * columns_;
  cover_.assign(positions, -1);
  // Ranges that do not overlap visit each position once at most; a damaged file's overlapping
  // ones are indexed only until they have cost as much again.
  std::size_t budget = 2 * positions;
  for (std::size_t i = 0; i < merged_.size() && !overlapping_; ++i) {
    const CellRange& m = merged_[i];
    for (std::uint32_t y = m.first.row; y <= std::min(m.last.row, rows_) && !overlapping_; ++y) {
      for (std::uint32_t x = m.first.column; x <= std::min(m.last.column, columns_); ++x) {
        if (budget-- == 0) {
          overlapping_ = true;
          break;
        }
        std::int32_t& c = cover_[static_cast<std::size_t>(y - 1) * columns_ + (x - 1)];
        if (c < 0) c = static_cast<std::int32_t>(i);
      }
    }
  }
}

const GridCell* SheetGrid::value(std::uint32_t row, std::uint32_t column) const {
  auto it = cells_.find({row, column});
  return it == cells_.end() ? nullptr : &it->second;
}

const CellRange* SheetGrid::merge_at(std::uint32_t row, std::uint32_t column) const {
  if (row < 1 || column < 1 || row > rows_ || column > columns_) return nullptr;
  std::int32_t c = cover_[static_cast<std::size_t>(row - 1) * columns_ + (column - 1)];
  return c < 0 ? nullptr : &merged_[static_cast<std::size_t>(c)];
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
  SheetGrid grid(book.sheets()[index].name, std::move(cells), std::move(summary.merged));
  if (grid.overlapping()) return std::nullopt;
  return grid;
}

}  // namespace gongkai
