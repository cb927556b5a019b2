#include <gongkai/io/files.hpp>

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/huge_pages.hpp>
#include <gongkai/core/side_task.hpp>
#include <gongkai/forms/form_loader.hpp>
#include <gongkai/io/interrupt.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <memory>

namespace gongkai {
namespace fs = std::filesystem;

namespace {

std::atomic<std::uint64_t> g_max_input_size{kDefaultMaxInputSize};

[[noreturn]] void fail(const std::string& path, const std::string& zh, const std::string& en) {
  throw InputError(SourceLoc{path, 0, 0, {}}, Text{zh, en});
}

[[noreturn]] void fail_output(const std::string& path, const std::string& zh, const std::string& en) {
  throw OutputError(SourceLoc{path, 0, 0, {}}, Text{zh, en});
}

[[noreturn]] void cannot_write(const std::string& path, int err) {
  fail_output(path, fmt::format("无法写入：{}", std::strerror(err)),
              fmt::format("cannot write: {}", std::strerror(err)));
}

[[noreturn]] void too_large(const std::string& path) {
  const std::string limit = format_byte_size(max_input_size());
  fail(path, fmt::format("超过输入大小上限 {}，未读完（可用 --max-input-size 调高）", limit),
       fmt::format("larger than the input size limit of {}; not read to its end (raise it with --max-input-size)",
                   limit));
}

// Reads fd to its end or until more than `limit` bytes; false when over the limit. On a read
// error returns true with errno set (0 otherwise). A file of known size is read in one go; a
// stream (a pipe, a device) in chunks kept apart until its end, so that one over the limit
// costs no more than reading the limit once (no growing copies).
bool read_all(int fd, std::uint64_t limit, std::size_t size_hint, std::string& out) {
  out.clear();
  if (size_hint > 0) {
    // A large file in huge pages (core/huge_pages.hpp): reserved, advised, then filled.
    out.reserve(size_hint + 1);
    advise_huge_pages(out.data(), out.capacity());
    out.resize(size_hint + 1);
    std::size_t got = 0;
    while (got < out.size()) {
      const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        out.resize(got);
        return true;
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    if (got <= size_hint) {
      errno = 0;
      return got <= limit;
    }
    // The file grew while read: go on as a stream.
  }
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> chunks;
  std::size_t total = out.size();
  std::size_t in_last = kChunk;
  for (;;) {
    if (total > limit) return false;
    if (in_last == kChunk) {
      chunks.emplace_back(new char[kChunk]);  // not zero-filled
      in_last = 0;
    }
    const ssize_t n = ::read(fd, chunks.back().get() + in_last, kChunk - in_last);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    if (n == 0) {
      errno = 0;
      break;
    }
    in_last += static_cast<std::size_t>(n);
    total += static_cast<std::size_t>(n);
  }
  const int err = errno;
  if (total > limit) return false;
  out.reserve(total);
  for (std::size_t i = 0; i < chunks.size(); ++i)
    out.append(chunks[i].get(), i + 1 == chunks.size() ? in_last : kChunk);
  errno = err;
  return true;
}

// Writes all of `content` to fd; 0 or the errno.
int write_all(int fd, std::string_view content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return 0;
}

std::string parent_of(const std::string& path) {
  fs::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

// What a path is, following symlinks to their final target. False (errno set) when the path
// does not exist or cannot be looked at; `target` is then `path`.
struct Resolved {
  std::string target;
  struct stat st {};
  bool exists = false;
  bool link = false;
};

Resolved resolve_output(const std::string& path) {
  Resolved r;
  r.target = path;
  if (::lstat(path.c_str(), &r.st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return r;  // make_output_dir says which folder is a file
    cannot_write(path, errno);
  }
  r.exists = true;
  if (!S_ISLNK(r.st.st_mode)) return r;
  r.link = true;
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    if (errno == ENOENT)
      fail_output(path, "这是指向不存在文件的符号链接，拒绝写入",
                  "is a symbolic link to nothing; refusing to write through it");
    cannot_write(path, errno);
  }
  r.target = real;
  std::free(real);
  if (::stat(r.target.c_str(), &r.st) != 0) cannot_write(path, errno);
  return r;
}

}  // namespace

void set_max_input_size(std::uint64_t bytes) { g_max_input_size = bytes; }
std::uint64_t max_input_size() { return g_max_input_size; }

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::size_t i = 0;
  std::uint64_t value = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (value > (std::uint64_t{1} << 62) / 10) return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
    ++i;
  }
  if (i == 0) return std::nullopt;
  std::string suffix(text.substr(i));
  for (char& ch : suffix) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  int shift = -1;
  const std::pair<const char*, int> kSuffixes[] = {{"", 0},     {"B", 0},   {"K", 10},   {"KB", 10}, {"KIB", 10},
                                                   {"M", 20},   {"MB", 20}, {"MIB", 20}, {"G", 30},  {"GB", 30},
                                                   {"GIB", 30}, {"T", 40},  {"TB", 40},  {"TIB", 40}};
  for (const auto& [name, bits] : kSuffixes)
    if (suffix == name) shift = bits;
  if (shift < 0) return std::nullopt;
  if (value == 0 || value > ((std::uint64_t{1} << 62) >> shift)) return std::nullopt;
  return value << shift;
}

std::string format_byte_size(std::uint64_t bytes) {
  constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  for (int u = 3; u >= 0; --u) {
    const std::uint64_t unit = std::uint64_t{1} << (10 * (u + 1));
    if (bytes >= unit && bytes % unit == 0) return fmt::format("{} {}", bytes / unit, kUnits[u]);
  }
  return fmt::format("{} bytes", bytes);
}

std::string read_file(const std::string& path) {
  const std::uint64_t limit = max_input_size();
  std::string content;
  if (path == "-") {
    const bool within = read_all(STDIN_FILENO, limit, 0, content);
    const int err = errno;
    if (!within) too_large(path);
    if (err != 0)
      fail(path, fmt::format("无法读取：{}", std::strerror(err)), fmt::format("cannot read: {}", std::strerror(err)));
    return content;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) fail(path, "文件不存在", "no such file");
    fail(path, fmt::format("无法读取：{}", std::strerror(err)), fmt::format("cannot read: {}", std::strerror(err)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) st.st_mode = 0;
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    fail(path, "这是一个目录，不是文件", "is a directory, not a file");
  }
  const bool regular = S_ISREG(st.st_mode);
  if (regular && static_cast<std::uint64_t>(st.st_size) > limit) {
    ::close(fd);
    too_large(path);
  }
  // One read of the known size for a regular file; a device or a pipe is read in chunks and
  // given up on past the limit.
  const bool within = read_all(fd, limit, regular ? static_cast<std::size_t>(st.st_size) : 0, content);
  const int err = errno;
  ::close(fd);
  if (!within) too_large(path);
  if (err != 0) {
    if (err == EISDIR) fail(path, "这是一个目录，不是文件", "is a directory, not a file");
    fail(path, fmt::format("无法读取：{}", std::strerror(err)), fmt::format("cannot read: {}", std::strerror(err)));
  }
  return content;
}

InputFiles::InputFiles(const std::vector<std::string>& paths) {
  for (const auto& p : paths) add(p);
}

void InputFiles::add(const std::string& path) {
  if (path == "-") return;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0)
    ids_.emplace(static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino));
}

