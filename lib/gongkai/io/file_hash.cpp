#include <gongkai/io/file_hash.hpp>

#include <gongkai/core/sha256.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <array>
#include <cerrno>
#include <cstring>

namespace gongkai {

FileHash hash_file(const std::string& path) {
  FileHash h;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    h.state = errno == ENOENT || errno == ENOTDIR ? FileHash::State::missing : FileHash::State::unreadable;
    h.error = std::strerror(errno);
    return h;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    h.state = FileHash::State::unreadable;
    h.error = S_ISDIR(st.st_mode) ? "is a folder" : std::strerror(errno);
    ::close(fd);
    return h;
  }
  Sha256 sha;
  std::array<char, 1 << 16> buf{};
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      h.state = FileHash::State::unreadable;
      h.error = std::strerror(errno);
      ::close(fd);
      return h;
    }
    if (n == 0) break;
    sha.update(std::string_view(buf.data(), static_cast<std::size_t>(n)));
    h.bytes += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  h.state = FileHash::State::ok;
  h.sha256 = sha.hex();
  return h;
}

}  // namespace gongkai
