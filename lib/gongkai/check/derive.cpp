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

std::vector<SumInstance> sum_instances(const Form& form) {
  std::vector<SumInstance> out;
  for (const auto& t : form.tables) {
    for (const auto& rule : t.rules) {
      if (rule.kind == RuleKind::column_sum) {
        for (const auto& row : t.rows) {
          if (!row.has_cells) continue;
          const CellDef* total = form.cell(t.id, row.id, rule.total);
          if (total == nullptr) continue;
          SumInstance inst{&rule, total, {}};
          for (const auto& p : rule.parts)
            if (const CellDef* c = form.cell(t.id, row.id, p)) inst.parts.push_back(c);
          out.push_back(std::move(inst));
        }
      } else if (rule.kind == RuleKind::row_sum) {
        const RowDef* total_row = t.row(rule.total);
        for (const auto& col : t.columns_of(*total_row)) {
          SumInstance inst{&rule, form.cell(t.id, rule.total, col.id), {}};
          for (const auto& p : rule.parts)
            if (const CellDef* c = form.cell(t.id, p, col.id)) inst.parts.push_back(c);
          out.push_back(std::move(inst));
        }
      }
    }
  }
  return out;
}

namespace {

// A category figure whose sub-rows are all absent stays absent: nothing was reported for it.
bool all_absent(const Report& r, const std::vector<const CellDef*>& parts) {
  for (const CellDef* p : parts)
    if (r.at(*p).state != CellState::absent) return false;
  return true;
}

}  // namespace

void derive_totals(Report& report, Diagnostics& out) {
  const auto instances = sum_instances(*report.form);
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& inst : instances) {
      CellValue& total = report.at(*inst.total);
      if (total.has_value()) continue;
      if (inst.total->optional && all_absent(report, inst.parts)) continue;
      bool overflow = false;
      auto sum = sum_parts(report, inst.parts, &overflow);
      if (overflow) {
        Diagnostic d;
        d.severity = Severity::error;
        d.rule = "overflow";
        d.message = {fmt::format("「{}」合计超出 64 位整数范围", report.form->cell_label(*inst.total)),
                     fmt::format("'{}': the sum overflows a 64-bit integer", report.form->cell_label(*inst.total))};
        d.cells.push_back({inst.total->id, report.form->cell_label(*inst.total)});
        d.where = report.origin;
        out.add(std::move(d));
        total.state = CellState::value;  // stop retrying; value stays 0 and flagged computed
        total.computed = true;
        continue;
      }
      if (!sum) continue;
      total.state = CellState::value;
      total.raw = *sum;
      total.computed = true;
      changed = true;
    }
  }
}

}  // namespace gongkai
