#include <gongkai/readers/input.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/readers/long_csv.hpp>
#include <gongkai/readers/official_workbook.hpp>
#include <gongkai/readers/yaml_tally.hpp>

#include <fmt/format.h>

#include <cctype>
#include <filesystem>

namespace gongkai {
namespace fs = std::filesystem;

namespace {

std::string lower_ext(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string relative_to(const std::string& base_file, const std::string& rel) {
  if (fs::path(rel).is_absolute() || base_file == "-") return rel;
  return (fs::path(base_file).parent_path() / rel).lexically_normal().string();
}

Diagnostic note(const std::string& path, Text msg, const std::string& rule) {
  Diagnostic d;
  d.severity = Severity::info;
  d.rule = rule;
  d.message = std::move(msg);
  d.where = SourceLoc{path, 0, 0, {}};
  return d;
}

// A CSV carries no agency or year: take them from the file name when nothing else gives them,
// and say so.
void fill_from_name(const std::string& path, ReportMeta& meta, Diagnostics& out) {
  NameHints hints = hints_from_file_name(path);
  if (!meta.agency) meta.agency = hints.agency;
  if (!meta.year && hints.year) {
    meta.year = hints.year;
    out.add(note(path,
                 {fmt::format("年度取自文件名：{}（可用 --year 指定）", *hints.year),
                  fmt::format("year {} taken from the file name (set it with --year)", *hints.year)},
                 "meta"));
  }
}

std::optional<Report> read_table_file(const std::string& path, const FormSet& forms, const ReportMeta& meta,
                                      const ReadOptions& options, const FileLoader& load, Diagnostics& out) {
  std::string bytes = load(path);
  std::string ext = lower_ext(path);
  if (ext == ".csv" || path == "-") {
    auto text = to_utf8(bytes, path, options.encoding, out);
    if (!text) return std::nullopt;
    return read_long_csv(path, *text, forms, meta, out);
  }
  if (ext == ".xlsx" || ext == ".xlsm") return read_official_workbook(path, bytes, forms, meta, out);
  throw InputError(SourceLoc{path, 0, 0, {}},
                   {fmt::format("不支持的文件类型「{}」（支持 .yaml、.yml、.csv、.xlsx）", ext),
                    fmt::format("unsupported file type '{}' (supported: .yaml, .yml, .csv, .xlsx)", ext)});
}

}  // namespace

NameHints hints_from_file_name(const std::string& path) {
  NameHints h;
  std::string stem = path == "-" ? std::string("-") : fs::path(path).stem().string();
  if (stem.size() >= 4 && std::isdigit(static_cast<unsigned char>(stem[0])) &&
      std::isdigit(static_cast<unsigned char>(stem[1])) && std::isdigit(static_cast<unsigned char>(stem[2])) &&
      std::isdigit(static_cast<unsigned char>(stem[3])) &&
      (stem.size() == 4 || !std::isdigit(static_cast<unsigned char>(stem[4])))) {
    h.year = std::stoi(stem.substr(0, 4));
    std::size_t i = 4;
    while (i < stem.size() && (stem[i] == '_' || stem[i] == '-' || stem[i] == ' ' || stem[i] == '.')) ++i;
    stem = stem.substr(i);
  }
  h.agency = stem.empty() ? std::string("-") : stem;
  return h;
}

namespace {
ReadResult read_report_unjudged(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                const FileLoader& load, Diagnostics& out);
}  // namespace

bool is_report_error(const Diagnostic& d) {
  return d.severity == Severity::error && (d.rule == "label" || d.rule == "duplicate");
}

ReadResult read_report(const std::string& path, const FormSet& forms, const ReadOptions& options,
                       const FileLoader& load, Diagnostics& out) {
  const std::size_t before = out.items().size();
  ReadResult result = read_report_unjudged(path, forms, options, load, out);
  result.readable = result.report.has_value();
  for (std::size_t i = before; i < out.items().size() && result.readable; ++i) {
    const Diagnostic& d = out.items()[i];
    if (d.severity == Severity::error && !is_report_error(d)) result.readable = false;
  }
  return result;
}

namespace {

ReadResult read_report_unjudged(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                const FileLoader& load, Diagnostics& out) {
  ReadResult result;
  result.files.push_back(path);
  std::string ext = lower_ext(path);
  if (ext == ".yaml" || ext == ".yml") {
    std::string bytes = load(path);
    auto text = to_utf8(bytes, path, Encoding::utf8, out);
    if (!text) return result;
    YamlTally tally = read_yaml_tally(path, *text, forms, options.meta, out);
    if (!tally.report) return result;
    if (tally.tables_file) {
      // The YAML gives who and when; the cells come from the companion file.
      ReportMeta meta;
      meta.agency = tally.report->agency;
      meta.level = tally.report->level;
      meta.year = tally.report->year;
      meta.publication_date = tally.report->publication_date;
      if (options.meta.form_id) meta.form_id = options.meta.form_id;
      std::string table_path = relative_to(path, *tally.tables_file);
      result.files.push_back(table_path);
      auto cells = read_table_file(table_path, forms, meta, options, load, out);
      if (!cells) return result;
      cells->prose = std::move(tally.report->prose);
      cells->prose_where = std::move(tally.report->prose_where);
      cells->origin = tally.report->origin;
      tally.report = std::move(cells);
    }
    for (const auto& [section, rel] : tally.prose_files) {
      std::string prose_path = relative_to(path, rel);
      result.files.push_back(prose_path);
      std::string bytes_prose = load(prose_path);
      auto prose = to_utf8(bytes_prose, prose_path, Encoding::utf8, out);
      if (!prose) return result;
      tally.report->prose[section] = *prose;
      tally.report->prose_where[section] = SourceLoc{prose_path, 1, 1, {}};
    }
    result.report = std::move(tally.report);
    return result;
  }
  ReportMeta meta = options.defaults;
  meta.override_with(options.meta);
  fill_from_name(path, meta, out);
  result.report = read_table_file(path, forms, meta, options, load, out);
  return result;
}

}  // namespace

}  // namespace gongkai
