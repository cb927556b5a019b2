// The words every rendering of a built report shares, so Markdown, HTML, XLSX and JSON say the
// same thing: the report's title, a cell's figure as printed, the sections in form order with
// their prose, and the notice stamped on a report built with errors (--allow-errors).
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/render/built_report.hpp>

#include <string>
#include <vector>

namespace gongkai {

// 「{agency}{year}年政府信息公开工作年度报告」.
[[nodiscard]] std::string report_title(const Report& report);

// A cell's figure as printed: format_value of its raw figure when it has one; empty for a
// blank or absent cell (blank is never shown as 0). Computed cells print their figure.
[[nodiscard]] std::string figure_text(const Report& report, const CellDef& cell);

// One of the six sections, in form order: a prose section carries its expanded Markdown
// (nullptr when the build has none for it), a table section its table.
struct ReportSection {
  const SectionDef* def = nullptr;
  const std::string* prose = nullptr;
  const TableDef* table = nullptr;
};
[[nodiscard]] std::vector<ReportSection> report_sections(const BuiltReport& built);

// The notice every output of a build with errors carries: it failed its checks, how many
// errors, and that it must not be published as it is.
[[nodiscard]] Text stamp_notice(const BuiltReport& built);

}  // namespace gongkai
