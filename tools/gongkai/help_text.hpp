// The command line in the user's language: the subcommand list (printed for `gongkai`,
// `gongkai help` and an unknown subcommand, with "did you mean"), --help in Chinese (labels,
// groups and descriptions translated), and CLI11's parse errors in Chinese.
#pragma once

#include <gongkai/core/text.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace gongkai::cli {

// --lang from the command line (either place, `--lang zh` or `--lang=zh`), else the locale.
[[nodiscard]] Lang language_of(int argc, char** argv);

// The first argument that is not a global option or its value; empty when there is none.
[[nodiscard]] std::string first_command_word(int argc, char** argv);

// `gongkai <subcommand> …` and one line per subcommand, in `lang`.
[[nodiscard]] std::string subcommand_list(const CLI::App& app, Lang lang);

// Translates every description, group and label of `app` and its subcommands to Chinese.
void localize_help(CLI::App& app);

// A wrong option value the program words itself, in both languages (a date that is no day):
// thrown from an option's callback, printed by parse_error_text, exit 2.
class OptionValueError : public CLI::ValidationError {
 public:
  OptionValueError(const std::string& option, Text message)
      : CLI::ValidationError(option, message.en), message_(std::move(message)) {}
  [[nodiscard]] const Text& message() const { return message_; }

 private:
  Text message_;
};

// A parse error as one sentence in `lang`.
[[nodiscard]] std::string parse_error_text(const CLI::Error& e, Lang lang);

}  // namespace gongkai::cli
