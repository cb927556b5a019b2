// What check and build share beyond the tables: the prose of sections 一, 五 and 六 with the
// data of 六 (fees, work plan) a YAML input carries, and last year's report — given with
// --previous (one report, or a roster of them: each unit takes the one of its agency and the year
// before) or named by the unit's own YAML (`previous:`, written by `gongkai init --from`).
#pragma once

#include "context.hpp"

#include <gongkai/batch/run_units.hpp>
#include <gongkai/prose/expand.hpp>
#include <gongkai/prose/prose_rules.hpp>
#include <gongkai/readers/input.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gongkai::cli {

[[nodiscard]] bool is_yaml_path(const std::string& path);

// Section 六's fee statement and work plan, when a YAML input carries them (prose_extras.hpp).
// `input_text`: the input's content when the caller has it (the input is then not read again).
[[nodiscard]] ProseInputs prose_inputs(const std::string& input, const Report& report, const Report* previous,
                                       const ProseRules* rules, Diagnostics& out,
                                       const std::string* input_text = nullptr);

// report-templates/prose-rules.yaml when there is one.
[[nodiscard]] std::optional<ProseRules> load_prose_rules_from(const std::string& template_dir);

// Reads and checks one report; nullptr when it could not be read (why in `out`). Its own
// findings are not kept: they are reported where it is a unit.
[[nodiscard]] std::unique_ptr<Report> read_checked_report(const std::string& path, const FormSet& forms,
                                                          const ReadOptions& options, std::vector<std::string>& files,
                                                          Diagnostics& out);

// Last years' reports, by agency and year.
class PreviousReports {
 public:
  // `--previous PATH`: a report, or a roster (a YAML with `units:`) of last year's reports.
  // False (errors in `out`) when one could not be read.
  bool read(const std::string& path, const FormSet& forms, const ReadOptions& options, std::vector<std::string>& files,
            Diagnostics& out);
  // `current`'s last-year report: from --previous (the same agency, the year before), else the
  // one its YAML names (`previous:`), loaded and cached here. With a single --previous report and
  // a single unit, a report that does not fit is an error (rule `previous`); with many units, a
  // unit without its agency's report simply has none. nullptr: none.
  // Safe to call from the batch's workers. `input_text`: the input's content when the caller has
  // it (the input is then not read again).
  const Report* find(const std::string& input, const Report& current, bool single_unit, const FormSet& forms,
                     const ReadOptions& options, Diagnostics& out, const std::string* input_text = nullptr);
  [[nodiscard]] bool given() const { return !given_.empty(); }

 private:
  std::vector<std::unique_ptr<Report>> given_;
  std::map<std::string, std::unique_ptr<Report>> named_;  // by path, from `previous:` keys
  std::mutex mutex_;
};

}  // namespace gongkai::cli
