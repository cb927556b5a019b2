#include <gongkai/diff/cell_diff.hpp>

#include <gongkai/core/checked.hpp>

#include <fmt/format.h>

#include <limits>

namespace gongkai {

std::string_view to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::same:
      return "same";
    case ChangeKind::changed:
      return "changed";
    case ChangeKind::newly_reported:
      return "newly-reported";
    case ChangeKind::no_longer_reported:
      return "no-longer-reported";
    case ChangeKind::not_comparable:
      return "not-comparable";
  }
  return "same";
}

std::optional<std::int64_t> percent_change_tenths(std::int64_t before, std::int64_t after) {
  if (before == 0) return std::nullopt;
  // 1000 × (after − before) / before, in 128 bits: no int64 difference or product overflows.
  const WideInt num = (static_cast<WideInt>(after) - before) * 1000;
  WideInt den = before;
  WideInt n = num;
  if (den < 0) {
    den = -den;
    n = -n;
  }
  const bool negative = n < 0;
  const WideInt mag = negative ? -n : n;
  WideInt q = mag / den;
  if ((mag % den) * 2 >= den) ++q;  // half away from zero
  const WideInt r = negative ? -q : q;
  if (r > std::numeric_limits<std::int64_t>::max() || r < std::numeric_limits<std::int64_t>::min()) return std::nullopt;
  return static_cast<std::int64_t>(r);
}

std::string format_percent_tenths(std::int64_t tenths) {
  const bool negative = tenths < 0;
  const std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(tenths) : static_cast<std::uint64_t>(tenths);
  return fmt::format("{}{}.{}%", negative ? "-" : (mag == 0 ? "" : "+"), mag / 10, mag % 10);
}

CellDiff compare_sides(Side before, Side after) {
  CellDiff d;
  d.before = before;
  d.after = after;
  if (!before.in_form || !after.in_form) {
    d.kind = ChangeKind::not_comparable;
    return d;
  }
  if (before.number() && after.number()) {
    d.change = checked_sub(after.raw, before.raw);
    d.percent_tenths = percent_change_tenths(before.raw, after.raw);
    d.kind = after.raw == before.raw ? ChangeKind::same : ChangeKind::changed;
  } else if (after.number()) {
    d.kind = ChangeKind::newly_reported;
  } else if (before.number()) {
    d.kind = ChangeKind::no_longer_reported;
  } else {
    d.kind = before.state == after.state ? ChangeKind::same : ChangeKind::changed;
  }
  return d;
}

}  // namespace gongkai
