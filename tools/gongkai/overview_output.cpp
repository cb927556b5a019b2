#include "overview_output.hpp"

#include <gongkai/io/files.hpp>
#include <gongkai/render/overview.hpp>
#include <gongkai/render/overview_xlsx.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace gongkai::cli {

void write_overview(const std::string& path, const std::vector<UnitSummary>& units, Lang lang,
                    const std::vector<std::string>& inputs, const std::string& csv_encoding,
                    const std::string& template_dir_option) {
  std::string ext = path.substr(path.find_last_of('.') + 1);
  std::string content;
  const std::string title =
      lang == Lang::zh ? "各单位政府信息公开工作年度报告概览" : "Overview of the units' annual reports";
  if (ext == "md")
    content = render_overview_markdown(units, lang);
  else if (ext == "html") {
    const std::filesystem::path templates = template_dir(template_dir_option);
    HtmlTemplates html;
    html.page_name = (templates / "html" / "overview.mustache").string();
    html.page = read_file(html.page_name);
    html.style = read_file((templates / "html" / "overview.css").string());
    content = render_overview_html(units, lang, title, html);
  } else if (ext == "csv")
    content = overview_csv_bytes(render_overview_csv(units, lang), csv_encoding);
  else if (ext == "json")
    content = overview_json(units).dump(2) + "\n";
  else if (ext == "xlsx")
    content = render_overview_xlsx(units, lang, title);
  else
    throw CLI::ValidationError("--overview", "the file must end in .md, .html, .csv, .json or .xlsx");
  write_file_atomic(path, content, inputs);
}

void add_overview_encoding_option(CLI::App& cmd, std::string& encoding) {
  cmd.add_option("--overview-encoding", encoding,
                 "Overview CSV encoding: utf-8-bom (default, opens in Excel), utf-8 or gb18030")
      ->check(CLI::IsMember({"utf-8-bom", "utf-8", "gb18030"}));
}

}  // namespace gongkai::cli
