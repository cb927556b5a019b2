// The per-unit overview a reviewer works from: one row per unit with its key figures
// (aggregate/unit_summary.hpp) and check status, and the unit × rule matrix of findings.
// Markdown, CSV, JSON and a self-contained HTML page that sorts by any column without a
// network (a few lines of inline script; the table reads fine without it). The page is a
// Mustache template (report-templates/html/overview.mustache) with its stylesheet
// (html/overview.css) inlined, as the report's page is (html_report.hpp).
//
// The figure columns are the units' key figures (UnitSummary::key_figures: form data), by ID in
// the order they first appear; a unit without a figure leaves its cell empty.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/render/html_report.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace gongkai {

// The rules that occur in any unit, sorted: the matrix's columns.
[[nodiscard]] std::vector<std::string> overview_rules(const std::vector<UnitSummary>& units);

// The figure columns of these units: their key figures by ID, in order of first appearance.
[[nodiscard]] std::vector<KeyFigure> overview_figures(const std::vector<UnitSummary>& units);

// The overview's columns and one unit's cells, shared by every overview renderer.
struct OverviewColumn {
  std::string heading;
  bool numeric = false;
};
[[nodiscard]] std::vector<OverviewColumn> overview_columns(const std::vector<KeyFigure>& figures,
                                                           const std::vector<std::string>& rules, Lang lang);
[[nodiscard]] std::vector<std::string> overview_row(const UnitSummary& u, const std::vector<KeyFigure>& figures,
                                                    const std::vector<std::string>& rules, Lang lang);

[[nodiscard]] std::string render_overview_markdown(const std::vector<UnitSummary>& units, Lang lang);
// The CSV ends with a total row (合计 / total): the key figures and the finding counts summed
// over the units. UTF-8 without a BOM: the caller chooses the bytes (overview_csv_bytes).
[[nodiscard]] std::string render_overview_csv(const std::vector<UnitSummary>& units, Lang lang);
// The CSV as a file: "utf-8-bom" (default: Excel on Chinese Windows opens it by double-click
// as UTF-8), "utf-8", or "gb18030".
[[nodiscard]] std::string overview_csv_bytes(const std::string& csv_utf8, const std::string& encoding);
[[nodiscard]] nlohmann::ordered_json overview_json(const std::vector<UnitSummary>& units);
// Template variables (escaped unless noted): lang title style (raw: the stylesheet)
//   columns[{index heading numeric}] units[{status cells[{text numeric}]}]
// Throws InputError (naming the template) when the template does not parse.
[[nodiscard]] std::string render_overview_html(const std::vector<UnitSummary>& units, Lang lang,
                                               const std::string& title, const HtmlTemplates& templates);

// Units by status (UnitSummary::status), counted as they come.
struct BatchCounts {
  std::size_t units = 0;
  std::size_t ok = 0;
  std::size_t with_warnings = 0;
  std::size_t with_errors = 0;
  std::size_t unreadable = 0;
  void add(const UnitSummary& u);
};

// The closing summary of a batch: units ok, with warnings, with errors (and unreadable).
[[nodiscard]] std::string render_batch_summary(const BatchCounts& counts, Lang lang);
[[nodiscard]] std::string render_batch_summary(const std::vector<UnitSummary>& units, Lang lang);
// The unit × rule matrix as an aligned text table (CJK-aware widths), units with findings only.
[[nodiscard]] std::string render_rule_matrix_text(const std::vector<UnitSummary>& units, Lang lang);

}  // namespace gongkai
