#include <gongkai/render/diagnostics_text.hpp>

#include <fmt/format.h>

namespace gongkai {

std::string render_diagnostic_line(const Diagnostic& d, Lang lang) {
  std::string where = d.where.to_string();
  return fmt::format("{}{}{}[{}]: {}\n", where, where.empty() ? "" : ": ", to_string(d.severity), d.rule,
                     d.message.in(lang));
}

std::string render_diagnostics_text(const Diagnostics& ds, Lang lang) {
  std::string out;
  for (const auto& d : ds.items()) out += render_diagnostic_line(d, lang);
  return out;
}

}  // namespace gongkai
