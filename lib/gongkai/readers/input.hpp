// Reads any supported input into a Report, choosing the reader by file type: YAML tallies
// (.yaml, .yml), label-keyed long CSV (.csv), a workbook in the official layout (.xlsx, .xlsm:
// readers/official_workbook.hpp). A YAML tally may name a companion table file
// (`tables: x.csv`) and prose files; those are loaded through `load`, relative to the YAML.
// The only disk access is through `load`, so tests can serve files from memory.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/encoding.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

using FileLoader = std::function<std::string(const std::string& path)>;

// How to read an input: by its extension (standard input, "-", is CSV), or as named
// (`--input-format`).
enum class InputFormat { by_extension, yaml, csv, xlsx };
[[nodiscard]] std::optional<InputFormat> parse_input_format(std::string_view name);

struct ReadOptions {
  ReportMeta meta;  // from the command line; overrides the files
  // Fills in what an input that carries no metadata (CSV, XLSX) does not say: a roster's year.
  // YAML tallies carry their own and ignore these. Default: none.
  ReportMeta defaults;
  Encoding encoding = Encoding::detect;  // for CSV inputs
  InputFormat format = InputFormat::by_extension;
  // The column headers of case registers (report-templates/register-synonyms.yaml): a CSV
  // whose first line is made of them is a register, said in one finding that points to
  // `gongkai tally` instead of one error per line. Default: none known.
  std::vector<std::string> register_headers;
};

struct ReadResult {
  std::optional<Report> report;    // nullopt when unreadable
  std::vector<std::string> files;  // every file read, for "never overwrite an input"
  // A report was read, and every error found while reading it is an error of the report (see
  // is_report_error): it is checked like any other, its errors exit 1, and --allow-errors
  // still builds it. False when the input could not be read (exit 2).
  bool readable = false;
};

// Errors a reader finds in what a table says, not in whether it can be read: a label that
// matches no row or column of the form (rule `label`), a cell given twice (`duplicate`). The
// figures that depend on them are left out; everything else of the report stands.
[[nodiscard]] bool is_report_error(const Diagnostic& d);

// Every problem is appended to `out`. The input counts as unreadable (`readable` false) when
// no report came back or `out` gained an error other than the report's own (is_report_error);
// the report may then be partial and must not be checked or built.
[[nodiscard]] ReadResult read_report(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                     const FileLoader& load, Diagnostics& out);

// The agency and year a file name suggests: `2021_pingtan_syq.csv` -> ("pingtan_syq", 2021).
struct NameHints {
  std::string agency;
  std::optional<int> year;
};
[[nodiscard]] NameHints hints_from_file_name(const std::string& path);

}  // namespace gongkai
