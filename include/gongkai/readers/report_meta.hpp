// Who and when a report is about, as far as an input or the command line says. A YAML tally
// carries these itself; a CSV or a workbook does not, so they come from options or from a
// companion YAML. Fields given on the command line override the file's.
#pragma once

#include <gongkai/model/report.hpp>

#include <optional>
#include <string>

namespace gongkai {

struct ReportMeta {
  std::optional<std::string> agency;
  std::optional<Level> level;
  std::optional<int> year;
  std::optional<std::string> form_id;           // "2019", "2021"; inferred or taken from the year when absent
  std::optional<std::string> publication_date;  // YYYY-MM-DD

  // Fields set in `over` replace ours.
  void override_with(const ReportMeta& over);
};

}  // namespace gongkai
