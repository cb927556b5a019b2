// One cell compared between two reports: both states (number | blank | absent, never folded
// into 0), the change and the percent change computed exactly, and what kind of change it is.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/model/report.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// 128-bit integers for the exact products and ratios of two int64 figures (percent changes,
// swing factors, chart scaling): no int64 overflow, no float.
__extension__ typedef __int128 WideInt;

// A cell's state in one report, as the diff needs it.
struct Side {
  CellState state = CellState::absent;
  std::int64_t raw = 0;   // the figure (counts, or micro-万元 for amounts) when state is value
  bool computed = false;  // a derived total check/derive filled in
  bool in_form = true;    // false: the report's form has no such cell

  [[nodiscard]] bool number() const { return in_form && state == CellState::value; }
  [[nodiscard]] static Side of(const CellValue& v) { return Side{v.state, v.raw, v.computed, true}; }
  [[nodiscard]] static Side not_in_form() { return Side{CellState::absent, 0, false, false}; }
};

enum class ChangeKind {
  same,                // both the same number, or both blank, or both absent
  changed,             // two different numbers (or blank <-> absent)
  newly_reported,      // blank or absent before, a number now (blank -> 5 is not "+5")
  no_longer_reported,  // a number before, blank or absent now
  not_comparable,      // the cell is in one form only, or its meaning changed with the form
};

[[nodiscard]] std::string_view to_string(ChangeKind k);

struct CellDiff {
  std::string id;                // the cell ID in the newer form (the older's when only it has the cell)
  std::string old_id;            // the cell ID in the older form; empty when it has none
  std::string new_id;            // the cell ID in the newer form; empty when it has none
  const CellDef* def = nullptr;  // the newer form's cell, else the older's: labels, column
  Side before, after;
  ChangeKind kind = ChangeKind::same;
  std::optional<std::int64_t> change;  // after − before, when both are numbers (checked)
  // (after − before) / before in tenths of a percent, rounded half away from zero; nullopt when
  // not both numbers, before is 0, or out of range.
  std::optional<std::int64_t> percent_tenths;
  bool derived = false;                    // a total of the form's sum rules
  std::vector<std::string> flags;          // rule IDs of findings about this cell, in order found
  std::vector<std::string> explained;      // rule IDs of findings about it the newer report explains
  std::optional<Text> why_not_comparable;  // the correspondence data's reason, when it gives one
};

// Compares two sides of one cell: kind, change, percent change.
[[nodiscard]] CellDiff compare_sides(Side before, Side after);

// (after − before) / before in tenths of a percent, exact integer arithmetic, rounded half away
// from zero. nullopt when before is 0 or the result does not fit.
[[nodiscard]] std::optional<std::int64_t> percent_change_tenths(std::int64_t before, std::int64_t after);

// "+25.0%", "-66.7%", "0.0%".
[[nodiscard]] std::string format_percent_tenths(std::int64_t tenths);

}  // namespace gongkai
