// The statutory report as one self-contained HTML page: no external asset, no script. The page
// is a Mustache template (report-templates/html/report.mustache) with the stylesheet
// (report-templates/html/style.css) inlined, so an office restyles it by editing those files,
// not the program. Tables are laid out as the official form (render/table_layout.hpp) with
// rowspan/colspan; prose goes through cmark-gfm with raw HTML disabled (markdown_html.hpp);
// every other text is escaped by the template engine. Computed totals carry the class
// `computed` and the tooltip 「计算值」; a build with errors opens with a notice listing them.
//
// Template variables (all escaped unless noted):
//   title agency year level level_zh form_id form_title published published_zh generated
//   style (raw: the stylesheet)   stamped (bool) stamp_zh stamp_en errors[{rule message}]
//   sections[{id number heading is_table prose_html (raw) missing table}]
//   table{id head[{cells}] body[{cells}]}
//   cells[{tag (th|td) text class rowspan? colspan? title? cell_id?}]  (? = only when set)
#pragma once

#include <gongkai/render/built_report.hpp>

#include <string>

namespace gongkai {

struct HtmlTemplates {
  std::string page;                                // report.mustache
  std::string style;                               // style.css
  std::string page_name = "html/report.mustache";  // for error messages
};

// Throws InputError (naming the template) when the template does not parse.
[[nodiscard]] std::string render_html_report(const BuiltReport& built, const HtmlTemplates& templates);

}  // namespace gongkai
