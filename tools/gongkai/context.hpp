// State shared by the subcommands: the global options and the exit code the command sets.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/forms/form_set.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace gongkai::cli {

// Exit codes are part of the interface: scripts rely on them.
enum Exit : int {
  kOk = 0,         // no errors (warnings allowed unless --strict)
  kFindings = 1,   // the inputs were read and contain errors
  kUnreadable = 2  // an input could not be read, or the command line is wrong
};

struct Context {
  std::string lang_option;   // zh | en | "" (from the locale)
  std::string template_dir;  // --template-dir
  bool quiet = false;
  int exit_code = kOk;
  std::vector<std::string> argv;  // the command line, the program as "gongkai" (build's manifest)

  [[nodiscard]] Lang lang() const;
  // The forms, loaded once on first use. Throws InputError.
  [[nodiscard]] const FormSet& forms();
  // The column headers of case registers (register-synonyms.yaml), to recognise a register
  // given where a tally belongs; none when the vocabulary cannot be read.
  [[nodiscard]] std::vector<std::string> register_headers() const;
  // The same, for a command that reads `inputs` (and the units of a roster when `roster`): none
  // when every input is a YAML file, which no register can be (the vocabulary's YAML is not
  // parsed: half a millisecond of a one-report build).
  [[nodiscard]] std::vector<std::string> register_headers_for(const std::vector<std::string>& inputs,
                                                              bool roster) const;

 private:
  bool loaded_ = false;
  FormSet forms_;
};

// Prints an error as `path:line:col: error[input]: message` (or error[output]) on stderr.
void print_input_error(const Error& e, Lang lang);
// The same line for a finding that stopped a command (BuildResult::stopped).
void print_error_line(const SourceLoc& at, const std::string& rule, const Text& message, Lang lang);

// Prints findings on standard error: as text, or (format "json") as the findings document of
// render/diagnostics_json.hpp with no units.
void print_findings(const Diagnostics& found, const std::string& format, Lang lang);

// Each subcommand registers itself on the app; its callback sets ctx.exit_code.
void register_forms(CLI::App& app, Context& ctx);
void register_check(CLI::App& app, Context& ctx);
void register_rules(CLI::App& app, Context& ctx);
void register_merge(CLI::App& app, Context& ctx);
void register_tally(CLI::App& app, Context& ctx);
void register_init(CLI::App& app, Context& ctx);
void register_build(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);

}  // namespace gongkai::cli
