// Internal to prose/: reading a work plan or a fee statement from an already parsed YAML
// node, shared by the work-plan file reader and the report-YAML extras reader so both accept
// exactly the same schema and report problems the same way. prose/ may not depend on
// readers/ (ARCHITECTURE.md), so the little YAML bookkeeping it needs lives here, with the
// rule IDs the tally reader uses for the same problems (`yaml`, `unknown-key`).
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/prose/fee_statement.hpp>
#include <gongkai/prose/work_plan.hpp>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

class ProseYaml {
 public:
  // REQUIRES: `text` is what yaml-cpp parsed and outlives this object.
  ProseYaml(std::string_view name, std::string_view text, Diagnostics& out) : name_(name), text_(text), out_(out) {}

  [[nodiscard]] Diagnostics& out() { return out_; }
  // 1-based line and column; yaml-cpp's byte column is turned into characters, as every
  // reader counts them. The file alone when unknown.
  [[nodiscard]] SourceLoc where(const YAML::Node& n) const;
  // An empty value (`key:`) is placed by yaml-cpp at the next token: locate it at its key.
  [[nodiscard]] SourceLoc where_value(const YAML::Node& key, const YAML::Node& value) const;

  void error(std::string rule, SourceLoc where, Text message);
  // rule `yaml`: `subject` must be `want`.
  void wrong_type(const YAML::Node& found, SourceLoc where, const Text& subject, const Text& want);
  // rule `unknown-key`, with the closest of `known`.
  void unknown_key(const YAML::Node& key, const Text& scope, const std::vector<std::string>& known);

 private:
  std::string name_;
  std::string_view text_;
  Diagnostics& out_;
};

// "a mapping" / 映射, "a list" / 列表, "nothing" / 空值, or the quoted scalar.
[[nodiscard]] Text yaml_kind_of(const YAML::Node& n);

[[nodiscard]] WorkPlan read_work_plan_node(ProseYaml& src, const YAML::Node& root);
[[nodiscard]] std::optional<FeeStatement> read_fee_node(ProseYaml& src, const YAML::Node& key, const YAML::Node& value);

}  // namespace gongkai
