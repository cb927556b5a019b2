// Benchmark: streams a 1,000,000-row register sheet (six columns: ID, received date, applicant
// type, outcome, reply date, subject) through the XLSX reader and prints rows/s and peak
// memory. Not a test: it prints figures and never fails on them.
//
//   xlsx_read_bench [ROWS] [--shared] [--file FILE]
//
// By default the workbook is written with libxlsxwriter in constant-memory mode, which writes
// inline strings (`<c t="inlineStr"><is><t>…`), the verbose form. --shared writes the sheet as
// Excel saves it instead: text as indexes into xl/sharedStrings.xml (`<c t="s"><v>3</v>`),
// built from raw XML with libzip. --file keeps the workbook at FILE and reuses it when it
// already exists (writing a million rows takes longer than reading them). Wall time suffers on
// a busy machine; the CPU time of the read is printed beside it.
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/xlsx/workbook.hpp>

#include <fmt/format.h>
#include <sys/resource.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

[[noreturn]] void die(const std::string& what) {
  fmt::print(stderr, "xlsx_read_bench: {}\n", what);
  std::exit(1);
}

const char* kHeaders[] = {"编号", "收到日期", "申请人类型", "办理结果", "答复日期", "申请内容"};
const char* kApplicants[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
const char* kOutcomes[] = {"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"};

std::string subject(long i) { return fmt::format("申请公开第{}号文件", i % 1000); }

void write_inline(const std::string& path, const fs::path& tmpdir, long rows) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::string tmp = tmpdir.string();
  options.tmpdir = tmp.data();
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "台账");
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(sheet, 0, c, kHeaders[c], nullptr);
  for (long i = 1; i <= rows; ++i) {
    auto r = static_cast<lxw_row_t>(i);
    worksheet_write_number(sheet, r, 0, static_cast<double>(i), nullptr);
    worksheet_write_number(sheet, r, 1, 44197.0 + static_cast<double>(i % 365), nullptr);
    worksheet_write_string(sheet, r, 2, kApplicants[i % 6], nullptr);
    worksheet_write_string(sheet, r, 3, kOutcomes[(i / 7) % 6], nullptr);
    worksheet_write_number(sheet, r, 4, 44197.0 + static_cast<double>(i % 365 + 15), nullptr);
    worksheet_write_string(sheet, r, 5, subject(i).c_str(), nullptr);
  }
  if (workbook_close(book) != LXW_NO_ERROR) die("cannot write " + path);
}

