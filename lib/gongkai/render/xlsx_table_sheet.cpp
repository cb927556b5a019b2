#include <gongkai/render/xlsx_table_sheet.hpp>

#include <gongkai/core/decimal.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/render/xlsx_formulas.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace gongkai {

namespace {

constexpr double kPad = 2.0;  // column units around a cell's text
constexpr double kMinLabelWidth = 6.0;
constexpr double kMinFigureWidth = 8.0;
constexpr double kMaxLabelWidth = 40.0;   // longer row labels wrap (1.申请人无正当理由逾期不补正…)
constexpr double kMaxHeaderWidth = 13.0;  // longer column labels wrap (本年处理决定数量)
constexpr double kMinSpanLabel = 11.0;    // a label spanning rows may wrap down to ~5 CJK characters
constexpr double kDefaultRowHeight = 15.0;
constexpr double kOneLine = kXlsxLineHeight + 3.0;
// Column units that fit across A4 portrait at 100% (6.9 in between the default margins); a wider
// table (三, 四) prints landscape, and every table is fitted to the page width.
constexpr double kPortraitWidth = 95.0;

// The figure a spreadsheet holds. XLSX numbers are binary doubles, so an amount (exact micro-万元)
// becomes a double only here, at the last step; every amount a report states (≤ 15 significant
// digits) is written back as the same decimal text by libxlsxwriter's %.16G.
double sheet_number(const CellDef& def, std::int64_t raw) {
  if (def.column->kind == ValueKind::amount) return static_cast<double>(raw) / static_cast<double>(Decimal::kOne);
  return static_cast<double>(raw);
}

// A figure as the sheet shows it (amounts with their two decimals), to size its column.
std::string shown_figure(const CellDef& def, const CellValue& v) {
  if (v.state == CellState::blank) return {};
  const std::int64_t raw = v.has_value() ? v.raw : 0;  // left out: 0
  if (def.column->kind == ValueKind::amount) return Decimal::from_micro(raw).to_string(2);
  return std::to_string(raw);
}

struct TableSheet {
  lxw_worksheet* ws;
  const TableLayout& layout;
  const XlsxSheetContext& ctx;
  std::uint32_t top = 0;  // sheet row of the grid's row 0
  std::vector<double> widths;
  std::vector<double> heights;  // per grid row; 0 = leave to the client

  [[nodiscard]] const Report& report() const { return *ctx.built.report; }
  [[nodiscard]] lxw_row_t sheet_row(int grid_row) const { return top + static_cast<lxw_row_t>(grid_row); }

  void measure_columns() {
    widths.assign(static_cast<std::size_t>(layout.columns), 0.0);
    for (int col = 0; col < layout.columns; ++col)
      widths[static_cast<std::size_t>(col)] = col < layout.label_columns ? kMinLabelWidth : kMinFigureWidth;
    for (const LayoutCell& c : layout.cells) {
      if (c.col_span != 1) continue;
      double need = 0;
      if (c.cell != nullptr) {
        need = xlsx_text_width(shown_figure(*c.cell, report().at(*c.cell)));
      } else {
        need = xlsx_text_width(c.text);
        if (c.row_span > 1) need = std::min(need, std::max(kMinSpanLabel, need / c.row_span));
        need = std::min(need, c.col < layout.label_columns ? kMaxLabelWidth : kMaxHeaderWidth);
      }
      auto& w = widths[static_cast<std::size_t>(c.col)];
      w = std::max(w, need + kPad);
    }
    // Quarter units, as written: measuring rows with the same figures the client sees.
    for (double& w : widths) w = std::ceil(w * 4) / 4;
  }

  [[nodiscard]] double total_width() const {
    double w = 0;
    for (double x : widths) w += x;
    return w;
  }

  [[nodiscard]] double span_width(const LayoutCell& c) const {
    double w = 0;
    for (int col = c.col; col < c.col + c.col_span; ++col) w += widths[static_cast<std::size_t>(col)];
    return w;
  }

