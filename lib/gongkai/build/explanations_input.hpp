// Reading an office's explanations of findings (check/explanations.hpp): a YAML tally's
// top-level `explanations:` list, read from the text the reader kept (the file is opened once),
// or, for an input that is not YAML (label-keyed CSV, a workbook), the sidecar
// `<input>.explanations.yaml` beside it when there is one, holding the same list:
//
//   explanations:
//     - rule: in-force-continuity                 # a rule ID of `gongkai rules`
//       cell: proactive.normative_docs.in_force   # a stable cell ID or the official label
//       reason: 2023 年集中清理了过期的规范性文件   # or {zh: …, en: …}
//
// `cell:` is left out for a finding that names no cell (no-fee-statement, table-zero, …).
// A reason written once is shown as written in both languages; {zh:, en:} gives each its own
// (one of them alone serves both). Problems are findings, never exceptions: an unknown rule
// (with "did you mean"), an unknown cell (with the closest labels), no reason, an entry given
// twice, an explanation of `explanation` or `stale-explanation` — each an error of rule
// `explanation` at the entry, which is then not applied; a label matched only after
// normalisation is a `label` warning naming both wordings, as in the tables.
#pragma once

#include <gongkai/check/explanations.hpp>
#include <gongkai/forms/form.hpp>
#include <gongkai/readers/input.hpp>

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// The `explanations:` of a YAML text (`name` for places). Nothing when it has none.
// `only_explanations` (a sidecar): any other top-level key is an `unknown-key` error.
// `parsed`: the text already parsed (ReadResult::yaml_root), read instead of parsing it again.
[[nodiscard]] std::vector<Explanation> read_explanations(std::string_view name, std::string_view yaml_text,
                                                         const Form& form, Diagnostics& out,
                                                         bool only_explanations = false,
                                                         const YAML::Node* parsed = nullptr);

// The sidecar of a non-YAML input: `<input>.explanations.yaml`.
[[nodiscard]] std::string explanations_sidecar(const std::string& input);

// One input's explanations: from its YAML text (ReadResult::yaml_text: the file is not read
// again; `parsed`, ReadResult::yaml_root, when the reader kept the parsed text), else from its
// sidecar when that exists (loaded through `load`; a sidecar that cannot be loaded is an
// `input` error).
[[nodiscard]] std::vector<Explanation> input_explanations(const std::string& input, std::string_view yaml_text,
                                                          const YAML::Node* parsed, const Form& form,
                                                          const FileLoader& load, Diagnostics& out);

}  // namespace gongkai
