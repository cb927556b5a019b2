#include <gongkai/prose/work_plan.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/core/yaml_limits.hpp>
#include <gongkai/prose/prose_yaml.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace gongkai {
namespace {

// A table cell: one line, pipes escaped so GFM keeps the columns.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    if (c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string_view to_zh(TaskStatus s) {
  switch (s) {
    case TaskStatus::in_progress:
      return "推进中";
    case TaskStatus::not_done:
      return "未完成";
    case TaskStatus::done:
      break;
  }
  return "完成";
}

WorkPlan read_work_plan(std::string_view name, std::string_view text, Diagnostics& out) {
  const std::string yaml(strip_bom(text));
  YamlSource src(name, yaml, out);
  const YAML::Node root = src.load({"工作要点文件不是有效的 YAML", "the work-plan file is not valid YAML"});
  return read_work_plan_node(src, root);
}

std::string render_work_plan(const WorkPlan& plan) {
  std::size_t done = 0, in_progress = 0, not_done = 0;
  for (const auto& t : plan.tasks) {
    if (t.status == TaskStatus::done)
      ++done;
    else if (t.status == TaskStatus::in_progress)
      ++in_progress;
    else
      ++not_done;
  }
  std::string counts = fmt::format("共承担工作任务{}项，已完成{}项", plan.tasks.size(), done);
  if (in_progress > 0) counts += fmt::format("，推进中{}项", in_progress);
  if (not_done > 0) counts += fmt::format("，未完成{}项", not_done);
  std::string md = plan.source.empty() ? fmt::format("本机关{}。\n", counts)
                                       : fmt::format("对照{}，本机关{}。\n", plan.source, counts);
  if (plan.tasks.empty()) return md;
  md += "\n| 序号 | 工作任务 | 牵头处室 | 完成情况 | 佐证材料 |\n| ---: | --- | --- | --- | --- |\n";
  std::size_t n = 0;
  for (const auto& t : plan.tasks)
    md +=
        fmt::format("| {} | {} | {} | {} | {} |\n", ++n, cell(t.task), cell(t.lead), to_zh(t.status), cell(t.evidence));
  return md;
}

}  // namespace gongkai
