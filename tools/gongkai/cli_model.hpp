// The command line as data, read from the CLI11 app itself (the same objects `--help` prints):
// the source of the man page and of the shell completions, so neither can drift from --help.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace gongkai::cli {

// What a shell should offer for an option's value.
enum class ValueKind {
  none,         // a flag, or a value no list can offer (a number, a name, a date)
  file,         // any file (inputs are .yaml .yml .csv .xlsx .json .html .htm .pdf, or - for standard input)
  dir,          // a folder
  choices,      // one of `choices`
  choice_list,  // a comma-separated list of `choices` (build --format)
  form_id,      // a form ID, as `gongkai forms` lists them at completion time
};

struct OptionInfo {
  std::vector<std::string> names;  // "-o", "--output"; a positional's one name ("files")
  bool positional = false;
  bool flag = false;
  bool required = false;
  bool repeatable = false;
  std::string value_name;  // "FILE", "DIR", "N", "TEXT", …
  std::string description;
  ValueKind kind = ValueKind::none;
  std::vector<std::string> choices;
};

struct CommandInfo {
  std::string name;
  std::string description;
  std::vector<OptionInfo> options;  // options first, then positionals, in declaration order
};

struct CliModel {
  std::string version;
  std::vector<OptionInfo> globals;
  std::vector<CommandInfo> commands;
};

// Reads `app` (its subcommands registered, descriptions in English).
[[nodiscard]] CliModel describe_cli(CLI::App& app, const std::string& version);

}  // namespace gongkai::cli
