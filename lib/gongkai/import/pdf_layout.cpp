#include <gongkai/import/pdf_layout.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace gongkai::import::pdf {
namespace {

// ---- lines ------------------------------------------------------------------------------

struct Line {
  std::vector<Word> words;  // left to right
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double em = 0;  // the line's font size
  int page = 1;
  [[nodiscard]] double yc() const { return (y0 + y1) / 2; }
  [[nodiscard]] double h() const { return y1 - y0; }
};

void close_line(Line& l) {
  std::sort(l.words.begin(), l.words.end(),
            [](const Word& a, const Word& b) { return a.x0 != b.x0 ? a.x0 < b.x0 : a.y0 < b.y0; });
  l.x0 = l.y0 = 1e18;
  l.x1 = l.y1 = -1e18;
  l.em = 0;
  for (const auto& w : l.words) {
    l.x0 = std::min(l.x0, w.x0);
    l.y0 = std::min(l.y0, w.y0);
    l.x1 = std::max(l.x1, w.x1);
    l.y1 = std::max(l.y1, w.y1);
    l.em = std::max(l.em, w.size > 0 ? w.size : w.y1 - w.y0);
  }
  if (l.em <= 0) l.em = 10;
}

// Words whose vertical centres lie within a third of a line of each other are one line.
std::vector<Line> make_lines(const Page& page) {
  std::vector<Word> words;
  for (const auto& w : page.words)
    if (!w.text.empty() && w.x1 > w.x0 && w.y1 > w.y0) words.push_back(w);
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    double ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2;
    return ca != cb ? ca < cb : a.x0 < b.x0;
  });
  std::vector<Line> lines;
  Line cur;
  double cur_c = 0, cur_h = 0;
  for (const auto& w : words) {
    double c = (w.y0 + w.y1) / 2, h = w.y1 - w.y0;
    if (!cur.words.empty() && std::abs(c - cur_c) <= 0.35 * std::min(h, cur_h)) {
      cur.words.push_back(w);
      continue;
    }
    if (!cur.words.empty()) {
      close_line(cur);
      lines.push_back(std::move(cur));
    }
    cur = Line{};
    cur.page = page.number;
    cur.words.push_back(w);
    cur_c = c;
    cur_h = h;
  }
  if (!cur.words.empty()) {
    close_line(cur);
    lines.push_back(std::move(cur));
  }
  return lines;
}

// ---- text -------------------------------------------------------------------------------

bool ascii_alnum(unsigned char c) { return c < 0x80 && std::isalnum(c); }

// Words of one cell line joined: a space only between two ASCII letters or digits (Chinese
// text letter-spaced to fill a cell is joined back).
std::string join_words(const std::vector<const Word*>& ws) {
  std::string out;
  for (const auto* w : ws) {
    if (!out.empty() && ascii_alnum(static_cast<unsigned char>(out.back())) &&
        ascii_alnum(static_cast<unsigned char>(w->text.front())))
      out += ' ';
    out += w->text;
  }
  return out;
}

std::string line_text(const Line& l) {
  std::vector<const Word*> ws;
  for (const auto& w : l.words) ws.push_back(&w);
  return join_words(ws);
}

bool is_number(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  if (s[0] == '-' || s[0] == '+') i = 1;
  if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.' || c == '%')) return false;
  }
  // "1." numbers an item of a label, not a figure.
  return s.back() != '.' && s.back() != ',';
}

// 一、… or （一）… : the start of a section heading (or of a row label).
bool starts_like_heading(std::string_view s) {
  static const std::vector<std::string_view> numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::size_t i = 0;
  bool paren = false;
  if (s.substr(0, 3) == "（") {
    paren = true;
    i = 3;
  }
  std::size_t n = 0;
  for (bool more = true; more;) {
    more = false;
    for (auto num : numerals)
      if (s.substr(i, num.size()) == num) {
        i += num.size();
        ++n;
        more = true;
      }
  }
  if (n == 0) return false;
  return paren ? s.substr(i, 3) == "）" : s.substr(i, 3) == "、";
}

std::string fmt1(double v) { return fmt::format("{:.1f}", v); }

// ---- page headers and footers -----------------------------------------------------------

std::string digits_blanked(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c)))
      out += '#';
    else if (c != ' ')
      out += c;
  return out;
}

bool page_number_like(const std::string& s) {
  static const std::vector<std::string_view> allowed = {"第", "页", "共",   "/",    "-", "—",
                                                        "–",  "of", "Page", "page", " "};
  std::string_view v = s;
  int groups = 0;
  bool in_digits = false;
  while (!v.empty()) {
    if (std::isdigit(static_cast<unsigned char>(v[0]))) {
      if (!in_digits) ++groups;
      in_digits = true;
      v.remove_prefix(1);
      continue;
    }
    in_digits = false;
    bool ok = false;
    for (auto a : allowed)
      if (v.substr(0, a.size()) == a) {
        v.remove_prefix(a.size());
        ok = true;
        break;
      }
    if (!ok) return false;
  }
  // "3", "- 3 -", "第 3 页"; two numbers only as "3/12", "第 3 页 共 12 页", "3 of 12" (a row
  // of figures "1 0 0" is no page number).
  if (groups == 1) return true;
  return groups == 2 &&
         (s.find('/') != std::string::npos || s.find("共") != std::string::npos || s.find("of") != std::string::npos);
}

// Lines in the top or bottom 12% of a page that recur, digits aside, at the same height on all
// pages but one (two at least), and lone page numbers there: running headers and footers, left
// out of tables and blocks.
void drop_running_lines(std::vector<std::vector<Line>>& pages, const std::vector<Page>& src) {
  std::map<std::string, std::vector<std::pair<int, double>>> seen;  // key -> (page, y)
  auto margin = [&](std::size_t p, const Line& l) {
    double h = src[p].height > 0 ? src[p].height : 842;
    return l.y1 < 0.12 * h || l.y0 > 0.88 * h;
  };
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (const auto& l : pages[p])
      if (margin(p, l)) seen[digits_blanked(line_text(l))].push_back({static_cast<int>(p), l.y0});
  // All pages but one (a first page without the running header): a table's header repeated at
  // the top of the pages it runs over recurs too, but not on every page of the document.
  std::size_t need = std::max<std::size_t>(2, pages.size() - 1);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<Line> kept;
    for (auto& l : pages[p]) {
      bool running = false;
      if (margin(p, l)) {
        std::string text = line_text(l);
        if (page_number_like(text)) running = true;
        std::set<int> pages_at_y;
        for (const auto& [q, y] : seen[digits_blanked(text)])
          if (std::abs(y - l.y0) <= 2.0) pages_at_y.insert(q);
        if (pages.size() >= 2 && pages_at_y.size() >= need) running = true;
      }
      if (!running) kept.push_back(std::move(l));
    }
    pages[p] = std::move(kept);
  }
}

