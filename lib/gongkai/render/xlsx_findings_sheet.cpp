#include <gongkai/render/xlsx_findings_sheet.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace gongkai {

namespace {

struct FindingColumn {
  const char* title;
  double width;
};

constexpr std::array<FindingColumn, 9> kColumns{{
    {"级别 Severity", 10},
    {"规则 Rule", 18},
    {"单元格 Cell", 36},
    {"单元格 ID", 30},
    {"说明", 50},
    {"Message", 50},
    {"应为 Expected", 12},
    {"实为 Actual", 12},
    {"来源 Source", 24},
}};

std::string severity_text(Severity s) {
  switch (s) {
    case Severity::error:
      return "错误 error";
    case Severity::warning:
      return "警告 warning";
    case Severity::info:
      return "提示 info";
  }
  return {};
}

}  // namespace

void write_findings_sheet(lxw_worksheet* ws, const XlsxSheetContext& ctx) {
  const XlsxStyles& st = ctx.styles;
  const int ncols = static_cast<int>(kColumns.size());
  lxw_row_t row = 0;
  xlsx_write_banner(ws, row, ncols, "检查结果 Findings", st.title);
  xlsx_check(worksheet_set_row(ws, row++, 24, nullptr));
  if (!ctx.notice.empty()) {
    double total = 0;
    for (const auto& c : kColumns) total += c.width;
    xlsx_write_banner(ws, row, ncols, ctx.notice, st.notice);
    xlsx_check(worksheet_set_row(ws, row++, xlsx_wrapped_height(ctx.notice, total), nullptr));
  }
  const lxw_row_t header = row;
  double height = 0;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(i);
    xlsx_check(worksheet_set_column(ws, col, col, kColumns[i].width, nullptr));
    xlsx_check(worksheet_write_string(ws, row, col, kColumns[i].title, st.grid_header));
    height = std::max(height, xlsx_wrapped_height(kColumns[i].title, kColumns[i].width));
  }
  xlsx_check(worksheet_set_row(ws, row++, height, nullptr));
  for (const Diagnostic& d : ctx.built.findings.items()) {
    std::string labels, ids;
    for (const CellMention& m : d.cells) {
      if (!labels.empty()) labels += "\n";
      if (!ids.empty()) ids += "\n";
      labels += m.label;
      ids += m.id;
    }
    const std::array<std::string, 9> texts{severity_text(d.severity),
                                           d.rule,
                                           labels,
                                           ids,
                                           d.message.zh,
                                           d.message.en,
                                           d.expected.value_or(""),
                                           d.actual.value_or(""),
                                           d.where.known() ? d.where.to_string() : ""};
    height = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      xlsx_check(worksheet_write_string(ws, row, static_cast<lxw_col_t>(i), texts[i].c_str(), st.grid_text));
      height = std::max(height, xlsx_wrapped_height(texts[i], kColumns[i].width));
    }
    xlsx_check(worksheet_set_row(ws, row++, height, nullptr));
  }
  worksheet_freeze_panes(ws, header + 1, 0);
  xlsx_check(worksheet_repeat_rows(ws, header, header));
  xlsx_print_setup(ws, true, ctx.page_notice);
}

}  // namespace gongkai
