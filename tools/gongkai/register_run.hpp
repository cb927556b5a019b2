// Reading request and case registers for a command (tally, init): the vocabulary from the
// template directory, the column options, every file fed to its register. Shared so that both
// commands read registers the same way.
#pragma once

#include "context.hpp"

#include <gongkai/readers/encoding.hpp>
#include <gongkai/tally/case_register.hpp>
#include <gongkai/tally/request_register.hpp>

#include <memory>
#include <string>
#include <vector>

namespace gongkai::cli {

struct RegisterRunOptions {
  std::vector<std::string> requests;  // request registers
  std::vector<std::string> cases;     // case registers (none: table 四 is not tallied)
  std::string columns;                // --columns
  std::string case_columns;           // --case-columns
  std::string terms;                  // --terms; default: beside the first request register
  Encoding encoding = Encoding::detect;
};

// Adds --columns, --case-columns and --cases to `cmd` (the request registers are the caller's).
void add_register_options(CLI::App& cmd, RegisterRunOptions& o);

// The registers after reading. Not movable: the registers refer to the terms beside them.
struct RegisterRun {
  RequestTerms request_words;
  CaseTerms case_words;
  std::unique_ptr<RequestRegister> requests;
  std::unique_ptr<CaseRegister> cases;  // null when no case register was given
  Diagnostics found;                    // every finding of the reading, in order
  bool readable = true;                 // false when a file could not be read (exit 2)
  std::vector<std::string> inputs;      // every file read: never to be overwritten

  RegisterRun() = default;
  RegisterRun(const RegisterRun&) = delete;
  RegisterRun& operator=(const RegisterRun&) = delete;
};

// Reads every register for `year` against `form`. Returns null after printing a usage problem
// (a bad --columns; ctx.exit_code is then set). Throws InputError when the vocabulary cannot
// be read.
[[nodiscard]] std::unique_ptr<RegisterRun> run_registers(Context& ctx, const Form& form, int year,
                                                         const RegisterRunOptions& options, const char* command);

}  // namespace gongkai::cli
