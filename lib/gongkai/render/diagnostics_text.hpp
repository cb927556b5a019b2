// Findings as the lines a person reads: `path:line:col: error[balance]: message`.
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_diagnostic_line(const Diagnostic& d, Lang lang);
[[nodiscard]] std::string render_diagnostics_text(const Diagnostics& ds, Lang lang);

}  // namespace gongkai