// ---- table regions ----------------------------------------------------------------------

// A line that holds a table row's figures: two numbers, or a number well apart (an em) from
// the text before it.
bool figure_line(const Line& l) {
  int numbers = 0;
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    if (!is_number(l.words[i].text)) continue;
    ++numbers;
    if (i > 0 && l.words[i].x0 - l.words[i - 1].x1 >= 1.0 * l.em) return true;
  }
  return numbers >= 2 && [&] {
    for (std::size_t i = 1; i < l.words.size(); ++i)
      if (l.words[i].x0 - l.words[i - 1].x1 >= 1.0 * l.em) return true;
    return false;
  }();
}

// Running text: one stretch of words without wide gaps, over most of the text width.
bool prose_line(const Line& l, double text_width) {
  for (std::size_t i = 1; i < l.words.size(); ++i)
    if (l.words[i].x0 - l.words[i - 1].x1 >= 1.0 * l.em) return false;
  return (l.x1 - l.x0) > 0.6 * text_width;
}

// A ruled table: ruling lines that touch one another, and the row and column boundaries they
// draw.
struct Lattice {
  std::vector<double> xs, ys;  // column and row boundaries, left to right, top to bottom
  std::vector<Rule> h, v;      // its horizontal and vertical lines
  [[nodiscard]] double x0() const { return xs.front(); }
  [[nodiscard]] double x1() const { return xs.back(); }
  [[nodiscard]] double y0() const { return ys.front(); }
  [[nodiscard]] double y1() const { return ys.back(); }
};

struct Part {                      // a table's lines on one page
  std::optional<Lattice> lattice;  // a ruled table's borders; its lines are then all in `body`
  int page = 1;
  std::vector<Line> header;  // lines of the header block, top to bottom
  std::vector<Line> body;    // the rows' lines
  bool reaches_page_end = false;
  bool at_page_start = false;
};

struct Region {
  std::vector<Part> parts;  // several when the table continues over page breaks
};

// Finds the table regions of one page; the lines left over are returned in `rest`.
std::vector<Part> find_parts(const std::vector<Line>& lines, std::vector<Line>& all_rest) {
  std::vector<Part> parts;
  if (lines.empty()) return parts;
  std::vector<Line> rest;
  double left = 1e18, right = -1e18;
  for (const auto& l : lines) {
    left = std::min(left, l.x0);
    right = std::max(right, l.x1);
  }
  double width = right - left;
  std::vector<bool> fig(lines.size()), used(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) fig[i] = figure_line(lines[i]);
  std::size_t i = 0;
  while (i < lines.size()) {
    if (!fig[i]) {
      ++i;
      continue;
    }
    // Extend down: the next figure line within 8 lines, no running text or wide gap between.
    std::size_t last = i;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      double gap = lines[j].y0 - lines[j - 1].y1;
      if (gap > 2.5 * lines[j].em || prose_line(lines[j], width) || j - last > 14) break;
      // A section heading between two tables: numbered like a row label, but in another size.
      if (!fig[j] && starts_like_heading(line_text(lines[j])) &&
          std::abs(lines[j].em - lines[i].em) > 0.1 * lines[i].em)
        break;
      if (fig[j]) last = j;
    }
    // The first figure's left edge: text right of it is in the figures' area.
    double fig_left = 1e18;
    for (std::size_t k = i; k <= last; ++k)
      if (fig[k])
        for (const auto& w : lines[k].words)
          if (is_number(w.text)) fig_left = std::min(fig_left, w.x0);
    auto label_only = [&](const Line& l) { return l.x1 <= fig_left; };
    // Label lines wrapped below the last row (a short word left of the figures).
    std::size_t end = last;
    while (end + 1 < lines.size() && end + 1 - last <= 3) {
      const Line& n = lines[end + 1];
      if (n.y0 - lines[end].y1 > 1.0 * n.em || !label_only(n) || prose_line(n, width) ||
          starts_like_heading(line_text(n)))
        break;
      ++end;
    }
    // Up: first the first row's own label lines, then the header block.
    std::size_t begin = i;
    while (begin > 0 && !used[begin - 1] && label_only(lines[begin - 1]) && i - begin < 3 &&
           lines[begin].y0 - lines[begin - 1].y1 <= 0.6 * lines[begin].em && !prose_line(lines[begin - 1], width))
      --begin;
    std::size_t body_begin = begin;
    while (begin > 0 && !used[begin - 1] && body_begin - begin < 12) {
      const Line& p = lines[begin - 1];
      if (lines[begin].y0 - p.y1 > 2.0 * p.em || prose_line(p, width) || fig[begin - 1]) break;
      if (starts_like_heading(line_text(p)) && p.words.size() == 1) break;
      --begin;
    }
    Part part;
    part.page = lines[i].page;
    for (std::size_t k = begin; k < body_begin; ++k) part.header.push_back(lines[k]);
    for (std::size_t k = body_begin; k <= end; ++k) part.body.push_back(lines[k]);
    for (std::size_t k = begin; k <= end; ++k) used[k] = true;
    parts.push_back(std::move(part));
    i = end + 1;
  }
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (!used[k]) rest.push_back(lines[k]);
  // at_page_start / reaches_page_end: only lines outside all parts count.
  for (auto& part : parts) {
    double top = part.header.empty() ? part.body.front().y0 : part.header.front().y0;
    double bottom = part.body.back().y1;
    part.at_page_start =
        std::none_of(rest.begin(), rest.end(), [&](const Line& l) { return l.y1 <= top; }) && &part == &parts.front();
    part.reaches_page_end =
        std::none_of(rest.begin(), rest.end(), [&](const Line& l) { return l.y0 >= bottom; }) && &part == &parts.back();
  }
  all_rest.insert(all_rest.end(), rest.begin(), rest.end());
  return parts;
}

// ---- columns ----------------------------------------------------------------------------

struct Columns {
  std::vector<std::pair<double, double>> spans;  // x-intervals, left to right
  int label_cols = 0;                            // how many are left of the figures
  std::vector<std::pair<double, double>> figs;   // the figures' boxes, clustered by column
  [[nodiscard]] int at(double x) const {
    for (std::size_t c = 0; c < spans.size(); ++c)
      if (x < spans[c].second) return static_cast<int>(c);
    return static_cast<int>(spans.size()) - 1;
  }
  // The columns a word covers: its ends pulled in by a third of an em.
  [[nodiscard]] std::pair<int, int> range(const Word& w, double em) const {
    double a = w.x0 + em / 3, b = w.x1 - em / 3;
    if (b <= a) a = b = (w.x0 + w.x1) / 2;
    int ca = at(a), cb = at(b);
    // Figures sit in one column.
    if (is_number(w.text)) ca = cb = at((w.x0 + w.x1) / 2);
    return {std::min(ca, cb), std::max(ca, cb)};
  }
};

