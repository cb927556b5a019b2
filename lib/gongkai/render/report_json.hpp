// The whole built report as JSON for pipelines: who and when, the form, the sections with their
// expanded prose, every cell of the form by stable ID (labels, state, figure, computed flag and
// where it came from) and the findings.
//
// Figures: a count is a JSON number (counts fit in an int64, and every JSON reader keeps an
// integer exactly up to 2^53); an amount is a decimal string in its column's unit ("24252.31",
// unit 万元), so no reader ever sees it through a binary float. A blank or absent cell has
// "value": null and its "state" says which; blank is never 0.
#pragma once

#include <gongkai/render/built_report.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] nlohmann::ordered_json report_json(const BuiltReport& built, Lang lang);

// report_json, two-space indented, ending with a newline.
[[nodiscard]] std::string render_report_json(const BuiltReport& built, Lang lang);

}  // namespace gongkai
