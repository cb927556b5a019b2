#include <gongkai/import/pdf_document.hpp>
#include <gongkai/import/pdf_layout.hpp>

#include <fmt/format.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

namespace gongkai::import {
namespace {

[[noreturn]] void refuse(const std::string& path, std::string zh, std::string en) {
  throw InputError(SourceLoc{path, 0, 0, {}}, Text{std::move(zh), std::move(en)});
}

void swallow(const std::string& /*message*/, void* /*closure*/) {}

// poppler prints its warnings to stderr unless told otherwise; once per process.
void quiet_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(swallow, nullptr); });
}

std::string utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

SourceDocument read_pdf_document(const std::string& path, std::string_view bytes, Diagnostics& out) {
  return read_pdf_document(path, bytes, out, PdfLimits{});
}

SourceDocument read_pdf_document(const std::string& path, std::string_view bytes, Diagnostics& out,
                                 const PdfLimits& limits) {
  quiet_poppler();
  if (bytes.substr(0, std::min<std::size_t>(bytes.size(), 1024)).find("%PDF-") == std::string_view::npos)
    refuse(path, "不是 PDF 文件（文件开头没有 %PDF- 标记）", "not a PDF file (no %PDF- marker at its start)");
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    refuse(path, "PDF 文件超过 2 GiB，无法读取", "a PDF larger than 2 GiB cannot be read");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    refuse(path, "无法打开 PDF 文件（文件已损坏或不完整）", "cannot open the PDF (the file is damaged or incomplete)");
  if (doc->is_locked())
    refuse(path, "PDF 文件已加密（需要密码），无法读取其文字；请提供未加密的文件",
           "the PDF is encrypted (a password is needed): its text cannot be read; give an unencrypted copy");
  const int n = doc->pages();
  if (n > limits.max_pages)
    refuse(path, fmt::format("PDF 有 {} 页，超过每个文件 {} 页的上限", n, limits.max_pages),
           fmt::format("the PDF has {} pages, more than the limit of {} pages for one file", n, limits.max_pages));
  std::vector<pdf::Page> pages;
  std::vector<int> blank;
  for (int i = 0; i < n; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    pdf::Page p;
    p.number = i + 1;
    if (page) {
      auto rect = page->page_rect(poppler::crop_box);
      p.width = rect.width();
      p.height = rect.height();
      auto boxes = page->text_list(poppler::page::text_list_include_font);
      if (boxes.size() > limits.max_words_per_page)
        refuse(path,
               fmt::format("PDF 第 {} 页有 {} 个文字块，超过每页 {} 个的上限", p.number, boxes.size(),
                           limits.max_words_per_page),
               fmt::format("page {} of the PDF holds {} words, more than the limit of {} for one page", p.number,
                           boxes.size(), limits.max_words_per_page));
      for (auto& b : boxes) {
        auto r = b.bbox();
        pdf::Word w;
        w.text = utf8(b.text());
        w.x0 = r.left();
        w.y0 = r.top();
        w.x1 = r.right();
        w.y1 = r.bottom();
        w.size = b.get_font_size();
        if (!w.text.empty()) p.words.push_back(std::move(w));
      }
    }
    if (p.words.empty()) blank.push_back(p.number);
    pages.push_back(std::move(p));
  }
  if (static_cast<int>(blank.size()) == n)
    refuse(path,
           "这是扫描的 PDF（各页只有图像，没有文字层），无法读取其中的数字；不作任何猜测。"
           "请提供有文字层的 PDF（由 Word、WPS 或网页导出），或网页、表格版本",
           "this is a scanned PDF (its pages are images with no text layer): its figures cannot be read, and "
           "nothing is guessed. Give a PDF with a text layer (exported from Word, WPS or a web page), or the "
           "web page or spreadsheet");
  for (int number : blank)
    out.add(Diagnostic::warning("input", SourceLoc{path, 0, 0, fmt::format("page {}", number)},
                                Text{fmt::format("PDF 第 {} 页没有文字层（扫描页？），其内容未读取", number),
                                     fmt::format("page {} of the PDF has no text layer (a scanned page?): its "
                                                 "content is not read",
                                                 number)}));
  return pdf::lay_out(path, utf8(doc->get_title()), pages);
}

}  // namespace gongkai::import
