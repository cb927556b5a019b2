#include <gongkai/render/diagnostics_json.hpp>

#include <nlohmann/json.hpp>

namespace gongkai {

nlohmann::ordered_json diagnostic_json(const Diagnostic& d, Lang lang) {
  nlohmann::ordered_json j;
  j["severity"] = std::string(to_string(d.severity));
  j["rule"] = d.rule;
  j["message"] = d.message.in(lang);
  auto cells = nlohmann::ordered_json::array();
  for (const auto& c : d.cells) cells.push_back({{"id", c.id}, {"label", c.label}});
  j["cells"] = std::move(cells);
  j["expected"] = d.expected ? nlohmann::ordered_json(*d.expected) : nlohmann::ordered_json(nullptr);
  j["actual"] = d.actual ? nlohmann::ordered_json(*d.actual) : nlohmann::ordered_json(nullptr);
  j["file"] = d.where.file;
  j["line"] = d.where.line > 0 ? nlohmann::ordered_json(d.where.line) : nlohmann::ordered_json(nullptr);
  j["column"] = d.where.column > 0 ? nlohmann::ordered_json(d.where.column) : nlohmann::ordered_json(nullptr);
  j["cell"] = d.where.cell_ref.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.where.cell_ref);
  return j;
}

nlohmann::ordered_json diagnostics_json(const Diagnostics& ds, Lang lang) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& d : ds.items()) arr.push_back(diagnostic_json(d, lang));
  return arr;
}

}  // namespace gongkai
