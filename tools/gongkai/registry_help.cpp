#include "registry_help.hpp"

#include <gongkai/readers/input.hpp>
#include <gongkai/render/formats.hpp>

#include <fmt/format.h>

namespace gongkai::cli {

namespace {

// "a, b or c"
std::string join(const std::vector<std::string>& items, std::string_view sep, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += fmt::format("{}{}", i == 0 ? "" : (i + 1 == items.size() ? last : sep), items[i]);
  return out;
}

std::vector<std::string> reader_names() {
  std::vector<std::string> v;
  for (const auto& r : input_readers()) v.emplace_back(r.name);
  return v;
}

}  // namespace

Text input_files_help() {
  return {fmt::format("统计数据：{}（「-」为标准输入）", input_extensions("、")),
          fmt::format("Tallies: {} (\"-\" for standard input)", input_extensions(", "))};
}

Text input_format_help() {
  const std::vector<std::string> names = reader_names();
  return {
      fmt::format("标准输入（「-」）的格式：{}（默认 {}）", join(names, "、", " 或 "), names.front()),
      fmt::format("How to read standard input (\"-\"): {} (default: {})", join(names, ", ", " or "), names.front())};
}

std::vector<std::string> input_format_choices() {
  std::vector<std::string> v{"auto"};
  for (auto& n : input_format_names()) v.push_back(std::move(n));
  return v;
}

Text report_formats_help() {
  return {fmt::format("以逗号分隔：{}（默认：全部）", report_format_names("、")),
          fmt::format("Comma-separated: {} (default: all)", report_format_names(", "))};
}

Text build_description() {
  std::vector<std::string> zh, en;
  for (const auto& f : report_formats()) {
    zh.emplace_back(f.summary_zh);
    en.emplace_back(f.summary_en);
  }
  return {fmt::format("生成发布用报告：{}", join(zh, "、", " 与 ")),
          fmt::format("Build the published report: {}", join(en, ", ", " and "))};
}

Text overview_help(bool also) {
  const std::string en = overview_extensions(", ");
  std::string zh = en;
  for (std::size_t p = zh.find(", "); p != std::string::npos; p = zh.find(", ", p)) zh.replace(p, 2, "、");
  if (also)
    return {fmt::format("同时写出各单位概览（{}）", zh), fmt::format("Also write the per-unit overview ({})", en)};
  return {fmt::format("各单位概览（{}）", zh), fmt::format("Per-unit overview ({})", en)};
}

std::vector<Text> registry_help_texts() {
  return {input_files_help(),  input_format_help(), report_formats_help(),
          build_description(), overview_help(true), overview_help(false)};
}

}  // namespace gongkai::cli
