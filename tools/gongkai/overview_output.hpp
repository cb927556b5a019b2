// Writes the per-unit overview in the format its file name asks for.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/text.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace gongkai::cli {

// .md, .html, .csv, .json or .xlsx, or "-" for standard output (as JSON); throws
// CLI::ValidationError for another ending.
// `csv_encoding` (utf-8-bom, utf-8, gb18030) applies to a .csv; a .html is rendered with
// html/overview.mustache and html/overview.css of the template directory (`template_dir_option`:
// --template-dir, or empty for the usual lookup).
void write_overview(const std::string& path, const std::vector<UnitSummary>& units, Lang lang,
                    const std::vector<std::string>& inputs, const std::string& csv_encoding,
                    const std::string& template_dir_option);

// Adds --overview-encoding to `cmd`.
void add_overview_encoding_option(CLI::App& cmd, std::string& encoding);

}  // namespace gongkai::cli
