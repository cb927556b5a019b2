// Section 六's account of the year's 政务公开工作要点: each task the agency was given, the office
// that led it (牵头处室), how far it got and what shows it. 30号 asks for 落实上级年度政务公开
// 工作要点情况 task by task; a table with counts says it without 泛化.
//
// The work-plan file is YAML (docs/prose.md):
//   source: 《2023年政务公开工作要点》        # optional: what the tasks come from
//   tasks:
//     - {task: …, lead: 办公室, status: 完成, evidence: …}
// Keys may also be written in Chinese (工作任务, 牵头处室, 完成情况, 佐证材料); the top level may
// be the task list alone.
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

enum class TaskStatus { done, in_progress, not_done };

// 完成, 推进中, 未完成: the words the table prints and the file must use.
[[nodiscard]] std::string_view to_zh(TaskStatus s);

struct WorkPlanTask {
  std::string task;
  std::string lead;  // 牵头处室
  TaskStatus status = TaskStatus::done;
  std::string evidence;  // may be empty
  SourceLoc where;
};

struct WorkPlan {
  std::string source;  // e.g. 《2023年政务公开工作要点》; may be empty
  std::vector<WorkPlanTask> tasks;
};

// Reads a work-plan file. Every bad row is an error in `out` (rule `work-plan`, or `yaml` /
// `unknown-key` for structure) with its line, and is left out of the plan. Throws InputError
// when the text is not YAML at all.
[[nodiscard]] WorkPlan read_work_plan(std::string_view name, std::string_view text, Diagnostics& out);

// The Markdown that goes under the sub-heading: a sentence with the counts, then the table.
//   对照《…》，本机关共承担工作任务3项，已完成2项，推进中1项。
//
//   | 序号 | 工作任务 | 牵头处室 | 完成情况 | 佐证材料 |
//   …
[[nodiscard]] std::string render_work_plan(const WorkPlan& plan);

}  // namespace gongkai
