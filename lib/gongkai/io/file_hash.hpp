// A file's SHA-256 and size, read in blocks (no size limit: outputs are hashed too), for
// `gongkai verify` and the manifest's templates. Part of io/: the only code that reads disks.
#pragma once

#include <cstdint>
#include <string>

namespace gongkai {

struct FileHash {
  enum class State { ok, missing, unreadable } state = State::missing;
  std::uint64_t bytes = 0;
  std::string sha256;  // hex; empty unless ok
  std::string error;   // why unreadable (the system's words)
};

// Never throws for a file that is missing or cannot be read: `state` says so. A folder is
// unreadable.
[[nodiscard]] FileHash hash_file(const std::string& path);

}  // namespace gongkai
