// Reading one input — a YAML tally (with its prose files and companion tables), a long CSV, a
// workbook in the official layout — into a Report, with every problem found as a finding.
// The kind of input is chosen from the reader table by the file's extension, or named.
//
//   gongkai::ReadRequest req;
//   req.path = "sample-data/department-2023/report.yaml";
//   gongkai::ReadOutcome r = gongkai::read_input(req, forms);
//   if (r.readable) { /* r.report: not yet checked (gongkai/check.hpp) */ }
//
// Nothing here names a third-party type.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/encoding.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct ReadRequest {
  std::string path;  // "-" is standard input
  ReportMeta meta;   // overrides what the input says
  // What an input that carries no metadata (CSV, a workbook) does not say (a roster's year).
  ReportMeta defaults;
  Encoding encoding = Encoding::detect;  // of a CSV input
  std::string format;                    // a reader's name (input_kinds()); empty: by extension
};

struct ReadOutcome {
  std::optional<Report> report;    // nullopt when nothing could be read
  Diagnostics findings;            // everything found while reading
  std::vector<std::string> files;  // every file read (the input, its prose, its tables)
  // A report came out and its only errors are the report's own (a label that matches nothing,
  // a cell given twice): it can be checked. False: the input could not be read (exit 2).
  bool readable = false;
};

// Never throws for bad input: a missing or unreadable file is a finding (rule `input`).
[[nodiscard]] ReadOutcome read_input(const ReadRequest& request, const FormSet& forms);

// The kinds of input, in the reader table's order (the first reads standard input).
struct InputKind {
  std::string name;                     // as ReadRequest::format takes it
  std::vector<std::string> extensions;  // ".yaml", ".yml"
  Text summary;
};
[[nodiscard]] std::vector<InputKind> input_kinds();

}  // namespace gongkai
