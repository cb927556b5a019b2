// Published reports as inputs (gongkai import, and check, diff, merge, build directly): a page
// (.html, .htm: import/html_document.hpp) or a PDF (.pdf: import/pdf_document.hpp), its layout
// mapped to a Report by import/map_tables.hpp. Who and when: the page's title and closing
// lines (import::page_meta), else the file name; the command line overrides both.
#pragma once

#include <gongkai/import/document.hpp>
#include <gongkai/readers/input.hpp>

namespace gongkai {

// The layout of a page or a PDF by the path's extension (a PDF when it ends in .pdf, a page
// otherwise). Throws InputError when the file cannot be read as such.
[[nodiscard]] import::SourceDocument read_source_document(const std::string& path, std::string_view bytes,
                                                          Diagnostics& out);

// Who and when a page is about: `options.defaults`, then what the page says (else the file
// name), then `options.meta`.
[[nodiscard]] ReportMeta import_meta(const std::string& path, const import::SourceDocument& doc,
                                     const ReadOptions& options);

// input.cpp's rows `html` and `pdf`.
[[nodiscard]] ReadResult read_published_input(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                              const FileLoader& load, Diagnostics& out);
[[nodiscard]] std::optional<Report> read_published_tables(const std::string& path, const FormSet& forms,
                                                          const ReportMeta& meta, const ReadOptions& options,
                                                          const FileLoader& load, Diagnostics& out);

}  // namespace gongkai
