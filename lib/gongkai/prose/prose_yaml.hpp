// Internal to prose/: reading a work plan or a fee statement from an already parsed YAML
// node, shared by the work-plan file reader and the report-YAML extras reader so both accept
// exactly the same schema and report problems the same way — through core's YamlSource, as
// the tally reader does (rule IDs `yaml`, `unknown-key`).
#pragma once

#include <gongkai/core/yaml_source.hpp>
#include <gongkai/prose/fee_statement.hpp>
#include <gongkai/prose/work_plan.hpp>

#include <optional>

namespace gongkai {

[[nodiscard]] WorkPlan read_work_plan_node(YamlSource& src, const YAML::Node& root);
[[nodiscard]] std::optional<FeeStatement> read_fee_node(YamlSource& src, const YAML::Node& key,
                                                        const YAML::Node& value);

}  // namespace gongkai
