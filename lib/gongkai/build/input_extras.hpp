// What a YAML input holds besides its tables and prose: section 六's fee statement and work
// plan, and the file of last year's report (`previous:`) — read from the text the reader kept
// (ReadResult::yaml_text), so the input is opened once. Then the prose inputs of one unit.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/prose/expand.hpp>
#include <gongkai/prose/fee_statement.hpp>
#include <gongkai/prose/prose_rules.hpp>
#include <gongkai/prose/work_plan.hpp>
#include <gongkai/readers/input.hpp>

#include <optional>
#include <string>

namespace gongkai {

[[nodiscard]] bool is_yaml_path(const std::string& path);

struct InputExtras {
  std::optional<FeeStatement> fees;
  std::optional<WorkPlan> work_plan;          // given inline
  std::optional<std::string> work_plan_file;  // named: relative to the input already resolved
  std::optional<std::string> previous_file;   // `previous:`, resolved likewise
  Diagnostics findings;                       // their problems, reported with the prose
};

// From a YAML input's text (empty: none, as for CSV and workbooks and standard input). Never
// throws: text that is not YAML is a finding (rule `input`).
[[nodiscard]] InputExtras read_input_extras(const std::string& input, const ReadResult& read);

// The prose inputs of one unit: appends the extras' findings to `out`, loads the work-plan file
// through `load` (a problem with it is a finding).
[[nodiscard]] ProseInputs prose_inputs(const InputExtras& extras, const Report& report, const Report* previous,
                                       const ProseRules* rules, const FileLoader& load, Diagnostics& out);

// report-templates/prose-rules.yaml when there is one. Throws InputError.
[[nodiscard]] std::optional<ProseRules> load_prose_rules_from(const std::string& template_dir);

}  // namespace gongkai
