// ISO 8601 timestamps as seconds since the epoch, on core's Date (no time zone state), so
// results are the same on every machine.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gongkai {

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC; a space may stand for the T) as seconds
// since the epoch; nothing unless the day is a real one (Date::parse) and the time valid.
[[nodiscard]] std::optional<std::int64_t> parse_utc(std::string_view s);

}  // namespace gongkai
