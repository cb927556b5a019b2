#include <gongkai/render/formats.hpp>

#include <gongkai/core/suggest.hpp>
#include <gongkai/render/html_report.hpp>
#include <gongkai/render/markdown_report.hpp>
#include <gongkai/render/overview.hpp>
#include <gongkai/render/overview_xlsx.hpp>
#include <gongkai/render/report_json.hpp>
#include <gongkai/render/xlsx_report.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace gongkai {

namespace {

std::string markdown(const BuiltReport& b, const RenderContext&) { return render_markdown_report(b); }
std::string html(const BuiltReport& b, const RenderContext& c) {
  static const HtmlTemplates none;
  return render_html_report(b, c.html != nullptr ? *c.html : none);
}
std::string xlsx(const BuiltReport& b, const RenderContext&) { return render_xlsx_report(b); }
std::string json(const BuiltReport& b, const RenderContext& c) { return render_report_json(b, c.lang); }

constexpr ReportFormat kReportFormats[] = {
    {"md", "md", "Markdown", "Markdown", false, markdown},
    {"html", "html", "HTML", "HTML", true, html},
    {"xlsx", "xlsx", "XLSX", "XLSX", false, xlsx},
    {"json", "json", "JSON", "JSON", false, json},
};

std::string overview_md(const std::vector<UnitSummary>& u, const OverviewContext& c) {
  return render_overview_markdown(u, c.lang);
}
std::string overview_html(const std::vector<UnitSummary>& u, const OverviewContext& c) {
  return render_overview_html(u, c.lang, c.title, *c.html);
}
std::string overview_csv(const std::vector<UnitSummary>& u, const OverviewContext& c) {
  return overview_csv_bytes(render_overview_csv(u, c.lang), c.csv_encoding);
}
std::string overview_json_text(const std::vector<UnitSummary>& u, const OverviewContext&) {
  return overview_json(u).dump(2) + "\n";
}
std::string overview_xlsx(const std::vector<UnitSummary>& u, const OverviewContext& c) {
  return render_overview_xlsx(u, c.lang, c.title);
}

constexpr OverviewFormat kOverviewFormats[] = {
    {"md", "", overview_md},          {"html", "overview", overview_html}, {"csv", "", overview_csv},
    {"json", "", overview_json_text}, {"xlsx", "", overview_xlsx},
};

}  // namespace

std::span<const ReportFormat> report_formats() { return kReportFormats; }

const ReportFormat* find_report_format(std::string_view name) {
  for (const auto& f : kReportFormats)
    if (f.name == name) return &f;
  return nullptr;
}

std::string report_format_names(std::string_view separator) {
  std::string out;
  for (const auto& f : kReportFormats) out += fmt::format("{}{}", out.empty() ? "" : separator, f.name);
  return out;
}

std::optional<std::vector<const ReportFormat*>> parse_report_formats(std::string_view list, Text& error) {
  std::set<std::string_view> asked;
  for (std::string_view part : split(list, ',')) {
    const std::string_view name = trim(part);
    if (name.empty()) continue;
    const ReportFormat* f = find_report_format(name);
    if (f == nullptr) {
      std::vector<std::string> known;
      for (const auto& k : kReportFormats) known.emplace_back(k.name);
      const std::vector<std::string> near = did_you_mean(name, known);
      error = {fmt::format("未知的格式「{}」（可用：{}）", name, report_format_names("、")),
               fmt::format("unknown format '{}' (known: {})", name, report_format_names())};
      if (!near.empty()) {
        const Text alt = quoted_alternatives(near);
        error.zh += fmt::format("，是否要用{}？", alt.zh);
        error.en += fmt::format("; did you mean {}?", alt.en);
      }
      return std::nullopt;
    }
    asked.insert(f->name);
  }
  std::vector<const ReportFormat*> out;
  for (const auto& f : kReportFormats)
    if (asked.count(f.name) != 0) out.push_back(&f);
  if (out.empty()) {
    error = {fmt::format("未知的格式「」（可用：{}）", report_format_names("、")),
             fmt::format("unknown format '' (known: {})", report_format_names())};
    return std::nullopt;
  }
  return out;
}

std::span<const OverviewFormat> overview_formats() { return kOverviewFormats; }

const OverviewFormat* find_overview_format(std::string_view file_name) {
  const std::size_t dot = file_name.find_last_of('.');
  const std::string_view ext = dot == std::string_view::npos ? file_name : file_name.substr(dot + 1);
  for (const auto& f : kOverviewFormats)
    if (f.extension == ext) return &f;
  return nullptr;
}

std::string overview_extensions(std::string_view last_separator) {
  std::string out;
  const std::size_t n = std::size(kOverviewFormats);
  for (std::size_t i = 0; i < n; ++i)
    out += fmt::format("{}.{}", i == 0 ? "" : (i + 1 == n ? last_separator : std::string_view(", ")),
                       kOverviewFormats[i].extension);
  return out;
}

}  // namespace gongkai
