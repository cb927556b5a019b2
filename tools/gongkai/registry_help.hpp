// Help texts made from the library's tables (render/formats.hpp, readers/input.hpp), in both
// languages: a new format or reader shows up in every command's --help without an edit here.
// help_text.cpp takes the Chinese from these too.
#pragma once

#include <gongkai/core/text.hpp>

#include <string>
#include <vector>

namespace gongkai::cli {

[[nodiscard]] Text input_files_help();                          // the positional inputs of check, build, merge
[[nodiscard]] Text input_format_help();                         // --input-format
[[nodiscard]] std::vector<std::string> input_format_choices();  // "auto" and every reader's names
[[nodiscard]] Text report_formats_help();                       // build --format
[[nodiscard]] Text build_description();                         // `gongkai build`'s one line
[[nodiscard]] Text overview_help(bool also);                    // --overview: "Also write …" or "Per-unit …"

// Every pair above, for the Chinese help.
[[nodiscard]] std::vector<Text> registry_help_texts();

}  // namespace gongkai::cli
