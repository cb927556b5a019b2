// The prose of sections 一, 五 and 六 as the renderers print it (BuiltReport::prose), and
// every finding about it:
//   - `missing-section` (error): a prose section of the form missing or blank;
//   - `placeholder` (error): a `{{…}}` that names no figure, cites a blank cell, or needs last
//     year's report when none was given (with a "did you mean");
//   - `narrative-figure` (warning): a literal number contradicting the figure it states;
//   - `text-reuse` (warning): a section largely copied from last year's.
// Placeholders (docs/prose.md): `{{<figure>}}` the figure, `{{<figure>.previous}}` last year's,
// `{{<figure>.yoy}}` 「同比上升21.9%」; in 六 only, `{{fees}}` and `{{work_plan}}` place the fee
// statement and the work-plan table. When 六 does not place them they are appended as
// numbered sub-sections continuing the section's own （一）（二） headings.
// Pure: text in, text out.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/prose/fee_statement.hpp>
#include <gongkai/prose/prose_rules.hpp>
#include <gongkai/prose/work_plan.hpp>

#include <map>
#include <optional>
#include <string>

namespace gongkai {

struct ProseInputs {
  // REQUIRES: non-null, after check_report (derived totals filled). Its `prose` and
  // `prose_where` hold the sections as written and where each starts.
  const Report* report = nullptr;
  // Last year's report of the same agency, after check_report; enables `.previous`, `.yoy`
  // and text-reuse. Default: none.
  const Report* previous = nullptr;
  // report-templates/prose-rules.yaml. Default: none — cells only, no narrative-figure check.
  const ProseRules* rules = nullptr;
  std::optional<WorkPlan> work_plan;  // section 六's 工作要点 table
  std::optional<FeeStatement> fees;   // section 六's 信息处理费 statement
};

// Section id -> expanded Markdown, for every prose section that has content (a missing one
// is left out and reported). An unresolved placeholder is left as written.
[[nodiscard]] std::map<std::string, std::string> expand_prose(const ProseInputs& in, Diagnostics& out);

// What a published report must hold, as warnings: every table (`missing-table`: a table of
// which no cell is given prints empty), the publication date (`no-publication-date`), section 六's 信息处理费 statement
// (`no-fee-statement`) and its report on the year's work plan (`no-work-plan`) — given as data (`fees:`, `work_plan:`)
// or in the words of 六. `expanded` is what expand_prose returned for `in`.
void check_publication_parts(const ProseInputs& in, const std::map<std::string, std::string>& expanded,
                             Diagnostics& out);

// The fixed sub-section titles used when 六's generated parts are appended.
inline constexpr const char* kFeesTitle = "收取信息处理费情况";
inline constexpr const char* kWorkPlanTitle = "落实上级年度政务公开工作要点情况";

}  // namespace gongkai
