// The reviewer appendix of a built report: every finding the office explained
// (check/explanations.hpp), with its rule, the cell's official label verbatim, the finding and
// the office's reason, in the order found. Markdown, HTML, XLSX and the report JSON print it
// after the report; a report without explained findings has no appendix (its outputs are what
// they were before explanations existed). Stale explanations are findings of their own
// (`stale-explanation`), not rows here.
#pragma once

#include <gongkai/render/built_report.hpp>

#include <string>
#include <vector>

namespace gongkai {

struct AppendixRow {
  std::string rule;
  std::string cell;     // the official label of the finding's first cell; empty when it names none
  std::string cell_id;  // its stable ID
  Text finding;         // the finding's message
  Text reason;          // the office's explanation
  std::string where;    // where the explanation is written (file:line:col)
};

[[nodiscard]] std::vector<AppendixRow> appendix_rows(const BuiltReport& built);

// The appendix's heading and column titles (Chinese: the report's language).
inline constexpr const char* kAppendixTitle = "附录：对检查结果的说明（供审核）";
inline constexpr const char* kAppendixNote =
    "以下检查结果已由本机关书面说明，不作为警告；说明写在报表的 explanations: 中。";
inline constexpr const char* kAppendixColumns[] = {"规则", "单元格", "检查结果", "说明", "说明所在位置"};

}  // namespace gongkai
