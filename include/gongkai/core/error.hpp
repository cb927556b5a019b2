// Failures that stop a piece of work, as opposed to findings (diagnostic.hpp), which are
// collected. One hierarchy: `Error` carries a place, a bilingual message and a rule ID;
// `InputError` is an input that cannot be read at all (missing, over a limit, not UTF-8,
// malformed YAML or CSV), rule "input"; `OutputError` is an output that cannot be written,
// rule "output". Both are exit code 2. `to_diagnostic` (diagnostic.hpp) turns either into the
// finding that stands for it.
#pragma once

#include <gongkai/core/location.hpp>
#include <gongkai/core/text.hpp>

#include <exception>
#include <string>

namespace gongkai {

class Error : public std::exception {
 public:
  [[nodiscard]] const SourceLoc& where() const { return where_; }
  [[nodiscard]] const Text& message() const { return message_; }
  // "input" or "output": the rule ID of the finding that stands for the error.
  [[nodiscard]] const std::string& rule() const { return rule_; }
  [[nodiscard]] const char* what() const noexcept override { return message_.en.c_str(); }

 protected:
  Error(SourceLoc where, Text message, std::string rule)
      : where_(std::move(where)), message_(std::move(message)), rule_(std::move(rule)) {}

 private:
  SourceLoc where_;
  Text message_;
  std::string rule_;
};

// An input that cannot be read. Thrown by readers, caught once by the command, exit code 2.
class InputError : public Error {
 public:
  InputError(SourceLoc where, Text message) : Error(std::move(where), std::move(message), "input") {}

 protected:
  InputError(SourceLoc where, Text message, std::string rule)
      : Error(std::move(where), std::move(message), std::move(rule)) {}
};

// An output that cannot be written (io/files: a full disk, a refused path, a failed rename).
class OutputError : public Error {
 public:
  OutputError(SourceLoc where, Text message) : Error(std::move(where), std::move(message), "output") {}
};

}  // namespace gongkai
