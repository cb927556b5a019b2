#include <gongkai/prose/prose_yaml.hpp>

#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/suggest.hpp>
#include <gongkai/core/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>

namespace gongkai {

namespace {

struct TaskKey {
  const char* en;
  const char* zh;
};
constexpr std::array<TaskKey, 4> kTaskKeys{
    {{"task", "工作任务"}, {"lead", "牵头处室"}, {"status", "完成情况"}, {"evidence", "佐证材料"}}};

void problem(YamlSource& src, const char* rule, SourceLoc where, Text message) {
  src.error(rule, std::move(where), std::move(message));
}

std::optional<TaskStatus> parse_status(std::string_view s) {
  if (s == "完成" || s == "已完成" || s == "done") return TaskStatus::done;
  if (s == "推进中" || s == "in_progress") return TaskStatus::in_progress;
  if (s == "未完成" || s == "not_done") return TaskStatus::not_done;
  return std::nullopt;
}

std::optional<WorkPlanTask> read_task(YamlSource& src, const YAML::Node& n, std::size_t number) {
  const SourceLoc at = src.where(n);
  if (!n.IsMap()) {
    src.wrong_type(n, at, {fmt::format("第{}项任务", number), fmt::format("task {}", number)}, {"映射", "a mapping"});
    return std::nullopt;
  }
  WorkPlanTask t;
  t.where = at;
  bool ok = true;
  std::array<bool, kTaskKeys.size()> seen{};
  std::optional<std::string> status_text;
  SourceLoc status_where;
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    std::size_t which = kTaskKeys.size();
    for (std::size_t i = 0; i < kTaskKeys.size(); ++i)
      if (key == kTaskKeys[i].en || key == kTaskKeys[i].zh) which = i;
    if (which == kTaskKeys.size()) {
      std::vector<std::string> names;
      for (const auto& k : kTaskKeys) names.emplace_back(k.en);
      for (const auto& k : kTaskKeys) names.emplace_back(k.zh);
      src.unknown_key(kv.first, {fmt::format("第{}项任务", number), fmt::format("task {}", number)}, names);
      ok = false;
      continue;
    }
    if (!kv.second.IsScalar() && !kv.second.IsNull()) {
      src.wrong_type(kv.second, src.where_value(kv.first, kv.second),
                     {fmt::format("第{}项任务的「{}」", number, kTaskKeys[which].zh),
                      fmt::format("'{}' of task {}", kTaskKeys[which].en, number)},
                     {"文字", "text"});
      ok = false;
      continue;
    }
    const std::string value{trim(kv.second.IsNull() ? std::string_view{} : std::string_view{kv.second.Scalar()})};
    if (value.empty()) continue;  // treated as missing below
    seen[which] = true;
    switch (which) {
      case 0:
        t.task = value;
        break;
      case 1:
        t.lead = value;
        break;
      case 2:
        status_text = value;
        status_where = src.where(kv.second);
        break;
      default:
        t.evidence = value;
        break;
    }
  }
  for (std::size_t i = 0; i < 3; ++i) {
    if (seen[i]) continue;
    problem(src, "work-plan", at,
            {fmt::format("第{}项任务缺少「{}」", number, kTaskKeys[i].zh),
             fmt::format("task {} has no '{}' ({})", number, kTaskKeys[i].en, kTaskKeys[i].zh)});
    ok = false;
  }
  if (status_text) {
    if (auto s = parse_status(*status_text)) {
      t.status = *s;
    } else {
      const std::vector<std::string> statuses{"完成", "推进中", "未完成"};
      const auto guess = closest(*status_text, statuses);
      Diagnostic d;
      d.severity = Severity::error;
      d.rule = "work-plan";
      d.where = status_where;
      d.actual = *status_text;
      if (guess) {
        d.expected = *guess;
        d.message = {fmt::format("第{}项任务的完成情况「{}」无法识别；是否应为「{}」？（可用：完成、推进中、未完成）",
                                 number, *status_text, *guess),
                     fmt::format("task {}: unknown status '{}'; did you mean '{}'? (use 完成, 推进中 or 未完成)",
                                 number, *status_text, *guess)};
      } else {
        d.message = {
            fmt::format("第{}项任务的完成情况「{}」无法识别（可用：完成、推进中、未完成）", number, *status_text),
            fmt::format("task {}: unknown status '{}' (use 完成, 推进中 or 未完成)", number, *status_text)};
      }
      src.out().add(std::move(d));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return t;
}

std::optional<std::int64_t> amount(YamlSource& src, const YAML::Node& key, const YAML::Node& v, FeeUnit unit) {
  const SourceLoc at = src.where_value(key, v);
  const char* unit_zh = unit == FeeUnit::yuan ? "元" : "万元";
  if (!v.IsScalar()) {
    src.wrong_type(v, at, {fmt::format("信息处理费「{}」", key.Scalar()), fmt::format("fees '{}'", key.Scalar())},
                   {"金额", "an amount"});
    return std::nullopt;
  }
  // 元 to 分 is two decimals; 万元 to 分 is six: both land on micro-万元 (= 分), see Decimal.
  auto raw = parse_fixed(trim(v.Scalar()), unit == FeeUnit::yuan ? 2 : 6);
  if (!raw || *raw < 0) {
    problem(src, "fee-statement", at,
            {fmt::format("信息处理费「{}」应为不小于0、精确到分的金额（单位：{}），实为「{}」", key.Scalar(), unit_zh,
                         v.Scalar()),
             fmt::format("fees '{}' must be an amount >= 0 in {} to the fen (0.01 元), found '{}'", key.Scalar(),
                         unit_zh, v.Scalar())});
    return std::nullopt;
  }
  return raw;
}

}  // namespace

WorkPlan read_work_plan_node(YamlSource& src, const YAML::Node& root) {
  // yaml-cpp nodes have reference semantics: assigning to a Node that already refers to a
  // document node rewrites the document. Hold them in optionals, constructed once.
  WorkPlan plan;
  std::optional<YAML::Node> tasks;
  if (root.IsMap()) {
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      if (key == "source" || key == "来源") {
        if (kv.second.IsScalar())
          plan.source = std::string(trim(kv.second.Scalar()));
        else
          src.wrong_type(kv.second, src.where_value(kv.first, kv.second), {"工作要点来源", "source"}, {"文字", "text"});
      } else if ((key == "tasks" || key == "任务") && !tasks) {
        tasks.emplace(kv.second);
      } else {
        const std::vector<std::string> names{"source", "tasks"};
        src.unknown_key(kv.first, {"工作要点", "the work plan"}, names);
      }
    }
    if (!tasks) {
      problem(src, "work-plan", src.where(root),
              {"工作要点缺少任务列表「tasks」", "the work plan has no 'tasks' list"});
      return plan;
    }
  } else {
    tasks.emplace(root);
  }
  if (!tasks->IsSequence()) {
    src.wrong_type(*tasks, src.where(*tasks), {"工作要点任务「tasks」", "the work plan's 'tasks'"}, {"列表", "a list"});
    return plan;
  }
  std::size_t number = 0;
  for (const auto& n : *tasks)
    if (auto t = read_task(src, n, ++number)) plan.tasks.push_back(std::move(*t));
  if (number == 0) problem(src, "work-plan", src.where(*tasks), {"工作要点没有任务", "the work plan lists no task"});
  return plan;
}

std::optional<FeeStatement> read_fee_node(YamlSource& src, const YAML::Node& key, const YAML::Node& value) {
  FeeStatement fees;
  const SourceLoc at = src.where_value(key, value);
  if (value.IsScalar() && (value.Scalar() == "none" || value.Scalar() == "无")) {
    fees.none = true;
    return fees;
  }
  if (!value.IsMap()) {
    src.wrong_type(value, at, {"信息处理费「fees」", "'fees'"}, {"映射或 none", "a mapping or none"});
    return std::nullopt;
  }
  bool ok = true;
  // Optionals, not reassigned Nodes: see read_work_plan_node.
  struct Field {
    std::optional<YAML::Node> key, value;
    explicit operator bool() const { return value.has_value(); }
  };
  Field notices, charged, collected, unit;
  for (const auto& kv : value) {
    const std::string k = kv.first.Scalar();
    Field* f = k == "notices"     ? &notices
               : k == "charged"   ? &charged
               : k == "collected" ? &collected
               : k == "unit"      ? &unit
                                  : nullptr;
    if (f != nullptr && !*f) {
      f->key.emplace(kv.first);
      f->value.emplace(kv.second);
    } else {
      const std::vector<std::string> names{"notices", "charged", "collected", "unit"};
      src.unknown_key(kv.first, {"信息处理费", "fees"}, names);
      ok = false;
    }
  }
  if (unit) {
    const YAML::Node& un = *unit.value;
    const std::string u = un.IsScalar() ? std::string(trim(un.Scalar())) : std::string();
    if (u == "元" || u == "yuan") {
      fees.unit = FeeUnit::yuan;
    } else if (u == "万元" || u == "wan_yuan") {
      fees.unit = FeeUnit::wan_yuan;
    } else {
      problem(src, "fee-statement", src.where_value(*unit.key, un),
              {fmt::format("信息处理费的单位应为「元」或「万元」，实为{}", kind_of(un).zh),
               fmt::format("the fees' unit must be 元 or 万元, found {}", kind_of(un).en)});
      return std::nullopt;
    }
  } else if (charged || collected) {
    problem(src, "fee-statement", at,
            {"信息处理费给出了金额但未写单位：请加「unit: 元」或「unit: 万元」",
             "the fees give an amount but no unit: add 'unit: 元' or 'unit: 万元'"});
    return std::nullopt;
  }
  if (notices) {
    const YAML::Node& nn = *notices.value;
    auto n = nn.IsScalar() ? parse_fixed(trim(nn.Scalar()), 0) : std::nullopt;
    if (!n || *n < 0 || nn.Scalar().find('.') != std::string::npos) {
      problem(src, "fee-statement", src.where_value(*notices.key, nn),
              {fmt::format("收费通知件数应为不小于0的整数，实为{}", kind_of(nn).zh),
               fmt::format("'notices' must be a whole number >= 0, found {}", kind_of(nn).en)});
      ok = false;
    } else {
      fees.notices = *n;
    }
  }
  if (charged) {
    if (auto a = amount(src, *charged.key, *charged.value, fees.unit))
      fees.charged = Decimal::from_micro(*a);
    else
      ok = false;
  }
  if (collected) {
    if (auto a = amount(src, *collected.key, *collected.value, fees.unit))
      fees.collected = Decimal::from_micro(*a);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  const char* u = fees.unit == FeeUnit::yuan ? "元" : "万元";
  if (fees.collected > fees.charged) {
    problem(
        src, "fee-statement", src.where_value(*collected.key, *collected.value),
        {fmt::format("实际收取的信息处理费 {}{} 超过应收取的 {}{}", format_fee_amount(fees.collected, fees.unit), u,
                     format_fee_amount(fees.charged, fees.unit), u),
         fmt::format("fees collected ({} {}) exceed fees charged ({} {})", format_fee_amount(fees.collected, fees.unit),
                     u, format_fee_amount(fees.charged, fees.unit), u)});
    return std::nullopt;
  }
  if (fees.notices == 0 && fees.charged.micro() > 0) {
    problem(src, "fee-statement", src.where_value(*charged.key, *charged.value),
            {fmt::format("应收取信息处理费 {}{}，但收费通知为0件", format_fee_amount(fees.charged, fees.unit), u),
             fmt::format("fees of {} {} were charged but no notice was sent ('notices' is 0)",
                         format_fee_amount(fees.charged, fees.unit), u)});
    return std::nullopt;
  }
  return fees;
}

}  // namespace gongkai