// The same register as Excel saves it. The sheet XML goes to a file first, so that writing a
// million rows does not raise the peak memory this benchmark reports.
void write_shared(const std::string& path, const fs::path& tmpdir, long rows) {
  std::vector<std::string> strings;
  std::map<std::string, std::size_t> index;
  auto shared = [&](const std::string& s) {
    auto [it, fresh] = index.emplace(s, strings.size());
    if (fresh) strings.push_back(s);
    return it->second;
  };
  const std::string sheet_path = (tmpdir / "sheet1.xml").string();
  std::FILE* f = std::fopen(sheet_path.c_str(), "wb");
  if (f == nullptr) die("cannot write " + sheet_path);
  fmt::print(f, R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
                R"(<row r="1">)");
  const char* cols = "ABCDEF";
  for (int c = 0; c < 6; ++c) fmt::print(f, R"(<c r="{}1" t="s"><v>{}</v></c>)", cols[c], shared(kHeaders[c]));
  fmt::print(f, "</row>");
  for (long i = 1; i <= rows; ++i) {
    const long r = i + 1;
    fmt::print(f,
               R"(<row r="{0}"><c r="A{0}"><v>{1}</v></c><c r="B{0}" s="1"><v>{2}</v></c>)"
               R"(<c r="C{0}" t="s"><v>{3}</v></c><c r="D{0}" t="s"><v>{4}</v></c>)"
               R"(<c r="E{0}" s="1"><v>{5}</v></c><c r="F{0}" t="s"><v>{6}</v></c></row>)",
               r, i, 44197 + i % 365, shared(kApplicants[i % 6]), shared(kOutcomes[(i / 7) % 6]), 44197 + i % 365 + 15,
               shared(subject(i)));
  }
  fmt::print(f, "</sheetData></worksheet>");
  std::fclose(f);

  std::string sst = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (const auto& s : strings) sst += "<si><t>" + s + "</t></si>";
  sst += "</sst>";
  const std::string types =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
      R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
      R"(<Default Extension="xml" ContentType="application/xml"/>)"
      R"(<Override PartName="/xl/workbook.xml" )"
      R"(ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)";
  const std::string workbook = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                               R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                               R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
                               R"(<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" )"
      R"(Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId2" )"
      R"(Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" )"
      R"(Target="sharedStrings.xml"/></Relationships>)";

  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) die("cannot write " + path);
  auto add = [&](const char* name, zip_source_t* src) {
    if (src == nullptr || zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) < 0) die(std::string("cannot add ") + name);
  };
  add("[Content_Types].xml", zip_source_buffer(z, types.data(), types.size(), 0));
  add("xl/workbook.xml", zip_source_buffer(z, workbook.data(), workbook.size(), 0));
  add("xl/_rels/workbook.xml.rels", zip_source_buffer(z, rels.data(), rels.size(), 0));
  add("xl/sharedStrings.xml", zip_source_buffer(z, sst.data(), sst.size(), 0));
  add("xl/worksheets/sheet1.xml", zip_source_file(z, sheet_path.c_str(), 0, -1));
  if (zip_close(z) != 0) die("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  long rows = 1000000;
  bool shared_strings = false;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--file" && i + 1 < argc)
      keep = argv[++i];
    else if (arg == "--shared")
      shared_strings = true;
    else
      rows = std::strtol(arg.c_str(), nullptr, 10);
  }
  std::string dir_pattern = (fs::temp_directory_path() / "gongkai-bench-XXXXXX").string();
  if (mkdtemp(dir_pattern.data()) == nullptr) die("cannot create a temporary directory");
  const fs::path dir = dir_pattern;
  const std::string path = keep.empty() ? (dir / "register.xlsx").string() : keep;

  auto t0 = std::chrono::steady_clock::now();
  const bool reuse = !keep.empty() && fs::exists(keep);
  if (!reuse) {
    if (shared_strings)
      write_shared(path, dir, rows);
    else
      write_inline(path, dir, rows);
  }
  const double write_s = seconds_since(t0);
  const long rss_after_write = peak_rss_kib();

  int rc = 0;
  try {
    auto t1 = std::chrono::steady_clock::now();
    const double cpu0 = cpu_seconds();
    std::string bytes = gongkai::read_file(path);
    const long rss_after_load = peak_rss_kib();
    gongkai::XlsxWorkbook book(path, bytes);
    std::uint64_t seen = 0;
    std::uint64_t cells = 0;
    std::uint64_t text_bytes = 0;
    gongkai::XlsxSheetSummary summary = book.read_sheet(0, [&](std::uint32_t, std::span<const gongkai::XlsxCell> row) {
      ++seen;
      cells += row.size();
      for (const auto& c : row) text_bytes += c.text.size();
      return true;
    });
    const double read_s = seconds_since(t1);
    const double read_cpu = cpu_seconds() - cpu0;
    fmt::print("xlsx_read_bench: {}, {:.1f} MB ({})\n", path, static_cast<double>(bytes.size()) / 1e6,
               reuse ? std::string("reused")
                     : fmt::format("{} data rows x 6 columns, {} strings, written in {:.1f} s", rows,
                                   shared_strings ? "shared" : "inline", write_s));
    fmt::print(
        "  read {} rows, {} cells, {} text bytes in {:.2f} s wall, {:.2f} s CPU: {:.0f} rows/s wall, "
        "{:.0f} rows/s CPU\n",
        seen, cells, text_bytes, read_s, read_cpu, static_cast<double>(seen) / read_s,
        static_cast<double>(seen) / read_cpu);
    // The reader's own memory is the growth past the peak of loading the file (read_file may
    // hold the bytes twice while it grows its buffer).
    fmt::print("  peak RSS: {:.1f} MB after writing, {:.1f} MB after loading the file, {:.1f} MB after reading\n",
               static_cast<double>(rss_after_write) / 1024.0, static_cast<double>(rss_after_load) / 1024.0,
               static_cast<double>(peak_rss_kib()) / 1024.0);
    if (summary.rows != seen) rc = 1;
  } catch (const gongkai::InputError& e) {
    fmt::print(stderr, "xlsx_read_bench: {}: {}\n", e.where().to_string(), e.message().en);
    rc = 1;
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return rc;
}
