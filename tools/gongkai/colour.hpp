// Colour on standard error, the way well-kept command-line tools do it: only when standard
// error is a terminal, TERM is not "dumb" and NO_COLOR (https://no-color.org) is unset or empty.
// Pipelines, logs, files and the golden cases never see an escape sequence.
#pragma once

#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

namespace gongkai::cli {

// Whether findings written to `fd` are coloured (the rule above).
[[nodiscard]] bool colour_wanted(int fd);

// One findings line with its severity word coloured: `where: error[rule]: …` → the word
// "error" bold red, "warning" bold yellow, "info" bold cyan. Other lines are returned as they are.
[[nodiscard]] std::string tint_line(std::string_view line);

// While alive, std::cerr's complete lines go through tint_line when colour_wanted(stderr).
// One in main: every subcommand's findings are coloured without knowing it.
class StderrTint {
 public:
  StderrTint();
  ~StderrTint();
  StderrTint(const StderrTint&) = delete;
  StderrTint& operator=(const StderrTint&) = delete;

 private:
  std::streambuf* original_ = nullptr;
  std::unique_ptr<std::streambuf> filter_;
};

}  // namespace gongkai::cli
