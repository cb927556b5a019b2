#include "report_options.hpp"

#include "help_text.hpp"
#include "registry_help.hpp"

#include <gongkai/core/date.hpp>
#include <gongkai/core/excerpt.hpp>

#include <fmt/format.h>

namespace gongkai::cli {

void add_report_options(CLI::App& cmd, ReportOptionValues& v) {
  cmd.add_option("--agency", v.agency, "Agency name (overrides the input)");
  cmd.add_option("--level", v.level, "department or government")->check(CLI::IsMember({"department", "government"}));
  cmd.add_option("--year", v.year, "Report year (overrides the input)")->check(CLI::Range(1990, 2200));
  cmd.add_option("--form", v.form, "Form ID: 2019 or 2021 (default: inferred)");
  cmd.add_option_function<std::string>(
      "--published",
      [&v](const std::string& text) {
        // A day that is none (2024-13-45, 2023-02-29) is a usage error, not a late report.
        if (!Date::parse(text)) {
          const std::string quoted = excerpt(text);
          throw OptionValueError(
              "--published",
              {fmt::format("--published 的值「{}」不是有效的日期：应为 YYYY-MM-DD 格式的真实日期，如 2024-01-31",
                           quoted),
               fmt::format("--published: '{}' is not a valid date: write a real day as YYYY-MM-DD, e.g. 2024-01-31",
                           quoted)});
        }
        v.published = text;
      },
      "Publication date, YYYY-MM-DD");
  cmd.add_option("--encoding", v.encoding, "CSV encoding: auto, utf-8 or gb18030")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gb18030", "gbk", "gb2312"}));
  cmd.add_option("--input-format", v.input_format, input_format_help().en)
      ->check(CLI::IsMember(input_format_choices()));
}

ReadOptions make_read_options(const ReportOptionValues& v) {
  ReadOptions o;
  if (!v.agency.empty()) o.meta.agency = v.agency;
  if (!v.level.empty()) o.meta.level = parse_level(v.level);
  if (v.year != 0) o.meta.year = v.year;
  if (!v.form.empty()) o.meta.form_id = v.form;
  if (!v.published.empty()) o.meta.publication_date = v.published;
  o.encoding = parse_encoding(v.encoding).value_or(Encoding::detect);
  if (v.input_format != "auto") o.format = v.input_format;
  return o;
}

}  // namespace gongkai::cli
