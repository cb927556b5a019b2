#include <gongkai/render/diff_xlsx.hpp>

#include <gongkai/core/civil_date.hpp>
#include <gongkai/render/xlsx_sheet.hpp>
#include <gongkai/render/xlsx_workbook.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <set>

namespace gongkai {

namespace {

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* cell = nullptr;
  lxw_format* number = nullptr;
  lxw_format* computed = nullptr;  // a figure computed, not given
  lxw_format* percent = nullptr;
  lxw_format* flagged = nullptr;  // conditional: a row with flags
  lxw_format* title = nullptr;
};

Formats make_formats(lxw_workbook* book) {
  Formats f;
  f.header = workbook_add_format(book);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xEEEEEE);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  f.cell = workbook_add_format(book);
  format_set_border(f.cell, LXW_BORDER_THIN);
  f.number = workbook_add_format(book);
  format_set_border(f.number, LXW_BORDER_THIN);
  format_set_num_format(f.number, "General");
  f.computed = workbook_add_format(book);
  format_set_border(f.computed, LXW_BORDER_THIN);
  format_set_italic(f.computed);
  format_set_font_color(f.computed, 0x555555);
  f.percent = workbook_add_format(book);
  format_set_border(f.percent, LXW_BORDER_THIN);
  format_set_num_format(f.percent, "+0.0%;-0.0%;0.0%");
  f.flagged = workbook_add_format(book);
  format_set_bg_color(f.flagged, 0xFDE2E2);
  format_set_font_color(f.flagged, 0x9C0006);
  f.title = workbook_add_format(book);
  format_set_bold(f.title);
  return f;
}

// Column letters of a 0-based column (A … Z, AA …).
std::string column_letters(std::size_t col) {
  std::string out;
  for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* ws, const Formats& f) : ws_(ws), f_(f) {}
  void text(std::size_t row, std::size_t col, const std::string& s, lxw_format* format = nullptr) {
    // worksheet_write_string stores a shared string: "=1+1" stays text, never a formula.
    if (!s.empty())
      xlsx_check(worksheet_write_string(ws_, r(row), c(col), s.c_str(), format ? format : f_.cell));
    else
      xlsx_check(worksheet_write_blank(ws_, r(row), c(col), format ? format : f_.cell));
    width(col, xlsx_text_width(s) + 2);
  }
  void number(std::size_t row, std::size_t col, const std::string& decimal, lxw_format* format) {
    // Figures are exact decimals with at most six places: a double holds them exactly enough.
    xlsx_check(worksheet_write_number(ws_, r(row), c(col), std::strtod(decimal.c_str(), nullptr), format));
    width(col, xlsx_text_width(decimal) + 2);
  }
  void finish(std::size_t rows, std::size_t cols, std::size_t freeze_cols) {
    for (std::size_t i = 0; i < widths_.size(); ++i)
      xlsx_check(worksheet_set_column(ws_, c(i), c(i), std::min(widths_[i], 60.0), nullptr));
    worksheet_freeze_panes(ws_, 1, c(freeze_cols));
    if (rows > 1 && cols > 0) xlsx_check(worksheet_autofilter(ws_, 0, 0, r(rows - 1), c(cols - 1)));
    xlsx_print_setup(ws_, true, "");
  }

 private:
  static lxw_row_t r(std::size_t v) { return static_cast<lxw_row_t>(v); }
  static lxw_col_t c(std::size_t v) { return static_cast<lxw_col_t>(v); }
  void width(std::size_t col, double w) {
    if (widths_.size() <= col) widths_.resize(col + 1, 6.0);
    widths_[col] = std::max(widths_[col], w);
  }
  lxw_worksheet* ws_;
  const Formats& f_;
  std::vector<double> widths_;
};

void write_figure(SheetWriter& w, std::size_t row, std::size_t col, const std::string& printed,
                  const std::optional<std::string>& value, const Formats& f) {
  if (value)
    w.number(row, col, *value, printed.ends_with("*") ? f.computed : f.number);
  else
    w.text(row, col, printed);
}

