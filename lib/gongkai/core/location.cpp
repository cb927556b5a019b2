#include <gongkai/core/location.hpp>

#include <fmt/format.h>

namespace gongkai {

std::string SourceLoc::to_string() const {
  if (!cell_ref.empty()) return fmt::format("{}:{}", file, cell_ref);
  if (line > 0 && column > 0) return fmt::format("{}:{}:{}", file, line, column);
  if (line > 0) return fmt::format("{}:{}", file, line);
  return file;
}

}  // namespace gongkai
