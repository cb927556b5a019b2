// Bytes to UTF-8. CSV files saved by Excel on Chinese Windows are GB18030/GBK; we detect that
// (a file that is not valid UTF-8 but is valid GB18030) or take it from --encoding, and say
// which encoding was used (an info finding, rule `encoding`): never a silent guess.
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

enum class Encoding { detect, utf8, gb18030 };

[[nodiscard]] std::optional<Encoding> parse_encoding(std::string_view name);  // utf-8|utf8|gb18030|gbk|gb2312|auto

// Returns UTF-8 text without a BOM, or nullopt with an error (rule `encoding`) naming the
// line and column of the first undecodable byte (1-based; the column counts characters, as an
// editor shows them, not bytes). Empty input is empty text: the readers decide what it means.
[[nodiscard]] std::optional<std::string> to_utf8(std::string_view bytes, std::string_view name, Encoding enc,
                                                 Diagnostics& out);

// UTF-8 text as GB18030 bytes (for a CSV that Excel on Chinese Windows opens by
// double-click); nullopt when the text is not valid UTF-8. Every Unicode character has a
// GB18030 encoding, so valid text always converts.
[[nodiscard]] std::optional<std::string> utf8_to_gb18030(std::string_view text);

}  // namespace gongkai
