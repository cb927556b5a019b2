// The roster diff's table, shared by every renderer of it (text, CSV, HTML, XLSX): its columns
// and one unit's cells, each unit's status in words, and the order a reviewer works through
// (errors first: unreadable, duplicate name, carry-over broken; then in-force breaks, then the
// most flags, then the most changed cells; roster order last). CSV is here too: it is the
// table as it is.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/roster_diff.hpp>

#include <string>
#include <vector>

namespace gongkai {

struct RosterDiffColumn {
  std::string heading;
  bool numeric = false;
};

// unit, status, last year's file, this year's file, changed cells, the four flags,
// carry-over, in force, then each key figure last year and this year.
[[nodiscard]] std::vector<RosterDiffColumn> roster_diff_columns(const RosterDiff& diff, Lang lang);
[[nodiscard]] std::vector<std::string> roster_diff_row(const RosterDiff& diff, const RosterUnitDiff& unit, Lang lang);

[[nodiscard]] std::string roster_status_text(RosterUnitStatus s, Lang lang);
// carry-continuity / in-force-continuity as a cell: broken, ok, or empty when not compared.
[[nodiscard]] std::string roster_continuity_text(const RosterUnitDiff& unit, bool broken, Lang lang);
[[nodiscard]] std::string roster_figure_text(const KeyFigure& k, const std::optional<std::int64_t>& v);

// Indexes of diff.units, the units that need a look first (errors, then flags, then changes).
[[nodiscard]] std::vector<std::size_t> roster_attention_order(const RosterDiff& diff);
// Whether a unit needs a look at all: not compared cleanly, a flag, or a name in one year only.
[[nodiscard]] bool roster_needs_attention(const RosterUnitDiff& unit);

// The table as CSV (UTF-8, no BOM; a header row; formula-like text kept as text by a leading ').
[[nodiscard]] std::string render_roster_diff_csv(const RosterDiff& diff, Lang lang);

}  // namespace gongkai
