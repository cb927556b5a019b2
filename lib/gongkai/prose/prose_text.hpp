// Positions and blanks in a prose section. Prose arrives as one string per section with the
// place its first character came from (a Markdown file: line 1, column 1; an inline YAML
// scalar: wherever the reader found it). Findings about a word inside it need file:line:col,
// so byte offsets are turned back into positions here. Columns count characters (code points),
// as the CSV reader's do: in Chinese prose a byte column is useless to a person.
#pragma once

#include <gongkai/core/location.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace gongkai {

// Where the byte at `offset` of `text` sits, given where `text` itself starts. Every line is
// taken to start at the start's column: true of a Markdown file (column 1) and of a YAML block
// scalar, whose lines all share the block's indentation. When the start has no line, the
// file alone is named.
[[nodiscard]] SourceLoc prose_location(std::string_view text, const SourceLoc& start, std::size_t offset);

// The same for many offsets in one text: the line starts are indexed once, so locating every
// finding of a long section stays linear.
class ProseLocator {
 public:
  // REQUIRES: `text` outlives the locator.
  ProseLocator(std::string_view text, SourceLoc start);
  [[nodiscard]] SourceLoc at(std::size_t offset) const;

 private:
  std::string_view text_;
  SourceLoc start_;
  std::vector<std::size_t> line_starts_;
};

// True when `text` holds nothing but white space (ASCII, ideographic U+3000, no-break spaces,
// byte-order marks): such a section counts as missing.
[[nodiscard]] bool is_blank_prose(std::string_view text);

}  // namespace gongkai