Columns find_columns(const Region& region) {
  // Figure columns: the boxes of numbers on figure lines, overlapping boxes clustered.
  std::vector<std::pair<double, double>> boxes;
  double em = 0;
  int n_em = 0;
  for (const auto& part : region.parts)
    for (const auto& l : part.body) {
      em += l.em;
      ++n_em;
      if (!figure_line(l)) continue;
      for (const auto& w : l.words)
        if (is_number(w.text)) boxes.push_back({w.x0, w.x1});
    }
  em = n_em ? em / n_em : 10;
  std::sort(boxes.begin(), boxes.end());
  std::vector<std::pair<double, double>> figs;
  for (const auto& b : boxes) {
    if (!figs.empty() && b.first <= figs.back().second + 0.3 * em)
      figs.back().second = std::max(figs.back().second, b.second);
    else
      figs.push_back(b);
  }
  Columns cols;
  // More than 200 figure columns is no report's table (the widest has 16): not laid out as a
  // table, which keeps the work per word bounded.
  if (figs.empty() || figs.size() > 200) return cols;
  cols.figs = figs;
  // The figures' area starts in the gap between the label text and the first figure column.
  double label_right = -1e18;
  for (const auto& part : region.parts)
    for (const auto& l : part.body)
      for (const auto& w : l.words)
        if (w.x1 <= figs.front().first + 0.5) label_right = std::max(label_right, w.x1);
  double fig_left = label_right > -1e17 ? (label_right + figs.front().first) / 2 : figs.front().first - em;
  // Label columns: gaps in the label area that few body lines cross (a label spanning several
  // label columns crosses them; text letter-spaced to fill its cell leaves gaps that other
  // lines of the column cover).
  std::vector<std::pair<double, double>> pieces;
  int label_lines = 0;
  double area_left = fig_left;
  for (const auto& part : region.parts)
    for (const auto& l : part.body) {
      bool any = false;
      for (const auto& w : l.words) {
        if (w.x1 > fig_left) continue;
        area_left = std::min(area_left, w.x0);
        pieces.push_back({w.x0, w.x1});
        any = true;
      }
      if (any) ++label_lines;
    }
  std::vector<double> cuts;  // x of label column boundaries
  // A label area wider than 10,000 points is no page's (a hostile PDF's coordinates): no label
  // columns are looked for, so the grid below stays small.
  if (label_lines > 0 && fig_left - area_left < 10000) {
    // Coverage on a half-point grid.
    int n = static_cast<int>((fig_left - area_left) * 2) + 1;
    std::vector<int> cover(static_cast<std::size_t>(std::max(n, 1)), 0);
    for (const auto& p : pieces)
      for (int k = std::max(0, static_cast<int>((p.first - area_left) * 2));
           k < n && k <= static_cast<int>((p.second - area_left) * 2); ++k)
        ++cover[static_cast<std::size_t>(k)];
    int allowed = label_lines / 4;
    int run_start = -1;
    bool seen_text = false;
    for (int k = 0; k < n; ++k) {
      bool gap = cover[static_cast<std::size_t>(k)] <= allowed;
      if (!gap && cover[static_cast<std::size_t>(k)] > 0) seen_text = true;
      if (gap && run_start < 0) run_start = k;
      if ((!gap || k == n - 1) && run_start >= 0) {
        double a = area_left + run_start / 2.0, b = area_left + k / 2.0;
        if (seen_text && !gap && b - a >= 1.5) cuts.push_back((a + b) / 2);
        run_start = -1;
      }
    }
  }
  double prev = -1e18;
  for (double c : cuts) {
    cols.spans.push_back({prev, c});
    prev = c;
  }
  cols.spans.push_back({prev, fig_left});
  cols.label_cols = static_cast<int>(cols.spans.size());
  prev = fig_left;
  for (std::size_t k = 0; k < figs.size(); ++k) {
    double right = k + 1 < figs.size() ? (figs[k].second + figs[k + 1].first) / 2 : 1e18;
    cols.spans.push_back({prev, right});
    prev = right;
  }
  return cols;
}

// ---- cells ------------------------------------------------------------------------------

struct Piece {  // words of one line in one column range
  int c0 = 0, c1 = 0;
  std::vector<const Word*> words;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int line = 0;  // index of its line in the row or header block
};

std::vector<Piece> pieces_of(const std::vector<const Line*>& lines, const Columns& cols) {
  std::vector<Piece> out;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const Line& l = *lines[li];
    std::vector<Piece> lp;
    for (const auto& w : l.words) {
      auto [a, b] = cols.range(w, l.em);
      if (!lp.empty() && a <= lp.back().c1 && !is_number(w.text)) {
        lp.back().c1 = std::max(lp.back().c1, b);
      } else if (!lp.empty() && a == lp.back().c0 && b == lp.back().c1) {
        // same column, e.g. two words of one figure cell
      } else {
        Piece p;
        p.c0 = a;
        p.c1 = b;
        p.x0 = w.x0;
        p.y0 = w.y0;
        p.line = static_cast<int>(li);
        lp.push_back(p);
      }
      Piece& p = lp.back();
      p.words.push_back(&w);
      p.x1 = std::max(p.x1, w.x1);
      p.y1 = std::max(p.y1, w.y1);
      p.y0 = std::min(p.y0, w.y0);
    }
    out.insert(out.end(), lp.begin(), lp.end());
  }
  return out;
}

struct Cell {
  int c0 = 0, c1 = 0;
  std::vector<std::string> lines;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int page = 1;
  int row = 0, row_span = 1;
  bool header = false;
};

SourceCell to_source(const Cell& c) {
  SourceCell s;
  for (std::size_t k = 0; k < c.lines.size(); ++k) s.text += (k ? "\n" : "") + c.lines[k];
  s.row = c.row;
  s.col = c.c0;
  s.row_span = c.row_span;
  s.col_span = c.c1 - c.c0 + 1;
  s.where = fmt::format("page {}, x {}, y {}", c.page, fmt1(c.x0), fmt1(c.y0));
  return s;
}

Cell cell_of(const Piece& p, int page) {
  Cell c;
  c.c0 = p.c0;
  c.c1 = p.c1;
  c.lines.push_back(join_words(p.words));
  c.x0 = p.x0;
  c.y0 = p.y0;
  c.x1 = p.x1;
  c.y1 = p.y1;
  c.page = page;
  return c;
}

void absorb(Cell& c, const Piece& p) {
  c.c0 = std::min(c.c0, p.c0);
  c.c1 = std::max(c.c1, p.c1);
  c.lines.push_back(join_words(p.words));
  c.x0 = std::min(c.x0, p.x0);
  c.x1 = std::max(c.x1, p.x1);
  c.y1 = std::max(c.y1, p.y1);
}

