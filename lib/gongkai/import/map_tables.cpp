#include <gongkai/import/map_tables.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/forms/form.hpp>
#include <gongkai/readers/official_tables.hpp>
#include <gongkai/readers/official_workbook.hpp>
#include <gongkai/readers/sheet_grid.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

namespace gongkai::import {
namespace {

// A page's tables laid one under another in one grid (1-based, as a sheet), a blank row
// between two tables.
constexpr std::uint32_t kMaxGridRows = 100000;
constexpr std::uint32_t kMaxGridColumns = 64;

// The text a cell shows, with the spaces a page uses for layout (no-break, ideographic) read
// as spaces.
std::string grid_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i).starts_with("\xC2\xA0")) {
      out += ' ';
      i += 2;
    } else if (text.substr(i).starts_with("\xE3\x80\x80")) {
      out += ' ';
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return std::string(trim(out));
}

struct Layout {
  std::vector<SheetGrid> grids;  // one
  // Grid row -> (table index, source row); a separator row is (-1, -1).
  std::vector<std::pair<int, int>> rows;
  std::map<std::pair<std::uint32_t, std::uint32_t>, const SourceCell*> cells;  // top-left positions
};

// `drop`: (table index, source row) left out (a repeated header band).
Layout lay_out(const SourceDocument& doc, const std::set<std::pair<int, int>>& drop) {
  Layout layout;
  layout.rows.emplace_back(-1, -1);  // row 0 is not a sheet row
  std::map<std::pair<std::uint32_t, std::uint32_t>, GridCell> cells;
  std::vector<CellRange> merged;
  for (std::size_t t = 0; t < doc.tables.size(); ++t) {
    const SourceTable& table = doc.tables[t];
    std::map<int, std::uint32_t> row_at;  // source row -> grid row
    for (int r = 0; r < table.rows; ++r) {
      if (drop.count({static_cast<int>(t), r}) != 0) continue;
      if (layout.rows.size() > kMaxGridRows) break;
      row_at[r] = static_cast<std::uint32_t>(layout.rows.size());
      layout.rows.emplace_back(static_cast<int>(t), r);
    }
    for (const SourceCell& c : table.cells) {
      auto top = row_at.find(c.row);
      if (top == row_at.end()) continue;
      const std::uint32_t column = static_cast<std::uint32_t>(c.col) + 1;
      if (column > kMaxGridColumns) continue;
      std::string text = grid_text(c.text);
      if (text.empty()) continue;
      const std::uint32_t y = top->second;
      // The span's last kept row.
      std::uint32_t last_row = y;
      for (int r = c.row + 1; r < c.row + c.row_span; ++r) {
        if (auto it = row_at.find(r); it != row_at.end()) last_row = it->second;
      }
      const std::uint32_t last_column =
          std::min<std::uint32_t>(column + static_cast<std::uint32_t>(c.col_span) - 1, kMaxGridColumns);
      if (last_row > y || last_column > column) merged.push_back({{y, column}, {last_row, last_column}});
      cells[{y, column}] = GridCell{XlsxValueType::text, false, std::move(text)};
      layout.cells[{y, column}] = &c;
    }
    layout.rows.emplace_back(-1, -1);
  }
  layout.grids.emplace_back("page", std::move(cells), std::move(merged));
  return layout;
}

constexpr std::string_view kMiddleDot = "\xC2\xB7";  // ·

std::vector<std::string> dot_parts(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t at = text.find(kMiddleDot); at != std::string::npos; at = text.find(kMiddleDot, from)) {
    parts.push_back(text.substr(from, at - from));
    from = at + kMiddleDot.size();
  }
  parts.push_back(text.substr(from));
  return parts;
}

