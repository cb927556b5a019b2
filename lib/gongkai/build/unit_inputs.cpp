#include <gongkai/build/unit_inputs.hpp>

#include <gongkai/io/roster_files.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace gongkai {

std::vector<UnitInput> unit_inputs(const std::vector<std::string>& files, const std::string& roster, Diagnostics& out) {
  std::vector<UnitInput> units;
  units.reserve(files.size());
  namespace fs = std::filesystem;
  for (const auto& f : files) {
    std::error_code ec;
    if (f != "-" && fs::is_directory(f, ec)) {
      // A report folder (gongkai init) stands for its report.yaml.
      const std::string report = (fs::path(f) / "report.yaml").string();
      if (fs::is_regular_file(report, ec)) {
        units.push_back(UnitInput{{}, report, {}, {}, {}});
        continue;
      }
      Diagnostic d;
      d.severity = Severity::error;
      d.rule = "input";
      d.where = SourceLoc{f, 0, 0, {}};
      d.message = {"这是一个目录，其中没有 report.yaml：请给出报告文件（.yaml、.csv、.xlsx）",
                   "this is a folder without a report.yaml: give a report file (.yaml, .csv, .xlsx)"};
      units.push_back(UnitInput{{}, f, {}, {}, {std::move(d)}});
      continue;
    }
    units.push_back(UnitInput{{}, f, {}, {}, {}});
  }
  if (!roster.empty()) {
    if (auto tree = load_roster_tree(roster, out, /*missing_as_units=*/true)) {
      const auto leaves = all_leaves(*tree);
      units.reserve(units.size() + leaves.size());
      for (const auto& ref : leaves) {
        UnitInput in{ref.leaf->meta.agency.value_or(""), ref.leaf->path, ref.leaf->meta, {}, {}};
        if (ref.leaf->missing) {
          in.problems.push_back(*ref.leaf->missing);
          if (in.name.empty()) in.name = ref.leaf->path;  // the pattern: it named no file
        }
        // Inputs that carry no year (CSV, XLSX) take the nearest roster's.
        for (auto it = ref.ancestors.rbegin(); it != ref.ancestors.rend() && !in.defaults.year; ++it)
          in.defaults.year = (*it)->roster.meta.year;
        units.push_back(std::move(in));
      }
    }
  }
  return units;
}

}  // namespace gongkai