// The cells of one body row: pieces of all its lines, merged by overlapping columns.
std::vector<Cell> row_cells(const std::vector<const Line*>& lines, const Columns& cols, int page) {
  auto pieces = pieces_of(lines, cols);
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.line < b.line; });
  std::vector<Cell> cells;
  for (const auto& p : pieces) {
    Cell* into = nullptr;
    for (auto& c : cells)
      if (p.c0 <= c.c1 && c.c0 <= p.c1) into = &c;
    if (into)
      absorb(*into, p);
    else
      cells.push_back(cell_of(p, page));
  }
  // Merging may make two cells overlap: merge them too.
  for (bool merged = true; merged;) {
    merged = false;
    for (std::size_t a = 0; a < cells.size() && !merged; ++a)
      for (std::size_t b = a + 1; b < cells.size() && !merged; ++b)
        if (cells[a].c0 <= cells[b].c1 && cells[b].c0 <= cells[a].c1) {
          Cell& x = cells[a].y0 <= cells[b].y0 ? cells[a] : cells[b];
          Cell& y = &x == &cells[a] ? cells[b] : cells[a];
          x.c0 = std::min(x.c0, y.c0);
          x.c1 = std::max(x.c1, y.c1);
          x.lines.insert(x.lines.end(), y.lines.begin(), y.lines.end());
          x.x0 = std::min(x.x0, y.x0);
          x.x1 = std::max(x.x1, y.x1);
          x.y1 = std::max(x.y1, y.y1);
          cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(&y - cells.data()));
          merged = true;
        }
  }
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.c0 < b.c0; });
  return cells;
}

// The header block: pieces joined downwards when one piece alone sits under another (a header
// text wrapped in its cell); the level of a cell is the depth of the cells above it.
std::vector<Cell> header_cells(const std::vector<Line>& lines, const Columns& cols, int page, int& levels) {
  std::vector<const Line*> lp;
  for (const auto& l : lines) lp.push_back(&l);
  auto pieces = pieces_of(lp, cols);
  std::vector<Cell> cells;
  std::vector<int> last_line;  // per cell: line index of its last piece
  for (const auto& p : pieces) {
    std::optional<std::size_t> into;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const Cell& c = cells[k];
      if (last_line[k] != p.line - 1 || p.c0 > c.c1 || c.c0 > p.c1) continue;
      if (p.y0 - c.y1 > 0.8 * lines[static_cast<std::size_t>(p.line)].em) continue;
      // Alone under it: no other piece of this line overlaps the cell's columns. (A header of
      // thousands of pieces is no table's: its pieces stay apart, and the work stays bounded.)
      if (pieces.size() > 2000) continue;
      int under = 0;
      for (const auto& q : pieces)
        if (q.line == p.line && q.c0 <= c.c1 && c.c0 <= q.c1) ++under;
      if (under == 1) into = k;
    }
    if (into) {
      absorb(cells[*into], p);
      last_line[*into] = p.line;
    } else {
      cells.push_back(cell_of(p, page));
      last_line.push_back(p.line);
    }
  }
  levels = 0;
  std::vector<int> level(cells.size(), 0);
  std::vector<std::size_t> order(cells.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return cells[a].y0 < cells[b].y0; });
  for (std::size_t oi = 0; oi < order.size(); ++oi) {
    auto k = order[oi];
    for (std::size_t oj = 0; oj < oi; ++oj) {
      auto o = order[oj];
      if (cells[o].y1 <= cells[k].y0 + 0.5 && cells[o].c0 <= cells[k].c1 && cells[k].c0 <= cells[o].c1)
        level[k] = std::max(level[k], level[o] + 1);
    }
    levels = std::max(levels, level[k] + 1);
  }
  for (std::size_t k = 0; k < cells.size(); ++k) {
    int below = levels;
    for (std::size_t o = 0; o < cells.size(); ++o)
      if (level[o] > level[k] && cells[o].c0 <= cells[k].c1 && cells[k].c0 <= cells[o].c1)
        below = std::min(below, level[o]);
    cells[k].row = level[k];
    cells[k].row_span = below - level[k];
    cells[k].header = true;
  }
  return cells;
}

std::string header_key(const std::vector<Line>& lines) {
  std::string key;
  for (const auto& l : lines) key += line_text(l) + "\n";
  return key;
}

// Body rows of a part: each figure line (or a line with text among the figures) anchors a row;
// label lines between two anchors go to the one on their side of the widest vertical gap
// (cell padding is wider than line spacing), so a label wrapped above or below its figures
// joins their row.
std::vector<std::vector<const Line*>> body_rows(const Part& part, const Columns& cols) {
  const double fig_left = cols.spans[static_cast<std::size_t>(cols.label_cols)].first;
  std::vector<bool> anchor(part.body.size());
  for (std::size_t k = 0; k < part.body.size(); ++k) {
    const Line& l = part.body[k];
    anchor[k] = figure_line(l) || l.x1 > fig_left + l.em / 3;
  }
  std::vector<std::vector<const Line*>> rows;
  std::vector<std::size_t> anchors;
  for (std::size_t k = 0; k < part.body.size(); ++k)
    if (anchor[k]) anchors.push_back(k);
  if (anchors.empty()) {
    std::vector<const Line*> all;
    for (const auto& l : part.body) all.push_back(&l);
    rows.push_back(all);
    return rows;
  }
  constexpr int kOwnRow = -2;  // and below: groups of lines that are rows of their own
  // The spacing of lines wrapped in a cell: the closest two label lines.
  std::optional<double> leading;
  for (std::size_t k = 0; k + 1 < part.body.size(); ++k)
    if (!anchor[k] && !anchor[k + 1]) {
      double g = part.body[k + 1].y0 - part.body[k].y1;
      if (g > -0.2 * part.body[k].em && (!leading || g < *leading)) leading = g;
    }
  std::vector<int> owner(part.body.size(), -1);
  for (std::size_t a = 0; a < anchors.size(); ++a) owner[anchors[a]] = static_cast<int>(a);
  for (std::size_t k = 0; k < anchors.front(); ++k) owner[k] = 0;
  for (std::size_t k = anchors.back() + 1; k < part.body.size(); ++k) owner[k] = static_cast<int>(anchors.size()) - 1;
  for (std::size_t a = 0; a + 1 < anchors.size(); ++a) {
    std::size_t from = anchors[a], to = anchors[a + 1];
    if (to - from < 2) continue;
    // The widest gap between consecutive lines from `from` to `to`.
    std::size_t split = from;  // lines after `split` go below
    double widest = -1e18;
    for (std::size_t k = from; k < to; ++k) {
      double gap = part.body[k + 1].y0 - part.body[k].y1;
      if (gap > widest + 0.25) {
        widest = gap;
        split = k;
      }
    }
    // A group joins its anchor only when it is as close to it as wrapped lines are to each other
    // (the table's line spacing, or a quarter of an em when no two label lines are wrapped); otherwise it is a row of
    // its own, joined to neither (a sub-heading row between two rows).
    auto gap = [&](std::size_t k) { return part.body[k + 1].y0 - part.body[k].y1; };
    const double close = (leading ? *leading : 0.25 * part.body[from].em) + 1.0;
    bool up_ok = gap(from) <= close;
    bool down_ok = gap(to - 1) <= close;
    for (std::size_t k = from + 1; k < to; ++k) {
      if (k <= split)
        owner[k] = up_ok ? static_cast<int>(a) : kOwnRow - static_cast<int>(2 * a);
      else
        owner[k] = down_ok ? static_cast<int>(a + 1) : kOwnRow - static_cast<int>(2 * a + 1);
    }
  }
  for (std::size_t k = 0; k < part.body.size(); ++k) {
    if (k == 0 || owner[k] != owner[k - 1]) rows.emplace_back();
    rows.back().push_back(&part.body[k]);
  }
  return rows;
}

