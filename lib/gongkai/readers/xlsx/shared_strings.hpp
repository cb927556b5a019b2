// The workbook's shared string table (xl/sharedStrings.xml): cells of type `s` hold an index
// into it. Each entry is plain text (`<si><t>`) or rich text whose runs are joined
// (`<si><r><t>…</t></r><r><t>…</t></r>`); phonetic guides (`<rPh>`) are not part of the text.
// The table must be held while sheets are read; its size is bounded by XlsxLimits.
#pragma once

#include <gongkai/readers/xlsx/zip_package.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

class SharedStrings {
 public:
  // Reads `part` of `package`. Throws InputError when it is malformed or crosses a limit.
  static SharedStrings read(ZipPackage& package, std::string_view part);

  [[nodiscard]] std::size_t size() const { return ends_.size(); }
  // REQUIRES: i < size().
  [[nodiscard]] std::string_view at(std::size_t i) const {
    std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }

 private:
  friend class SharedStringsBuilder;
  std::string text_;               // every string, back to back
  std::vector<std::size_t> ends_;  // end offset of each
};

}  // namespace gongkai
