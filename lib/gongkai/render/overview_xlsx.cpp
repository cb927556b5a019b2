#include <gongkai/render/overview_xlsx.hpp>

#include <gongkai/render/overview.hpp>
#include <gongkai/render/xlsx_sheet.hpp>
#include <gongkai/render/xlsx_workbook.hpp>

#include <algorithm>
#include <cstdlib>

namespace gongkai {

std::string render_overview_xlsx(const std::vector<UnitSummary>& units, Lang lang, const std::string& title) {
  const auto rules = overview_rules(units);
  const auto figures = overview_figures(units);
  const auto cols = overview_columns(figures, rules, lang);
  XlsxScratchFile file;
  {
    XlsxOpenWorkbook book(file.path());
    lxw_doc_properties props{};
    std::string t = title;
    props.title = t.data();
    props.created = 1;  // never the clock: libxlsxwriter reads 0 as "now"
    xlsx_check(workbook_set_properties(book.get(), &props));
    lxw_format* header = workbook_add_format(book.get());
    format_set_bold(header);
    format_set_bg_color(header, 0xEEEEEE);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    lxw_format* cell = workbook_add_format(book.get());
    format_set_border(cell, LXW_BORDER_THIN);
    lxw_format* errors = workbook_add_format(book.get());
    format_set_border(errors, LXW_BORDER_THIN);
    format_set_bg_color(errors, 0xFDE2E2);
    lxw_format* warnings = workbook_add_format(book.get());
    format_set_border(warnings, LXW_BORDER_THIN);
    format_set_bg_color(warnings, 0xFFF6D6);
    lxw_worksheet* ws = xlsx_add_sheet(book.get(), lang == Lang::zh ? "概览" : "overview");
    std::vector<double> widths(cols.size(), 6.0);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      xlsx_check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), cols[c].heading.c_str(), header));
      widths[c] = std::max(widths[c], xlsx_text_width(cols[c].heading) + 2);
    }
    for (std::size_t r = 0; r < units.size(); ++r) {
      const auto values = overview_row(units[r], figures, rules, lang);
      lxw_format* f = units[r].errors > 0 || units[r].unreadable ? errors : units[r].warnings > 0 ? warnings : cell;
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < values.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        if (cols[c].numeric && !values[c].empty()) {
          // Figures are exact decimals with at most two places: a double holds them exactly enough.
          xlsx_check(worksheet_write_number(ws, row, col, std::strtod(values[c].c_str(), nullptr), f));
        } else {
          xlsx_check(worksheet_write_string(ws, row, col, values[c].c_str(), f));
        }
        widths[c] = std::max(widths[c], std::min(xlsx_text_width(values[c]) + 2, 60.0));
      }
    }
    for (std::size_t c = 0; c < cols.size(); ++c)
      xlsx_check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr));
    worksheet_freeze_panes(ws, 1, 1);
    xlsx_check(
        worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(units.size()), static_cast<lxw_col_t>(cols.size() - 1)));
    xlsx_print_setup(ws, true, "");
    book.close();
  }
  return file.read();
}

}  // namespace gongkai
