// Consolidates a government's units through the public API, as `gongkai merge` does: every
// unit of a roster read, checked and summed; the consolidated report checked and printed as the
// YAML tally `gongkai build` reads.
//
//   merge_roster ROSTER [TEMPLATE_DIR]    e.g. sample-data/county-2023/roster.yaml
//
// The findings and one line per unit go to standard error, the YAML to standard output; the
// exit code is merge's: 0 ok, 1 errors, 2 a roster or a unit unreadable.
#include <gongkai/gongkai.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: merge_roster ROSTER [TEMPLATE_DIR]\n";
    return 2;
  }
  gongkai::MergeRequest request;
  request.roster = argv[1];
  request.template_dir = argc > 2 ? argv[2] : "";

  gongkai::FormSet forms;
  try {
    forms = gongkai::load_forms(gongkai::find_templates(request.template_dir));
  } catch (const gongkai::InputError& e) {
    std::cerr << e.where().to_string() << ": " << e.message().en << "\n";
    return 2;
  }

  const gongkai::MergeResult result = gongkai::merge_units(request, forms);
  std::cerr << gongkai::findings_text(result.findings, gongkai::Lang::en);
  for (const auto& unit : result.units)
    std::cerr << (unit.summed ? "summed    " : "left out  ") << unit.summary.unit << " (" << unit.summary.status()
              << ")\n";
  if (result.consolidated) std::cout << gongkai::report_yaml(*result.consolidated);
  std::cerr << "exit code " << result.exit_code << "\n";
  return result.exit_code;
}
