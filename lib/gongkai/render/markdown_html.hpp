// Prose Markdown to HTML for the report page, by cmark-gfm (GitHub's cmark) with its table,
// strikethrough and autolink extensions: the work plan the prose engine writes is a GFM table.
// Raw HTML in the prose is never passed through (no CMARK_OPT_UNSAFE): cmark replaces it with a
// comment, and every text is escaped, so prose cannot inject markup or script into the page.
// A line break between two Chinese characters is dropped (HTML would show it as a space).
#pragma once

#include <string>
#include <string_view>

namespace gongkai {

[[nodiscard]] std::string markdown_to_html(std::string_view markdown);

}  // namespace gongkai
