// The output formats, as tables: the report formats `gongkai build --format` takes (one file
// per unit, DIR/<agency>/report.<extension>) and the overview formats `--overview FILE` takes
// (chosen by FILE's extension). Option help, the default list, validation, "unknown format"
// and "did you mean" all come from these tables, so a new format is one renderer (a file pair
// in render/) and one row in formats.cpp.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/render/built_report.hpp>
#include <gongkai/render/html_report.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// What a report renderer may need besides the report.
struct RenderContext {
  const HtmlTemplates* html = nullptr;  // loaded when a format with uses_html_templates is asked
  Lang lang = Lang::zh;                 // of the messages a format carries (report JSON)
};

struct ReportFormat {
  std::string_view name;       // as given to --format
  std::string_view extension;  // of the output file, without the dot
  std::string_view summary_en;
  std::string_view summary_zh;
  bool uses_html_templates = false;  // html/report.mustache and html/style.css
  // Throws InputError (a template that does not parse).
  std::string (*render)(const BuiltReport& built, const RenderContext& context) = nullptr;
};

// In output order: md, html, xlsx, json.
[[nodiscard]] std::span<const ReportFormat> report_formats();
[[nodiscard]] const ReportFormat* find_report_format(std::string_view name);
// "md, html, xlsx, json" (`separator` between names).
[[nodiscard]] std::string report_format_names(std::string_view separator = ", ");

// A comma-separated list (blanks and repeats ignored) as formats in table order. nullopt when a
// name is unknown: `error` then says which, the known names and, when one is close, "did you
// mean". An empty list is an error too.
[[nodiscard]] std::optional<std::vector<const ReportFormat*>> parse_report_formats(std::string_view list, Text& error);

struct OverviewContext {
  Lang lang = Lang::zh;
  std::string title;                       // of the HTML page and the workbook
  std::string csv_encoding = "utf-8-bom";  // utf-8-bom, utf-8 or gb18030
  const HtmlTemplates* html = nullptr;     // loaded when the format's `template_name` is set
};

struct OverviewFormat {
  std::string_view extension;  // of the file asked for, without the dot
  // html/<template_name>.mustache and html/<template_name>.css, loaded by the caller into
  // OverviewContext::html; empty when the format needs no template.
  std::string_view template_name;
  std::string (*render)(const std::vector<UnitSummary>& units, const OverviewContext& context) = nullptr;
};

// md, html, csv, json, xlsx.
[[nodiscard]] std::span<const OverviewFormat> overview_formats();
// By the file name's extension; nullptr when none fits.
[[nodiscard]] const OverviewFormat* find_overview_format(std::string_view file_name);
// ".md, .html, .csv, .json, .xlsx" / ".md, .html, .csv, .json or .xlsx" (last_separator " or ").
[[nodiscard]] std::string overview_extensions(std::string_view last_separator = ", ");

}  // namespace gongkai
