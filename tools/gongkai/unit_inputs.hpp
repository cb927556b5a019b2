// The units a batch command works on: files given on the command line, or the leaves of a
// roster (--roster), in a stable order.
#pragma once

#include <gongkai/batch/run_units.hpp>
#include <gongkai/core/diagnostic.hpp>

#include <string>
#include <vector>

namespace gongkai::cli {

// Roster errors go to `out`.
[[nodiscard]] std::vector<UnitInput> unit_inputs(const std::vector<std::string>& files, const std::string& roster,
                                                 Diagnostics& out);

}  // namespace gongkai::cli
