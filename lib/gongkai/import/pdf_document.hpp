// The PDF layout reader: a PDF's text, read with poppler (in the module gongkai-pdf.so, loaded
// the first time a PDF is read: pdf_module.hpp; never named in a header), laid out into tables
// and text blocks (pdf_layout.hpp) for the mapping of tables to a Report.
// Refused with an InputError (rule "input", exit 2), nothing guessed: a file that is not a PDF or
// cannot be opened, an encrypted PDF, a scanned PDF (no text layer on any page), a PDF over the
// page limit; and any PDF when the module cannot be loaded (not installed, another version).
// docs/import-pdf.md says how rows are rebuilt.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/import/document.hpp>

#include <string>
#include <string_view>

namespace gongkai::import {

// Bounds on the work one PDF may ask for (docs/limits.md).
struct PdfLimits {
  int max_pages = 2000;                     // a report has 5-30 pages
  std::size_t max_words_per_page = 100000;  // a dense A4 page holds about 2,000
  // Render each page with text to read its tables' borders (docs/import-pdf.md, "Ruled tables");
  // without, every table is rebuilt from the text alone (tests use it to keep that path tried).
  bool ruling_lines = true;
};

// Reads the PDF `bytes` (read from `path`, which names it in messages and `where`). Pages without
// text among pages with text are warned about in `out` (rule "input"); poppler's own messages
// are swallowed, never printed.
[[nodiscard]] SourceDocument read_pdf_document(const std::string& path, std::string_view bytes, Diagnostics& out);
[[nodiscard]] SourceDocument read_pdf_document(const std::string& path, std::string_view bytes, Diagnostics& out,
                                               const PdfLimits& limits);

}  // namespace gongkai::import
