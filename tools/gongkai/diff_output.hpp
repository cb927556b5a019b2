// The output side of `gongkai diff`: which format (--format, else -o FILE's extension, else
// text, from the diff format table in render/diff_formats.hpp), whether the terminal table is
// coloured (standard output a terminal and NO_COLOR unset or empty), refusing a binary format
// (XLSX) on a terminal, and writing the rendering atomically (io/files.hpp).
#pragma once

#include "context.hpp"

#include <gongkai/render/diff_formats.hpp>

#include <optional>
#include <string>
#include <vector>

namespace gongkai::cli {

struct DiffOutput {
  const DiffFormat* format = nullptr;
  bool colour = false;
};

// The --format option's help text, from the table.
[[nodiscard]] std::string diff_format_option_help();

// The format and colour for `format_option` ("" when not given) and `output` ("-" for standard
// output). nullopt after printing a usage error (unknown format, XLSX to a terminal) on stderr.
[[nodiscard]] std::optional<DiffOutput> choose_diff_output(const std::string& format_option, const std::string& output,
                                                           Lang lang);

// Renders `subject` and writes it to `output`. Throws Error (a template, the output file).
void write_diff_output(const DiffOutput& choice, const DiffSubject& subject, bool all, const std::string& output,
                       const std::vector<std::string>& inputs, const std::string& template_dir_option, Lang lang);

}  // namespace gongkai::cli
