#include <gongkai/aggregate/unit_summary.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/core/checked.hpp>

#include <algorithm>

namespace gongkai {

std::vector<KeyFigure> key_figures(const FormSet& forms) {
  std::vector<KeyFigure> out;
  const auto& all = forms.all();  // sorted by year_from: the newest form is last
  for (auto form = all.rbegin(); form != all.rend(); ++form)
    for (const auto& k : (*form)->key_figures) {
      const bool known = std::any_of(out.begin(), out.end(), [&](const KeyFigure& c) { return c.id == k.id; });
      if (!known) out.push_back({k.id, {k.label, k.en}, k.amount});
    }
  return out;
}

std::string UnitSummary::status() const {
  if (unreadable) return "unreadable";
  if (errors > 0) return "errors";
  if (warnings > 0) return "warnings";
  return "ok";
}

namespace {

// The sum of a key figure's cells that are given or computed; empty when none is.
std::optional<std::int64_t> figure_value(const Report& report, const KeyFigureDef& fig) {
  std::optional<std::int64_t> total;
  for (const auto& id : fig.cells) {
    const CellDef* c = report.form->cell(id);
    if (c == nullptr) continue;
    auto v = resolved(report, *c);
    if (!v) continue;
    auto sum = checked_add(total.value_or(0), *v);
    if (sum) total = *sum;
  }
  return total;
}

}  // namespace

UnitSummary summarize_unit(std::size_t order, const std::string& unit, const std::string& path, const Report* report,
                           const Diagnostics& findings, bool unreadable, const std::vector<KeyFigure>& columns) {
  UnitSummary s;
  s.order = order;
  s.unit = unit;
  s.path = path;
  s.unreadable = unreadable || report == nullptr;
  if (report != nullptr) {
    s.form = report->form->id;
    s.year = report->year;
  }
  s.key_figures = columns;
  for (const auto& col : columns) {
    std::optional<std::int64_t> value;
    if (!s.unreadable)
      for (const auto& fig : report->form->key_figures)
        if (fig.id == col.id && fig.amount == col.amount) value = figure_value(*report, fig);
    s.figures.push_back(value);
  }
  for (const auto& d : findings.items()) {
    if (d.explanation) continue;  // explained (check/explanations.hpp): not a warning to act on
    if (d.severity == Severity::error) ++s.errors;
    if (d.severity == Severity::warning) ++s.warnings;
    if (d.severity != Severity::info) ++s.by_rule[d.rule];
  }
  return s;
}

}  // namespace gongkai
