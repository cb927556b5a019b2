#include <gongkai/prose/work_plan.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("prose_work_plan") {
  TEST_CASE("a work-plan file gives its source and tasks in order") {
    Diagnostics out;
    WorkPlan plan = read_work_plan("workplan.yaml",
                                   "source: 《2023年政务公开工作要点》\n"
                                   "tasks:\n"
                                   "  - task: 集中公开现行有效规范性文件\n"
                                   "    lead: 法规处\n"
                                   "    status: 完成\n"
                                   "    evidence: 门户网站“规范性文件”专栏\n"
                                   "  - {工作任务: 建设政策问答库, 牵头处室: 办公室, 完成情况: 推进中}\n",
                                   out);
    CHECK(out.empty());
    CHECK(plan.source == "《2023年政务公开工作要点》");
    REQUIRE(plan.tasks.size() == 2);
    CHECK(plan.tasks[0].task == "集中公开现行有效规范性文件");
    CHECK(plan.tasks[0].lead == "法规处");
    CHECK(plan.tasks[0].status == TaskStatus::done);
    CHECK(plan.tasks[0].evidence == "门户网站“规范性文件”专栏");
    CHECK(plan.tasks[0].where.to_string() == "workplan.yaml:3:5");
    CHECK(plan.tasks[1].status == TaskStatus::in_progress);
    CHECK(plan.tasks[1].evidence.empty());
  }

  TEST_CASE("the top level may be the task list alone") {
    Diagnostics out;
    WorkPlan plan = read_work_plan("w.yaml", "- {task: 公开预算, lead: 财务处, status: 已完成}\n", out);
    CHECK(out.empty());
    REQUIRE(plan.tasks.size() == 1);
    CHECK(plan.tasks[0].status == TaskStatus::done);
    CHECK(plan.source.empty());
  }

  TEST_CASE("every bad row is reported with its line and left out") {
    Diagnostics out;
    WorkPlan plan = read_work_plan("workplan.yaml",
                                   "tasks:\n"
                                   "  - {task: 公开预算, lead: 财务处, status: 完成}\n"
                                   "  - {task: 建设专栏, status: 已推进}\n"
                                   "  - {task: 培训, lead: 办公室, status: 完成, owner: 张三}\n"
                                   "  - 公开决算\n",
                                   out);
    CHECK(plan.tasks.size() == 1);
    CHECK(render_diagnostics_text(out, Lang::en) ==
          "workplan.yaml:3:5: error[work-plan]: task 2 has no 'lead' (牵头处室)\n"
          "workplan.yaml:3:26: error[work-plan]: task 2: unknown status '已推进' (use 完成, 推进中 or 未完成)\n"
          "workplan.yaml:4:39: error[unknown-key]: unknown key 'owner' in task 3; known keys: task, lead, status, "
          "evidence, 工作任务, 牵头处室, 完成情况, 佐证材料\n"
          "workplan.yaml:5:5: error[yaml]: task 4 must be a mapping, found '公开决算'\n");
    CHECK(render_diagnostics_text(out, Lang::zh) ==
          "workplan.yaml:3:5: error[work-plan]: 第2项任务缺少「牵头处室」\n"
          "workplan.yaml:3:26: error[work-plan]: 第2项任务的完成情况「已推进」无法识别（可用：完成、推进中、未完成）\n"
          "workplan.yaml:4:39: error[unknown-key]: "
          "未知的键「owner」（在第3项任务中）；可用的键：task、lead、status、evidence、"
          "工作任务、牵头处室、完成情况、佐证材料\n"
          "workplan.yaml:5:5: error[yaml]: 第4项任务应为映射，实为「公开决算」\n");
  }

  TEST_CASE("a status one slip from a known one gets a guess") {
    Diagnostics out;
    (void)read_work_plan("w.yaml", "- {task: 甲, lead: 乙, status: 推进}\n", out);
    CHECK(render_diagnostics_text(out, Lang::en) ==
          "w.yaml:1:30: error[work-plan]: task 1: unknown status '推进'; did you mean '推进中'? (use 完成, 推进中 or "
          "未完成)\n");
  }

  TEST_CASE("a plan without tasks is an error") {
    Diagnostics out;
    (void)read_work_plan("w.yaml", "source: 《要点》\n", out);
    CHECK(render_diagnostics_text(out, Lang::en) ==
          "w.yaml:1:1: error[work-plan]: the work plan has no 'tasks' list\n");
  }

  TEST_CASE("text that is not YAML cannot be read at all") {
    Diagnostics out;
    CHECK_THROWS_AS((void)read_work_plan("w.yaml", "tasks: [a, b\n", out), InputError);
  }

  TEST_CASE("the rendered table has counts and escaped cells") {
    WorkPlan plan{"",
                  {{"公开 | 解读", "办公室", TaskStatus::done, "专栏\n第二行", {}},
                   {"培训", "人事处", TaskStatus::not_done, "", {}},
                   {"问答库", "信息中心", TaskStatus::in_progress, "", {}}}};
    CHECK(render_work_plan(plan) ==
          "本机关共承担工作任务3项，已完成1项，推进中1项，未完成1项。\n\n"
          "| 序号 | 工作任务 | 牵头处室 | 完成情况 | 佐证材料 |\n"
          "| ---: | --- | --- | --- | --- |\n"
          "| 1 | 公开 \\| 解读 | 办公室 | 完成 | 专栏 第二行 |\n"
          "| 2 | 培训 | 人事处 | 未完成 |  |\n"
          "| 3 | 问答库 | 信息中心 | 推进中 |  |\n");
  }
}
