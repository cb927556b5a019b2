// Unicode normalisation used wherever printed text is compared: NFKC (full-width forms to
// their plain equivalents), whitespace removed (line-wrap spaces in table cells).
#pragma once

#include <string>
#include <string_view>

namespace gongkai {

// NFKC with case folding; invalid UTF-8 is returned unchanged.
[[nodiscard]] std::string nfkc(std::string_view s);

// nfkc() and all white space removed.
[[nodiscard]] std::string compact(std::string_view s);

}  // namespace gongkai
