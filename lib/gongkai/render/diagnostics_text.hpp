// Findings as the lines a person reads: `path:line:col: error[balance]: message`.
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_diagnostic_line(const Diagnostic& d, Lang lang);
// Every finding, one line each; a grouped finding names its first few further places; a last
// `finding-limit` line says how many were left out by the finding limit.
[[nodiscard]] std::string render_diagnostics_text(const Diagnostics& ds, Lang lang);
// The note that findings were left out (rule `finding-limit`), for text and JSON alike.
[[nodiscard]] Diagnostic finding_limit_note(const Diagnostics& ds);

}  // namespace gongkai
