// Shared by the fuzz targets: the real forms and register vocabulary, loaded once from the
// source tree, and the rule every target checks: a reader may refuse an input (InputError)
// or report findings, and must do nothing else — no crash, no other exception, no hang.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/tally/register_vocabulary.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace gongkai::fuzz {

inline const std::filesystem::path& templates() {
  static const std::filesystem::path p = std::filesystem::path(GONGKAI_SOURCE_DIR) / "report-templates";
  return p;
}

inline const FormSet& forms() {
  static const FormSet set = load_forms(templates());
  return set;
}

inline const RegisterVocabulary& vocabulary() {
  static const RegisterVocabulary v =
      read_register_vocabulary("register-synonyms.yaml", read_file((templates() / "register-synonyms.yaml").string()));
  return v;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Findings render as text and JSON without throwing, every one a single line.
inline void render_all(const Diagnostics& out) {
  const std::string text = render_diagnostics_text(out, Lang::en) + render_diagnostics_text(out, Lang::zh);
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  if (lines != 2 * (out.items().size() + (out.dropped() > 0 ? 1 : 0))) __builtin_trap();  // a finding over two lines
  (void)diagnostics_json(out, Lang::en).dump();
}

}  // namespace gongkai::fuzz
