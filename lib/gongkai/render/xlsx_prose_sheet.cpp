#include <gongkai/render/xlsx_prose_sheet.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/render/report_text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace gongkai {

namespace {

// ~32 CJK characters a line. It must fit across A4 portrait unscaled: LibreOffice does not apply
// fit-to-width to this sheet, and its column unit is wider than Excel's (≈9 px against 7).
constexpr double kColumnWidth = 70.0;
constexpr double kTitleScale = 14.0 / 11.0;  // the title's font size against the body's
// A cell taller than ~20 lines is awkward to read and nears Excel's 409 pt row limit.
constexpr double kMaxBlockWidth = 20 * (kColumnWidth - 4);

bool is_delimiter_row(std::string_view t) {
  return std::all_of(t.begin(), t.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
}

bool starts_list_item(std::string_view t) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') return true;
  std::size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) != 0) ++i;
  return i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ';
}

bool ascii_word_char(char c) { return static_cast<unsigned char>(c) < 0x80 && c != ' '; }

// Cuts a long paragraph after sentences (「。」) into pieces no wider than kMaxBlockWidth; a
// single longer sentence stays whole.
std::vector<std::string> cut_paragraph(const std::string& text) {
  if (xlsx_text_width(text) <= kMaxBlockWidth) return {text};
  static constexpr std::string_view kStop = "。";
  std::vector<std::string> out;
  std::string piece;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find(kStop, from);
    end = end == std::string::npos ? text.size() : end + kStop.size();
    const std::string sentence = text.substr(from, end - from);
    if (!piece.empty() && xlsx_text_width(piece) + xlsx_text_width(sentence) > kMaxBlockWidth) {
      out.push_back(std::move(piece));
      piece.clear();
    }
    piece += sentence;
    from = end;
  }
  if (!piece.empty()) out.push_back(std::move(piece));
  return out;
}

}  // namespace

std::vector<ProseBlock> prose_blocks(std::string_view markdown) {
  std::vector<ProseBlock> out;
  std::string para;
  auto flush = [&] {
    if (para.empty()) return;
    for (auto& piece : cut_paragraph(para)) out.push_back({std::move(piece), false});
    para.clear();
  };
  for (std::string_view line : split(markdown, '\n')) {
    const std::string_view t = trim(line);
    if (t.empty()) {
      flush();
      continue;
    }
    if (t.front() == '#') {
      std::size_t level = 0;
      while (level < t.size() && t[level] == '#') ++level;
      if (level <= 6 && (level == t.size() || t[level] == ' ')) {
        flush();
        std::string_view h = trim(t.substr(level));
        while (!h.empty() && h.back() == '#') h.remove_suffix(1);
        out.push_back({std::string(trim(h)), true});
        continue;
      }
    }
    if (t.front() == '|') {
      flush();
      if (!is_delimiter_row(t)) out.push_back({std::string(t), false});
      continue;
    }
    if (starts_list_item(t)) flush();
    if (!para.empty() && ascii_word_char(para.back()) && ascii_word_char(t.front())) para += ' ';
    para += t;
  }
  flush();
  return out;
}

void write_prose_sheet(lxw_worksheet* ws, const XlsxSheetContext& ctx,
                       const std::map<std::string, std::string>& table_sheets) {
  const Report& report = *ctx.built.report;
  const XlsxStyles& st = ctx.styles;
  xlsx_check(worksheet_set_column(ws, 0, 0, kColumnWidth, nullptr));
  lxw_row_t row = 0;
  const std::string title = report_title(report);
  xlsx_check(worksheet_write_string(ws, row, 0, title.c_str(), st.title));
  xlsx_check(
      worksheet_set_row(ws, row++, xlsx_wrapped_height(title, kColumnWidth / kTitleScale) * kTitleScale, nullptr));
  if (!ctx.notice.empty()) {
    xlsx_check(worksheet_write_string(ws, row, 0, ctx.notice.c_str(), st.notice));
    xlsx_check(worksheet_set_row(ws, row++, xlsx_wrapped_height(ctx.notice, kColumnWidth), nullptr));
  }

  for (const ReportSection& section : report_sections(ctx.built)) {
    ++row;  // a blank line before each heading
    xlsx_check(worksheet_write_string(ws, row, 0, section.def->heading.c_str(), st.prose_heading));
    xlsx_check(worksheet_set_row(ws, row++, 20, nullptr));
    if (section.def->is_table) {
      auto it = table_sheets.find(section.def->id);
      if (it == table_sheets.end()) continue;
      std::string quoted;  // a quote inside a sheet reference is doubled
      for (char c : it->second) quoted += c == '\'' ? std::string("''") : std::string(1, c);
      const std::string url = fmt::format("internal:'{}'!A1", quoted);
      const std::string text = fmt::format("见工作表「{}」", it->second);
      xlsx_check(worksheet_write_url_opt(ws, row++, 0, url.c_str(), st.link, text.c_str(), nullptr));
      continue;
    }
    if (section.prose == nullptr) continue;
    for (const ProseBlock& block : prose_blocks(*section.prose)) {
      xlsx_check(worksheet_write_string(ws, row, 0, block.text.c_str(), block.heading ? st.prose_heading : st.prose));
      xlsx_check(worksheet_set_row(ws, row++, xlsx_wrapped_height(block.text, kColumnWidth), nullptr));
    }
  }
  xlsx_print_setup(ws, false, ctx.page_notice);
}

}  // namespace gongkai
