// A small SVG writer for the charts of a diff series (render/diff_html.cpp): one bar chart of
// one figure over the years, with a value axis (round ticks from 0), the years below the bars
// and each bar's figure above it. A year without a figure (blank, not given, or not comparable
// across the form change) is a gap with its word in grey, never a bar of 0. Coordinates are
// integers computed exactly from the integer figures (no float): the same figures give the
// same bytes. Every text is XML-escaped. No script, no external reference.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct SvgBarChart {
  std::string title;                                // the figure's name
  std::vector<std::string> categories;              // the years, one per bar
  std::vector<std::optional<std::int64_t>> values;  // nullopt: a gap
  std::vector<std::string> labels;                  // printed above each bar (or in the gap)
  // Writes an axis tick's value (counts as they are; amounts from micro-万元).
  std::function<std::string(std::int64_t)> format_tick;
};

// A round step for a value axis spanning `range` (> 0) in at most `max_ticks` steps:
// 1, 2 or 5 times a power of ten.
[[nodiscard]] std::int64_t svg_nice_step(std::int64_t range, int max_ticks);

[[nodiscard]] std::string render_svg_bar_chart(const SvgBarChart& chart);

// & < > " ' as entities.
[[nodiscard]] std::string xml_escape(const std::string& s);

}  // namespace gongkai
