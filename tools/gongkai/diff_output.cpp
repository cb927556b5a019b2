#include "diff_output.hpp"

#include "report_options.hpp"

#include <gongkai/io/files.hpp>

#include <fmt/format.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace gongkai::cli {

std::string diff_format_option_help() {
  std::string exts;
  for (const auto& f : diff_formats()) exts += fmt::format("{}.{}", exts.empty() ? "" : " ", f.extension);
  return fmt::format("Output format: {} (default: the one -o FILE's extension names — {} — else {})",
                     diff_format_help(Lang::en), exts, diff_formats().front().name);
}

std::optional<DiffOutput> choose_diff_output(const std::string& format_option, const std::string& output, Lang lang) {
  DiffOutput out;
  if (!format_option.empty()) {
    Text error;
    out.format = parse_diff_format(format_option, error);
    if (out.format == nullptr) {
      std::cerr << fmt::format("gongkai diff: {}\n", error.in(lang));
      return std::nullopt;
    }
  } else if (output != "-") {
    out.format = find_diff_format_by_file(output);
  }
  if (out.format == nullptr) out.format = &diff_formats().front();
  const bool terminal = output == "-" && isatty(STDOUT_FILENO) == 1;
  if (terminal && out.format->binary) {
    std::cerr << (lang == Lang::zh
                      ? fmt::format("gongkai diff：{} 是二进制文件，不写到终端：请用 -o 文件名.{} 或重定向标准输出\n",
                                    out.format->name, out.format->extension)
                      : fmt::format("gongkai diff: {} is a binary file and is not written to a terminal: use -o "
                                    "FILE.{} or redirect standard output\n",
                                    out.format->name, out.format->extension));
    return std::nullopt;
  }
  const char* no_colour = std::getenv("NO_COLOR");
  out.colour = terminal && out.format->name == "text" && (no_colour == nullptr || *no_colour == '\0');
  return out;
}

void write_diff_output(const DiffOutput& choice, const DiffSubject& subject, bool all, const std::string& output,
                       const std::vector<std::string>& inputs, const std::string& template_dir_option, Lang lang) {
  DiffRenderContext context;
  context.lang = lang;
  context.view = DiffView{all, choice.colour};
  HtmlTemplates html;
  if (!choice.format->template_name.empty()) {
    const std::filesystem::path templates = template_dir(template_dir_option) / "html";
    const std::string name(choice.format->template_name);
    html.page_name = (templates / (name + ".mustache")).string();
    html.page = read_file(html.page_name);
    html.style = read_file((templates / (name + ".css")).string());
    context.html = &html;
  }
  write_file_atomic(output, choice.format->render(subject, context), inputs);
}

}  // namespace gongkai::cli
