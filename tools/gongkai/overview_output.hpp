// Writes the per-unit overview in the format its file name asks for.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/text.hpp>

#include <string>
#include <vector>

namespace gongkai::cli {

// .md, .html, .csv, .json or .xlsx; throws CLI::ValidationError for another ending.
void write_overview(const std::string& path, const std::vector<UnitSummary>& units, Lang lang,
                    const std::vector<std::string>& inputs);

}  // namespace gongkai::cli
