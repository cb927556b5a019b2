// `gongkai merge ROSTER`: reads every unit of a roster tree in parallel, sums them into the
// consolidated report, reconciles every roster that supplies its own consolidated figures
// (`own:`) against the sum of its units, and checks the result.
#pragma once

#include <gongkai/aggregate/accumulator.hpp>
#include <gongkai/batch/run_units.hpp>

#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct MergeOptions {
  BatchOptions batch;                // jobs, read options, forms, loader, progress (step is ours)
  std::vector<std::string> explain;  // cell IDs to account for, unit by unit
};

struct MergeOutcome {
  std::optional<Report> consolidated;  // checked; nullopt when the roster itself is unusable
  std::vector<UnitResult> units;       // one per leaf unit, in roster order
  // Per unit (parallel to `units`): whether it is in the consolidated sum; and, when it is
  // not, why (the first error that left it out: unreadable, another form or year, an overflow).
  std::vector<char> summed;
  std::vector<Text> left_out_because;
  Diagnostics findings;  // roster, merge, reconcile and the consolidated report's own
  // For each --explain cell: every unit's contribution, in roster order.
  std::vector<std::pair<std::string, std::vector<Contribution>>> explained;
  std::vector<std::string> files;  // every input file, for "never overwrite an input"
};

[[nodiscard]] MergeOutcome merge_roster(const std::string& roster_path, const MergeOptions& options);

}  // namespace gongkai
