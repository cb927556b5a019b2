// Runs many units (agencies) through read → check → a caller's step, in parallel on `jobs`
// threads, keeping going past a failing unit. Results come back in input order whatever the
// thread timing, so output is byte-identical for identical input. Reports are not kept: the
// caller's step consumes each one (build its outputs, add it to a sum), so memory does not grow
// with the number of units.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/readers/input.hpp>

#include <functional>
#include <string>
#include <vector>

namespace gongkai {

struct UnitInput {
  std::string name;  // shown in summaries; empty = the report's agency
  std::string path;
  ReportMeta meta;      // overrides for this unit (roster entry), applied over the batch's
  ReportMeta defaults;  // for inputs that carry no metadata (a roster's year)
  // Known before reading (a roster entry that matches no file): the unit is not read, these
  // are its findings and it counts as unreadable.
  std::vector<Diagnostic> problems;
};

// A unit is unreadable (exit 2) when no report came out of it or the file itself is broken:
// missing, not decodable, malformed YAML or CSV (rules input, encoding, yaml, csv, xlsx, form). A unit that was read
// but whose cells have errors (an unknown key, a word where a number belongs) has errors (exit 1): it is neither
// checked nor handed to the step.
struct UnitResult {
  UnitSummary summary;
  Diagnostics findings;            // reading, checking and the step's own findings
  std::vector<std::string> files;  // every file its reading loaded (ReadResult::files)
};

struct BatchOptions {
  // Default: 1. 0 means all cores.
  unsigned jobs = 1;
  ReadOptions read;
  const FormSet* forms = nullptr;  // REQUIRED
  FileLoader load;                 // REQUIRED
  // Called on a worker thread after a unit was read and checked without input errors; may add
  // findings. Must be thread-safe. Default: none.
  std::function<void(std::size_t index, const UnitInput& unit, Report& report, Diagnostics& out)> step;
  // As `step`, also given what the reader kept beyond the report (ReadResult::yaml_text), so
  // that the step reads nothing again; called instead of `step` when set.
  std::function<void(std::size_t index, const UnitInput& unit, Report& report, const ReadResult& read,
                     Diagnostics& out)>
      step_read;
  // Called (serialised) after each unit finishes, with the count done so far. Default: none.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // When set, each unit's result is handed here instead of kept, and run_units returns an empty
  // vector: in input order, one call at a time, as soon as the unit and every unit before it are
  // done (from the worker that completed that run). A unit finished ahead of an earlier one
  // waits for it, and a worker does not start a unit more than `window` places ahead of the
  // next one to hand over: the results held at once are bounded, whatever the number of units.
  // Must not throw. Default: none.
  std::function<void(std::size_t index, UnitResult&& result)> finished;
  std::size_t window = 64;  // with `finished`: at least 1; raised to 4 per job
};

// The results in input order (empty when options.finished takes them).
[[nodiscard]] std::vector<UnitResult> run_units(const std::vector<UnitInput>& units, const BatchOptions& options);

}  // namespace gongkai
