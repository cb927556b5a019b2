// A prose section's changes between two versions, line by line (a longest-common-subsequence
// diff), for the revision log of a corrected report (更正). Bounded: sections longer than
// kProseDiffMaxLines lines on either side are compared as wholes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

inline constexpr std::size_t kProseDiffMaxLines = 2000;

struct ProseLine {
  char op = ' ';  // ' ' kept, '-' removed, '+' added
  std::string text;
};

// Every line of both texts in order, each marked kept, removed or added. Lines are compared
// after trimming trailing white space.
[[nodiscard]] std::vector<ProseLine> diff_lines(std::string_view before, std::string_view after);

}  // namespace gongkai
