// The plumbing every workbook gongkai writes needs: libxlsxwriter 1.1.4 can only write to a
// named file (no output buffer), so a workbook is written to a scratch file in TMPDIR, read
// back and the file removed, also on failure. Used by the report (xlsx_report.hpp) and the
// per-unit overview (overview_xlsx.hpp).
#pragma once

#include <xlsxwriter.h>

#include <string>

namespace gongkai {

// A file for libxlsxwriter to write to (libxlsxwriter 1.1.4 writes only to a named file): an
// in-memory file (memfd) where possible, else a temporary file; gone when this goes out of scope.
class XlsxScratchFile {
 public:
  XlsxScratchFile();  // throws InputError when no temporary file can be made
  ~XlsxScratchFile();
  XlsxScratchFile(const XlsxScratchFile&) = delete;
  XlsxScratchFile& operator=(const XlsxScratchFile&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string read() const;  // throws InputError

 private:
  std::string path_;
  int memfd_ = -1;
};

// Closes (and so frees) the workbook exactly once, also when a sheet throws half-way.
class XlsxOpenWorkbook {
 public:
  explicit XlsxOpenWorkbook(const std::string& path);
  ~XlsxOpenWorkbook();
  XlsxOpenWorkbook(const XlsxOpenWorkbook&) = delete;
  XlsxOpenWorkbook& operator=(const XlsxOpenWorkbook&) = delete;

  [[nodiscard]] lxw_workbook* get() const { return book_; }
  void close();  // throws InputError naming libxlsxwriter's error

 private:
  lxw_workbook* book_ = nullptr;
};

// Adds a sheet; throws InputError when libxlsxwriter refuses the name.
[[nodiscard]] lxw_worksheet* xlsx_add_sheet(lxw_workbook* book, const std::string& name);

}  // namespace gongkai