bool InputFiles::contains(std::uint64_t dev, std::uint64_t ino) const { return ids_.count({dev, ino}) != 0; }

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::vector<std::string> make_output_dir(const std::string& dir) {
  std::vector<std::string> created;
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return created;
    fail_output(dir, "输出目录是一个文件，不是目录", "the output folder is a file, not a folder");
  }
  fs::path p = fs::path(dir).lexically_normal();
  if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();  // "out/" → "out"
  // The missing folders, innermost first, up to the first that exists.
  std::vector<fs::path> missing;
  for (fs::path q = p; !q.empty(); q = q.parent_path()) {
    struct stat s {};
    if (::stat(q.c_str(), &s) == 0) {
      if (!S_ISDIR(s.st_mode))
        fail_output(dir, fmt::format("路径中的 {} 是文件，不是目录", q.string()),
                    fmt::format("{} in the path is a file, not a folder", q.string()));
      break;
    }
    if (errno != ENOENT && errno != ENOTDIR)
      fail_output(dir, fmt::format("无法创建目录：{}", std::strerror(errno)),
                  fmt::format("cannot create the folder: {}", std::strerror(errno)));
    missing.push_back(q);
    if (q == q.parent_path() || !q.has_relative_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0755) != 0 && errno != EEXIST) {
      const int err = errno;
      for (auto c = created.rbegin(); c != created.rend(); ++c) ::rmdir(c->c_str());
      fail_output(dir, fmt::format("无法创建目录：{}", std::strerror(err)),
                  fmt::format("cannot create the folder: {}", std::strerror(err)));
    }
    created.push_back(it->string());
  }
  return created;
}

