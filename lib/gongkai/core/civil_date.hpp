// Calendar dates as plain integers: days since the epoch and ISO 8601 timestamps, without
// the C library's time zone state, so results are the same on every machine.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gongkai {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
[[nodiscard]] std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC) as seconds since the epoch.
[[nodiscard]] std::optional<std::int64_t> parse_utc(std::string_view s);

}  // namespace gongkai
