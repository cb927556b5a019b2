// gongkai-pdf.so: poppler behind import/pdf_backend.hpp. Loaded by import/pdf_module.cpp the
// first time a PDF is read; everything else the PDF reader does (words, rules, layout) stays in
// the library.
#include <gongkai/import/pdf_backend.hpp>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cstring>
#include <memory>
#include <mutex>

#ifndef GONGKAI_VERSION
#error "GONGKAI_VERSION must be defined"
#endif

namespace {

namespace pb = gongkai::import::pdf_backend;

void swallow(const std::string& /*message*/, void* /*closure*/) {}

// poppler prints its warnings to stderr unless told otherwise; once per process.
void quiet_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(swallow, nullptr); });
}

std::u16string u16(const poppler::ustring& s) { return std::u16string(s.begin(), s.end()); }

pb::Box box(const poppler::rectf& r) { return pb::Box{r.left(), r.top(), r.width(), r.height()}; }

class PopplerDocument final : public pb::Document {
 public:
  explicit PopplerDocument(std::unique_ptr<poppler::document> doc) : doc_(std::move(doc)) {}

  [[nodiscard]] bool locked() const override { return doc_->is_locked(); }
  [[nodiscard]] int pages() const override { return doc_->pages(); }
  [[nodiscard]] std::u16string title() const override { return u16(doc_->get_title()); }

  bool page(int index, double& width, double& height, std::vector<pb::TextBox>& boxes) override {
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    if (!page) return false;
    const auto rect = page->page_rect(poppler::crop_box);
    width = rect.width();
    height = rect.height();
    const auto list = page->text_list(poppler::page::text_list_include_font);
    boxes.clear();
    boxes.reserve(list.size());
    for (const auto& b : list) {
      pb::TextBox t;
      t.text = u16(b.text());
      t.box = box(b.bbox());
      t.chars.reserve(t.text.size());
      for (std::size_t i = 0; i < t.text.size(); ++i) t.chars.push_back(box(b.char_bbox(i)));
      t.font_size = b.get_font_size();
      boxes.push_back(std::move(t));
    }
    return true;
  }

  [[nodiscard]] bool can_render() const override { return poppler::page_renderer::can_render(); }

  bool render_gray(int index, double dpi, bool plain, pb::GrayImage& out) override {
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    if (!page) return false;
    poppler::page_renderer renderer;
    if (plain) renderer.set_render_hints(0);
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_paper_color(0xffffffffU);
    poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8 || image.width() <= 0 ||
        image.height() <= 0 || image.bytes_per_row() < image.width())
      return false;
    out.width = image.width();
    out.height = image.height();
    out.stride = image.bytes_per_row();
    const auto size = static_cast<std::size_t>(out.stride) * static_cast<std::size_t>(out.height);
    out.pixels.resize(size);
    std::memcpy(out.pixels.data(), image.const_data(), size);
    return true;
  }

 private:
  std::unique_ptr<poppler::document> doc_;
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const char* gongkai_pdf_module_version() noexcept {
  return GONGKAI_VERSION;
}

extern "C" __attribute__((visibility("default"))) pb::Document* gongkai_pdf_open_v1(const char* data,
                                                                                    int size) noexcept {
  try {
    quiet_poppler();
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(data, size));
    if (!doc) return nullptr;
    return new PopplerDocument(std::move(doc));
  } catch (...) {
    return nullptr;
  }
}
