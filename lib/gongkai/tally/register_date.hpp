// Dates as case registers write them. Staff type them by hand or Excel formats them, so one
// column holds 2023-01-05, 2023/1/5, 2023.1.5 and 2023年1月5日 side by side, often with a time
// after them; an XLSX numeric cell holds Excel's serial day number instead. All become one day
// number, so the tally compares dates as integers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// Days since 1970-01-01 (negative before it), proleptic Gregorian calendar.
using DayNumber = std::int32_t;

struct CivilDate {
  int year = 0;
  int month = 0;  // 1–12
  int day = 0;    // 1–31
};

// REQUIRES: a real date (valid month and day).
[[nodiscard]] DayNumber day_number(int year, int month, int day);
[[nodiscard]] CivilDate civil_date(DayNumber d);

// `2023-01-05`, the form every message and output uses.
[[nodiscard]] std::string format_day(DayNumber d);

// A date typed as text: YYYY-M-D, YYYY/M/D, YYYY.M.D (one separator throughout), YYYY年M月D日
// (日 optional), or YYYYMMDD; white space around it and a time of day after it (` 10:30`,
// `T10:30:00`) are ignored. Years 1900–9999. nullopt when it is none of these or no real day.
[[nodiscard]] std::optional<DayNumber> parse_register_date(std::string_view text);

// An XLSX numeric cell in a date column: Excel's serial day number (1 = 1900-01-01, with
// Excel's phantom 1900-02-29 = 60 refused), a time of day as the fraction ignored; a number
// written as YYYYMMDD is also accepted. `number` is the cell's text as stored ("44927",
// "44927.5"). Workbooks on the 1904 date system are not supported (Excel for Mac before 2011).
[[nodiscard]] std::optional<DayNumber> parse_excel_date(std::string_view number);

}  // namespace gongkai
