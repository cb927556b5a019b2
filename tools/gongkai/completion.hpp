// Shell completions for bash and zsh, written from the command line's own description
// (cli_model.hpp): `gongkai help --completion bash|zsh` prints them, the build writes
// build/completions/ with them. Subcommands, each one's options, option values from their
// lists (formats, languages, encodings), form IDs asked of `gongkai help --form-ids` at
// completion time (so an office's own forms are offered), and files.
#pragma once

#include "cli_model.hpp"

#include <string>

namespace gongkai::cli {

[[nodiscard]] std::string bash_completion(const CliModel& model);
[[nodiscard]] std::string zsh_completion(const CliModel& model);

}  // namespace gongkai::cli
