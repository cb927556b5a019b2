// A diff as CSV, one row per cell (never folded): table, row and column labels (verbatim),
// cell IDs, the figures, change, percent, kind and flags; a series has one figure column per
// year and a trend. A figure is its plain decimal when a number, else its word (blank, —, n/a).
// UTF-8 with a BOM, as the overview CSV writes by default (Excel on Chinese Windows opens it by
// double-click); text a spreadsheet would run as a formula (= + - @ tab CR) is kept as text by
// a leading 「'」, figures are written as they are.
#pragma once

#include <gongkai/render/diff_model.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_diff_csv(const DiffModel& model, Lang lang);

// One CSV field: quoted when needed, formula-like text protected.
[[nodiscard]] std::string diff_csv_field(const std::string& s);

}  // namespace gongkai
