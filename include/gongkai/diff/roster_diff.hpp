// Two years of many agencies compared (`gongkai diff --roster LAST THIS`): the units of two
// rosters (as merge and check --roster read them: globs, nested rosters) matched by agency name
// (compared once normalised: NFKC, case folded, white space removed), each pair compared by
// diff_reports, and one row per unit for the overview a city's information office reviews:
// changed cells, flags by rule, the cross-year rules, key figures of both years. A name in one
// year only has appeared or disappeared; two units of one name in one roster are an error (rule
// `duplicate-unit`) and are not compared. Units are read in parallel, rows come back in roster
// order whatever the threads do, and no report is kept after its row is made (memory does not
// grow with the reports' size, only by one row per unit).
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/readers/encoding.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

enum class RosterUnitStatus {
  compared,     // in both rosters, both read: compared cell by cell
  appeared,     // in this year's roster only
  disappeared,  // in last year's roster only
  duplicate,    // its name is given to two units of one roster: not compared (rule duplicate-unit)
  unreadable,   // its file could not be read (exit 2)
};

[[nodiscard]] std::string_view to_string(RosterUnitStatus s);  // "compared", "appeared", …

// The flags a roster diff counts per unit, in column order.
[[nodiscard]] const std::vector<std::string>& roster_flag_rules();  // swing, to-zero, from-zero, table-zero

struct RosterUnitDiff {
  RosterUnitStatus status = RosterUnitStatus::compared;
  std::string name;                          // the agency (this year's, else last year's)
  std::string old_file, new_file;            // empty on the side it is not in
  int old_year = 0, new_year = 0;            // 0 when not read
  std::size_t changed_cells = 0;             // changed, newly reported or no longer reported
  std::size_t not_comparable = 0;            // cells one form has and the other has not
  std::map<std::string, std::size_t> flags;  // rule -> findings of the unit's diff
  bool carry_broken = false;                 // carry-continuity failed
  bool in_force_broken = false;              // in-force-continuity failed
  // Parallel to RosterDiff::key_figures; nullopt where a year has none (or was not read).
  std::vector<std::optional<std::int64_t>> old_figures, new_figures;
  Diagnostics findings;  // the unit's diff findings, or why it was not compared

  [[nodiscard]] std::size_t flag_count(std::string_view rule) const;
  [[nodiscard]] std::size_t flagged() const;  // warnings and errors of the unit's diff
};

struct RosterDiff {
  std::string old_roster, new_roster;  // the roster files
  std::string old_name, new_name;      // their agencies (else the file stems)
  int old_year = 0, new_year = 0;      // their years (0 when a roster gives none)
  std::vector<KeyFigure> key_figures;  // the figure columns (aggregate/unit_summary.hpp)
  // This year's units in roster order, then last year's units that have no row yet (disappeared,
  // duplicate, unreadable) in theirs.
  std::vector<RosterUnitDiff> units;
  Diagnostics findings;             // about the rosters themselves (rule roster, duplicate-unit, …)
  bool rosters_unreadable = false;  // a roster file itself could not be used (exit 2)
  std::vector<std::string> files;   // every input file, for "never overwrite an input"

  [[nodiscard]] std::size_t count(RosterUnitStatus s) const;
  [[nodiscard]] bool carry_broken() const;  // a unit's carry-continuity failed
  [[nodiscard]] bool unreadable() const;    // a roster, or a unit, could not be read
  [[nodiscard]] bool has_errors() const;    // an error finding anywhere (duplicate-unit, carry-continuity, …)
  [[nodiscard]] bool flagged() const;       // any finding at all
};

// The key a unit is matched by: its name NFKC-normalised, case folded, white space removed.
[[nodiscard]] std::string roster_unit_key(std::string_view agency);

// Pairs the names of last year's and this year's units by roster_unit_key. `pair_of_new[i]` is
// the index in `old_names` of new unit i's counterpart, nullopt when it has none or its key is
// given twice in either roster; `duplicate_old`/`duplicate_new` mark the units whose key is
// given twice in their own roster.
struct RosterMatch {
  std::vector<std::optional<std::size_t>> pair_of_new;
  std::vector<char> old_paired;  // 1: some new unit is paired with it
  std::vector<char> duplicate_old, duplicate_new;
};
[[nodiscard]] RosterMatch match_roster_units(const std::vector<std::string>& old_names,
                                             const std::vector<std::string>& new_names);

struct RosterDiffRequest {
  std::string last_roster;                    // LAST_YEAR_ROSTER
  std::string this_roster;                    // THIS_YEAR_ROSTER
  const FormSet* forms = nullptr;             // REQUIRED
  DiffOptions diff;                           // thresholds and form correspondences
  unsigned jobs = 1;                          // units read in parallel; 0: all cores
  Encoding encoding = Encoding::detect;       // for CSV units
  std::vector<std::string> register_headers;  // case registers' headers (readers/input.hpp)
  // How files are read (default: the io layer's read_file, within the input size limit).
  std::function<std::string(const std::string& path)> load;
  // Called (serialised) as units finish: done so far, total, for each of the two passes.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// Reads both rosters and every unit, matches and compares them. Never throws for a bad input:
// a roster that cannot be read sets rosters_unreadable with its findings; a unit that cannot be
// read is a row of status unreadable.
[[nodiscard]] RosterDiff diff_rosters(const RosterDiffRequest& request);

}  // namespace gongkai
