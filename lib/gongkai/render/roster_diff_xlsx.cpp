#include <gongkai/render/roster_diff_xlsx.hpp>

#include <gongkai/diagnostics.hpp>
#include <gongkai/render/roster_diff_table.hpp>
#include <gongkai/render/xlsx_sheet.hpp>
#include <gongkai/render/xlsx_workbook.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace gongkai {

std::string render_roster_diff_xlsx(const RosterDiff& diff, Lang lang) {
  const bool zh = lang == Lang::zh;
  const auto cols = roster_diff_columns(diff, lang);
  XlsxScratchFile file;
  {
    XlsxOpenWorkbook book(file.path());
    lxw_doc_properties props{};
    std::string title = zh ? fmt::format("{} {}—{} 年度逐单位比较", diff.new_name, diff.old_year, diff.new_year)
                           : fmt::format("{}: {}–{} unit by unit", diff.new_name, diff.old_year, diff.new_year);
    props.title = title.data();
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
    lxw_worksheet* ws = xlsx_add_sheet(book.get(), zh ? "逐单位比较" : "units");
    std::vector<double> widths(cols.size(), 6.0);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      xlsx_check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), cols[c].heading.c_str(), header));
      widths[c] = std::max(widths[c], std::min(xlsx_text_width(cols[c].heading) + 2, 24.0));
    }
    for (std::size_t r = 0; r < diff.units.size(); ++r) {
      const RosterUnitDiff& u = diff.units[r];
      const auto values = roster_diff_row(diff, u, lang);
      lxw_format* f = u.findings.has_errors() || u.status == RosterUnitStatus::unreadable ? errors
                      : !u.findings.empty() || u.status != RosterUnitStatus::compared     ? warnings
                                                                                          : cell;
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < values.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        if (cols[c].numeric && !values[c].empty()) {
          // Counts, and figures with at most two decimals: a double holds them exactly enough.
          xlsx_check(worksheet_write_number(ws, row, col, std::strtod(values[c].c_str(), nullptr), f));
        } else if (values[c].empty()) {
          xlsx_check(worksheet_write_blank(ws, row, col, f));
        } else {
          // Always a string: worksheet_write_string never makes a formula of "=…".
          xlsx_check(worksheet_write_string(ws, row, col, values[c].c_str(), f));
        }
        widths[c] = std::max(widths[c], std::min(xlsx_text_width(values[c]) + 2, 60.0));
      }
    }
    for (std::size_t c = 0; c < cols.size(); ++c)
      xlsx_check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr));
    worksheet_freeze_panes(ws, 1, 1);
    xlsx_check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(diff.units.size()),
                                    static_cast<lxw_col_t>(cols.size() - 1)));
    xlsx_print_setup(ws, true, "");

    // The findings, one a row: unit, severity, rule, message.
    lxw_worksheet* fs = xlsx_add_sheet(book.get(), zh ? "标记与错误" : "findings");
    const std::vector<std::string> heads{zh ? "单位" : "unit", zh ? "级别" : "severity", zh ? "规则" : "rule",
                                         zh ? "说明" : "finding"};
    for (std::size_t c = 0; c < heads.size(); ++c)
      xlsx_check(worksheet_write_string(fs, 0, static_cast<lxw_col_t>(c), heads[c].c_str(), header));
    lxw_row_t row = 1;
    auto put = [&](const std::string& unit, const Diagnostic& d) {
      const std::string severity(to_string(d.severity));
      const std::string text = finding_text(d, lang);
      xlsx_check(worksheet_write_string(fs, row, 0, unit.c_str(), cell));
      xlsx_check(worksheet_write_string(fs, row, 1, severity.c_str(), cell));
      xlsx_check(worksheet_write_string(fs, row, 2, d.rule.c_str(), cell));
      xlsx_check(worksheet_write_string(fs, row, 3, text.c_str(), cell));
      ++row;
    };
    for (const auto& d : diff.findings.items()) put("", d);
    for (const auto& u : diff.units)
      for (const auto& d : u.findings.items()) put(u.name, d);
    xlsx_check(worksheet_set_column(fs, 0, 0, 24, nullptr));
    xlsx_check(worksheet_set_column(fs, 1, 2, 14, nullptr));
    xlsx_check(worksheet_set_column(fs, 3, 3, 100, nullptr));
    worksheet_freeze_panes(fs, 1, 0);
    xlsx_check(worksheet_autofilter(fs, 0, 0, row - 1, 3));
    book.close();
  }
  return file.read();
}

}  // namespace gongkai
