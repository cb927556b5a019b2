#include "progress.hpp"

#include <unistd.h>
#include <cstdio>

namespace gongkai::cli {

std::function<void(std::size_t, std::size_t)> make_progress_bar(bool quiet) {
  if (quiet || ::isatty(STDERR_FILENO) == 0) return {};
  return [](std::size_t done, std::size_t total) {
    constexpr std::size_t width = 30;
    std::size_t filled = total == 0 ? width : done * width / total;
    char bar[width + 1];
    for (std::size_t i = 0; i < width; ++i) bar[i] = i < filled ? '=' : ' ';
    bar[width] = '\0';
    std::fprintf(stderr, "\r[%s] %zu/%zu", bar, done, total);
    if (done == total) std::fprintf(stderr, "\r%*s\r", static_cast<int>(width + 24), "");
    std::fflush(stderr);
  };
}

}  // namespace gongkai::cli