  // Rows whose wrapped labels need more than one line get an explicit height: clients do not
  // grow rows to fit merged cells, and an estimate the same everywhere keeps output stable.
  void measure_rows() {
    heights.assign(static_cast<std::size_t>(layout.rows), 0.0);
    for (const LayoutCell& c : layout.cells) {
      if (c.row_span != 1 || c.text.empty()) continue;
      const double h = xlsx_wrapped_height(c.text, span_width(c));
      if (h > kOneLine) {
        auto& row_h = heights[static_cast<std::size_t>(c.row)];
        row_h = std::max(row_h, h);
      }
    }
    for (const LayoutCell& c : layout.cells) {
      if (c.row_span == 1 || c.text.empty()) continue;
      double have = 0;
      for (int row = c.row; row < c.row + c.row_span; ++row) {
        const double h = heights[static_cast<std::size_t>(row)];
        have += h > 0 ? h : kDefaultRowHeight;
      }
      const double need = xlsx_wrapped_height(c.text, span_width(c));
      if (need > have) {
        auto& last = heights[static_cast<std::size_t>(c.row + c.row_span - 1)];
        last = (last > 0 ? last : kDefaultRowHeight) + (need - have);
      }
    }
  }

  void write_value(const LayoutCell& c, const std::map<std::size_t, std::string>& formulas) {
    const CellDef& def = *c.cell;
    const CellValue& v = report().at(def);
    lxw_format* format = ctx.styles.value_format(*def.column, ctx.flagged.contains(def.id));
    const lxw_row_t row = sheet_row(c.row);
    const auto col = static_cast<lxw_col_t>(c.col);
    if (c.col_span > 1 || c.row_span > 1)
      xlsx_check(worksheet_merge_range(ws, row, col, sheet_row(c.row + c.row_span - 1),
                                       static_cast<lxw_col_t>(c.col + c.col_span - 1), "", format));
    if (v.state == CellState::blank || !table_given(report(), *def.table)) {
      // Blank stays blank, never 0; so does every cell of a missing table (missing-table).
      xlsx_check(worksheet_write_blank(ws, row, col, format));
      return;
    }
    const double number = sheet_number(def, v.has_value() ? v.raw : 0);  // left out: 0
    if (auto f = formulas.find(def.index); f != formulas.end()) {
      const std::string text = "=" + f->second;
      xlsx_check(worksheet_write_formula_num(ws, row, col, text.c_str(), format, number));
    } else {
      xlsx_check(worksheet_write_number(ws, row, col, number, format));
    }
  }

  void write_label(const LayoutCell& c) {
    lxw_format* format = c.role == CellRole::row_label ? ctx.styles.row_label
                         : c.role == CellRole::title   ? ctx.styles.block_title
                                                       : ctx.styles.header;
    const lxw_row_t row = sheet_row(c.row);
    const auto col = static_cast<lxw_col_t>(c.col);
    if (c.col_span > 1 || c.row_span > 1) {
      xlsx_check(worksheet_merge_range(ws, row, col, sheet_row(c.row + c.row_span - 1),
                                       static_cast<lxw_col_t>(c.col + c.col_span - 1), c.text.c_str(), format));
    } else if (c.text.empty()) {
      xlsx_check(worksheet_write_blank(ws, row, col, format));
    } else {
      xlsx_check(worksheet_write_string(ws, row, col, c.text.c_str(), format));
    }
  }

