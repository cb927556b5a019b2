// The options every command that reads reports shares: --agency, --level, --year, --form,
// --published, --encoding. They override what the input files say.
#pragma once

#include <gongkai/readers/input.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace gongkai::cli {

struct ReportOptionValues {
  std::string agency, level, form, published, encoding = "auto", input_format = "auto";
  int year = 0;
};

void add_report_options(CLI::App& cmd, ReportOptionValues& v);
[[nodiscard]] ReadOptions make_read_options(const ReportOptionValues& v);

}  // namespace gongkai::cli
