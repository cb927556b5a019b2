// Public diagnostics.hpp: the renderers `gongkai check` prints findings with.
#include <gongkai/diagnostics.hpp>

#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <nlohmann/json.hpp>

namespace gongkai {

std::string finding_text(const Diagnostic& finding, Lang lang) { return render_diagnostic_line(finding, lang); }

std::string findings_text(const Diagnostics& findings, Lang lang) { return render_diagnostics_text(findings, lang); }

std::string findings_json(const Diagnostics& findings, Lang lang) {
  return findings_document(findings, {}, lang).dump(2) + "\n";
}

}  // namespace gongkai
