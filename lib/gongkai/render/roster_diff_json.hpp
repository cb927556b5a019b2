// A roster diff as JSON for pipelines: both rosters (file, agency, year), the key figures, and
// one object per unit in roster order: name, status, files and years of both sides, changed and
// not comparable cells, flags by rule (every rule of the unit's diff), carry-over and in-force
// continuity ("ok", "broken", or null when not compared), key figures last year and this year
// (an amount as a decimal string, as report JSON writes it), and the unit's findings; then the
// findings about the rosters and the counts.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/roster_diff.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_roster_diff_json(const RosterDiff& diff, Lang lang);

}  // namespace gongkai
