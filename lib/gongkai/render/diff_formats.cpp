#include <gongkai/render/diff_formats.hpp>

#include <gongkai/core/suggest.hpp>
#include <gongkai/render/diagnostics_sarif.hpp>
#include <gongkai/render/diff_csv.hpp>
#include <gongkai/render/diff_html.hpp>
#include <gongkai/render/diff_json.hpp>
#include <gongkai/render/diff_markdown.hpp>
#include <gongkai/render/diff_model.hpp>
#include <gongkai/render/diff_xlsx.hpp>

#include <fmt/format.h>

namespace gongkai {

namespace {

DiffModel model_of(const DiffSubject& s, const DiffRenderContext& c) {
  return s.series != nullptr ? diff_model(*s.series, c.lang, c.view) : diff_model(*s.pair, c.lang, c.view);
}

std::string text(const DiffSubject& s, const DiffRenderContext& c) {
  return s.series != nullptr ? render_series_text(*s.series, c.lang, c.view)
                             : render_diff_text(*s.pair, c.lang, c.view);
}
std::string markdown(const DiffSubject& s, const DiffRenderContext& c) {
  return render_diff_markdown(model_of(s, c), c.lang);
}
std::string html(const DiffSubject& s, const DiffRenderContext& c) {
  static const HtmlTemplates none;
  return render_diff_html(model_of(s, c), c.lang, c.html != nullptr ? *c.html : none);
}
std::string xlsx(const DiffSubject& s, const DiffRenderContext& c) {
  DiffRenderContext every = c;
  every.view.all = true;  // a workbook has every cell: its autofilter folds
  return render_diff_xlsx(model_of(s, every), c.lang);
}
std::string csv(const DiffSubject& s, const DiffRenderContext& c) { return render_diff_csv(model_of(s, c), c.lang); }
std::string json(const DiffSubject& s, const DiffRenderContext& c) {
  return s.series != nullptr ? render_series_json(*s.series, c.lang) : render_diff_json(*s.pair, c.lang);
}

// For code-scanning tools: the flags and cross-year findings, without the table of cells.
std::string sarif(const DiffSubject& s, const DiffRenderContext& c) {
  return render_diagnostics_sarif(s.series != nullptr ? s.series->findings : s.pair->findings, c.lang);
}

constexpr DiffFormat kDiffFormats[] = {
    {"text", "txt", "terminal table", "终端表格", "", false, text},
    {"md", "md", "Markdown", "Markdown", "", false, markdown},
    {"html", "html", "HTML page with charts", "带图表的 HTML 页面", "diff", false, html},
    {"xlsx", "xlsx", "XLSX workbook with charts", "带图表的 XLSX 工作簿", "", true, xlsx},
    {"csv", "csv", "CSV, one row per cell", "CSV，每个单元格一行", "", false, csv},
    {"json", "json", "JSON", "JSON", "", false, json},
    {"sarif", "sarif", "SARIF 2.1.0, the findings only", "SARIF 2.1.0，仅检查结果", "", false, sarif},
};

}  // namespace

std::span<const DiffFormat> diff_formats() { return kDiffFormats; }

const DiffFormat* find_diff_format(std::string_view name) {
  for (const auto& f : kDiffFormats)
    if (f.name == name) return &f;
  return nullptr;
}

const DiffFormat* find_diff_format_by_file(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  const std::size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos) return nullptr;
  const std::string_view ext = base.substr(dot + 1);
  for (const auto& f : kDiffFormats)
    if (f.extension == ext) return &f;
  return nullptr;
}

std::string diff_format_names(std::string_view separator) {
  std::string out;
  for (const auto& f : kDiffFormats) out += fmt::format("{}{}", out.empty() ? "" : separator, f.name);
  return out;
}

std::string diff_format_help(Lang lang) {
  std::string out;
  for (const auto& f : kDiffFormats)
    out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", f.name, lang == Lang::zh ? f.summary_zh : f.summary_en);
  return out;
}

const DiffFormat* parse_diff_format(std::string_view name, Text& error) {
  if (const DiffFormat* f = find_diff_format(name)) return f;
  std::vector<std::string> known;
  for (const auto& k : kDiffFormats) known.emplace_back(k.name);
  const std::vector<std::string> near = did_you_mean(name, known);
  error = {fmt::format("未知的格式「{}」（可用：{}）", name, diff_format_names("、")),
           fmt::format("unknown format '{}' (known: {})", name, diff_format_names())};
  if (!near.empty()) {
    const Text alt = quoted_alternatives(near);
    error.zh += fmt::format("，是否要用{}？", alt.zh);
    error.en += fmt::format("; did you mean {}?", alt.en);
  }
  return nullptr;
}

}  // namespace gongkai
