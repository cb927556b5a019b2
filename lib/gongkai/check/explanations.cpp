#include <gongkai/check/explanations.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

bool fits(const Explanation& e, const Diagnostic& d) {
  if (d.rule != e.rule) return false;
  if (e.cell_id.empty()) return d.cells.empty();
  return !d.cells.empty() && d.cells.front().id == e.cell_id;
}

// How a message names what an explanation is about: 「label」 [rule], or [rule] alone.
Text subject(const Explanation& e) {
  if (e.cell_id.empty()) return {fmt::format("[{}]", e.rule), fmt::format("[{}]", e.rule)};
  return {fmt::format("「{}」的 [{}]", e.cell_label, e.rule), fmt::format("[{}] at 「{}」", e.rule, e.cell_label)};
}

}  // namespace

bool rule_was_run(const ExplainScope& scope, const RuleInfo& rule) {
  if (rule.id == "text-reuse") return scope.cross_year && (scope.prose || scope.diff);
  switch (rule.scope) {
    case RuleScope::report:
    case RuleScope::reader:
      return scope.report;
    case RuleScope::prose:
      return scope.prose;
    case RuleScope::cross_year:
      return scope.cross_year;
    case RuleScope::diff:
      return scope.diff;
    case RuleScope::batch:
    case RuleScope::command:
      return false;
  }
  return false;
}

ExplanationSet::ExplanationSet(std::vector<Explanation> items)
    : items_(std::move(items)), used_(items_.size(), 0), reported_error_(items_.size(), 0) {}

void ExplanationSet::apply(Diagnostics& findings, Diagnostics& out) {
  if (items_.empty()) return;
  Diagnostics found;
  for (auto& d : findings.items()) {
    if (d.explanation) continue;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const Explanation& e = items_[i];
      if (!fits(e, d)) continue;
      used_[i] = 1;
      if (d.severity == Severity::error) {
        if (reported_error_[i] == 0) {
          reported_error_[i] = 1;
          const Text what = subject(e);
          Diagnostic x = Diagnostic::error(
              "explanation", e.where,
              {fmt::format("{}是错误，不能以说明代替：错误只能改正（该说明未采用）", what.zh),
               fmt::format("{} is an error, and an error cannot be explained, only corrected (the explanation is "
                           "not applied)",
                           what.en)});
          x.cells = d.cells.empty() ? std::vector<CellMention>{} : std::vector<CellMention>{d.cells.front()};
          found.add(std::move(x));
        }
        break;
      }
      d.explanation = e.reason;
      d.explained_at = e.where;
      break;
    }
  }
  out.append(found);
}

void ExplanationSet::report_stale(const ExplainScope& scope, Diagnostics& out) const {
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (used_[i] != 0) continue;
    const Explanation& e = items_[i];
    const RuleInfo* rule = find_rule(e.rule);
    if (rule == nullptr || !rule_was_run(scope, *rule)) continue;
    const Text what = subject(e);
    Diagnostic d = Diagnostic::warning(
        "stale-explanation", e.where,
        {fmt::format("{}说明没有对应的问题（已过时）：请删除该说明，或核对数字", what.zh),
         fmt::format("the explanation of {} fits no finding (stale): remove it, or check the figures", what.en)});
    if (!e.cell_id.empty()) d.cells.push_back({e.cell_id, e.cell_label});
    out.add(std::move(d));
  }
}

std::size_t count_unexplained(const Diagnostics& ds, Severity s) {
  std::size_t n = ds.count(s);
  for (const auto& d : ds.items())
    if (d.severity == s && d.explanation) --n;
  return n;
}

std::size_t count_explained(const Diagnostics& ds) {
  std::size_t n = 0;
  for (const auto& d : ds.items())
    if (d.explanation) ++n;
  return n;
}

}  // namespace gongkai
