// A roster diff as the table a reviewer reads in a terminal: one line per unit (aligned by
// display width) with its status, changed cells, flags by rule, the cross-year rules and each
// key figure last year → this year; then every error in full (unreadable units, duplicate
// names, broken carry-over) and a count of the warnings, which `gongkai diff OLD NEW` of the
// unit shows cell by cell; then the counts.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/roster_diff.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_roster_diff_text(const RosterDiff& diff, Lang lang);

// The closing line: units compared, appeared, disappeared, duplicate, unreadable; carry-over broken.
[[nodiscard]] std::string roster_diff_summary(const RosterDiff& diff, Lang lang);

}  // namespace gongkai
