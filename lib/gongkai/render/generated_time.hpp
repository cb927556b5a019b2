// The one timestamp a build writes into its outputs (HTML meta, XLSX document properties,
// JSON `generated`). Never the clock, so identical input gives identical bytes: the
// SOURCE_DATE_EPOCH convention of reproducible builds when the caller has it, else the
// report's publication date, else 1 January of the year after the report's (when reports are
// published). The caller reads the environment; this file stays pure.
#pragma once

#include <gongkai/model/report.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// SOURCE_DATE_EPOCH's value: decimal seconds since 1970-01-01 UTC, digits only (at most 12,
// i.e. before year 33658). nullopt when malformed.
[[nodiscard]] std::optional<std::int64_t> parse_source_date_epoch(std::string_view text);

// ISO 8601 in UTC: 2023-11-14T22:13:20Z.
[[nodiscard]] std::string iso_utc(std::int64_t epoch_seconds);

[[nodiscard]] std::string generated_time(const Report& report, std::optional<std::int64_t> source_date_epoch);

}  // namespace gongkai
