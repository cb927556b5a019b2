#include <gongkai/readers/import_input.hpp>

#include <gongkai/core/error.hpp>
#include <gongkai/import/html_document.hpp>
#include <gongkai/import/map_tables.hpp>

#include <algorithm>
#include <cctype>

namespace gongkai {

namespace import {
// Defined by the PDF layout reader (import/pdf_document.cpp).
SourceDocument read_pdf_document(const std::string& path, std::string_view bytes, Diagnostics& out);
}  // namespace import

namespace {

bool is_pdf(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

}  // namespace

import::SourceDocument read_source_document(const std::string& path, std::string_view bytes, Diagnostics& out){
    if (is_pdf(path)) return import::read_pdf_document(path, bytes, out);
return import::read_html_document(path, bytes, out);
}  // namespace gongkai

ReportMeta import_meta(const std::string& path, const import::SourceDocument& doc, const ReadOptions& options) {
  ReportMeta meta = options.defaults;
  ReportMeta page = import::page_meta(doc);
  const NameHints hints = hints_from_file_name(path);
  if (!page.agency && !meta.agency) page.agency = hints.agency;
  if (!page.year && hints.year && !meta.year) page.year = hints.year;
  meta.override_with(page);
  meta.override_with(options.meta);
  return meta;
}

std::optional<Report> read_published_tables(const std::string& path, const FormSet& forms, const ReportMeta& meta,
                                            const ReadOptions&, const FileLoader& load, Diagnostics& out) {
  const std::string bytes = load(path);
  const import::SourceDocument doc = read_source_document(path, bytes, out);
  return import::map_tables(doc, forms, meta, out);
}

ReadResult read_published_input(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                const FileLoader& load, Diagnostics& out) {
  ReadResult result;
  result.files.push_back(path);
  const std::string bytes = load(path);
  const import::SourceDocument doc = read_source_document(path, bytes, out);
  const ReportMeta meta = import_meta(path, doc, options);
  result.report = import::map_tables(doc, forms, meta, out);
  if (result.report && result.report->year == 0) {
    out.add(Diagnostic::make(
        Severity::warning, "meta", SourceLoc{path, 0, 0, {}},
        {"报告年度未知：网页标题中没有「××××年政府信息公开工作年度报告」，文件名也不以年度开头；请用 --year "
         "指定。需要年度的规则（适用表式、发布期限、跨年度衔接）未检查",
         "the report's year is not known: the page's title does not say 'YYYY年…政府信息公开工作年度报告' and the "
         "file name does not start with it; give --year. The rules that need the year (form in force, deadline, "
         "carry-over) were not run"}));
  }
  return result;
}

}  // namespace gongkai