void table_sheet(lxw_workbook* book, const DiffModel& m, const DiffModelTable& t, Lang lang, const Formats& f,
                 std::set<std::string>& taken) {
  lxw_worksheet* ws = xlsx_add_sheet(book, xlsx_sheet_name(t.heading, taken));
  SheetWriter w(ws, f);
  std::vector<std::string> head{diff_word("row", lang), diff_word("column", lang), "Σ"};
  for (const auto& y : m.years) head.push_back(y);
  if (m.series) {
    head.push_back(diff_word("trend", lang));
  } else {
    head.push_back(diff_word("change", lang));
    head.push_back(diff_word("percent", lang));
    head.push_back(diff_word("kind", lang));
  }
  const std::size_t flags_col = head.size();
  head.push_back(diff_word("flags", lang));
  head.push_back(diff_word("id", lang));
  if (!m.series) head.push_back(diff_word("old_id", lang));
  for (std::size_t c = 0; c < head.size(); ++c) w.text(0, c, head[c], f.header);
  std::size_t row = 1;
  for (const auto& r : t.rows) {
    std::size_t c = 0;
    w.text(row, c++, r.row_label);
    w.text(row, c++, r.column_label);
    w.text(row, c++, r.derived ? "Σ" : "");
    for (std::size_t i = 0; i < r.figures.size(); ++i) write_figure(w, row, c++, r.figures[i], r.values[i], f);
    if (m.series) {
      w.text(row, c++, r.trend);
    } else {
      if (r.change_value && r.kind == "changed")
        w.number(row, c++, *r.change_value, f.number);
      else
        w.text(row, c++, r.change);
      if (!r.percent.empty()) {
        std::string p = r.percent;
        p.erase(std::remove(p.begin(), p.end(), '%'), p.end());
        xlsx_check(worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c),
                                          std::strtod(p.c_str(), nullptr) / 100.0, f.percent));
        ++c;
      } else {
        w.text(row, c++, "");
      }
      w.text(row, c++, r.kind_label);
    }
    std::string flags;
    for (const auto& fl : r.flags) flags += (flags.empty() ? "" : ",") + fl;
    for (const auto& fl : r.explained) flags += (flags.empty() ? "" : ",") + fl;
    w.text(row, c++, flags);
    w.text(row, c++, r.new_id.empty() ? r.id : r.new_id);
    if (!m.series) w.text(row, c++, r.old_id);
    ++row;
  }
  if (row > 1) {
    // Rows whose flags column is not empty are marked, also after the reader sorts or filters.
    const std::string rule = fmt::format("=LEN(${}2)>0", column_letters(flags_col));
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = const_cast<char*>(rule.c_str());
    cf.format = f.flagged;
    xlsx_check(worksheet_conditional_format_range(ws, 1, 0, static_cast<lxw_row_t>(row - 1),
                                                  static_cast<lxw_col_t>(head.size() - 1), &cf));
  }
  w.finish(row, head.size(), 2);
}

void findings_sheet(lxw_workbook* book, const DiffModel& m, Lang lang, const Formats& f, std::set<std::string>& taken) {
  lxw_worksheet* ws = xlsx_add_sheet(book, xlsx_sheet_name(diff_word("findings", lang), taken));
  SheetWriter w(ws, f);
  const std::vector<std::string> head{diff_word("severity", lang), diff_word("rule", lang), diff_word("message", lang),
                                      diff_word("where", lang)};
  for (std::size_t c = 0; c < head.size(); ++c) w.text(0, c, head[c], f.header);
  std::size_t row = 1;
  if (m.findings != nullptr)
    for (const auto& d : m.findings->items()) {
      w.text(row, 0, std::string(to_string(d.severity)));
      w.text(row, 1, d.rule);
      w.text(row, 2, d.message.in(lang));
      w.text(row, 3, d.where.known() ? d.where.to_string() : "");
      ++row;
    }
  if (row == 1) w.text(1, 0, diff_word("nothing_flagged", lang));
  w.finish(std::max<std::size_t>(row, 2), head.size(), 0);
}

