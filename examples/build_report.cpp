// Builds a statutory report through the public API, as `gongkai build` does: the sample
// department's tallies and prose, checked, in every format, into a folder.
//
//   build_report OUTPUT_DIR [REPORT] [TEMPLATE_DIR]
//
// REPORT defaults to sample-data/department-2023/report.yaml (run from the source tree).
// Prints the findings, every file written and the exit code, and exits with it: 0 built,
// 1 the report has errors, 2 an input unreadable or an output unwritable.
#include <gongkai/gongkai.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: build_report OUTPUT_DIR [REPORT] [TEMPLATE_DIR]\n";
    return 2;
  }
  gongkai::BuildRequest request;
  request.output_dir = argv[1];
  request.inputs = {argc > 2 ? argv[2] : "sample-data/department-2023/report.yaml"};
  request.template_dir = argc > 3 ? argv[3] : "";
  request.lang = gongkai::Lang::en;
  request.source_date_epoch = 0;  // outputs the same on every run

  gongkai::FormSet forms;
  try {
    forms = gongkai::load_forms(gongkai::find_templates(request.template_dir));
  } catch (const gongkai::InputError& e) {
    std::cerr << e.where().to_string() << ": " << e.message().en << "\n";
    return 2;
  }

  const gongkai::BuildResult result = gongkai::build_units(request, forms);
  std::cerr << gongkai::findings_text(result.general, request.lang);
  for (const auto& unit : result.units) {
    std::cerr << gongkai::findings_text(unit.findings, request.lang);
    std::cout << unit.summary.unit << " (" << unit.summary.year << ", form " << unit.summary.form
              << "): " << unit.summary.status() << "\n";
    for (const auto& path : unit.written) std::cout << "  wrote " << path << "\n";
  }
  std::cout << "exit code " << result.exit_code << "\n";
  return result.exit_code;
}