// A table whose header is one row of labels joined by 「·」 (申请人情况·法人或其他组织·商业企业,
// 行政复议·结果维持: how a Markdown table flattens a header block, gongkai's own Markdown among
// them) is given its header block back: one header row per level, each column's last label on
// the last header row. Row labels joined by 「·」 are read as paths (`/`).
SourceTable unflatten(const SourceTable& table) {
  std::size_t levels = 1;
  std::size_t joined = 0;
  for (const SourceCell& c : table.cells) {
    if (c.row != 0) continue;
    const std::size_t n = dot_parts(c.text).size();
    if (n > 1) ++joined;
    levels = std::max(levels, n);
  }
  if (joined < 2 || levels > 4) return table;
  const int extra = static_cast<int>(levels) - 1;
  SourceTable out;
  out.where = table.where;
  out.cols = table.cols;
  out.rows = table.rows + extra;
  for (const SourceCell& c : table.cells) {
    if (c.row != 0) {
      SourceCell moved = c;
      moved.row += extra;
      std::string& t = moved.text;
      for (std::size_t at = t.find(kMiddleDot); at != std::string::npos; at = t.find(kMiddleDot, at + 1)) {
        t.replace(at, kMiddleDot.size(), "/");
      }
      out.cells.push_back(std::move(moved));
      continue;
    }
    const std::vector<std::string> parts = dot_parts(c.text);
    // The first parts from the top, the last one on the last header row.
    for (std::size_t i = 0; i < parts.size(); ++i) {
      SourceCell part = c;
      part.text = parts[i];
      part.row = i + 1 == parts.size() ? extra : static_cast<int>(i);
      part.row_span = 1;
      out.cells.push_back(std::move(part));
    }
  }
  std::sort(out.cells.begin(), out.cells.end(),
            [](const SourceCell& a, const SourceCell& b) { return std::pair(a.row, a.col) < std::pair(b.row, b.col); });
  return out;
}

// Bands of consecutive rows.
std::vector<std::pair<std::uint32_t, std::uint32_t>> bands(const std::vector<std::uint32_t>& rows) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::uint32_t r : rows) {
    if (!out.empty() && out.back().second + 1 == r) {
      out.back().second = r;
    } else {
      out.emplace_back(r, r);
    }
  }
  return out;
}

// The header bands of table 三 (layout `grid`) repeated at the top of a later source table:
// a continuation printed with its header again.
std::set<std::pair<int, int>> repeated_headers(const Layout& layout, const FormSet& forms) {
  std::set<std::pair<int, int>> drop;
  const SheetGrid& grid = layout.grids.front();
  for (const auto& form : forms.all()) {
    for (const TableDef& table : form->tables) {
      if (table.layout != "grid") continue;
      TableFinder finder(*form, table);
      auto found = bands(finder.anchors(grid));
      if (found.size() < 2) continue;
      const int first_table = layout.rows[found.front().first].first;
      for (std::size_t b = 1; b < found.size(); ++b) {
        const int source = layout.rows[found[b].first].first;
        if (source == first_table) continue;
        for (std::uint32_t y = finder.header_top(grid, found[b].first); y <= found[b].second; ++y) {
          drop.insert(layout.rows[y]);
        }
      }
    }
  }
  return drop;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A text that is a figure as printed: digits (with separators and a decimal point), a unit
// after them allowed (「12件」, 「0.5万元」).
bool looks_like_figure(std::string_view text) {
  std::string_view t = trim(text);
  if (t.starts_with("-")) t.remove_prefix(1);
  if (t.empty() || !is_digit(t.front())) return false;
  std::size_t i = 0;
  while (i < t.size() && (is_digit(t[i]) || t[i] == ',' || t[i] == '.')) ++i;
  std::string_view unit = trim(t.substr(i));
  static constexpr std::string_view kUnits[] = {"", "件", "个", "次", "人", "项", "条", "份", "万元", "元", "%"};
  return std::find(std::begin(kUnits), std::end(kUnits), unit) != std::end(kUnits);
}

// UTF-8 code points of `s`, for short texts.
std::u32string points(std::string_view s) { return decode_utf8(s); }

std::optional<int> leading_number(std::u32string_view s, std::size_t& i, std::size_t max_digits) {
  std::size_t start = i;
  int n = 0;
  while (i < s.size() && i - start < max_digits && s[i] >= U'0' && s[i] <= U'9')
    n = n * 10 + static_cast<int>(s[i++] - U'0');
  if (i == start) return std::nullopt;
  return n;
}

std::u32string without_spaces(std::string_view s) {
  std::u32string out;
  for (char32_t c : points(s)) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0x3000) continue;
    if (c >= 0xFF10 && c <= 0xFF19) c = U'0' + (c - 0xFF10);  // full-width digits
    out += c;
  }
  return out;
}

