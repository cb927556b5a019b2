// Consolidation: sums every cell of many units' reports into one report for the government
// that publishes the consolidated report. Units are added one at a time and not kept, so memory
// does not grow with the number of units. Units must share the year and the form; a unit that
// differs is reported by name and left out of the sum.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/model/report.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

// What one unit contributed to one cell, for `merge --explain`.
struct Contribution {
  std::string unit;       // the unit's name (agency) as given in the roster
  std::string source;     // where its figure came from (file:line, Sheet!C7, or the file)
  std::int64_t raw = 0;   // its figure (after its own totals were derived)
  bool computed = false;  // the unit did not give it; it was derived from the unit's parts
  std::size_t order = 0;  // the unit's position in the roster, for a stable listing
};

class Accumulator {
 public:
  // `form`, `year`: what every unit must match. `explain`: cell IDs whose contributions to keep.
  Accumulator(std::shared_ptr<const Form> form, int year, std::vector<std::string> explain = {});

  // Adds a unit's report. REQUIRES: check_report has run on it (its totals are derived).
  // Returns false (and appends an error naming the unit) when its year or form differs, or a
  // sum overflows.
  bool add(const std::string& unit, const Report& report, Diagnostics& out, std::size_t order = 0);

  // Folds another accumulator (e.g. a worker thread's) into this one. Same form and year.
  bool absorb(const Accumulator& other, Diagnostics& out);

  [[nodiscard]] std::size_t units() const { return units_; }
  // The consolidated report: every cell the sum over the units (given where any unit gave a
  // value; derived totals are marked computed so the merged report is checked on its leaves).
  // Agency, level and publication date are the caller's to set.
  [[nodiscard]] Report result() const;
  [[nodiscard]] const std::vector<Contribution>& contributions(const std::string& cell_id) const;
  [[nodiscard]] const std::vector<std::string>& explained() const { return explain_; }

 private:
  std::shared_ptr<const Form> form_;
  int year_;
  std::size_t units_ = 0;
  std::vector<std::int64_t> sums_;
  std::vector<bool> any_value_;  // some unit gave a value (not blank or absent)
  std::vector<bool> any_blank_;  // some unit left it blank
  std::vector<std::string> explain_;
  std::vector<std::vector<Contribution>> explained_;  // parallel to explain_
};

}  // namespace gongkai
