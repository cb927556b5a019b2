#include <gongkai/import/pdf_document.hpp>
#include <gongkai/import/pdf_layout.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/import/pdf_backend.hpp>
#include <gongkai/import/pdf_module.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>

namespace gongkai::import {
namespace {

namespace pb = pdf_backend;

[[noreturn]] void refuse(const std::string& path, std::string zh, std::string en) {
  throw InputError(SourceLoc{path, 0, 0, {}}, Text{std::move(zh), std::move(en)});
}

// UTF-16 as poppler gives it, to UTF-8 (core/text.hpp's encoder); a lone surrogate becomes
// U+FFFD.
std::string utf8(std::u16string_view s) {
  std::u32string code_points;
  code_points.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    code_points += c;
  }
  return encode_utf8(code_points);
}

bool wide_char(char16_t c) { return c >= 0x2E80; }

// One poppler word as the reader's words: poppler joins characters without a space between
// them into one word even across a cell border ("三、本（一）予以公开"), so a word is cut where
// two characters are a third of an em apart. The em is the font size, or the width of a wide
// (CJK) character when smaller (some producers scale the page); the box is made one em and a
// fifth high around its centre, so gaps between lines mean the same in every PDF.
// The width of a wide character over the font size, for the page's words without one; 0 when
// the word has none.
double wide_ratio(const pb::TextBox& b) {
  std::vector<double> wide;
  for (std::size_t i = 0; i < b.text.size() && i < b.chars.size(); ++i)
    if (wide_char(b.text[i]) && b.chars[i].width > 0) wide.push_back(b.chars[i].width);
  if (wide.empty() || b.font_size <= 0) return 0;
  std::nth_element(wide.begin(), wide.begin() + static_cast<std::ptrdiff_t>(wide.size() / 2), wide.end());
  return wide[wide.size() / 2] / b.font_size;
}

void add_words(const pb::TextBox& b, double page_ratio, std::vector<pdf::Word>& out) {
  const std::u16string_view text = b.text;
  const pb::Box& whole = b.box;
  double em = b.font_size * page_ratio;
  if (em <= 0 || em > whole.height) em = whole.height;
  pb::Box none;
  std::vector<pb::Box> boxes;
  for (std::size_t i = 0; i < text.size(); ++i) boxes.push_back(i < b.chars.size() ? b.chars[i] : none);
  const double yc = whole.top + whole.height / 2;
  auto emit = [&](std::size_t from, std::size_t to, double x0, double x1) {
    pdf::Word w;
    w.text = utf8(text.substr(from, to - from));
    w.x0 = x0;
    w.x1 = x1;
    w.y0 = yc - 0.6 * em;
    w.y1 = yc + 0.6 * em;
    w.size = em;
    if (!w.text.empty()) out.push_back(std::move(w));
  };
  bool boxes_ok = !text.empty();
  for (const auto& r : boxes)
    if (r.width <= 0 && r.height <= 0) boxes_ok = false;
  if (!boxes_ok) {
    emit(0, text.size(), whole.left, whole.right());
    return;
  }
  std::size_t from = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i < text.size() && boxes[i].left - boxes[i - 1].right() < em / 3) continue;
    emit(from, i, boxes[from].left, boxes[i - 1].right());
    from = i;
  }
}

// The page's ruling lines (table borders): the page rendered in grey without anti-aliasing, one
// pixel a point (a hairline is still drawn one pixel wide; fewer on a page over 16 million
// pixels, and none below half a pixel a point, where a thin border may vanish), and its thin dark
// runs at least 10 points long.
std::vector<pdf::Rule> page_rules(pb::Document& doc, int index, double width, double height) {
  if (!doc.can_render() || width <= 0 || height <= 0) return {};
  constexpr double kMaxPixels = 16e6;
  double scale = 1.0;
  if (width * height * scale * scale > kMaxPixels) scale = std::sqrt(kMaxPixels / (width * height));
  if (scale < 0.5) return {};
  pb::GrayImage image;
  if (!doc.render_gray(index, 72.0 * scale, true, image)) return {};
  return pdf::rules_from_image(image.pixels.data(), image.width, image.height, image.stride, scale, 10.0);
}

// Whether a page without text shows anything at all (an image, a drawing): rendered at half a
// pixel a point (at most 4 million pixels). A page left blank is nothing to warn about.
bool page_has_ink(pb::Document& doc, int index, double width, double height) {
  if (!doc.can_render() || width <= 0 || height <= 0) return true;
  double scale = 0.5;
  if (width * height * scale * scale > 4e6) scale = std::sqrt(4e6 / (width * height));
  pb::GrayImage image;
  if (!doc.render_gray(index, 72.0 * scale, false, image)) return true;
  const unsigned char* px = image.pixels.data();
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      if (px[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.stride) + static_cast<std::size_t>(x)] < 230)
        return true;
  return false;
}

}  // namespace

SourceDocument read_pdf_document(const std::string& path, std::string_view bytes, Diagnostics& out) {
  return read_pdf_document(path, bytes, out, PdfLimits{});
}

SourceDocument read_pdf_document(const std::string& path, std::string_view bytes, Diagnostics& out,
                                 const PdfLimits& limits) {
  if (bytes.substr(0, std::min<std::size_t>(bytes.size(), 1024)).find("%PDF-") == std::string_view::npos)
    refuse(path, "不是 PDF 文件（文件开头没有 %PDF- 标记）", "not a PDF file (no %PDF- marker at its start)");
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    refuse(path, "PDF 文件超过 2 GiB，无法读取", "a PDF larger than 2 GiB cannot be read");
  const pb::OpenFunction open = pdf_open_function(path);
  std::unique_ptr<pb::Document> doc(open(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    refuse(path, "无法打开 PDF 文件（文件已损坏或不完整）", "cannot open the PDF (the file is damaged or incomplete)");
  if (doc->locked())
    refuse(path, "PDF 文件已加密（需要密码），无法读取其文字；请提供未加密的文件",
           "the PDF is encrypted (a password is needed): its text cannot be read; give an unencrypted copy");
  const int n = doc->pages();
  if (n > limits.max_pages)
    refuse(path, fmt::format("PDF 有 {} 页，超过每个文件 {} 页的上限", n, limits.max_pages),
           fmt::format("the PDF has {} pages, more than the limit of {} pages for one file", n, limits.max_pages));
  std::vector<pdf::Page> pages;
  std::vector<int> blank;
  std::vector<pb::TextBox> boxes;
  for (int i = 0; i < n; ++i) {
    pdf::Page p;
    p.number = i + 1;
    if (doc->page(i, p.width, p.height, boxes)) {
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
      if (limits.ruling_lines && pdf::has_figure_line(p)) p.rules = page_rules(*doc, i, p.width, p.height);
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
    const pdf::Page& p = pages[static_cast<std::size_t>(number - 1)];
    if (!page_has_ink(*doc, number - 1, p.width, p.height)) continue;
    out.add(Diagnostic::warning("input", SourceLoc{path, 0, 0, fmt::format("page {}", number)},
                                Text{fmt::format("PDF 第 {} 页没有文字层（扫描页？），其内容未读取", number),
                                     fmt::format("page {} of the PDF has no text layer (a scanned page?): its "
                                                 "content is not read",
                                                 number)}));
  }
  return pdf::lay_out(path, utf8(doc->title()), pages);
}

}  // namespace gongkai::import
