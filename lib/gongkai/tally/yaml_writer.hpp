// Writes a Report as a YAML tally (docs/yaml-tally.md): agency, level, year, form, then the
// tables 二, 三, 四 keyed by stable IDs, each row and figure followed by its official label as
// a comment, in the form's order, every given cell written (zeros too, a blank cell as an empty
// value). Derived totals the report leaves to `check` are not written; a comment says which.
// Callers add provenance comments (which register rows a figure counts) through the notes.
// The output reads back with readers/yaml_tally.hpp to the same figures.
#pragma once

#include <gongkai/model/report.hpp>

#include <map>
#include <string>
#include <vector>

namespace gongkai {

struct YamlTallyNotes {
  std::vector<std::string> header;  // comment lines at the top (without `# `)
  // table id -> comment lines after its heading (e.g. why it has no figures)
  std::map<std::string, std::vector<std::string>> tables;
  // `table.row` (a row with cells or a printed group label) -> comment lines before it
  std::map<std::string, std::vector<std::string>> rows;
  // section id -> Markdown file, written as `prose: {overview: {file: overview.md}}`
  std::map<std::string, std::string> prose_files;
  std::vector<std::string> footer;  // comment lines at the end (without `# `)
  // Last year's report, relative to the YAML: written as `previous: …` (check and build use it
  // for the cross-year rules without --previous). Empty: not written.
  std::string previous;
  std::string previous_comment;  // its comment
  // Lines printed where `agency:` would be when the report has no agency (a commented stub).
  std::string agency_missing = "agency: ";
  // The heading of the comment that lists the computed totals left out.
  std::string computed_heading = "由 gongkai check 计算，此处不填 (computed by gongkai check, not given here)";
};

[[nodiscard]] std::string write_yaml_tally(const Report& report, const YamlTallyNotes& notes);

// A YAML double-quoted scalar.
[[nodiscard]] std::string yaml_quote(std::string_view s);

}  // namespace gongkai
