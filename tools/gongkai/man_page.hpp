// gongkai(1), written from the command line's own description (cli_model.hpp) and the fixed
// sections below it (exit status, environment, files, examples): `gongkai help --man DATE`
// prints it, the build writes build/gongkai.1 with it, tests/package/test_man_page.py lints it
// and checks it against every --help.
#pragma once

#include "cli_model.hpp"

#include <string>

namespace gongkai::cli {

// The page in roff (man macros), UTF-8. `date` (YYYY-MM-DD) goes in the title line.
[[nodiscard]] std::string man_page(const CliModel& model, const std::string& date);

}  // namespace gongkai::cli
