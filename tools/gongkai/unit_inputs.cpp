#include "unit_inputs.hpp"

#include <gongkai/io/roster_files.hpp>

namespace gongkai::cli {

std::vector<UnitInput> unit_inputs(const std::vector<std::string>& files, const std::string& roster, Diagnostics& out) {
  std::vector<UnitInput> units;
  for (const auto& f : files) units.push_back(UnitInput{{}, f, {}, {}});
  if (!roster.empty()) {
    if (auto tree = load_roster_tree(roster, out)) {
      for (const auto& ref : all_leaves(*tree)) {
        UnitInput in{ref.leaf->meta.agency.value_or(""), ref.leaf->path, ref.leaf->meta, {}};
        // Inputs that carry no year (CSV, XLSX) take the nearest roster's.
        for (auto it = ref.ancestors.rbegin(); it != ref.ancestors.rend() && !in.defaults.year; ++it)
          in.defaults.year = (*it)->roster.meta.year;
        units.push_back(std::move(in));
      }
    }
  }
  return units;
}

}  // namespace gongkai::cli
