// What one small report costs, phase by phase, without the process around it: each loader and
// reader that `gongkai build report.yaml` runs, timed over many repetitions on the sample
// agency's files. Prints figures; never a test.
//
//   build/bench/phases_bench [report.yaml] [repetitions]
#include <gongkai/forms/form_loader.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/prose/prose_rules.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/tally/register_vocabulary.hpp>

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

namespace {

void time(const char* what, int reps, const std::function<void()>& f) {
  f();  // warm: the first call pays for page faults and static set-up
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < reps; ++i) f();
  const auto t1 = std::chrono::steady_clock::now();
  const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / reps;
  std::printf("%-44s %9.1f us\n", what, us);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string root = GONGKAI_SOURCE_DIR;
  const std::string report = argc > 1 ? argv[1] : root + "/sample-data/department-2023/report.yaml";
  const int reps = argc > 2 ? std::atoi(argv[2]) : 200;
  const std::string templates = root + "/report-templates";
  const std::string f2019 = gongkai::read_file(templates + "/forms/form-2019.yaml");
  const std::string f2021 = gongkai::read_file(templates + "/forms/form-2021.yaml");
  const std::string prose = gongkai::read_file(templates + "/prose-rules.yaml");
  const std::string synonyms = gongkai::read_file(templates + "/register-synonyms.yaml");
  const std::string text = gongkai::read_file(report);

  time("YAML::Load form-2021.yaml", reps, [&] { (void)YAML::Load(f2021); });
  time("load_form form-2019.yaml", reps, [&] { (void)gongkai::load_form("form-2019.yaml", f2019); });
  time("load_form form-2021.yaml", reps, [&] { (void)gongkai::load_form("form-2021.yaml", f2021); });
  time("load_prose_rules", reps, [&] { (void)gongkai::load_prose_rules("prose-rules.yaml", prose); });
  time("read_register_vocabulary", reps,
       [&] { (void)gongkai::read_register_vocabulary("register-synonyms.yaml", synonyms); });
  time("YAML::Load report", reps, [&] { (void)YAML::Load(text); });
  gongkai::FormSet forms;
  forms.add(gongkai::load_form("form-2019.yaml", f2019));
  forms.add(gongkai::load_form("form-2021.yaml", f2021));
  time("read_report", reps, [&] {
    gongkai::Diagnostics out;
    (void)gongkai::read_report(report, forms, {}, gongkai::read_file, out);
  });
  return 0;
}
