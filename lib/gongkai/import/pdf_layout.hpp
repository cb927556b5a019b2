// The geometry half of the PDF reader (pdf_document.hpp reads the words with poppler): words
// with their boxes, page by page, become tables and text blocks. Pure and poppler-free, so it is
// tested on hand-made pages as well as on real PDFs. How rows are rebuilt: docs/import-pdf.md.
#pragma once

#include <gongkai/import/document.hpp>

#include <string>
#include <vector>

namespace gongkai::import::pdf {

// One word as poppler gives it: its text and box in points from the page's top-left corner.
struct Word {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;  // font size in points (the box's height when unknown)
};

// A ruling line drawn on the page (a table's border), in points from the page's top-left corner:
// horizontal (y0 == y1) or vertical (x0 == x1).
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Page {
  int number = 1;  // 1-based
  double width = 0, height = 0;
  std::vector<Word> words;
  std::vector<Rule> rules;  // may be empty: tables are then rebuilt from the text alone
};

// The ruling lines of a page rendered to grey levels (`pixels`, one byte a pixel, 0 black, rows
// `stride` bytes apart; `scale` pixels a point): runs of dark pixels at least `min_length` points
// long and at most 3 points thick (a filled area is no line). Bounded by the image's size.
[[nodiscard]] std::vector<Rule> rules_from_image(const unsigned char* pixels, int width, int height, int stride,
                                                 double scale, double min_length);

// Whether the page has a line of figures (docs/import-pdf.md, step 3), so may hold a table worth
// rendering the page for its ruling lines.
[[nodiscard]] bool has_figure_line(const Page& page);

// The tables and text blocks of the pages, in document order (title: the PDF's Title metadata,
// or the largest line of page 1 when there is none). Deterministic: depends only on the words.
[[nodiscard]] SourceDocument lay_out(const std::string& path, const std::string& title_metadata,
                                     const std::vector<Page>& pages);

}  // namespace gongkai::import::pdf
