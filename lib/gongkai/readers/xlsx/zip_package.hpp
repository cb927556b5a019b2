// The ZIP container of a workbook, opened from bytes in memory (libzip over a buffer, no disk).
// Parts are read as streams in chunks, never whole, and every byte inflated is counted
// against XlsxLimits: per part, per workbook, and as a ratio to the compressed size, so a zip
// bomb is refused after reading at most a limit's worth, not after exhausting memory.
#pragma once

#include <gongkai/readers/xlsx/xlsx_limits.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

struct zip;
struct zip_file;

namespace gongkai {

class ZipPackage;

// One part being inflated. Move-only; closes the entry when destroyed.
class ZipPartStream {
 public:
  ZipPartStream(ZipPartStream&& other) noexcept;
  ZipPartStream& operator=(ZipPartStream&&) = delete;
  ZipPartStream(const ZipPartStream&) = delete;
  ZipPartStream& operator=(const ZipPartStream&) = delete;
  ~ZipPartStream();

  // Fills up to `size` bytes of `buffer`; returns how many, 0 at the end of the part.
  // Throws InputError when the part is damaged or crosses a limit.
  std::size_t read(char* buffer, std::size_t size);

  [[nodiscard]] const std::string& part() const { return part_; }
  // Its size in the ZIP, before inflating.
  [[nodiscard]] std::uint64_t compressed_size() const { return compressed_; }

 private:
  friend class ZipPackage;
  ZipPartStream(ZipPackage& package, zip_file* file, std::string part, std::uint64_t compressed);

  ZipPackage* package_;
  zip_file* file_;
  std::string part_;
  std::uint64_t compressed_;
  std::uint64_t inflated_ = 0;
};

class ZipPackage {
 public:
  // REQUIRES: `bytes` outlives the package (it is read in place). `name` is the file's name,
  // for messages. Throws InputError when `bytes` is not a ZIP or its directory is damaged.
  ZipPackage(std::string_view name, std::string_view bytes, const XlsxLimits& limits);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // Part names are compared without regard to case, as OPC requires; no leading `/`.
  [[nodiscard]] bool has(std::string_view part) const;

  // Throws InputError when the part is missing (`missing part …`), damaged or too large.
  [[nodiscard]] ZipPartStream open(std::string_view part);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const XlsxLimits& limits() const { return limits_; }

 private:
  friend class ZipPartStream;
  void count_inflated(const ZipPartStream& stream, std::uint64_t bytes);

  std::string name_;
  XlsxLimits limits_;
  zip* archive_ = nullptr;
  std::uint64_t inflated_total_ = 0;
};

}  // namespace gongkai
