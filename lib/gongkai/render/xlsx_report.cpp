#include <gongkai/render/xlsx_report.hpp>

#include <gongkai/render/report_text.hpp>
#include <gongkai/render/table_layout.hpp>
#include <gongkai/render/xlsx_findings_sheet.hpp>
#include <gongkai/render/xlsx_prose_sheet.hpp>
#include <gongkai/render/xlsx_sheet.hpp>
#include <gongkai/render/xlsx_styles.hpp>
#include <gongkai/render/xlsx_table_sheet.hpp>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <vector>

namespace gongkai {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC) as seconds since the epoch.
std::optional<std::int64_t> parse_utc(std::string_view s) {
  auto num = [&](std::size_t at, std::size_t len) -> std::optional<unsigned> {
    if (at + len > s.size()) return std::nullopt;
    unsigned v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + static_cast<unsigned>(s[i] - '0');
    }
    return v;
  };
  auto y = num(0, 4), mo = num(5, 2), d = num(8, 2);
  if (!y || !mo || !d || s[4] != '-' || s[7] != '-' || *mo < 1 || *mo > 12 || *d < 1 || *d > 31) return std::nullopt;
  std::int64_t secs = days_from_civil(*y, *mo, *d) * 86400;
  if (s.size() == 10) return secs;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  auto h = num(11, 2), mi = num(14, 2);
  if (!h || !mi || s[13] != ':' || *h > 23 || *mi > 59) return std::nullopt;
  secs += *h * 3600 + *mi * 60;
  std::size_t at = 16;
  if (at < s.size() && s[at] == ':') {
    auto sec = num(17, 2);
    if (!sec || *sec > 60) return std::nullopt;
    secs += *sec;
    at = 19;
  }
  if (at < s.size() && s.substr(at) != "Z") return std::nullopt;
  return secs;
}

std::time_t created_time(const BuiltReport& built) {
  const Report& r = *built.report;
  std::optional<std::int64_t> t = parse_utc(built.generated);
  if (!t && r.publication_date) t = parse_utc(*r.publication_date);
  if (!t) t = parse_utc(fmt::format("{:04}-01-01", r.year + 1));
  // libxlsxwriter takes 0 to mean "now": never pass it.
  return static_cast<std::time_t>(t && *t > 0 ? *t : 1);
}

// A file for libxlsxwriter to write to, removed when this goes out of scope.
class ScratchFile {
 public:
  ScratchFile() {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    std::string pattern = ((ec ? std::filesystem::path("/tmp") : dir) / "gongkai-xlsx-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    const int fd = mkstemp(buf.data());
    if (fd < 0)
      throw InputError(
          {}, {fmt::format("无法创建临时文件 {}", pattern), fmt::format("cannot create a temporary file {}", pattern)});
    close(fd);
    path_ = buf.data();
  }
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in && !in.eof())
      throw InputError(
          {}, {fmt::format("无法读取临时文件 {}", path_), fmt::format("cannot read the temporary file {}", path_)});
    return std::move(out).str();
  }

 private:
  std::string path_;
};

// Closes (and so frees) the workbook exactly once, also when a sheet throws half-way.
class OpenWorkbook {
 public:
  explicit OpenWorkbook(const std::string& path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = nullptr;
    options.use_zip64 = LXW_FALSE;
    book_ = workbook_new_opt(path.c_str(), &options);
    if (book_ == nullptr) xlsx_check(LXW_ERROR_MEMORY_MALLOC_FAILED);
  }
  ~OpenWorkbook() {
    if (book_ != nullptr) workbook_close(book_);
  }
  OpenWorkbook(const OpenWorkbook&) = delete;
  OpenWorkbook& operator=(const OpenWorkbook&) = delete;

  [[nodiscard]] lxw_workbook* get() const { return book_; }
  void close() {
    lxw_workbook* book = book_;
    book_ = nullptr;
    xlsx_check(workbook_close(book));
  }

 private:
  lxw_workbook* book_ = nullptr;
};

lxw_worksheet* add_sheet(lxw_workbook* book, const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
  if (ws == nullptr) xlsx_check(LXW_ERROR_SHEETNAME_ALREADY_USED);
  return ws;
}

void set_properties(lxw_workbook* book, const BuiltReport& built) {
  const Report& r = *built.report;
  std::string title = report_title(r);
  std::string subject = "政府信息公开工作年度报告";
  std::string agency = r.agency;
  std::string keywords = fmt::format("{}年, 政府信息公开, 年度报告, {}", r.year, r.form->title);
  std::string comments = fmt::format("{}年度政府信息公开工作年度报告，按{}的格式。", r.year, r.form->title);
  std::string status = built.stamped_with_errors ? "含有错误（--allow-errors）" : "";
  if (built.stamped_with_errors) comments += "本报告未通过检查，含有错误。";
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = subject.data();
  props.author = agency.data();
  props.company = agency.data();
  props.category = subject.data();
  props.keywords = keywords.data();
  props.comments = comments.data();
  if (!status.empty()) props.status = status.data();
  props.created = created_time(built);
  xlsx_check(workbook_set_properties(book, &props));
}

}  // namespace

std::string render_xlsx_report(const BuiltReport& built) {
  const Report& report = *built.report;
  ScratchFile file;
  {
    OpenWorkbook book(file.path());
    set_properties(book.get(), built);
    const XlsxStyles styles = make_xlsx_styles(book.get());
    XlsxSheetContext ctx{built, styles, {}, {}, {}};
    if (built.stamped_with_errors) {
      const Text notice = stamp_notice(built);
      ctx.notice = notice.zh + "\n" + notice.en;
      ctx.page_notice = notice.zh;
    }
    for (const Diagnostic& d : built.findings.items())
      if (d.severity == Severity::error && !d.cells.empty()) ctx.flagged.insert(d.cells.front().id);

    std::set<std::string> names;
    std::map<std::string, std::string> table_sheets;  // section id -> sheet name
    for (const TableDef& table : report.form->tables) {
      const TableLayout layout = layout_table(report, table);
      const std::string name = xlsx_sheet_name(layout.heading.empty() ? table.id : layout.heading, names);
      table_sheets[table.section] = name;
      write_table_sheet(add_sheet(book.get(), name), layout, ctx);
    }
    write_prose_sheet(add_sheet(book.get(), xlsx_sheet_name("报告正文", names)), ctx, table_sheets);
    if (!built.findings.empty()) write_findings_sheet(add_sheet(book.get(), xlsx_sheet_name("检查结果", names)), ctx);
    book.close();
  }
  return file.read();
}

}  // namespace gongkai
