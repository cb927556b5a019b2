// gongkai diff --roster LAST_YEAR_ROSTER THIS_YEAR_ROSTER: every unit of two rosters compared
// with its agency's report of the other year (diff/roster_diff.hpp), as text, JSON, CSV, HTML
// or XLSX. Called by cmd_diff when --roster is given.
#pragma once

#include "context.hpp"

#include <gongkai/diff/report_diff.hpp>
#include <gongkai/readers/encoding.hpp>

#include <string>
#include <vector>

namespace gongkai::cli {

struct RosterDiffArgs {
  std::vector<std::string> rosters;  // last year's, this year's
  std::string format;                // text json csv html xlsx; empty: by -o FILE's extension, else text
  std::string output = "-";
  bool strict = false;
  unsigned jobs = 0;  // 0: all cores
  Encoding encoding = Encoding::detect;
  DiffOptions diff;
};

// Sets ctx.exit_code: 0; 1 when a unit's carry-over breaks, a name is given twice (or, with
// --strict, anything is flagged); 2 when a roster or a unit cannot be read.
void run_diff_roster(const RosterDiffArgs& args, Context& ctx);

}  // namespace gongkai::cli