// 「2023年1月20日」 alone: YYYY-MM-DD.
std::optional<std::string> date_line(std::string_view text) {
  std::u32string s = without_spaces(text);
  std::size_t i = 0;
  auto y = leading_number(s, i, 4);
  if (!y || *y < 1990 || i >= s.size() || s[i] != U'年') return std::nullopt;
  ++i;
  auto m = leading_number(s, i, 2);
  if (!m || *m < 1 || *m > 12 || i >= s.size() || s[i] != U'月') return std::nullopt;
  ++i;
  auto d = leading_number(s, i, 2);
  if (!d || *d < 1 || *d > 31 || i >= s.size() || s[i] != U'日') return std::nullopt;
  ++i;
  if (i != s.size()) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  if (*d > kDays[*m - 1] || (*m == 2 && *d == 29 && !leap)) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", *y, *m, *d);
}

// 「…平潭综合实验区2022年（度）政府信息公开工作年度报告…」: the agency and the year.
std::optional<std::pair<std::string, int>> report_title(std::string_view text) {
  const std::u32string s = without_spaces(text);
  static const std::u32string kReport = U"政府信息公开";
  static const std::u32string kAnnual = U"年度报告";
  const std::size_t at = s.find(kReport);
  if (at == std::u32string::npos || s.find(kAnnual, at) == std::u32string::npos) return std::nullopt;
  // Back from 政府信息公开 over 年 or 年度 to the four digits of the year.
  std::size_t end = at;
  if (end >= 1 && s[end - 1] == U'度') --end;
  if (end < 5 || s[end - 1] != U'年') return std::nullopt;
  --end;
  const std::size_t ys = end - 4;
  int year = 0;
  for (std::size_t i = ys; i < end; ++i) {
    if (s[i] < U'0' || s[i] > U'9') return std::nullopt;
    year = year * 10 + static_cast<int>(s[i] - U'0');
  }
  if (year < 1990 || year > 2200) return std::nullopt;
  // The agency: what stands before the year, after the last separator a site puts in a title.
  static const std::u32string kSeparators = U"|_-—–:：>》〉】]」』/\\·";
  std::size_t from = 0;
  for (std::size_t i = 0; i < ys; ++i) {
    if (kSeparators.find(s[i]) != std::u32string::npos) from = i + 1;
  }
  std::u32string agency = s.substr(from, ys - from);
  return std::pair(encode_utf8(agency), year);
}

}  // namespace

ReportMeta page_meta(const SourceDocument& doc) {
  ReportMeta meta;
  std::vector<std::string_view> candidates;
  for (const auto& b : doc.blocks) {
    if (b.kind == SourceBlock::Kind::heading) candidates.push_back(b.text);
  }
  candidates.push_back(doc.title);
  std::size_t paragraphs = 0;
  for (const auto& b : doc.blocks) {
    if (b.kind == SourceBlock::Kind::paragraph && b.tables_before == 0 && paragraphs++ < 40)
      candidates.push_back(b.text);
  }
  for (std::string_view c : candidates) {
    if (c.size() > 600) continue;
    if (auto t = report_title(c)) {
      if (!t->first.empty()) meta.agency = t->first;
      meta.year = t->second;
      break;
    }
  }
  for (auto b = doc.blocks.rbegin(); b != doc.blocks.rend(); ++b) {
    if (b->text.size() > 60) continue;
    if (auto d = date_line(b->text)) {
      meta.publication_date = *d;
      break;
    }
  }
  return meta;
}

