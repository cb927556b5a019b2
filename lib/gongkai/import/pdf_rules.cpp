// Ruling lines from a rendered page (pdf_layout.hpp): the borders a table is drawn with, which
// poppler's text API does not give.
#include <gongkai/import/pdf_layout.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>

namespace gongkai::import::pdf {
namespace {

// Grey levels below which a pixel is ink: black borders are found at the first, light grey ones
// (a web page's #ccc) at the second. Both are looked for: at the second alone, a border beside a
// cell shaded light grey would be part of a filled area, and no line.
constexpr int kDarkLevels[] = {160, 235};

struct Run {
  int along0 = 0, along1 = 0;    // first and last pixel along the line
  int across0 = 0, across1 = 0;  // first and last row (or column) it is seen on
};

// Runs of dark pixels along one direction, joined over consecutive rows when they start and end
// at the same place (a line two or three pixels thick).
template <typename At>
std::vector<Run> runs(int along_n, int across_n, int min_px, int max_thick, At dark) {
  std::vector<Run> done;
  std::vector<Run> open;
  for (int a = 0; a < across_n; ++a) {
    std::vector<Run> next;
    for (int i = 0; i < along_n;) {
      if (!dark(i, a)) {
        ++i;
        continue;
      }
      int j = i;
      while (j + 1 < along_n && dark(j + 1, a)) ++j;
      if (j - i + 1 >= min_px) {
        Run r{i, j, a, a};
        for (auto it = open.begin(); it != open.end(); ++it)
          if (std::abs(it->along0 - i) <= 2 && std::abs(it->along1 - j) <= 2) {
            r.across0 = it->across0;
            r.along0 = std::min(r.along0, it->along0);
            r.along1 = std::max(r.along1, it->along1);
            open.erase(it);
            break;
          }
        next.push_back(r);
      }
      i = j + 1;
    }
    for (const auto& r : open)
      if (r.across1 - r.across0 + 1 <= max_thick) done.push_back(r);
    open = std::move(next);
  }
  for (const auto& r : open)
    if (r.across1 - r.across0 + 1 <= max_thick) done.push_back(r);
  return done;
}

}  // namespace

std::vector<Rule> rules_from_image(const unsigned char* pixels, int width, int height, int stride, double scale,
                                   double min_length) {
  std::vector<Rule> out;
  if (pixels == nullptr || width <= 0 || height <= 0 || scale <= 0) return out;
  const int min_px = std::max(2, static_cast<int>(min_length * scale));
  const int max_thick = std::max(3, static_cast<int>(3.0 * scale));
  std::set<std::array<double, 4>> seen;  // a line found at both levels is given once
  auto add = [&](const Rule& r) {
    if (seen.insert({r.x0, r.y0, r.x1, r.y1}).second) out.push_back(r);
  };
  for (const int dark : kDarkLevels) {
    auto at = [&](int x, int y) {
      return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) + static_cast<std::size_t>(x)] <
             dark;
    };
    for (const auto& r : runs(width, height, min_px, max_thick, [&](int x, int y) { return at(x, y); })) {
      const double y = (r.across0 + r.across1 + 1) / 2.0 / scale;
      add(Rule{r.along0 / scale, y, (r.along1 + 1) / scale, y});
    }
    for (const auto& r : runs(height, width, min_px, max_thick, [&](int y, int x) { return at(x, y); })) {
      const double x = (r.across0 + r.across1 + 1) / 2.0 / scale;
      add(Rule{x, r.along0 / scale, x, (r.along1 + 1) / scale});
    }
  }
  return out;
}

}  // namespace gongkai::import::pdf
