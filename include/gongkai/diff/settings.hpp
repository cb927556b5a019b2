// What `gongkai diff` flags and charts, read from report-templates/diff-thresholds.yaml (data
// an office can change, like the forms): the swing factor and the smallest change worth a flag,
// the smallest figure a fall to 0 or a rise from 0 must involve, and the key figures a series
// draws. Pure: the caller reads the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct DiffSettings {
  // Rule `swing`: new >= old × factor or new <= old ÷ factor, and |new − old| >= min_change.
  // The factor is fixed-point in millionths (3 is 3'000'000): no float decides a flag.
  std::int64_t swing_factor_micro = 3'000'000;
  std::int64_t swing_min_change = 10;  // in the column's unit (cases, or 万元)
  // Rules `to-zero` and `from-zero`: the non-zero side is at least this (column's unit).
  std::int64_t zero_min_change = 10;
  std::vector<std::string> key_figures;  // cell IDs charted by a series
};

// Parses the settings file. Throws InputError naming `name` and the place when the text is not
// valid YAML, a key is unknown, the factor is not a decimal > 1 or a minimum is negative.
[[nodiscard]] DiffSettings load_diff_settings(std::string_view name, std::string_view yaml_text);

}  // namespace gongkai
