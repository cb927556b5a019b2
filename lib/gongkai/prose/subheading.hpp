// Numbered sub-headings of a prose section — 「（一）主动公开」, 「（二）依申请公开」 — as
// Chinese reports write them, whether as Markdown headings (`### （一）…`), bold lines
// (`**（一）…**`) or plain lines. Parts gongkai adds to a section (the fee statement and the
// work plan in 六) continue that numbering in the same style, so the published section reads
// as one text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九. REQUIRES: 1 <= n <= 99.
[[nodiscard]] std::string chinese_number(int n);
// The inverse, for 一 … 九十九; nullopt otherwise.
[[nodiscard]] std::optional<int> parse_chinese_number(std::u32string_view s);

// Appends `body` (Markdown) to `text` under a sub-heading numbered after the last （N） heading
// of `text`, written in that heading's style; `### （一）title` when `text` has none.
[[nodiscard]] std::string append_subsection(std::string text, std::string_view title, std::string_view body);

}  // namespace gongkai
