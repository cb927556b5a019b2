#include <gongkai/tally/register_row.hpp>

#include <gongkai/readers/xlsx/cell_ref.hpp>

namespace gongkai {

bool RegisterRow::blank() const {
  for (const auto& c : cells)
    for (char ch : c.text)
      if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') return false;
  return true;
}

SourceLoc RegisterOrigin::place(const RegisterRow& row, std::size_t column) const {
  if (!sheet.empty())
    return SourceLoc{{}, 0, 0, sheet_cell_ref(sheet, CellRef{row.sheet_row, static_cast<std::uint32_t>(column + 1)})};
  if (column < row.cells.size() && row.cells[column].line > 0)
    return SourceLoc{{}, row.cells[column].line, row.cells[column].column, {}};
  return SourceLoc{{}, row.line, 0, {}};
}

SourceLoc RegisterOrigin::where(const RegisterRow& row, std::size_t column) const {
  SourceLoc at = place(row, column);
  at.file = file;
  return at;
}

SourceLoc RegisterOrigin::where(const RegisterRow& row) const {
  if (!sheet.empty()) return SourceLoc{file, 0, 0, sheet_cell_ref(sheet, CellRef{row.sheet_row, 1})};
  return SourceLoc{file, row.line, 0, {}};
}

}  // namespace gongkai
