// What `gongkai import` writes: the figures found in a published report, each with where it was
// found, in a form gongkai's readers read back.
// - CSV: the label-keyed long CSV of spec §7 (readers/long_csv.hpp) with a fifth column
//   `source` (table, row and column in the page; page and position in a PDF) that the reader
//   accepts and passes over. Row labels are written with their parents (`（三）不予公开/1.属于国家秘密`),
//   column labels with their group (`法人或其他组织/商业企业`).
// - YAML: the YAML tally (tally/yaml_writer.hpp) with the page as a header comment and, before
//   each row, one comment naming where each of its figures was found.
// Figures computed by `check` are never written; a blank cell is written blank.
#pragma once

#include <gongkai/model/report.hpp>

#include <map>
#include <string>
#include <vector>

namespace gongkai::import {

[[nodiscard]] std::string import_csv(const Report& report);

// `prose_files`: section id -> Markdown file (relative to the YAML) holding its prose.
[[nodiscard]] std::string import_yaml(const Report& report, const std::map<std::string, std::string>& prose_files);

}  // namespace gongkai::import
