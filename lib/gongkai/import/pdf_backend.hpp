// The boundary between the PDF reader (pdf_document.cpp) and the module that wraps poppler
// (lib/pdf-module/, installed as LIBDIR/gongkai/gongkai-pdf.so and loaded by pdf_module.cpp the
// first time a PDF is read). poppler and the twenty libraries it pulls in (fonts, colour
// management, image codecs, NSS) cost every other command about 10 ms of start-up when linked
// into the program; loaded on demand, they cost only `gongkai import x.pdf`.
// The module is built from this source tree with the same compiler, so the interface is plain
// C++: standard types only, no poppler type, and one C entry point, versioned in its name.
#pragma once

#include <string>
#include <vector>

namespace gongkai::import::pdf_backend {

// A rectangle in points from the page's top-left corner.
struct Box {
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
  [[nodiscard]] double right() const { return left + width; }
};

// One of poppler's text boxes: a run of characters without a space, in UTF-16 as poppler keeps
// it, each character's box, and the font size.
struct TextBox {
  std::u16string text;
  Box box;
  std::vector<Box> chars;
  double font_size = 0;
};

// A page rendered in 8-bit grey, `stride` bytes a row.
struct GrayImage {
  std::vector<unsigned char> pixels;
  int width = 0;
  int height = 0;
  int stride = 0;
};

// An open PDF. Deleted through the pointer the module returns.
class Document {
 public:
  virtual ~Document() = default;
  [[nodiscard]] virtual bool locked() const = 0;
  [[nodiscard]] virtual int pages() const = 0;
  [[nodiscard]] virtual std::u16string title() const = 0;
  // Page `index` (0-based): its crop box's size and its text boxes; false when poppler cannot
  // make the page.
  virtual bool page(int index, double& width, double& height, std::vector<TextBox>& boxes) = 0;
  // Whether pages can be rendered (poppler built with a renderer).
  [[nodiscard]] virtual bool can_render() const = 0;
  // Page `index` rendered at `dpi` in grey on white; `plain` turns every render hint off (no
  // anti-aliasing: a hairline stays one dark pixel). False when it cannot be rendered.
  virtual bool render_gray(int index, double dpi, bool plain, GrayImage& out) = 0;
};

// The module's entry point: the PDF of `size` bytes at `data` opened, or nullptr when poppler
// cannot open it. Never throws. The caller owns the result.
using OpenFunction = Document* (*)(const char* data, int size) noexcept;
inline constexpr const char* kOpenSymbol = "gongkai_pdf_open_v1";
// The module's version, which must be the library's (GONGKAI_VERSION): a module left from
// another version is refused, never called.
using VersionFunction = const char* (*)() noexcept;
inline constexpr const char* kVersionSymbol = "gongkai_pdf_module_version";

}  // namespace gongkai::import::pdf_backend
