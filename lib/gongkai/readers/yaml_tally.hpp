// Reads a YAML tally (schema: docs/yaml-tally.md): agency, level, year, form, the cells of
// tables 二, 三 and 四 keyed by stable IDs or official labels, and optionally the prose.
// Pure: takes the file's name (for locations) and its text.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct YamlTally {
  std::optional<Report> report;  // nullopt when the file could not be read (errors in `out`)
  // Files the tally names relative to itself: `tables: x.csv` (cells from a label-keyed CSV
  // or a workbook) and prose files (`prose: {overview: overview.md}`); the caller loads them.
  std::optional<std::string> tables_file;
  std::map<std::string, std::string> prose_files;  // section id -> relative path
  // The parsed document, with `report`: what else the file holds (explanations, section 六's
  // fees, the work plan, `previous:`) is read from it, not parsed again (yaml-cpp reads about
  // 10 MB/s: a third of a millisecond a reading of a 4 KB report). Its marks place nodes in
  // the text given, without its BOM.
  std::optional<YAML::Node> root;
};

// `meta` overrides what the file says. Every problem is appended to `out` (all of them, not
// the first); a report is returned when the structure could be read, even with value errors.
[[nodiscard]] YamlTally read_yaml_tally(std::string_view name, std::string_view text, const FormSet& forms,
                                        const ReportMeta& meta, Diagnostics& out);

}  // namespace gongkai