  // Returns whether any total became a formula.
  bool write_grid() {
    std::map<std::size_t, SheetPos> placed;
    for (const LayoutCell& c : layout.cells)
      if (c.cell != nullptr) placed[c.cell->index] = SheetPos{sheet_row(c.row), static_cast<std::uint32_t>(c.col)};
    const auto formulas = total_formulas(report(), placed);

    std::vector<bool> covered(static_cast<std::size_t>(layout.rows * layout.columns), false);
    for (const LayoutCell& c : layout.cells) {
      for (int r = c.row; r < c.row + c.row_span; ++r)
        for (int col = c.col; col < c.col + c.col_span; ++col)
          covered[static_cast<std::size_t>(r * layout.columns + col)] = true;
      if (c.cell != nullptr) {
        write_value(c, formulas);
      } else {
        write_label(c);
      }
    }
    // Any position the layout leaves empty still gets the form's border.
    for (int r = 0; r < layout.rows; ++r)
      for (int col = 0; col < layout.columns; ++col)
        if (!covered[static_cast<std::size_t>(r * layout.columns + col)])
          xlsx_check(worksheet_write_blank(ws, sheet_row(r), static_cast<lxw_col_t>(col), ctx.styles.header));
    return !formulas.empty();
  }

  // A total's SUM skips the category rows and the other totals beside it, which Excel would
  // otherwise mark with a green triangle ("formula omits adjacent cells", "inconsistent formula").
  void quiet_formula_warnings() {
    const std::string range = a1_ref({sheet_row(0), 0}) + ":" +
                              a1_ref({sheet_row(layout.rows - 1), static_cast<std::uint32_t>(layout.columns - 1)});
    for (std::uint8_t kind : {LXW_IGNORE_FORMULA_RANGE, LXW_IGNORE_FORMULA_DIFFERS, LXW_IGNORE_EMPTY_CELL_REFERENCE})
      xlsx_check(worksheet_ignore_errors(ws, kind, range.c_str()));
  }

  // 「注：采购总金额单位：万元。」 for an amount column whose printed label does not say its unit.
  [[nodiscard]] std::vector<std::string> unit_notes() const {
    std::vector<std::string> notes;
    auto visit = [&](const ColumnDef& col) {
      if (col.kind != ValueKind::amount || col.unit.empty()) return;
      if (col.label.find(col.unit) != std::string::npos) return;
      std::string note = fmt::format("注：{}单位：{}。", col.label, col.unit);
      if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
    };
    for (const ColumnDef& col : layout.table->columns) visit(col);
    for (const RowDef& row : layout.table->rows)
      for (const ColumnDef& col : row.columns) visit(col);
    return notes;
  }

  void write() {
    xlsx_write_banner(ws, 0, layout.columns, layout.heading, ctx.styles.title);
    xlsx_check(worksheet_set_row(ws, 0, 24, nullptr));
    top = 1;
    measure_columns();
    measure_rows();
    if (!ctx.notice.empty()) {
      xlsx_write_banner(ws, top, layout.columns, ctx.notice, ctx.styles.notice);
      xlsx_check(worksheet_set_row(ws, top, xlsx_wrapped_height(ctx.notice, total_width()), nullptr));
      ++top;
    }
    if (write_grid()) quiet_formula_warnings();
    for (int col = 0; col < layout.columns; ++col)
      xlsx_check(worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                                      widths[static_cast<std::size_t>(col)], nullptr));
    for (int r = 0; r < layout.rows; ++r)
      if (const double h = heights[static_cast<std::size_t>(r)]; h > 0)
        xlsx_check(worksheet_set_row(ws, sheet_row(r), h, nullptr));
    lxw_row_t below = sheet_row(layout.rows);
    for (const std::string& note : unit_notes())
      xlsx_check(worksheet_write_string(ws, below++, 0, note.c_str(), nullptr));

    const lxw_row_t header_end = sheet_row(layout.header_rows);  // first row below the header
    if (layout.header_rows > 0) worksheet_freeze_panes(ws, header_end, static_cast<lxw_col_t>(layout.label_columns));
    xlsx_check(worksheet_repeat_rows(ws, 0, header_end - 1));
    xlsx_print_setup(ws, total_width() > kPortraitWidth, ctx.page_notice);
  }
};

}  // namespace

void write_table_sheet(lxw_worksheet* ws, const TableLayout& layout, const XlsxSheetContext& ctx) {
  TableSheet sheet{ws, layout, ctx, 0, {}, {}};
  sheet.write();
}

}  // namespace gongkai
