// Building statutory reports: each unit read, checked (with last year's report when known), its
// prose expanded and rendered in every format asked for. The one entry point an embedding
// program needs; `gongkai build` is this call plus option parsing and printing.
//
//   gongkai::FormSet forms = gongkai::load_forms(gongkai::find_templates());
//   gongkai::BuildRequest req;
//   req.inputs = {"sample-data/department-2023/report.yaml"};
//   req.output_dir = "out";                    // or empty: the bytes come back in memory
//   gongkai::BuildResult r = gongkai::build_units(req, forms);
//   // r.exit_code: 0 built, 1 errors in a report, 2 an input unreadable or an output unwritable
//
// Nothing here names a third-party type.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/readers/encoding.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct OutputFile {
  std::string name;   // relative to output_dir: "<agency>/report.md" (and "<agency>/manifest.json")
  std::string bytes;  // filled only when output_dir is empty
};

struct BuiltUnit {
  UnitSummary summary;               // agency, year, counts by severity and rule
  Diagnostics findings;              // everything found in this unit
  std::vector<OutputFile> outputs;   // what was (or would be) written, in format order
  std::vector<std::string> written;  // paths written on disk, in format order
};

struct BuildRequest {
  std::vector<std::string> inputs;  // report files (.yaml, .csv, .xlsx, …; "-" is standard input)
  std::string roster;               // or a roster (YAML with `units:`): every unit of it
  // Output format names from the format registry, in any order ("md", "html", "xlsx", "json");
  // empty: every report format. Outputs come in the registry's order.
  std::vector<std::string> formats;
  // DIR/<agency>/report.<ext>, each file staged and moved into place; "-" writes the one
  // format of the one unit to standard output; empty: nothing is written, the bytes come back
  // in BuiltUnit::outputs.
  std::string output_dir;
  std::string previous;                           // last year's report or roster; empty: each report's own `previous:`
  bool allow_errors = false;                      // write the outputs of a report with errors, stamped as such
  unsigned jobs = 0;                              // units in parallel; 0: all cores
  Lang lang = Lang::zh;                           // of the findings and of the report JSON's messages
  std::string template_dir;                       // forms, templates, phrases; empty: found as the CLI finds them
  std::optional<std::int64_t> source_date_epoch;  // the only clock an output may show
  ReportMeta meta;                                // overrides what the inputs say
  Encoding encoding = Encoding::detect;           // of CSV inputs
  std::string input_format;                       // how to read "-" (a reader name); empty: CSV
  // Column headers of case registers (report-templates/register-synonyms.yaml): a CSV made of
  // them is said to be a register, in one finding. Empty: none known.
  std::vector<std::string> register_headers;
  // Called after each unit, from the worker that built it: (units done, units in all).
  std::function<void(std::size_t, std::size_t)> progress;
  // A provenance manifest (manifest.json, docs/json-schemas.md) beside each unit's outputs in
  // output_dir: the SHA-256 of every input, template and output. Only when files are written
  // to a folder (not with output_dir "-" or empty).
  bool manifest = true;
  std::vector<std::string> command;  // the command line, recorded in the manifest
  // When set, each unit is handed here once its files are in place, instead of being kept in
  // BuildResult::units: in input order, one call at a time, from a worker thread, as soon as
  // the unit and every unit before it are done. The build then holds no unit's findings or
  // outputs, so its memory does not grow with the number of units. Must not throw.
  std::function<void(std::size_t index, BuiltUnit&& unit)> on_unit;
  // Called once before the first unit is built, when there is one: the findings about no one
  // unit (BuildResult::general, complete by then) and every input file (BuildResult::inputs).
  // Must not throw.
  std::function<void(const Diagnostics& general, const std::vector<std::string>& inputs)> on_start;
};

struct BuildResult {
  std::vector<BuiltUnit> units;  // in input order, whatever `jobs` is; empty when none was built
                                 // or BuildRequest::on_unit took them
  std::size_t unit_count = 0;    // units built (kept in `units` or handed to on_unit)
  Diagnostics general;           // about no one unit: the roster, last year's report
  // Why nothing was attempted: the request is wrong (rule `usage`: an unknown format, "-" with
  // more than one output, no inputs), or a template, the prose rules or the output folder
  // could not be read or made (rule `input` or `output`). exit_code is then 2.
  std::optional<Diagnostic> stopped;
  // Every input file read (the units, last year's reports): a caller writing more files (the
  // findings) must not overwrite one.
  std::vector<std::string> inputs;
  int exit_code = 0;  // 0 ok, 1 a report has errors, 2 unreadable input or unwritable output
};

// Never throws for bad input or output: every problem is a finding and sets exit_code.
[[nodiscard]] BuildResult build_units(const BuildRequest& request, const FormSet& forms);

}  // namespace gongkai
