#include <gongkai/import/pdf_document.hpp>
#include <gongkai/import/pdf_layout.hpp>

#include <fmt/format.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
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

bool wide_char(char16_t c) { return c >= 0x2E80; }

// One poppler word as the reader's words: poppler joins characters without a space between
// them into one word even across a cell border ("三、本（一）予以公开"), so a word is cut where
// two characters are a third of an em apart. The em is the font size, or the width of a wide
// (CJK) character when smaller (some producers scale the page); the box is made one em and a
// fifth high around its centre, so gaps between lines mean the same in every PDF.
// The width of a wide character over the font size, for the page's words without one; 0 when
// the word has none.
double wide_ratio(const poppler::text_box& b) {
  const poppler::ustring text = b.text();
  std::vector<double> wide;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (wide_char(static_cast<char16_t>(text[i])) && b.char_bbox(i).width() > 0) wide.push_back(b.char_bbox(i).width());
  if (wide.empty() || b.get_font_size() <= 0) return 0;
  std::nth_element(wide.begin(), wide.begin() + static_cast<std::ptrdiff_t>(wide.size() / 2), wide.end());
  return wide[wide.size() / 2] / b.get_font_size();
}

void add_words(const poppler::text_box& b, double page_ratio, std::vector<pdf::Word>& out) {
  const poppler::ustring text = b.text();
  const auto whole = b.bbox();
  double em = b.get_font_size() * page_ratio;
  if (em <= 0 || em > whole.height()) em = whole.height();
  std::vector<poppler::rectf> boxes;
  for (std::size_t i = 0; i < text.size(); ++i) boxes.push_back(b.char_bbox(i));
  const double yc = whole.top() + whole.height() / 2;
  auto emit = [&](std::size_t from, std::size_t to, double x0, double x1) {
    poppler::ustring part;
    part.append(text, from, to - from);
    pdf::Word w;
    w.text = utf8(part);
    w.x0 = x0;
    w.x1 = x1;
    w.y0 = yc - 0.6 * em;
    w.y1 = yc + 0.6 * em;
    w.size = em;
    if (!w.text.empty()) out.push_back(std::move(w));
  };
  bool boxes_ok = !text.empty();
  for (const auto& r : boxes)
    if (r.width() <= 0 && r.height() <= 0) boxes_ok = false;
  if (!boxes_ok) {
    emit(0, text.size(), whole.left(), whole.right());
    return;
  }
  std::size_t from = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i < text.size() && boxes[i].left() - boxes[i - 1].right() < em / 3) continue;
    emit(from, i, boxes[from].left(), boxes[i - 1].right());
    from = i;
  }
}

// The page's ruling lines (table borders): the page rendered in grey without anti-aliasing, one
// pixel a point (a hairline is still drawn one pixel wide; fewer on a page over 16 million
// pixels, and none below half a pixel a point, where a thin border may vanish), and its thin dark
// runs at least 10 points long.
std::vector<pdf::Rule> page_rules(const poppler::page& page, double width, double height) {
  if (!poppler::page_renderer::can_render() || width <= 0 || height <= 0) return {};
  constexpr double kMaxPixels = 16e6;
  double scale = 1.0;
  if (width * height * scale * scale > kMaxPixels) scale = std::sqrt(kMaxPixels / (width * height));
  if (scale < 0.5) return {};
  poppler::page_renderer renderer;
  renderer.set_render_hints(0);
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_paper_color(0xffffffffU);
  poppler::image image = renderer.render_page(&page, 72.0 * scale, 72.0 * scale);
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) return {};
  return pdf::rules_from_image(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                               image.height(), image.bytes_per_row(), scale, 10.0);
}

// Whether a page without text shows anything at all (an image, a drawing): rendered at half a
// pixel a point (at most 4 million pixels). A page left blank is nothing to warn about.
bool page_has_ink(const poppler::page& page, double width, double height) {
  if (!poppler::page_renderer::can_render() || width <= 0 || height <= 0) return true;
  double scale = 0.5;
  if (width * height * scale * scale > 4e6) scale = std::sqrt(4e6 / (width * height));
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_paper_color(0xffffffffU);
  poppler::image image = renderer.render_page(&page, 72.0 * scale, 72.0 * scale);
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) return true;
  const auto* px = reinterpret_cast<const unsigned char*>(image.const_data());
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (px[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.bytes_per_row()) +
             static_cast<std::size_t>(x)] < 230)
        return true;
  return false;
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
      // Some producers scale the page: a wide character is an em wide, so the font size is
      // corrected by the page's median ratio of the two.
      std::vector<double> ratios;
      for (const auto& b : boxes)
        if (double r = wide_ratio(b); r > 0) ratios.push_back(r);
      double ratio = 1;
      if (!ratios.empty()) {
        std::nth_element(ratios.begin(), ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2), ratios.end());
        ratio = std::min(1.0, ratios[ratios.size() / 2]);
      }
      for (const auto& b : boxes) add_words(b, ratio, p.words);
      if (limits.ruling_lines && pdf::has_figure_line(p)) p.rules = page_rules(*page, p.width, p.height);
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
  for (int number : blank) {
    // Pages without text that show something (a page left blank is nothing to warn about).
    std::unique_ptr<poppler::page> page(doc->create_page(number - 1));
    const pdf::Page& p = pages[static_cast<std::size_t>(number - 1)];
    if (page && !page_has_ink(*page, p.width, p.height)) continue;
    out.add(Diagnostic::warning("input", SourceLoc{path, 0, 0, fmt::format("page {}", number)},
                                Text{fmt::format("PDF 第 {} 页没有文字层（扫描页？），其内容未读取", number),
                                     fmt::format("page {} of the PDF has no text layer (a scanned page?): its "
                                                 "content is not read",
                                                 number)}));
  }
  return pdf::lay_out(path, utf8(doc->get_title()), pages);
}

}  // namespace gongkai::import