OutputStream::OutputStream(const std::string& path, const InputFiles& inputs) : shown_(path) {
  if (path == "-") {
    fd_ = STDOUT_FILENO;
    kind_ = Kind::standard_output;
    return;
  }
  if (path.empty()) fail_output(path, "输出路径为空", "the output path is empty");
  Resolved r = resolve_output(path);
  mode_t mode = 0644;
  if (r.exists) {
    const mode_t type = r.st.st_mode & S_IFMT;
    if (type == S_IFDIR) fail_output(path, "这是一个目录，不是文件", "is a directory, not a file");
    if (type == S_IFBLK)
      fail_output(path, "这是块设备（磁盘），拒绝写入", "is a block device (a disk); refusing to write to it");
    if (type == S_IFSOCK) fail_output(path, "这是套接字，无法写入", "is a socket; cannot write to it");
    if (type == S_IFCHR || type == S_IFIFO) {
      // A device or FIFO: opened for writing (never created, never truncated, never renamed over).
      fd_ = ::open(r.target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      if (fd_ < 0) cannot_write(path, errno);
      kind_ = Kind::stream;
      return;
    }
    if (inputs.contains(static_cast<std::uint64_t>(r.st.st_dev), static_cast<std::uint64_t>(r.st.st_ino)))
      fail_output(path, "输出文件与输入文件相同，拒绝覆盖输入",
                  "the output is one of the inputs; refusing to overwrite an input");
    mode = r.st.st_mode & 0777;
  } else {
    created_ = make_output_dir(parent_of(path));
  }
  // A temporary file beside the target, renamed over it once whole (the permissions kept).
  target_ = r.target;
  mode_ = mode;
  kind_ = Kind::replace;
  std::string tmpl = (fs::path(parent_of(target_)) / ".gongkai-XXXXXX.tmp").string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int err = 0;
  {
    CleanupLock lock;
    try {
      throw_if_interrupted_locked();
    } catch (...) {
      remove_created();
      throw;
    }
    fd_ = ::mkstemps(name.data(), 4);
    if (fd_ < 0)
      err = errno;
    else
      register_temp_file_locked(name.data());
  }
  if (fd_ < 0) {
    remove_created();
    cannot_write(path, err);
  }
  temp_ = name.data();
  ::fcntl(fd_, F_SETFD, FD_CLOEXEC);
}

OutputStream::~OutputStream() { discard(); }

void OutputStream::remove_created() noexcept {
  for (auto it = created_.rbegin(); it != created_.rend(); ++it) ::rmdir(it->c_str());  // only if left empty
  created_.clear();
}

void OutputStream::discard() noexcept {
  if (kind_ == Kind::done) return;
  if (fd_ >= 0 && kind_ != Kind::standard_output) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) {
    CleanupLock lock;
    ::unlink(temp_.c_str());
    unregister_temp_locked(temp_);
    temp_.clear();
  }
  remove_created();
  kind_ = Kind::done;
}

void OutputStream::fail(int err) {
  discard();
  if (shown_ == "-")
    fail_output("-", fmt::format("无法写入标准输出：{}", std::strerror(err)),
                fmt::format("cannot write standard output: {}", std::strerror(err)));
  cannot_write(shown_, err);
}

