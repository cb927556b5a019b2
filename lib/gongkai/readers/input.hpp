// Reads any supported input into a Report, choosing the reader from a table (input_readers()):
// label-keyed long CSV (.csv), YAML tallies (.yaml, .yml), a workbook in the official layout
// (.xlsx, .xlsm: readers/official_workbook.hpp). A YAML tally may name a companion table file
// (`tables: x.csv`, read by a reader that takes companions) and prose files; those are loaded
// through `load`, relative to the YAML. The only disk access is through `load`, so tests can
// serve files from memory. Each file is loaded once: what else a YAML holds (section 六's fees
// and work plan, `previous:`) is read from the text kept in ReadResult::yaml_text.
// `--input-format` choices, help texts and "unsupported file type" come from the table: a new
// reader is one file pair in readers/ and one row in input.cpp.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/encoding.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

using FileLoader = std::function<std::string(const std::string& path)>;

struct ReadOptions {
  ReportMeta meta;  // from the command line; overrides the files
  // Fills in what an input that carries no metadata (CSV, XLSX) does not say: a roster's year.
  // YAML tallies carry their own and ignore these. Default: none.
  ReportMeta defaults;
  Encoding encoding = Encoding::detect;  // for CSV inputs
  // How to read an input: a reader's name (`--input-format`), or empty ("auto"): by its
  // extension, standard input ("-") as CSV.
  std::string format;
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
  // A YAML input's text (UTF-8), kept for what the tally reader leaves to others (section 六's
  // fees and work plan, `previous:`: prose/prose_extras.hpp), so that nothing reads the file
  // again. Empty for other inputs.
  std::string yaml_text;
  // yaml_text parsed, when the tally reader parsed it: the readers of the rest share it.
  std::optional<YAML::Node> yaml_root;

  // yaml_root for the readers that take a tree already parsed; nullptr when there is none.
  [[nodiscard]] const YAML::Node* yaml_tree() const { return yaml_root ? &*yaml_root : nullptr; }
};

// One kind of input. `read` fills the report and `files` (and, for YAML, `yaml_text`); it may
// throw InputError when the file cannot be loaded. `tables`, for a reader of tables only, reads
// the cells of a file whose who and when are known (`meta`): a YAML tally's companion
// (`tables: x.csv`); nullptr when the kind cannot be a companion.
using ReaderFn = ReadResult (*)(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                const FileLoader& load, Diagnostics& out);
using TablesFn = std::optional<Report> (*)(const std::string& path, const FormSet& forms, const ReportMeta& meta,
                                           const ReadOptions& options, const FileLoader& load, Diagnostics& out);
struct InputReader {
  std::string_view name;        // for --input-format
  std::string_view aliases;     // other names for it, space-separated ("yml")
  std::string_view extensions;  // space-separated, lower case, with the dot (".yaml .yml")
  std::string_view summary_en;  // "YAML tally"
  std::string_view summary_zh;
  ReaderFn read = nullptr;
  TablesFn tables = nullptr;
};

// In the order help texts list them: csv, yaml, xlsx. The first reads standard input.
[[nodiscard]] std::span<const InputReader> input_readers();
// By name or alias; nullptr when none ("auto" and "" are none too: by extension).
[[nodiscard]] const InputReader* find_reader_by_name(std::string_view name);
// By a path's extension (case-insensitive); nullptr when none.
[[nodiscard]] const InputReader* find_reader_for(const std::string& path);
// Every name and alias in table order, for --input-format's choices ("csv", "yaml", "yml", …).
[[nodiscard]] std::vector<std::string> input_format_names();
// The first extension of each reader, joined: ".csv, .yaml, .xlsx" (`separator` between them).
[[nodiscard]] std::string input_extensions(std::string_view separator = ", ");

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
