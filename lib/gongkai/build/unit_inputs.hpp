// The units a batch works on: files given on the command line (a report folder stands for its
// report.yaml), or the leaves of a roster, in a stable order.
#pragma once

#include <gongkai/batch/run_units.hpp>
#include <gongkai/core/diagnostic.hpp>

#include <string>
#include <vector>

namespace gongkai {

// Roster errors go to `out`.
[[nodiscard]] std::vector<UnitInput> unit_inputs(const std::vector<std::string>& files, const std::string& roster,
                                                 Diagnostics& out);

}  // namespace gongkai