void OutputStream::write(std::string_view bytes) {
  if (kind_ == Kind::done) return;
  if (int err = write_all(fd_, bytes); err != 0) fail(err);
}

void OutputStream::commit() {
  if (kind_ == Kind::done) return;
  if (kind_ == Kind::standard_output) {
    kind_ = Kind::done;
    return;
  }
  if (kind_ == Kind::stream) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 && errno != EINTR) fail(errno);
    kind_ = Kind::done;
    return;
  }
  if (::fchmod(fd_, mode_) != 0) fail(errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  CleanupLock lock;
  throw_if_interrupted_locked();
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp_.c_str());
    unregister_temp_locked(temp_);
    temp_.clear();
    remove_created();
    kind_ = Kind::done;
    cannot_write(shown_, err);
  }
  unregister_temp_locked(temp_);
  temp_.clear();
  created_.clear();
  kind_ = Kind::done;
}

void write_output(const std::string& path, std::string_view content, const InputFiles& inputs) {
  OutputStream out(path, inputs);
  out.write(content);
  out.commit();
}

void write_file_atomic(const std::string& path, std::string_view content, const std::vector<std::string>& inputs) {
  write_output(path, content, InputFiles(inputs));
}

StagingDir::StagingDir(const std::string& output_dir) {
  created_ = make_output_dir(output_dir);
  std::string tmpl = (fs::path(output_dir) / ".gongkai-staging-XXXXXX").string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  CleanupLock lock;
  throw_if_interrupted_locked();
  if (::mkdtemp(name.data()) == nullptr) {
    const int err = errno;
    for (auto it = created_.rbegin(); it != created_.rend(); ++it) ::rmdir(it->c_str());
    cannot_write(output_dir, err);
  }
  path_ = name.data();
  register_temp_dir_locked(path_);
}

StagingDir::~StagingDir() {
  std::error_code ec;
  CleanupLock lock;
  fs::remove_all(path_, ec);
  unregister_temp_locked(path_);
  for (auto it = created_.rbegin(); it != created_.rend(); ++it) ::rmdir(it->c_str());  // only if left empty
}

std::string StagingDir::write(const std::string& name, std::string_view content, const std::string& shown_as) const {
  const std::string path = path_ + "/" + name;
  int fd = -1;
  {
    CleanupLock lock;
    throw_if_interrupted_locked();
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  }
  if (fd < 0) cannot_write(shown_as, errno);
  int err = write_all(fd, content);
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) {
    ::unlink(path.c_str());
    cannot_write(shown_as, err);
  }
  return path;
}

void install_output(const std::string& staged, const std::string& target, const InputFiles& inputs) {
  struct stat st {};
  const bool exists = ::lstat(target.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) cannot_write(target, errno);
  if (!exists || S_ISREG(st.st_mode)) {
    if (exists && inputs.contains(static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)))
      fail_output(target, "输出文件与输入文件相同，拒绝覆盖输入",
                  "the output is one of the inputs; refusing to overwrite an input");
    CleanupLock lock;
    throw_if_interrupted_locked();
    if (::rename(staged.c_str(), target.c_str()) == 0) return;
    if (errno != EXDEV) cannot_write(target, errno);
  }
  // A symlink, a device, a FIFO, a folder, or another file system: as write_output does it.
  std::string content;
  int fd = ::open(staged.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || !read_all(fd, UINT64_MAX, 0, content) || errno != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    cannot_write(target, err);
  }
  ::close(fd);
  write_output(target, content, inputs);
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
  // Each form on its own thread, the first on this one: yaml-cpp parses about 10 MB/s, and a
  // form is 1.5 ms of a one-report build that took 20 ms. The forms are added, and the first
  // failure thrown, in file order, as when they were loaded one after the other.
  auto load = [](const fs::path& f) { return load_form(f.string(), read_file(f.string())); };
  std::vector<std::future<std::shared_ptr<const Form>>> rest;
  for (std::size_t i = 1; i < files.size(); ++i) rest.push_back(side_task(load, files[i]));
  if (!files.empty()) set.add(load(files.front()));
  for (auto& f : rest) set.add(f.get());
  return set;
}

}  // namespace gongkai