std::map<std::string, ProseSection> page_prose(const SourceDocument& doc, const Form& form) {
  // Each section's heading: a short block starting with its number and 「、」 (or 「.」, 「，」),
  // in the form's order.
  std::vector<std::pair<std::size_t, const SectionDef*>> headings;  // block index, section
  std::size_t next = 0;
  for (std::size_t s = 0; s < form.sections.size(); ++s) {
    const SectionDef& section = form.sections[s];
    const std::u32string number = decode_utf8(section.number);
    for (std::size_t b = next; b < doc.blocks.size(); ++b) {
      const std::u32string text = without_spaces(doc.blocks[b].text);
      if (text.size() > 40 || !text.starts_with(number) || text.size() <= number.size()) continue;
      const char32_t after = text[number.size()];
      if (after != U'、' && after != U'.' && after != U'，' && after != U',' && after != U'．') continue;
      headings.emplace_back(b, &section);
      next = b + 1;
      break;
    }
  }
  // The closing lines: the last date line, and the agency's name right above it.
  std::optional<std::size_t> closing;
  for (std::size_t b = doc.blocks.size(); b-- > 0;) {
    if (doc.blocks[b].text.size() <= 60 && date_line(doc.blocks[b].text)) {
      closing = b;
      break;
    }
  }
  if (closing && *closing > 0) {
    const std::string& above = doc.blocks[*closing - 1].text;
    if (above.size() <= 90 && above.find('\n') == std::string::npos && above.find("。") == std::string::npos)
      *closing -= 1;
  }
  std::map<std::string, ProseSection> out;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    const auto [first, section] = headings[h];
    if (section->is_table) continue;
    std::size_t end = 0;
    if (h + 1 < headings.size()) {
      end = headings[h + 1].first;
    } else if (closing && *closing > first) {
      end = *closing;
    } else {
      continue;  // the last section's end cannot be told from the page's footer
    }
    std::string md;
    for (std::size_t b = first + 1; b < end; ++b) {
      if (doc.blocks[b].tables_before != doc.blocks[first].tables_before) break;  // a table is not prose
      if (!md.empty()) md += "\n\n";
      std::string text = doc.blocks[b].text;
      std::replace(text.begin(), text.end(), '\n', ' ');
      md += text;
    }
    if (md.empty()) continue;
    out[section->id] = ProseSection{md + "\n", doc.blocks[first].where};
  }
  return out;
}

std::optional<Report> map_tables(const SourceDocument& page, const FormSet& forms, const ReportMeta& meta,
                                 Diagnostics& out) {
  SourceDocument doc;
  doc.path = page.path;
  doc.title = page.title;
  for (const SourceTable& t : page.tables) doc.tables.push_back(unflatten(t));
  Layout first = lay_out(doc, {});
  const std::set<std::pair<int, int>> drop = repeated_headers(first, forms);
  Layout layout = drop.empty() ? std::move(first) : lay_out(doc, drop);

  GridSource source;
  source.name = doc.path;
  source.rule = "import";
  source.locate = [&layout, &doc](const SheetGrid&, std::uint32_t row, std::uint32_t column) {
    auto it = layout.cells.find({row, column});
    if (it != layout.cells.end()) return SourceLoc{doc.path, 0, 0, it->second->where};
    const auto [table, source_row] = row < layout.rows.size() ? layout.rows[row] : std::pair(-1, -1);
    if (table < 0) return SourceLoc{doc.path, 0, 0, {}};
    return SourceLoc{doc.path, 0, 0,
                     fmt::format("{}, row {}, column {}", doc.tables[static_cast<std::size_t>(table)].where,
                                 source_row + 1, column)};
  };
  source.missing = {"网页中没有找到表格「{0}」：没有表格含有它的列标签",
                    "table {1} ({0}) not found in the page: no table has its column labels"};
  source.none = {"网页中没有表格二、三、四：没有表格含有它们的列标签（如「自然人」「结果维持」「本年制发件数」）",
                 "the page holds none of tables 二, 三, 四: no table has their column labels (such as 自然人, "
                 "结果维持, 本年制发件数)"};
  std::optional<Report> report = read_official_grids(source, layout.grids, forms, meta, out);
  if (!report) return report;
  report->origin = SourceLoc{doc.path, 0, 0, {}};

  // Every figure of a table that gave figures and was not placed.
  std::set<std::string> placed;
  for (const CellValue& v : report->cells) {
    if (!v.where.cell_ref.empty()) placed.insert(v.where.cell_ref);
  }
  for (const SourceTable& table : doc.tables) {
    bool used = false;
    for (const SourceCell& c : table.cells) used = used || placed.count(c.where) != 0;
    if (!used) continue;
    for (const SourceCell& c : table.cells) {
      const std::string text = grid_text(c.text);
      if (!looks_like_figure(text) || placed.count(c.where) != 0) continue;
      out.add(Diagnostic::make(
          Severity::warning, "import-unplaced", SourceLoc{doc.path, 0, 0, c.where},
          {fmt::format("数字「{}」无法对应到表格的任何单元格，未导入", text),
           fmt::format("the figure '{}' could not be placed in any cell of the form; not imported", text)}));
    }
  }

  return report;
}

}  // namespace gongkai::import
