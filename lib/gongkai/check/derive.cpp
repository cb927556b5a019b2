#include <gongkai/check/derive.hpp>

#include <gongkai/core/checked.hpp>

#include <fmt/format.h>

namespace gongkai {

std::optional<std::int64_t> resolved(const Report& r, const CellDef& c) {
  const CellValue& v = r.at(c);
  if (v.has_value()) return v.raw;
  if (c.derived) return std::nullopt;
  return 0;
}

std::optional<std::int64_t> sum_parts(const Report& r, const std::vector<const CellDef*>& parts, bool* overflowed) {
  std::int64_t sum = 0;
  for (const CellDef* p : parts) {
    auto v = resolved(r, *p);
    if (!v) return std::nullopt;
    auto s = checked_add(sum, *v);
    if (!s) {
      if (overflowed != nullptr) *overflowed = true;
      return std::nullopt;
    }
    sum = *s;
  }
  return sum;
}

namespace {

// A cell carries reported data: given (a value or a blank), or derived from parts of which
// one carries reported data.
bool reported(const Report& r, const CellDef& c) {
  const CellValue& v = r.at(c);
  if (v.state != CellState::absent && !v.computed) return true;
  for (const SumInstance* inst : r.form->sums_into(c.index))
    for (const CellDef* p : inst->parts)
      if (reported(r, *p)) return true;
  return false;
}

void set_computed(CellValue& v, std::int64_t value) {
  v.state = CellState::value;
  v.raw = value;
  v.computed = true;
}

}  // namespace

bool any_part_reported(const Report& r, const SumInstance& inst) {
  for (const CellDef* p : inst.parts)
    if (reported(r, *p)) return true;
  return false;
}

void derive_totals(Report& report, Diagnostics& out) {
  const Form& form = *report.form;
  const auto& instances = form.sum_instances();
  auto overflow = [&](const SumInstance& inst) {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "overflow";
    d.message = {fmt::format("「{}」合计超出 64 位整数范围", form.cell_label(*inst.total)),
                 fmt::format("'{}': the sum overflows a 64-bit integer", form.cell_label(*inst.total))};
    d.cells.push_back({inst.total->id, form.cell_label(*inst.total)});
    d.where = report.origin;
    out.add(std::move(d));
  };
  for (;;) {
    // Sum what can be summed. A category figure is only summed from sub-rows that carry
    // data: a category given alone must not be overridden by its empty sub-rows.
    for (bool changed = true; changed;) {
      changed = false;
      for (const auto& inst : instances) {
        CellValue& total = report.at(*inst.total);
        if (total.has_value()) continue;
        if (inst.total->optional && inst.rule->kind == RuleKind::row_sum) {
          bool any = false;
          for (const CellDef* p : inst.parts) any = any || reported(report, *p);
          if (!any) continue;
        }
        bool overflowed = false;
        auto sum = sum_parts(report, inst.parts, &overflowed);
        if (overflowed) {
          overflow(inst);
          set_computed(total, 0);  // stop retrying; the finding says why
          continue;
        }
        if (!sum) continue;
        set_computed(total, *sum);
        changed = true;
      }
    }
    // Category figures with nothing reported at all are 0; then sum again.
    bool filled = false;
    for (const auto& c : form.cells()) {
      CellValue& v = report.at(c);
      if (c.optional && !v.has_value() && !reported(report, c)) {
        set_computed(v, 0);
        filled = true;
      }
    }
    if (!filled) return;
  }
}

}  // namespace gongkai
