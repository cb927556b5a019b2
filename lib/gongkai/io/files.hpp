// The only part of the library that touches the disk: reading inputs, writing outputs
// atomically (a temporary file renamed into place, so a failed run never leaves a half-written
// file), and finding the forms and templates. Everything else takes and returns text.
#pragma once

#include <gongkai/forms/form_set.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// Reads a whole file ("-" is standard input). Throws InputError naming the path when it is
// missing, a directory, or unreadable.
[[nodiscard]] std::string read_file(const std::string& path);

// Writes `content` to `path` through a temporary file in the same directory and a rename.
// "-" writes to standard output. Throws InputError when the directory cannot be written or
// when `path` is one of `inputs` (never overwrite an input).
void write_file_atomic(const std::string& path, std::string_view content, const std::vector<std::string>& inputs = {});

// The report-templates directory: `explicit_dir` if given, else $GONGKAI_TEMPLATE_DIR, else
// the one installed beside the binary, else the source tree's. Throws InputError if none exists.
[[nodiscard]] std::filesystem::path template_dir(const std::string& explicit_dir = {});

// Loads every forms/*.yaml under the template directory.
[[nodiscard]] FormSet load_forms(const std::filesystem::path& templates);

// True when both paths name the same existing file.
[[nodiscard]] bool same_file(const std::string& a, const std::string& b);

}  // namespace gongkai
