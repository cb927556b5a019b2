// Fills in the derived totals a report leaves out (the 总计 column, （七）总计, category figures,
// 复议/诉讼 总计), following the form's sum rules until nothing more can be computed. Given
// figures are never changed: they are checked by rules.hpp. Computed cells are marked.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/model/report.hpp>

namespace gongkai {

// A cell's figure for arithmetic: its value when it has one; 0 for a blank or absent leaf.
// nullopt for a derived cell that has not been computed yet.
[[nodiscard]] std::optional<std::int64_t> resolved(const Report& r, const CellDef& c);

// Computes every absent or blank derived cell whose parts are known. An overflow while summing
// is reported (rule `overflow`) and leaves the cell uncomputed.
void derive_totals(Report& report, Diagnostics& out);

// Every sum rule of the form unrolled (see Form::sum_instances).
[[nodiscard]] inline const std::vector<SumInstance>& sum_instances(const Form& form) { return form.sum_instances(); }

// True when one of the instance's parts carries reported data (given, or derived from given).
[[nodiscard]] bool any_part_reported(const Report& r, const SumInstance& inst);

// Sum of resolved parts, or nullopt if one is unresolved or the sum overflows (`overflowed`
// then set).
[[nodiscard]] std::optional<std::int64_t> sum_parts(const Report& r, const std::vector<const CellDef*>& parts,
                                                    bool* overflowed = nullptr);

}  // namespace gongkai