void prose_sheet(lxw_workbook* book, const DiffModel& m, Lang lang, const Formats& f, std::set<std::string>& taken) {
  lxw_worksheet* ws = xlsx_add_sheet(book, xlsx_sheet_name(diff_word("prose", lang), taken));
  SheetWriter w(ws, f);
  const std::vector<std::string> head{lang == Lang::zh ? "章节" : "section", "±", lang == Lang::zh ? "文字" : "text"};
  for (std::size_t c = 0; c < head.size(); ++c) w.text(0, c, head[c], f.header);
  std::size_t row = 1;
  for (const auto& p : m.prose)
    for (const auto& l : p.lines) {
      w.text(row, 0, p.heading);
      w.text(row, 1, std::string(1, l.op));
      w.text(row, 2, l.text);
      ++row;
    }
  w.finish(row, head.size(), 0);
}

void key_figures_sheet(lxw_workbook* book, const DiffModel& m, Lang lang, const Formats& f,
                       std::set<std::string>& taken) {
  const std::string name = xlsx_sheet_name(diff_word("key_figures", lang), taken);
  lxw_worksheet* ws = xlsx_add_sheet(book, name);
  SheetWriter w(ws, f);
  w.text(0, 0, diff_word("cell", lang), f.header);
  for (std::size_t i = 0; i < m.years.size(); ++i) w.text(0, i + 1, m.years[i], f.header);
  const std::size_t id_col = m.years.size() + 1;
  w.text(0, id_col, diff_word("id", lang), f.header);
  for (std::size_t k = 0; k < m.charts.size(); ++k) {
    const DiffChart& c = m.charts[k];
    w.text(k + 1, 0, c.name);
    for (std::size_t i = 0; i < c.raw.size(); ++i) {
      if (!c.raw[i]) continue;  // left empty: the chart shows a gap, never a 0
      const std::string v = c.labels[i].ends_with("*") ? c.labels[i].substr(0, c.labels[i].size() - 1) : c.labels[i];
      w.number(k + 1, i + 1, v, f.number);
    }
    w.text(k + 1, id_col, c.id);
  }
  lxw_chart* chart = workbook_add_chart(book, LXW_CHART_LINE);
  const auto last_year_col = static_cast<lxw_col_t>(m.years.size());
  for (std::size_t k = 0; k < m.charts.size(); ++k) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    const auto row = static_cast<lxw_row_t>(k + 1);
    chart_series_set_categories(s, name.c_str(), 0, 1, 0, last_year_col);
    chart_series_set_values(s, name.c_str(), row, 1, row, last_year_col);
    chart_series_set_name_range(s, name.c_str(), row, 0);
    chart_series_set_marker_type(s, LXW_CHART_MARKER_AUTOMATIC);
  }
  const std::string title = diff_word("key_figures", lang) + " · " + m.agency;
  chart_title_set_name(chart, title.c_str());
  chart_axis_set_name(chart->x_axis, diff_word("years", lang).c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
  lxw_chart_options opt{};
  opt.x_scale = 2.0;
  opt.y_scale = 1.6;
  xlsx_check(worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(m.charts.size() + 2), 0, chart, &opt));
  w.finish(m.charts.size() + 1, id_col + 1, 1);
}

}  // namespace

std::string render_diff_xlsx(const DiffModel& m, Lang lang) {
  XlsxScratchFile file;
  {
    XlsxOpenWorkbook book(file.path());
    lxw_doc_properties props{};
    std::string title = m.title;
    props.title = title.data();
    // Never the clock (libxlsxwriter reads 0 as "now"): 1 January after the newest report.
    const auto when = parse_utc(fmt::format("{:04}-01-01", m.newest_year + 1));
    props.created = static_cast<std::time_t>(when && *when > 0 ? *when : 1);
    xlsx_check(workbook_set_properties(book.get(), &props));
    const Formats f = make_formats(book.get());
    std::set<std::string> taken;
    if (!m.charts.empty()) key_figures_sheet(book.get(), m, lang, f, taken);
    for (const auto& t : m.tables) table_sheet(book.get(), m, t, lang, f, taken);
    if (!m.prose.empty()) prose_sheet(book.get(), m, lang, f, taken);
    findings_sheet(book.get(), m, lang, f, taken);
    book.close();
  }
  return file.read();
}

}  // namespace gongkai
