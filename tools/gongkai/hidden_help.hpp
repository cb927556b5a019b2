// The `help` words nobody types but the build and the shells: not listed in `gongkai help`.
//   gongkai help --man [DATE]             gongkai(1) in roff (man_page.hpp); DATE YYYY-MM-DD
//   gongkai help --completion bash|zsh    the shell completion (completion.hpp)
//   gongkai help --form-ids               the IDs of the forms found (--template-dir honoured),
//                                         one a line: what the completions offer for --form
#pragma once

#include <CLI/CLI.hpp>

#include <optional>

namespace gongkai::cli {

// The exit code when argv asks one of the above after "help", else nullopt.
[[nodiscard]] std::optional<int> hidden_help(CLI::App& app, int argc, char** argv);

}  // namespace gongkai::cli
