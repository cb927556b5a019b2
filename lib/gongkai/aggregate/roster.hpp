// A roster: the consolidated report's agency and the units it consolidates (乡镇/部门 → 县 →
// 市 → 省). Each unit is a path (a glob allowed) to a unit's tallies or to another roster.
// This file parses the roster's text; io/roster_files.hpp expands globs and nesting.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct RosterEntry {
  std::string path;  // relative to the roster file; may contain * ? [ ] (glob)
  ReportMeta meta;   // agency / level / year / form for inputs that carry none (CSV)
  SourceLoc where;   // the entry in the roster file
};

struct Roster {
  ReportMeta meta;                        // the consolidated report: agency, level, year, form, published
  std::vector<RosterEntry> units;         // in roster order
  std::optional<std::string> own;         // this level's own consolidated figures, reconciled against the sum
  std::optional<std::string> prose_from;  // a YAML tally whose prose the consolidated report uses
  SourceLoc origin;
};

// True when the YAML text is a roster (a mapping with a `units` key).
[[nodiscard]] bool looks_like_roster(std::string_view yaml_text);

// Parses a roster. Errors (rule `roster`) name the line; nullopt when unusable.
[[nodiscard]] std::optional<Roster> parse_roster(std::string_view name, std::string_view yaml_text, Diagnostics& out);

}  // namespace gongkai