SourceTable build_table(const Region& region) {
  SourceTable t;
  Columns cols = find_columns(region);
  if (cols.spans.empty()) return t;
  std::vector<Cell> cells;
  int levels = 0;
  const Part& first = region.parts.front();
  if (!first.header.empty()) cells = header_cells(first.header, cols, first.page, levels);
  int row = levels;
  for (const auto& part : region.parts) {
    for (const auto& lines : body_rows(part, cols)) {
      for (auto& c : row_cells(lines, cols, part.page)) {
        c.row = row;
        cells.push_back(std::move(c));
      }
      ++row;
    }
  }
  t.rows = row;
  t.cols = static_cast<int>(cols.spans.size());
  for (const auto& c : cells) t.cells.push_back(to_source(c));
  std::sort(t.cells.begin(), t.cells.end(),
            [](const SourceCell& a, const SourceCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  int p0 = region.parts.front().page, p1 = region.parts.back().page;
  t.where = p0 == p1 ? fmt::format("page {}", p0) : fmt::format("pages {}-{}", p0, p1);
  return t;
}

// Two parts are one table broken by a page break: the first ends its page, the second starts
// the next, their figure columns are the same, and the second repeats the first's header or has
// none.
bool continues(const Region& r, Part& next) {
  const Part& last = r.parts.back();
  if (next.page != last.page + 1 || !last.reaches_page_end || !next.at_page_start) return false;
  Region a{{last}}, b{{next}};
  Columns ca = find_columns(a), cb = find_columns(b);
  // The same figure columns: as many, each overlapping its fellow (figures aligned left, right
  // or centred in their cells overlap whatever their widths).
  if (ca.figs.size() != cb.figs.size() || ca.figs.empty()) return false;
  for (std::size_t k = 0; k < ca.figs.size(); ++k)
    if (ca.figs[k].first > cb.figs[k].second + 2 || cb.figs[k].first > ca.figs[k].second + 2) return false;
  if (!next.header.empty()) {
    if (header_key(next.header) != header_key(r.parts.front().header)) return false;
    next.header.clear();
  }
  return true;
}

// ---- ruled tables -----------------------------------------------------------------------

// Values within `tol` of their neighbour are one: their mean.
std::vector<double> cluster(std::vector<double> values, double tol) {
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  double sum = 0;
  int n = 0;
  double last = 0;
  for (double v : values) {
    if (n > 0 && v - last > tol) {
      out.push_back(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    ++n;
    last = v;
  }
  if (n > 0) out.push_back(sum / n);
  return out;
}

std::size_t nearest(const std::vector<double>& xs, double x) {
  std::size_t best = 0;
  for (std::size_t k = 1; k < xs.size(); ++k)
    if (std::abs(xs[k] - x) < std::abs(xs[best] - x)) best = k;
  return best;
}

// More ruling lines on one page than this is no report's page (a hatched drawing): the page's
// tables are then rebuilt from the text alone, which keeps the work per page bounded.
constexpr std::size_t kMaxRules = 4000;
// A grid of more slots than this is no report's table.
constexpr std::size_t kMaxSlots = 100000;
constexpr double kTouch = 2.0;  // points: lines this close meet
constexpr std::size_t kMaxRuleTextPairs = 8000000;

// The page's lattices: horizontal lines at least 1.5 em long and vertical ones at least 1.2 em
// (a character's stroke is shorter), kept while each meets two of the other direction, grouped by
// meeting; a lattice has two rows or two columns at least (a frame around the page is none).
std::vector<Lattice> find_lattices(const std::vector<Rule>& rules, const std::vector<Line>& lines, double em) {
  std::vector<Rule> h, v;
  // A horizontal line through a word's box (an em and a fifth high) underlines or strikes it out:
  // it is no border, which has the cell's padding between it and the text.
  auto through_text = [&](const Rule& r) {
    for (const auto& l : lines) {
      if (r.y0 <= l.y0 || r.y0 >= l.y1) continue;
      for (const auto& w : l.words)
        if (r.y0 > w.y0 && r.y0 < w.y1 && std::min(r.x1, w.x1) - std::max(r.x0, w.x0) > (w.x1 - w.x0) / 2) return true;
    }
    return false;
  };
  if (rules.size() > 4 * kMaxRules) return {};
  // Each horizontal line is tried against each line of text: bounded (a page of 2,000 lines of
  // text and 4,000 ruling lines is no report's).
  if (rules.size() * lines.size() > kMaxRuleTextPairs) return {};
  for (const auto& r : rules) {
    if (r.y0 == r.y1 && r.x1 - r.x0 >= 1.5 * em && !through_text(r))
      h.push_back(r);
    else if (r.x0 == r.x1 && r.y1 - r.y0 >= 1.2 * em)
      v.push_back(r);
  }
  if (h.size() + v.size() > kMaxRules) return {};
  auto meet = [](const Rule& a, const Rule& b) {  // a horizontal, b vertical
    return b.x0 >= a.x0 - kTouch && b.x0 <= a.x1 + kTouch && a.y0 >= b.y0 - kTouch && a.y0 <= b.y1 + kTouch;
  };
  std::vector<bool> hk(h.size(), true), vk(v.size(), true);
  for (int round = 0; round < 4; ++round) {
    bool changed = false;
    for (std::size_t i = 0; i < h.size(); ++i) {
      if (!hk[i]) continue;
      int n = 0;
      for (std::size_t j = 0; j < v.size() && n < 2; ++j) n += vk[j] && meet(h[i], v[j]) ? 1 : 0;
      if (n < 2) hk[i] = false, changed = true;
    }
    for (std::size_t j = 0; j < v.size(); ++j) {
      if (!vk[j]) continue;
      int n = 0;
      for (std::size_t i = 0; i < h.size() && n < 2; ++i) n += hk[i] && meet(h[i], v[j]) ? 1 : 0;
      if (n < 2) vk[j] = false, changed = true;
    }
    if (!changed) break;
  }
  std::vector<std::size_t> parent(h.size() + v.size());
  for (std::size_t k = 0; k < parent.size(); ++k) parent[k] = k;
  auto root = [&](std::size_t k) {
    while (parent[k] != k) k = parent[k] = parent[parent[k]];
    return k;
  };
  for (std::size_t i = 0; i < h.size(); ++i)
    for (std::size_t j = 0; j < v.size(); ++j)
      if (hk[i] && vk[j] && meet(h[i], v[j])) parent[root(i)] = root(h.size() + j);
  std::map<std::size_t, Lattice> groups;
  for (std::size_t i = 0; i < h.size(); ++i)
    if (hk[i]) groups[root(i)].h.push_back(h[i]);
  for (std::size_t j = 0; j < v.size(); ++j)
    if (vk[j]) groups[root(h.size() + j)].v.push_back(v[j]);
  std::vector<Lattice> out;
  for (auto& [key, g] : groups) {
    std::vector<double> xs, ys;
    for (const auto& r : g.v) xs.push_back(r.x0);
    for (const auto& r : g.h) ys.push_back(r.y0);
    g.xs = cluster(xs, kTouch);
    g.ys = cluster(ys, kTouch);
    // A table open at its sides (no outer vertical border) ends where its horizontal lines end;
    // one open at the top or bottom, where its vertical lines end.
    if (!g.xs.empty() && !g.ys.empty()) {
      double left = g.xs.front(), right = g.xs.back(), top = g.ys.front(), bottom = g.ys.back();
      for (const auto& r : g.h) left = std::min(left, r.x0), right = std::max(right, r.x1);
      for (const auto& r : g.v) top = std::min(top, r.y0), bottom = std::max(bottom, r.y1);
      if (left < g.xs.front() - 2 * kTouch) g.xs.insert(g.xs.begin(), left);
      if (right > g.xs.back() + 2 * kTouch) g.xs.push_back(right);
      if (top < g.ys.front() - 2 * kTouch) g.ys.insert(g.ys.begin(), top);
      if (bottom > g.ys.back() + 2 * kTouch) g.ys.push_back(bottom);
    }
    if (g.xs.size() < 2 || g.ys.size() < 2 || (g.xs.size() < 3 && g.ys.size() < 3)) continue;
    if ((g.xs.size() - 1) * (g.ys.size() - 1) > kMaxSlots) continue;
    out.push_back(std::move(g));
  }
  // Smallest first: a table inside a larger frame takes its lines first.
  std::stable_sort(out.begin(), out.end(), [](const Lattice& a, const Lattice& b) {
    return (a.x1() - a.x0()) * (a.y1() - a.y0()) < (b.x1() - b.x0()) * (b.y1() - b.y0());
  });
  return out;
}

// The ruled tables of a page: lattices holding a figure line take the words of the lines whose
// middle lies inside them, the words whose middle lies between their left and right borders (a
// line of the page can run beside the table); the other lines and words are returned in `rest`.
std::vector<Part> ruled_parts(const std::vector<Line>& lines, const std::vector<Rule>& rules, std::vector<Line>& rest) {
  std::vector<Part> parts;
  if (rules.empty() || lines.empty()) {
    rest = lines;
    return parts;
  }
  std::vector<double> ems;
  for (const auto& l : lines) ems.push_back(l.em);
  std::nth_element(ems.begin(), ems.begin() + static_cast<std::ptrdiff_t>(ems.size() / 2), ems.end());
  std::vector<Line> pool = lines;  // what is left of each line
  for (auto& lattice : find_lattices(rules, lines, ems[ems.size() / 2])) {
    std::vector<std::pair<std::size_t, Line>> inside;  // (line, its words inside)
    bool figures = false;
    for (std::size_t k = 0; k < pool.size(); ++k) {
      const Line& l = pool[k];
      if (l.words.empty() || l.yc() < lattice.y0() || l.yc() > lattice.y1() || l.x1 < lattice.x0() ||
          l.x0 > lattice.x1())
        continue;
      Line in = l;
      in.words.clear();
      for (const auto& w : l.words) {
        const double xc = (w.x0 + w.x1) / 2;
        if (xc >= lattice.x0() - kTouch && xc <= lattice.x1() + kTouch) in.words.push_back(w);
      }
      if (in.words.empty()) continue;
      close_line(in);
      figures = figures || figure_line(in);
      inside.emplace_back(k, std::move(in));
    }
    if (!figures) continue;
    Part part;
    part.page = inside.front().second.page;
    for (auto& [k, in] : inside) {
      Line& left = pool[k];
      std::vector<Word> keep;
      for (const auto& w : left.words) {
        const double xc = (w.x0 + w.x1) / 2;
        if (xc < lattice.x0() - kTouch || xc > lattice.x1() + kTouch) keep.push_back(w);
      }
      left.words = std::move(keep);
      if (!left.words.empty()) close_line(left);
      part.body.push_back(std::move(in));
    }
    part.lattice = std::move(lattice);
    parts.push_back(std::move(part));
  }
  for (auto& l : pool)
    if (!l.words.empty()) rest.push_back(std::move(l));
  for (auto& part : parts) {
    part.at_page_start =
        std::none_of(rest.begin(), rest.end(), [&](const Line& l) { return l.y1 <= part.lattice->y0(); });
    part.reaches_page_end =
        std::none_of(rest.begin(), rest.end(), [&](const Line& l) { return l.y0 >= part.lattice->y1(); });
  }
  return parts;
}

// A cell of a ruled table: the slots between its borders, its text.
struct RuledCell {
  int r0 = 0, r1 = 0, c0 = 0, c1 = 0;                      // slots, inclusive; columns in the table's columns
  std::vector<std::pair<std::size_t, const Word*>> words;  // (line, word)
  std::string text;
  std::string where;
};

// Whether the lines at `at` (an index into `lines_at`) cover most of [a, b].
bool drawn(const std::vector<std::vector<std::pair<double, double>>>& lines_at, std::size_t at, double a, double b) {
  double covered = 0;
  for (const auto& [s, e] : lines_at[at]) covered += std::max(0.0, std::min(e, b) - std::max(s, a));
  return covered >= 0.6 * (b - a);
}

// The cells of one ruled part: slots joined where no border is drawn between them, each word in
// the slot holding its middle; columns are the table's (`xs`, all its parts' boundaries).
std::vector<RuledCell> ruled_cells(const Part& part, const std::vector<double>& xs) {
  const Lattice& g = *part.lattice;
  const std::size_t rows = g.ys.size() - 1, cols = g.xs.size() - 1;
  std::vector<std::vector<std::pair<double, double>>> vlines(g.xs.size()), hlines(g.ys.size());
  for (const auto& r : g.v) vlines[nearest(g.xs, r.x0)].push_back({r.y0, r.y1});
  for (const auto& r : g.h) hlines[nearest(g.ys, r.y0)].push_back({r.x0, r.x1});
  std::vector<std::size_t> parent(rows * cols);
  for (std::size_t k = 0; k < parent.size(); ++k) parent[k] = k;
  auto root = [&](std::size_t k) {
    while (parent[k] != k) k = parent[k] = parent[parent[k]];
    return k;
  };
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) {
      if (c + 1 < cols && !drawn(vlines, c + 1, g.ys[r], g.ys[r + 1]))
        parent[root(r * cols + c)] = root(r * cols + c + 1);
      if (r + 1 < rows && !drawn(hlines, r + 1, g.xs[c], g.xs[c + 1]))
        parent[root(r * cols + c)] = root((r + 1) * cols + c);
    }
  std::map<std::size_t, RuledCell> by_root;
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) {
      auto [it, fresh] = by_root.try_emplace(root(r * cols + c));
      RuledCell& cell = it->second;
      const int ri = static_cast<int>(r), ci = static_cast<int>(c);
      if (fresh) {
        cell.r0 = cell.r1 = ri;
        cell.c0 = cell.c1 = ci;
      }
      cell.r0 = std::min(cell.r0, ri);
      cell.r1 = std::max(cell.r1, ri);
      cell.c0 = std::min(cell.c0, ci);
      cell.c1 = std::max(cell.c1, ci);
    }
  auto slot = [](const std::vector<double>& bounds, double v) {
    auto it = std::upper_bound(bounds.begin(), bounds.end(), v);
    std::ptrdiff_t k = (it - bounds.begin()) - 1;
    return static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(k, 0, static_cast<std::ptrdiff_t>(bounds.size()) - 2));
  };
  for (std::size_t li = 0; li < part.body.size(); ++li)
    for (const auto& w : part.body[li].words) {
      std::size_t r = slot(g.ys, (w.y0 + w.y1) / 2), c = slot(g.xs, (w.x0 + w.x1) / 2);
      by_root[root(r * cols + c)].words.push_back({li, &w});
    }
  std::vector<RuledCell> out;
  for (auto& entry : by_root) {
    auto& cell = entry.second;  // (not a structured binding: clang 14 cannot capture one)
    std::size_t line = SIZE_MAX;
    std::vector<const Word*> ws;
    auto flush = [&] {
      if (ws.empty()) return;
      if (!cell.text.empty()) cell.text += "\n";
      cell.text += join_words(ws);
      ws.clear();
    };
    for (const auto& [li, w] : cell.words) {
      if (line != li) flush();
      line = li;
      ws.push_back(w);
    }
    flush();
    if (!cell.words.empty())
      cell.where = fmt::format("page {}, x {}, y {}", part.page, fmt1(cell.words.front().second->x0),
                               fmt1(cell.words.front().second->y0));
    // In the table's columns.
    const double left = g.xs[static_cast<std::size_t>(cell.c0)], right = g.xs[static_cast<std::size_t>(cell.c1) + 1];
    cell.c0 = static_cast<int>(nearest(xs, left));
    cell.c1 = std::max(cell.c0, static_cast<int>(nearest(xs, right)) - 1);
    out.push_back(std::move(cell));
  }
  std::sort(out.begin(), out.end(),
            [](const RuledCell& a, const RuledCell& b) { return std::pair(a.r0, a.c0) < std::pair(b.r0, b.c0); });
  return out;
}

// Two ruled parts are one table broken by a page break: the first ends its page, the second
// starts the next, with the same left and right borders and mostly the same column borders.
bool continues_ruled(const Region& r, const Part& next) {
  const Part& last = r.parts.back();
  if (!last.lattice || !next.lattice || next.page != last.page + 1 || !last.reaches_page_end || !next.at_page_start)
    return false;
  const Lattice &a = *last.lattice, &b = *next.lattice;
  if (std::abs(a.x0() - b.x0()) > kTouch + 1 || std::abs(a.x1() - b.x1()) > kTouch + 1) return false;
  std::size_t same = 0;
  for (double x : b.xs)
    if (std::abs(a.xs[nearest(a.xs, x)] - x) <= kTouch + 1) ++same;
  return 5 * same >= 4 * std::min(a.xs.size(), b.xs.size());
}

// A ruled table over its parts. A continuation's first rows are dropped when they repeat the
// first part's header rows (the rows above its first figure); a cell of the continuation's first
// row left empty under a label cell that ends the previous page is that cell, broken by the page
// break (三、本年度办理结果 over two pages): the label cell spans its rows.
SourceTable build_ruled_table(const Region& region) {
  SourceTable t;
  std::vector<double> all;
  for (const auto& p : region.parts) all.insert(all.end(), p.lattice->xs.begin(), p.lattice->xs.end());
  const std::vector<double> xs = cluster(all, kTouch + 1);
  if (xs.size() < 2) return t;
  auto row_key = [](const std::vector<RuledCell>& cells, int r) {
    std::string key;
    for (const auto& c : cells)
      if (c.r0 == r) key += fmt::format("{}-{}:{}|", c.c0, c.c1, c.text);
    return key;
  };
  auto has_figure = [](const std::vector<RuledCell>& cells, int r) {
    return std::any_of(cells.begin(), cells.end(), [&](const RuledCell& c) { return c.r0 == r && is_number(c.text); });
  };
  std::vector<RuledCell> out;     // rows in the table's rows
  std::vector<std::size_t> open;  // cells of `out` reaching the last row so far
  int row = 0;
  int header_rows = 0;
  std::vector<std::string> header_keys;
  for (std::size_t pi = 0; pi < region.parts.size(); ++pi) {
    std::vector<RuledCell> cells = ruled_cells(region.parts[pi], xs);
    const int rows = static_cast<int>(region.parts[pi].lattice->ys.size()) - 1;
    int skip = 0;
    if (pi == 0) {
      while (header_rows < rows && !has_figure(cells, header_rows))
        header_keys.push_back(row_key(cells, header_rows++));
    } else if (header_rows > 0 && header_rows < rows) {
      bool repeated = true;
      for (int r = 0; r < header_rows && repeated; ++r)
        repeated = row_key(cells, r) == header_keys[static_cast<std::size_t>(r)];
      if (repeated) skip = header_rows;
    }
    std::vector<std::size_t> next_open;
    for (auto& c : cells) {
      if (c.r0 < skip) continue;
      const int r0 = row + c.r0 - skip, r1 = row + c.r1 - skip;
      if (pi > 0 && c.r0 == skip && c.text.empty()) {
        auto above = std::find_if(open.begin(), open.end(), [&](std::size_t k) {
          return out[k].c0 == c.c0 && out[k].c1 == c.c1 && !out[k].text.empty() && !is_number(out[k].text);
        });
        if (above != open.end()) {
          out[*above].r1 = r1;
          if (c.r1 == rows - 1) next_open.push_back(*above);
          continue;
        }
      }
      c.r0 = r0;
      c.r1 = r1;
      out.push_back(std::move(c));
      if (out.back().r1 == row + rows - skip - 1) next_open.push_back(out.size() - 1);
    }
    open = std::move(next_open);
    row += rows - skip;
  }
  for (const auto& c : out) {
    if (c.text.empty()) continue;
    SourceCell s;
    s.text = c.text;
    s.row = c.r0;
    s.col = c.c0;
    s.row_span = c.r1 - c.r0 + 1;
    s.col_span = c.c1 - c.c0 + 1;
    s.where = c.where;
    t.cells.push_back(std::move(s));
  }
  t.rows = row;
  t.cols = static_cast<int>(xs.size()) - 1;
  std::sort(t.cells.begin(), t.cells.end(),
            [](const SourceCell& a, const SourceCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  int p0 = region.parts.front().page, p1 = region.parts.back().page;
  t.where = p0 == p1 ? fmt::format("page {}", p0) : fmt::format("pages {}-{}", p0, p1);
  return t;
}

// ---- text blocks ------------------------------------------------------------------------

struct Placed {
  int page = 0;
  double y = 0;
};

}  // namespace

bool has_figure_line(const Page& page) {
  const auto lines = make_lines(page);
  return std::any_of(lines.begin(), lines.end(), [](const Line& l) { return figure_line(l); });
}

SourceDocument lay_out(const std::string& path, const std::string& title_metadata, const std::vector<Page>& pages) {
  SourceDocument doc;
  doc.path = path;
  doc.title = title_metadata;
  std::vector<std::vector<Line>> lines;
  for (const auto& p : pages) lines.push_back(make_lines(p));
  drop_running_lines(lines, pages);

  std::vector<Region> regions;
  std::vector<Line> rest;
  for (std::size_t p = 0; p < lines.size(); ++p) {
    // Ruled tables first (their borders say where the cells are), then tables of text alone.
    std::vector<Line> unruled;
    std::vector<Part> parts = ruled_parts(lines[p], pages[p].rules, unruled);
    for (auto& part : find_parts(unruled, rest)) parts.push_back(std::move(part));
    auto top = [](const Part& part) {
      return part.lattice ? part.lattice->y0() : (part.header.empty() ? part.body.front() : part.header.front()).y0;
    };
    std::stable_sort(parts.begin(), parts.end(), [&](const Part& a, const Part& b) { return top(a) < top(b); });
    for (auto& part : parts) {
      const bool ruled = part.lattice.has_value();
      if (!regions.empty() && ruled == regions.back().parts.back().lattice.has_value() &&
          (ruled ? continues_ruled(regions.back(), part) : continues(regions.back(), part)))
        regions.back().parts.push_back(std::move(part));
      else
        regions.push_back(Region{{std::move(part)}});
    }
  }
  std::vector<Placed> table_at;
  for (const auto& r : regions) {
    SourceTable t = r.parts.front().lattice ? build_ruled_table(r) : build_table(r);
    if (t.cells.empty()) {
      // Not laid out as a table after all: its lines are text, nothing is dropped.
      for (const auto& p : r.parts) {
        rest.insert(rest.end(), p.header.begin(), p.header.end());
        rest.insert(rest.end(), p.body.begin(), p.body.end());
      }
      continue;
    }
    const Part& p = r.parts.front();
    table_at.push_back({p.page, p.header.empty() ? p.body.front().y0 : p.header.front().y0});
    doc.tables.push_back(std::move(t));
  }

  std::stable_sort(rest.begin(), rest.end(),
                   [](const Line& a, const Line& b) { return a.page != b.page ? a.page < b.page : a.y0 < b.y0; });
  // Body font size: the most common line size.
  std::map<long, int> sizes;
  for (const auto& l : rest) ++sizes[std::lround(l.em * 2)];
  double body_em = 10;
  int best = 0;
  for (const auto& [s, n] : sizes)
    if (n > best) {
      best = n;
      body_em = static_cast<double>(s) / 2.0;
    }
  double title_em = 0;
  for (const auto& l : rest)
    if (l.page == 1) title_em = std::max(title_em, l.em);
  bool has_title = title_em > 1.15 * body_em;

  double left = 1e18, right = -1e18;
  for (const auto& l : rest) {
    left = std::min(left, l.x0);
    right = std::max(right, l.x1);
  }
  auto tables_before = [&](const Line& l) {
    int n = 0;
    for (const auto& t : table_at)
      if (t.page < l.page || (t.page == l.page && t.y < l.y0)) ++n;
    return n;
  };
  std::optional<SourceBlock> cur;
  const Line* prev = nullptr;
  auto flush = [&] {
    if (cur) doc.blocks.push_back(std::move(*cur));
    cur.reset();
  };
  for (const auto& l : rest) {
    std::string text = line_text(l);
    SourceBlock::Kind kind = SourceBlock::Kind::paragraph;
    if (has_title && l.page == 1 && l.em >= title_em - 0.5)
      kind = SourceBlock::Kind::title;
    else if (starts_like_heading(text) && (text.size() <= 120 || l.em > 1.1 * body_em))
      kind = SourceBlock::Kind::heading;
    else if (l.em > 1.1 * body_em && text.size() <= 120)
      kind = SourceBlock::Kind::heading;
    bool joins = cur && prev && cur->kind == kind && kind != SourceBlock::Kind::heading && prev->page == l.page &&
                 l.y0 - prev->y1 <= 0.8 * l.em && tables_before(*prev) == tables_before(l) &&
                 (kind == SourceBlock::Kind::title ||
                  (l.x0 < left + 1.0 * l.em && prev->x1 > right - 2.0 * l.em));  // a wrapped line
    if (joins) {
      bool space = ascii_alnum(static_cast<unsigned char>(cur->text.back())) &&
                   ascii_alnum(static_cast<unsigned char>(text.front()));
      cur->text += (space ? " " : "") + text;
    } else {
      flush();
      cur = SourceBlock{kind, text, fmt::format("page {}, y {}", l.page, fmt1(l.y0)), tables_before(l)};
    }
    prev = &l;
  }
  flush();
  if (doc.title.empty())
    for (const auto& b : doc.blocks)
      if (b.kind == SourceBlock::Kind::title) {
        doc.title = b.text;
        break;
      }
  return doc;
}

}  // namespace gongkai::import::pdf
