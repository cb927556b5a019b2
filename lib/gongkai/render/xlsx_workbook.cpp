#include <gongkai/render/xlsx_workbook.hpp>

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/render/xlsx_sheet.hpp>

#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace gongkai {

XlsxScratchFile::XlsxScratchFile() {
  // In memory when the kernel allows (memfd, reached by libxlsxwriter through /proc/self/fd):
  // nothing on disk, so nothing left behind if the run is interrupted. Else a temporary file.
  memfd_ = ::memfd_create("gongkai-xlsx", MFD_CLOEXEC);
  if (memfd_ >= 0) {
    path_ = fmt::format("/proc/self/fd/{}", memfd_);
    if (::access(path_.c_str(), W_OK) == 0) return;
    ::close(memfd_);
    memfd_ = -1;
  }
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

XlsxScratchFile::~XlsxScratchFile() {
  if (memfd_ >= 0) {
    ::close(memfd_);
    return;
  }
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

std::string XlsxScratchFile::read() const {
  if (memfd_ >= 0) {
    struct stat st {};
    std::string out;
    if (::fstat(memfd_, &st) == 0) {
      out.resize(static_cast<std::size_t>(st.st_size));
      std::size_t got = 0;
      while (got < out.size()) {
        const ssize_t n = ::pread(memfd_, out.data() + got, out.size() - got, static_cast<off_t>(got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
      }
      if (got == out.size()) return out;
    }
    throw InputError({}, {"无法读取内存中的临时文件", "cannot read the in-memory temporary file"});
  }
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in && !in.eof())
    throw InputError(
        {}, {fmt::format("无法读取临时文件 {}", path_), fmt::format("cannot read the temporary file {}", path_)});
  return std::move(out).str();
}

XlsxOpenWorkbook::XlsxOpenWorkbook(const std::string& path) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = nullptr;
  options.use_zip64 = LXW_FALSE;
  book_ = workbook_new_opt(path.c_str(), &options);
  if (book_ == nullptr) xlsx_check(LXW_ERROR_MEMORY_MALLOC_FAILED);
}

XlsxOpenWorkbook::~XlsxOpenWorkbook() {
  if (book_ != nullptr) workbook_close(book_);
}

void XlsxOpenWorkbook::close() {
  lxw_workbook* book = book_;
  book_ = nullptr;
  xlsx_check(workbook_close(book));
}

lxw_worksheet* xlsx_add_sheet(lxw_workbook* book, const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
  if (ws == nullptr) xlsx_check(LXW_ERROR_SHEETNAME_ALREADY_USED);
  return ws;
}

}  // namespace gongkai
