// Findings as JSON for pipelines: an array of objects with severity, rule, message, cells (ID
// and label), expected, actual, file, line, column and cell (sheet reference).
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <nlohmann/json_fwd.hpp>

namespace gongkai {

[[nodiscard]] nlohmann::ordered_json diagnostic_json(const Diagnostic& d, Lang lang);
[[nodiscard]] nlohmann::ordered_json diagnostics_json(const Diagnostics& ds, Lang lang);

}  // namespace gongkai
