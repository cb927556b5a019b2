#include <gongkai/readers/input.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/readers/import_input.hpp>
#include <gongkai/readers/long_csv.hpp>
#include <gongkai/readers/official_workbook.hpp>
#include <gongkai/readers/report_json_input.hpp>
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

// The fields of the first non-blank line, split at commas (enough to recognise a header).
std::vector<std::string> first_line_fields(std::string_view text, int& line_no) {
  line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!trim(line).empty()) {
      std::vector<std::string> out;
      for (std::string_view f : split(line, ',')) {
        std::string_view t = trim(f);
        if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2);
        out.emplace_back(t);
      }
      return out;
    }
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return {};
}

// A wrong kind of input met where a long CSV was expected — a case register, a YAML tally on
// standard input: one error that says what it is and what to do, instead of one per line.
bool wrong_kind_of_csv(const std::string& path, std::string_view text, const ReadOptions& options, Diagnostics& out) {
  int line_no = 0;
  const std::vector<std::string> fields = first_line_fields(text, line_no);
  if (fields.empty()) return false;
  std::size_t register_words = 0;
  for (const auto& f : fields)
    for (const auto& h : options.register_headers)
      if (f == h) {
        ++register_words;
        break;
      }
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "input";
  d.where = SourceLoc{path, line_no, 1, {}};
  if (register_words >= 2) {
    d.message = {"这是一份台账（每行一件申请或案件），不是统计表：请用 gongkai tally 统计成表三、表四，再检查其结果",
                 "this looks like a case register (one row per request or case), not a tally: count it with "
                 "`gongkai tally`, then check the tally it writes"};
    out.add(std::move(d));
    return true;
  }
  const std::string& first = fields.front();
  const bool yaml_like =
      fields.size() == 1 && (first.starts_with("#") || first.starts_with("---") ||
                             (first.find(':') != std::string::npos && first.back() != ':') || first.back() == ':');
  if (yaml_like) {
    d.message = path == "-"
                    ? Text{"标准输入看起来是 YAML，但按 CSV 读取：请加 --input-format yaml",
                           "standard input looks like YAML but is read as CSV: add --input-format yaml"}
                    : Text{"这个文件看起来是 YAML，但按 CSV 读取：请把扩展名改为 .yaml，或加 --input-format yaml",
                           "this file looks like YAML but is read as CSV: name it .yaml, or add --input-format yaml"};
    out.add(std::move(d));
    return true;
  }
  return false;
}

std::optional<Report> read_csv_tables(const std::string& path, const FormSet& forms, const ReportMeta& meta,
                                      const ReadOptions& options, const FileLoader& load, Diagnostics& out) {
  std::string bytes = load(path);
  auto text = to_utf8(bytes, path, options.encoding, out);
  if (!text) return std::nullopt;
  if (wrong_kind_of_csv(path, *text, options, out)) return std::nullopt;
  return read_long_csv(path, *text, forms, meta, out);
}

std::optional<Report> read_workbook_tables(const std::string& path, const FormSet& forms, const ReportMeta& meta,
                                           const ReadOptions&, const FileLoader& load, Diagnostics& out) {
  return read_official_workbook(path, load(path), forms, meta, out);
}

// An input that is only tables (CSV, a workbook): who and when come from the command line, a
// roster, or the file name.
template <TablesFn tables>
ReadResult read_tables_input(const std::string& path, const FormSet& forms, const ReadOptions& options,
                             const FileLoader& load, Diagnostics& out) {
  ReadResult result;
  result.files.push_back(path);
  ReportMeta meta = options.defaults;
  meta.override_with(options.meta);
  fill_from_name(path, meta, out);
  result.report = tables(path, forms, meta, options, load, out);
  if (result.report && result.report->year == 0) {
    // Said once here rather than as "the 0 report" wherever a rule needs the year.
    Diagnostic d = note(path,
                        {"报告年度未知：文件中没有年度，文件名也不以年度开头；请用 --year 指定（或把文件命名为 "
                         "2023_机关.csv）。需要年度的规则（适用表式、发布期限、跨年度衔接）未检查",
                         "the report's year is not known: the file does not say it and its name does not start with "
                         "it; give --year (or name the file 2023_agency.csv). The rules that need the year (form in "
                         "force, deadline, carry-over) were not run"},
                        "meta");
    d.severity = Severity::warning;
    out.add(std::move(d));
  }
  return result;
}

ReadResult read_yaml_input(const std::string& path, const FormSet& forms, const ReadOptions& options,
                           const FileLoader& load, Diagnostics& out);

