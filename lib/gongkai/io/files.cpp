#include <gongkai/io/files.hpp>

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_loader.hpp>

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace gongkai {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& zh, const std::string& en) {
  throw InputError(SourceLoc{path, 0, 0, {}}, Text{zh, en});
}

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) fail(path, "文件不存在", "no such file");
  if (fs::is_directory(path, ec)) fail(path, "这是一个目录，不是文件", "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail(path, fmt::format("无法读取：{}", std::strerror(errno)), fmt::format("cannot read: {}", std::strerror(errno)));
  // One read of the known size: a register of a hundred megabytes is not read byte by byte.
  // Files whose size is unknown (pipes, /dev/stdin) are read as a stream.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size > 0) {
    std::string content(static_cast<std::size_t>(size), '\0');
    in.seekg(0, std::ios::beg);
    in.read(content.data(), static_cast<std::streamsize>(size));
    content.resize(static_cast<std::size_t>(in.gcount()));
    return content;
  }
  in.clear();
  in.seekg(0, std::ios::beg);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

void write_file_atomic(const std::string& path, std::string_view content, const std::vector<std::string>& inputs) {
  if (path == "-") {
    std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
    std::cout.flush();
    return;
  }
  for (const auto& in : inputs)
    if (in != "-" && same_file(in, path))
      fail(path, "输出文件与输入文件相同，拒绝覆盖输入",
           "the output is one of the inputs; refusing to overwrite an input");
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string tmpl = (dir / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0)
    fail(path, fmt::format("无法写入：{}", std::strerror(errno)),
         fmt::format("cannot write: {}", std::strerror(errno)));
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(name.data());
      fail(path, fmt::format("写入失败：{}", std::strerror(err)), fmt::format("write failed: {}", std::strerror(err)));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 || std::rename(name.data(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(name.data());
    fail(path, fmt::format("写入失败：{}", std::strerror(err)), fmt::format("write failed: {}", std::strerror(err)));
  }
}

fs::path template_dir(const std::string& explicit_dir) {
  std::vector<fs::path> candidates;
  if (!explicit_dir.empty()) {
    candidates.emplace_back(explicit_dir);
  } else {
    if (const char* env = std::getenv("GONGKAI_TEMPLATE_DIR"); env != nullptr && *env != '\0')
      candidates.emplace_back(env);
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "gongkai" / "report-templates");
    candidates.emplace_back(GONGKAI_INSTALL_TEMPLATE_DIR);
    candidates.emplace_back(GONGKAI_SOURCE_TEMPLATE_DIR);
  }
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::is_directory(c / "forms", ec)) return c;
  }
  std::string where = candidates.empty() ? std::string() : candidates.front().string();
  fail(where, "找不到报告模板目录（含 forms/），请用 --template-dir 指定",
       "cannot find the report-templates directory (with forms/); give it with --template-dir");
}

FormSet load_forms(const fs::path& templates) {
  FormSet set;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(templates / "forms"))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) set.add(load_form(f.string(), read_file(f.string())));
  return set;
}

}  // namespace gongkai
