// The statutory report as GitHub-flavoured Markdown: the title, the six section headings
// verbatim in form order, the prose of 一, 五 and 六 as the build expanded it, and tables 二, 三
// and 四 flattened from their layout (render/table_layout.hpp). GFM tables have no spans, so a
// column's header is the header labels above it joined with 「·」 (申请人情况·法人或其他组织·商业
// 企业, 行政诉讼·复议后起诉·总计) and a row's label is its label path joined the same way
// (三、本年度办理结果·（三）不予公开·1.属于国家秘密); each block of table 二 is its own table under
// its title. Blank and absent cells are empty; computed totals print their figure. A build with
// errors opens with a notice listing them.
#pragma once

#include <gongkai/render/built_report.hpp>

#include <string>
#include <string_view>

namespace gongkai {

[[nodiscard]] std::string render_markdown_report(const BuiltReport& built);

// `text` as literal Markdown inline content: the ASCII punctuation that could start markup
// (and `|`, which would split a table cell) is backslash-escaped.
[[nodiscard]] std::string markdown_escape(std::string_view text);

}  // namespace gongkai
