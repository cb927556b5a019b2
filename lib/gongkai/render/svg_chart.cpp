#include <gongkai/render/svg_chart.hpp>

#include <gongkai/diff/cell_diff.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace gongkai {

namespace {

constexpr std::int64_t kWidth = 520;
constexpr std::int64_t kHeight = 230;
constexpr std::int64_t kLeft = 72;  // room for the tick labels
constexpr std::int64_t kRight = 12;
constexpr std::int64_t kTop = 34;     // the title
constexpr std::int64_t kBottom = 30;  // the years
constexpr std::int64_t kPlotW = kWidth - kLeft - kRight;
constexpr std::int64_t kPlotH = kHeight - kTop - kBottom;

// Floor and ceiling division for a positive divisor.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

}  // namespace

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::int64_t svg_nice_step(std::int64_t range, int max_ticks) {
  if (range <= 0) return 1;
  std::int64_t power = 1;
  for (;;) {
    for (std::int64_t m : {1, 2, 5}) {
      const WideInt step = static_cast<WideInt>(power) * m;
      if (static_cast<WideInt>(range) <= step * max_ticks) return static_cast<std::int64_t>(step);
    }
    if (power > INT64_MAX / 10) return INT64_MAX;
    power *= 10;
  }
}

std::string render_svg_bar_chart(const SvgBarChart& c) {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  for (const auto& v : c.values)
    if (v) {
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  const std::int64_t step = svg_nice_step(hi > lo ? hi - lo : 1, 4);
  const std::int64_t axis_lo = floor_div(lo, step) * step;
  std::int64_t axis_hi = ceil_div(hi, step) * step;
  if (axis_hi == axis_lo) axis_hi = axis_lo + step;
  const WideInt span = static_cast<WideInt>(axis_hi) - axis_lo;
  const auto y_of = [&](std::int64_t v) {
    return kTop + static_cast<std::int64_t>((static_cast<WideInt>(axis_hi) - v) * kPlotH / span);
  };
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\">\n<title>{2}</title>\n",
      kWidth, kHeight, xml_escape(c.title));
  out += fmt::format("<text class=\"chart-title\" x=\"{}\" y=\"18\">{}</text>\n", kLeft, xml_escape(c.title));
  for (std::int64_t t = axis_lo; t <= axis_hi; t += step) {
    const std::int64_t y = y_of(t);
    out += fmt::format("<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", kLeft, y, kLeft + kPlotW, y);
    const std::string tick = c.format_tick ? c.format_tick(t) : std::to_string(t);
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", kLeft - 6, y + 4,
                       xml_escape(tick));
    if (axis_hi - t < step) break;  // no overflow past the top tick
  }
  const std::int64_t zero_y = y_of(0);
  const std::int64_t n = std::max<std::int64_t>(1, static_cast<std::int64_t>(c.categories.size()));
  const std::int64_t slot = kPlotW / n;
  const std::int64_t bar = std::max<std::int64_t>(4, slot * 3 / 5);
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(c.categories.size()); ++i) {
    const auto idx = static_cast<std::size_t>(i);
    const std::int64_t mid = kLeft + slot * i + slot / 2;
    const std::string label = idx < c.labels.size() ? xml_escape(c.labels[idx]) : "";
    if (idx < c.values.size() && c.values[idx]) {
      const std::int64_t y = y_of(*c.values[idx]);
      const std::int64_t top = std::min(y, zero_y);
      const std::int64_t h = std::max<std::int64_t>(1, std::max(y, zero_y) - top);
      out += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", mid - bar / 2, top,
                         bar, h);
      out += fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", mid, top - 4,
                         label);
    } else {
      out += fmt::format("<text class=\"gap\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", mid, zero_y - 4,
                         label);
    }
    out += fmt::format("<text class=\"year\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", mid,
                       kTop + kPlotH + 18, xml_escape(idx < c.categories.size() ? c.categories[idx] : ""));
  }
  out += fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", kLeft, zero_y, kLeft + kPlotW,
                     zero_y);
  out += fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", kLeft, kTop, kLeft,
                     kTop + kPlotH);
  out += "</svg>\n";
  return out;
}

}  // namespace gongkai
