// Consolidation: a government's report as the sum of its units' reports (`gongkai merge`).
// A roster names the units (paths, globs, nested rosters); each unit is read and checked in
// parallel, summed cell by cell, every roster that gives its own figures (`own:`) is reconciled
// against the sum of its units, and the consolidated report is checked.
//
//   gongkai::MergeRequest req;
//   req.roster = "sample-data/county-2023/roster.yaml";
//   gongkai::MergeResult m = gongkai::merge_units(req, forms);
//   std::cerr << gongkai::findings_text(m.findings, gongkai::Lang::en);
//   if (m.consolidated) std::cout << gongkai::report_yaml(*m.consolidated);
//
// Nothing is written: the caller writes the consolidated report (report.hpp's report_yaml) or
// builds it. Nothing here names a third-party type.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/encoding.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct MergeRequest {
  std::string roster;                    // the roster YAML (`units:`)
  unsigned jobs = 0;                     // units read in parallel; 0: all cores
  ReportMeta meta;                       // overrides the roster's year, agency, form, level, date
  Encoding encoding = Encoding::detect;  // of CSV units
  // Where the case registers' vocabulary is (a register given as a unit is then said in one
  // finding); empty: found as find_templates() finds it. A missing vocabulary is no error.
  std::string template_dir;
  // Called after each unit: (units done, units in all). Serialised, on a worker thread.
  std::function<void(std::size_t, std::size_t)> progress;
};

struct MergedUnit {
  UnitSummary summary;    // agency, file, form, year, key figures, counts by severity and rule
  Diagnostics findings;   // this unit's own findings
  bool summed = false;    // whether it is in the consolidated sum
  Text left_out_because;  // when not: the first error that left it out (unreadable, other form)
};

struct MergeResult {
  // The consolidated report, checked; nullopt when the roster itself is unusable (missing, no
  // year, a unit that names no file). Agency: the roster's (or meta's); level: government.
  std::optional<Report> consolidated;
  std::vector<MergedUnit> units;  // one per leaf unit, in roster order
  // Every finding in the order `gongkai merge` prints them: the roster's, the units' (in roster
  // order), the reconciliation of `own:` figures, the consolidated report's.
  Diagnostics findings;
  int exit_code = 0;  // 0 ok (warnings allowed), 1 errors, 2 a roster or unit unreadable
};

// Never throws for bad input: every problem is a finding and sets exit_code.
[[nodiscard]] MergeResult merge_units(const MergeRequest& request, const FormSet& forms);

}  // namespace gongkai
