// A diff as Markdown (GitHub-flavoured tables, as cmark-gfm renders them): the comparison's
// title and reports, a table per form table (cell, Σ, the figures, change, percent, flags),
// unchanged cells folded unless --all, the not-comparable reasons, a revision's prose changes
// as a fenced `diff` block, a series' key figures, and the flags listed with their rule IDs.
#pragma once

#include <gongkai/render/diff_model.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_diff_markdown(const DiffModel& model, Lang lang);

// Text for a GFM table cell: Markdown's punctuation escaped, line breaks as spaces.
[[nodiscard]] std::string markdown_table_cell(const std::string& s);

}  // namespace gongkai
