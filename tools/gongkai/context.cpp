#include "context.hpp"

#include <gongkai/build/input_extras.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/tally/register_vocabulary.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace gongkai::cli {

Lang Context::lang() const {
  if (lang_option == "zh") return Lang::zh;
  if (lang_option == "en") return Lang::en;
  return lang_from_environment();
}

const FormSet& Context::forms() {
  if (!loaded_) {
    forms_ = load_forms(gongkai::template_dir(template_dir));
    loaded_ = true;
  }
  return forms_;
}

std::vector<std::string> Context::register_headers() const {
  std::vector<std::string> out;
  try {
    const std::string path = (gongkai::template_dir(template_dir) / "register-synonyms.yaml").string();
    const RegisterVocabulary v = read_register_vocabulary(path, read_file(path));
    for (const RegisterSchema* schema : {&v.requests, &v.cases})
      for (const auto& [field, names] : schema->headers) out.insert(out.end(), names.begin(), names.end());
  } catch (const Error&) {
    out.clear();  // `tally` says what is wrong with the vocabulary; here it only sharpens a hint
  }
  return out;
}

std::vector<std::string> Context::register_headers_for(const std::vector<std::string>& inputs, bool roster) const {
  const bool only_yaml = !roster && std::all_of(inputs.begin(), inputs.end(),
                                                [](const std::string& p) { return p != "-" && is_yaml_path(p); });
  return only_yaml ? std::vector<std::string>{} : register_headers();
}

void print_findings(const Diagnostics& found, const std::string& format, Lang lang) {
  if (format == "json")
    std::cerr << findings_document(found, {}, lang).dump(2) << "\n";
  else
    std::cerr << render_diagnostics_text(found, lang);
}

void print_error_line(const SourceLoc& at, const std::string& rule, const Text& message, Lang lang) {
  std::string where = at.to_string();
  std::cerr << fmt::format("{}{}error[{}]: {}\n", where, where.empty() ? "" : ": ", rule, message.in(lang));
}

void print_input_error(const Error& e, Lang lang) { print_error_line(e.where(), e.rule(), e.message(), lang); }

}  // namespace gongkai::cli
