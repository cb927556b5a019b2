// Findings: what a read, a check, a build or a merge found, as data (core/diagnostic.hpp:
// severity, rule ID, cells, expected and actual figures, where, message in Chinese and English),
// and the two ways the command-line tool shows them.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/location.hpp>
#include <gongkai/core/text.hpp>

#include <string>

namespace gongkai {

// One finding as the line a person reads: `path:line:col: error[balance]: message`.
[[nodiscard]] std::string finding_text(const Diagnostic& finding, Lang lang);

// Every finding, one line each, as `gongkai check` prints them: a grouped finding names its
// first few further places; a last line says how many were left out by the finding limit.
[[nodiscard]] std::string findings_text(const Diagnostics& findings, Lang lang);

// The findings as the JSON document of `gongkai check --format json` (findings, summary),
// indented by two spaces, for programs that pass them on.
[[nodiscard]] std::string findings_json(const Diagnostics& findings, Lang lang);

}  // namespace gongkai
