#include <gongkai/render/xlsx_explanations_sheet.hpp>

#include <algorithm>
#include <array>
#include <string>

namespace gongkai {

namespace {

// Rule, cell, finding, reason, where: together about the width of an A4 landscape page.
constexpr std::array<double, 5> kWidths = {20.0, 36.0, 50.0, 40.0, 26.0};

}  // namespace

void write_explanations_sheet(lxw_worksheet* ws, const XlsxSheetContext& ctx, const std::vector<AppendixRow>& rows) {
  const XlsxStyles& st = ctx.styles;
  for (std::size_t c = 0; c < kWidths.size(); ++c)
    xlsx_check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), kWidths[c], nullptr));
  std::uint32_t row = 0;
  xlsx_write_banner(ws, row++, static_cast<int>(kWidths.size()), kAppendixTitle, st.title);
  const std::string note = kAppendixNote;
  xlsx_write_banner(ws, row, static_cast<int>(kWidths.size()), note, st.prose);
  xlsx_check(worksheet_set_row(ws, row++, xlsx_wrapped_height(note, kWidths[0] + kWidths[1] + kWidths[2]), nullptr));
  for (std::size_t c = 0; c < kWidths.size(); ++c)
    xlsx_check(worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), kAppendixColumns[c], st.grid_header));
  ++row;
  for (const auto& r : rows) {
    const std::array<std::string, 5> cells = {r.rule, r.cell, r.finding.zh, r.reason.zh, r.where};
    double height = kXlsxLineHeight;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      xlsx_check(worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cells[c].c_str(), st.grid_text));
      height = std::max(height, xlsx_wrapped_height(cells[c], kWidths[c] - 1));
    }
    xlsx_check(worksheet_set_row(ws, row++, height, nullptr));
  }
  xlsx_print_setup(ws, true, ctx.page_notice);
}

}  // namespace gongkai
