#include "overview_output.hpp"

#include <gongkai/io/files.hpp>
#include <gongkai/render/formats.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>

namespace gongkai::cli {

void write_overview(const std::string& path, const std::vector<UnitSummary>& units, Lang lang,
                    const std::vector<std::string>& inputs, const std::string& csv_encoding,
                    const std::string& template_dir_option) {
  // "-": standard output, as JSON (what a pipeline reads; a file name chooses another format).
  const OverviewFormat* format = find_overview_format(path == "-" ? std::string("overview.json") : path);
  if (format == nullptr)
    throw CLI::ValidationError("--overview", "the file must end in " + overview_extensions(" or "));
  OverviewContext context;
  context.lang = lang;
  context.title = lang == Lang::zh ? "各单位政府信息公开工作年度报告概览" : "Overview of the units' annual reports";
  context.csv_encoding = csv_encoding;
  HtmlTemplates html;
  if (!format->template_name.empty()) {
    const std::filesystem::path templates = template_dir(template_dir_option) / "html";
    const std::string name(format->template_name);
    html.page_name = (templates / (name + ".mustache")).string();
    html.page = read_file(html.page_name);
    html.style = read_file((templates / (name + ".css")).string());
    context.html = &html;
  }
  const std::string content = format->render(units, context);
  write_file_atomic(path, content, inputs);
}

void add_overview_encoding_option(CLI::App& cmd, std::string& encoding) {
  cmd.add_option("--overview-encoding", encoding,
                 "Overview CSV encoding: utf-8-bom (default, opens in Excel), utf-8 or gb18030")
      ->check(CLI::IsMember({"utf-8-bom", "utf-8", "gb18030"}));
}

}  // namespace gongkai::cli
