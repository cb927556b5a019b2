// A diff as one self-contained HTML page: no script, no network, prints on A4. The page is a
// Mustache template (report-templates/html/diff.mustache) with its stylesheet (html/diff.css)
// inlined, as the report's and the overview's pages are. Cell tables per form table with each
// cell's kind and flags as classes (coloured by the stylesheet), a revision's prose changes
// line by line, the flags with their rule IDs, and for a series an inline SVG bar chart per key
// figure (render/svg_chart.hpp): a year without a figure is a gap, never a 0.
//
// Template variables (escaped unless noted): lang title style (raw) reports[] series (bool)
//   words{cell change percent flags trend kind key_figures findings prose not_comparable}
//   years[] tables[{number heading folded_note rows[{name id derived kind kind_label flagged
//   flags figures[{text}] change percent trend}]}] has_not_comparable not_comparable[{text}]
//   prose[{heading lines[{op class text}]}] charts[{svg (raw) name}] has_findings
//   findings[{severity rule message where}] nothing_flagged legend summary
#pragma once

#include <gongkai/render/diff_model.hpp>
#include <gongkai/render/html_report.hpp>

#include <string>

namespace gongkai {

// The SVG bar chart of one key figure of a series.
[[nodiscard]] std::string diff_chart_svg(const DiffChart& chart, const std::vector<std::string>& years);

// Throws InputError (naming the template) when the template does not parse.
[[nodiscard]] std::string render_diff_html(const DiffModel& model, Lang lang, const HtmlTemplates& templates);

}  // namespace gongkai
