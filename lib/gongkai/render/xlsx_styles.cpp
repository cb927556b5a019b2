#include <gongkai/render/xlsx_styles.hpp>

namespace gongkai {

namespace {

constexpr lxw_color_t kFlagFill = 0xFFC7CE;  // the light red spreadsheets use for "bad"
constexpr lxw_color_t kFlagText = 0x9C0006;
constexpr lxw_color_t kNoticeText = 0xC00000;

lxw_format* bordered(lxw_workbook* book) {
  lxw_format* f = workbook_add_format(book);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  return f;
}

// Built-in number formats: every client knows them without a <numFmt> entry.
constexpr std::uint8_t kFormatInteger = 1;    // "0"
constexpr std::uint8_t kFormatTwoPlaces = 2;  // "0.00"

// Figures right-aligned, as the HTML page prints them. Amounts show every decimal they have
// (36.8245 万元 is 36.8245, not 36.82), with at least two: "0.00####" (six decimals: one 分).
lxw_format* figure(lxw_workbook* book, std::uint8_t num_format, bool flagged) {
  lxw_format* f = bordered(book);
  format_set_align(f, LXW_ALIGN_RIGHT);
  if (num_format == kFormatTwoPlaces)
    format_set_num_format(f, "0.00####");
  else
    format_set_num_format_index(f, num_format);
  if (flagged) {
    format_set_bg_color(f, kFlagFill);
    format_set_font_color(f, kFlagText);
  }
  return f;
}

}  // namespace

XlsxStyles make_xlsx_styles(lxw_workbook* book) {
  XlsxStyles s;
  s.title = workbook_add_format(book);
  format_set_bold(s.title);
  format_set_font_size(s.title, 14);
  format_set_text_wrap(s.title);
  format_set_align(s.title, LXW_ALIGN_VERTICAL_CENTER);

  s.notice = workbook_add_format(book);
  format_set_bold(s.notice);
  format_set_font_color(s.notice, kNoticeText);
  format_set_text_wrap(s.notice);
  format_set_align(s.notice, LXW_ALIGN_VERTICAL_CENTER);

  s.header = bordered(book);
  format_set_align(s.header, LXW_ALIGN_CENTER);

  s.block_title = bordered(book);
  format_set_align(s.block_title, LXW_ALIGN_CENTER);
  format_set_bold(s.block_title);

  s.row_label = bordered(book);
  format_set_align(s.row_label, LXW_ALIGN_LEFT);

  s.count = figure(book, kFormatInteger, false);
  s.amount = figure(book, kFormatTwoPlaces, false);
  s.count_flagged = figure(book, kFormatInteger, true);
  s.amount_flagged = figure(book, kFormatTwoPlaces, true);

  s.prose = workbook_add_format(book);
  format_set_text_wrap(s.prose);
  format_set_align(s.prose, LXW_ALIGN_VERTICAL_TOP);

  s.prose_heading = workbook_add_format(book);
  format_set_bold(s.prose_heading);
  format_set_font_size(s.prose_heading, 12);
  format_set_align(s.prose_heading, LXW_ALIGN_VERTICAL_CENTER);

  s.link = workbook_add_format(book);
  format_set_underline(s.link, LXW_UNDERLINE_SINGLE);
  format_set_font_color(s.link, LXW_COLOR_BLUE);

  s.grid_text = workbook_add_format(book);
  format_set_border(s.grid_text, LXW_BORDER_THIN);
  format_set_text_wrap(s.grid_text);
  format_set_align(s.grid_text, LXW_ALIGN_VERTICAL_TOP);

  s.grid_header = bordered(book);
  format_set_bold(s.grid_header);
  format_set_align(s.grid_header, LXW_ALIGN_CENTER);
  return s;
}

}  // namespace gongkai
