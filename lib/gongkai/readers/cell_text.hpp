// Turns a cell's printed text into a figure of its column's kind. Shared by every reader, so a
// value means the same from YAML, CSV or a workbook. Handles (spec §5): blank cells (kept
// blank, `blank-cell` is reported by the checker), units typed into cells (`unit-in-cell`:
// converted to the column's unit), negative counts (`non-negative`), fractions or overflow where
// a count belongs (`number`).
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form.hpp>
#include <gongkai/model/report.hpp>

#include <optional>
#include <string_view>

namespace gongkai {

// Parses `text` for `cell`. On success returns the value (state blank or value, with `where`
// set) and may append a warning; on failure appends an error and returns nullopt.
[[nodiscard]] std::optional<CellValue> parse_cell_text(std::string_view text, const Form& form, const CellDef& cell,
                                                       const SourceLoc& where, Diagnostics& out);

// The same for a number already typed by its source (YAML int, XLSX numeric cell): `text` is
// its canonical decimal form.
[[nodiscard]] std::optional<CellValue> parse_cell_number(std::string_view text, const Form& form, const CellDef& cell,
                                                         const SourceLoc& where, Diagnostics& out);

}  // namespace gongkai
