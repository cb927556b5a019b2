// The parts of section 六 that come as data rather than as prose, read from a report's YAML
// (the tally file) next to whatever else it holds:
//   fees: {notices: 2, charged: 300.00, collected: 200.00, unit: 元}      or   fees: none
//   work_plan: workplan.yaml                       (a work-plan file beside the YAML)
//   work_plan: {source: 《…》, tasks: [...]}       (or the plan inline)
//   previous: ../2023/report.yaml                  (last year's report)
// Only these top-level keys are read here; the tally reader owns the rest of the file and
// must let these two pass. Keeping them apart keeps the tally schema and section 六 decoupled.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/prose/fee_statement.hpp>
#include <gongkai/prose/work_plan.hpp>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

struct ProseExtras {
  std::optional<FeeStatement> fees;
  std::optional<WorkPlan> work_plan;          // given inline
  std::optional<std::string> work_plan_file;  // named, relative to the YAML: the caller loads it
                                              // and passes it to read_work_plan
  // `previous: ../2023/report.yaml`: last year's report, relative to the YAML (gongkai init
  // --from writes it), used for the cross-year rules and `.yoy` when no --previous is given.
  std::optional<std::string> previous_file;
};

// Problems are errors in `out` (rules `fee-statement`, `work-plan`, `previous`, `yaml`, `unknown-key`)
// naming line and column. Throws InputError when the text is not YAML at all. `parsed`: the
// text already parsed (ReadResult::yaml_root), read instead of parsing it again.
[[nodiscard]] ProseExtras read_prose_extras(std::string_view name, std::string_view yaml_text, Diagnostics& out,
                                            const YAML::Node* parsed = nullptr);

}  // namespace gongkai