constexpr InputReader kReaders[] = {
    {"csv", "", ".csv", "long CSV (label, value)", "长表 CSV（标签、数值）", read_tables_input<read_csv_tables>,
     read_csv_tables},
    {"yaml", "yml", ".yaml .yml", "YAML tally", "YAML 统计", read_yaml_input, nullptr},
    {"xlsx", "", ".xlsx .xlsm", "workbook in the official layout", "官方表式的工作簿",
     read_tables_input<read_workbook_tables>, read_workbook_tables},
    {"json", "", ".json", "gongkai's own report JSON (build --format json)",
     "gongkai 自己的报告 JSON（build --format json）", read_report_json_input, nullptr},
    {"html", "htm", ".html .htm", "published report page (tables found by their labels)",
     "已发布的报告网页（按标签查找表格）", read_published_input, read_published_tables},
    {"pdf", "", ".pdf", "published report PDF (tables found by their labels)", "已发布的报告 PDF（按标签查找表格）",
     read_published_input, read_published_tables},
};

bool has_word(std::string_view words, std::string_view word) {
  for (std::string_view w : split(words, ' '))
    if (!w.empty() && w == word) return true;
  return false;
}

std::string all_extensions() {
  std::string out;
  for (const auto& r : kReaders)
    for (std::string_view e : split(r.extensions, ' '))
      if (!e.empty()) out += fmt::format("{}{}", out.empty() ? "" : ", ", e);
  return out;
}

[[noreturn]] void unsupported(const std::string& path, const std::string& ext) {
  throw InputError(SourceLoc{path, 0, 0, {}},
                   {fmt::format("不支持的文件类型「{}」（支持 {}）", ext, all_extensions()),
                    fmt::format("unsupported file type '{}' (supported: {})", ext, all_extensions())});
}

// The reader of `path` as `options` say: named, else by extension ("-": the first row's);
// nullptr when none fits.
const InputReader* reader_of(const std::string& path, const ReadOptions& options) {
  if (const InputReader* r = find_reader_by_name(options.format)) return r;
  if (path == "-") return &kReaders[0];
  return find_reader_for(path);
}

// A file no reader takes: loaded first, so that a missing, unreadable or oversized file is
// said as such rather than as a wrong type.
[[noreturn]] void refuse(const std::string& path, const FileLoader& load) {
  (void)load(path);
  unsupported(path, lower_ext(path));
}

}  // namespace

std::span<const InputReader> input_readers() { return kReaders; }

const InputReader* find_reader_by_name(std::string_view name) {
  for (const auto& r : input_readers())
    if (!name.empty() && (r.name == name || has_word(r.aliases, name))) return &r;
  return nullptr;
}

const InputReader* find_reader_for(const std::string& path) {
  const std::string ext = lower_ext(path);
  for (const auto& r : input_readers())
    if (has_word(r.extensions, ext)) return &r;
  return nullptr;
}

std::vector<std::string> input_format_names() {
  std::vector<std::string> out;
  for (const auto& r : input_readers()) {
    out.emplace_back(r.name);
    for (std::string_view a : split(r.aliases, ' '))
      if (!a.empty()) out.emplace_back(a);
  }
  return out;
}

std::string input_extensions(std::string_view separator) {
  std::string out;
  for (const auto& r : input_readers()) {
    const std::string_view first = split(r.extensions, ' ').front();
    out += fmt::format("{}{}", out.empty() ? "" : separator, first);
  }
  return out;
}

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

bool is_report_error(const Diagnostic& d) {
  return d.severity == Severity::error && (d.rule == "label" || d.rule == "duplicate");
}

ReadResult read_report(const std::string& path, const FormSet& forms, const ReadOptions& options,
                       const FileLoader& load, Diagnostics& out) {
  const std::size_t before = out.items().size();
  const InputReader* reader = reader_of(path, options);
  if (reader == nullptr) refuse(path, load);
  ReadResult result = reader->read(path, forms, options, load, out);
  result.readable = result.report.has_value();
  for (std::size_t i = before; i < out.items().size() && result.readable; ++i) {
    const Diagnostic& d = out.items()[i];
    if (d.severity == Severity::error && !is_report_error(d)) result.readable = false;
  }
  return result;
}

namespace {

ReadResult read_yaml_input(const std::string& path, const FormSet& forms, const ReadOptions& options,
                           const FileLoader& load, Diagnostics& out) {
  ReadResult result;
  result.files.push_back(path);
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
    // The companion file goes by its name.
    const InputReader* companion = find_reader_for(table_path);
    if (companion == nullptr || companion->tables == nullptr) refuse(table_path, load);
    auto cells = companion->tables(table_path, forms, meta, options, load, out);
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
  result.yaml_root = std::move(tally.root);
  result.yaml_text = std::move(*text);
  return result;
}

}  // namespace

}  // namespace gongkai
