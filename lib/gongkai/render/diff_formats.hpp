// The output formats of `gongkai diff`, as a table like the report and overview formats
// (render/formats.hpp): `--format` choices, the option's help, the default, "unknown format"
// and "did you mean", and the format `-o FILE` implies by its extension all come from it, so a
// new format is one renderer (a file pair in render/) and one row in diff_formats.cpp.
// Every format renders the three shapes of a diff: two years, a revision of one year, a series.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/diff/series.hpp>
#include <gongkai/render/diff_text.hpp>
#include <gongkai/render/html_report.hpp>

#include <span>
#include <string>
#include <string_view>

namespace gongkai {

// What is rendered: exactly one of the two is set.
struct DiffSubject {
  const ReportDiff* pair = nullptr;
  const SeriesDiff* series = nullptr;
};

struct DiffRenderContext {
  Lang lang = Lang::zh;
  DiffView view;                        // --all; colour (text on a terminal only)
  const HtmlTemplates* html = nullptr;  // loaded when the format's template_name is set
};

struct DiffFormat {
  std::string_view name;       // as given to --format
  std::string_view extension;  // of a file of this format, without the dot
  std::string_view summary_en;
  std::string_view summary_zh;
  // html/<template_name>.mustache and html/<template_name>.css, loaded by the caller into
  // DiffRenderContext::html; empty when the format needs no template.
  std::string_view template_name;
  bool binary = false;  // not for a terminal (XLSX)
  // Throws InputError (a template that does not parse, a workbook that cannot be written).
  std::string (*render)(const DiffSubject& subject, const DiffRenderContext& context) = nullptr;
};

// text, md, html, xlsx, csv, json; the first is the default.
[[nodiscard]] std::span<const DiffFormat> diff_formats();
[[nodiscard]] const DiffFormat* find_diff_format(std::string_view name);
// By a file name's extension (".txt" is text); nullptr when none fits.
[[nodiscard]] const DiffFormat* find_diff_format_by_file(std::string_view file_name);
// "text, md, html, xlsx, csv, json" (`separator` between names).
[[nodiscard]] std::string diff_format_names(std::string_view separator = ", ");
// "text (terminal table), md (Markdown), …" for the option's help.
[[nodiscard]] std::string diff_format_help(Lang lang);
// The format called `name`; nullptr with `error` saying which names are known and, when one is
// close, "did you mean".
[[nodiscard]] const DiffFormat* parse_diff_format(std::string_view name, Text& error);

}  // namespace gongkai
