// What a published report page or PDF holds once its layout is read, before any label is matched:
// the contract between the layout readers (HTML: import/html_*; PDF: import/pdf_*) and the
// mapping of tables to a Report (import/*). A layout reader only says what is where; it never
// decides which form row a text is. Every piece keeps its place in the source, so that each
// imported figure, and each text that could not be placed, can say where it came from.
#pragma once

#include <string>
#include <vector>

namespace gongkai::import {

// One cell of a table as laid out in the source. `row` and `col` are the cell's top-left slot
// in the table's grid after rowspan/colspan are expanded (0-based); a spanning cell appears
// once, with its spans. `text` is the cell's text with inner line breaks kept as '\n' (the
// mapping normalises spaces, breaks and punctuation; the reader does not).
struct SourceCell {
  std::string text;
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  // Where the cell is, for people: "table 3, row 5, column 2" (HTML, 1-based) or
  // "page 2, x 120.5, y 340.0" (PDF, points from the page's top-left corner).
  std::string where;
};

// One table of the source, in document order. A table split over several <table> elements or
// PDF pages stays several SourceTables; joining continuations is the mapping's job (it knows
// the form's labels), unless the layout reader can tell for certain (a PDF table broken only
// by a page break may be given as one, with `where` naming both pages).
struct SourceTable {
  std::vector<SourceCell> cells;  // row-major by (row, col)
  int rows = 0;
  int cols = 0;
  std::string where;  // "table 3" or "pages 2-3"
};

// A run of text outside the tables (a heading, a paragraph, a line of a PDF), in document order.
struct SourceBlock {
  enum class Kind { title, heading, paragraph };
  Kind kind = Kind::paragraph;
  std::string text;
  std::string where;  // "line 120" (HTML source line) or "page 1, y 80.0"
  // The position of this block relative to the tables: the number of tables that precede it.
  int tables_before = 0;
};

struct SourceDocument {
  std::string path;   // as given on the command line
  std::string title;  // <title> or the PDF's Title, may be empty
  std::vector<SourceTable> tables;
  std::vector<SourceBlock> blocks;
};

}  // namespace gongkai::import
