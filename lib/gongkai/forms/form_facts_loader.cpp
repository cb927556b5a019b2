#include <gongkai/forms/form_facts_loader.hpp>

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/yaml_source.hpp>

#include <fmt/format.h>

#include <set>

namespace gongkai {
namespace {

class FactsLoader {
 public:
  FactsLoader(const YamlDefinition& definition, Form& form) : definition_(definition), form_(form) {}

  // Places in characters, as every YAML message gives them (core/yaml_source).
  [[noreturn]] void fail(const YAML::Node& at, const std::string& what) const { definition_.fail(at, what); }

  std::string str(const YAML::Node& map, const char* key) const {
    auto n = map[key];
    if (!n) fail(map, fmt::format("missing key '{}'", key));
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, fmt::format("'{}' must be a non-empty string", key));
    return n.Scalar();
  }

  unsigned number(const YAML::Node& map, const char* key, unsigned low, unsigned high) const {
    auto n = map[key];
    if (!n) fail(map, fmt::format("missing key '{}'", key));
    unsigned v = 0;
    if (!n.IsScalar() || !YAML::convert<unsigned>::decode(n, v) || v < low || v > high)
      fail(n, fmt::format("'{}' must be a whole number from {} to {}", key, low, high));
    return v;
  }

  YAML::Node list(const YAML::Node& root, const char* key) const {
    auto n = root[key];
    if (!n) fail(root, fmt::format("missing key '{}'", key));
    if (!n.IsSequence()) fail(n, fmt::format("'{}' must be a list", key));
    return n;
  }

  void key_figures(const YAML::Node& root) const {
    std::set<std::string> seen;
    for (const auto& n : list(root, "key_figures")) {
      if (!n.IsMap()) fail(n, "a key figure must be a mapping {id, label, en, cells}");
      KeyFigureDef k;
      k.id = str(n, "id");
      k.label = str(n, "label");
      k.en = str(n, "en");
      const std::string kind = n["kind"] ? str(n, "kind") : "count";
      if (kind != "count" && kind != "amount")
        fail(n["kind"], fmt::format("a key figure's kind is count or amount, not '{}'", kind));
      k.amount = kind == "amount";
      auto cells = n["cells"];
      if (!cells) fail(n, "missing key 'cells'");
      if (!cells.IsSequence()) fail(cells, "'cells' must be a list (empty when the form has no such cell)");
      for (const auto& c : cells) {
        if (!c.IsScalar()) fail(c, "a cell ID must be a string");
        const CellDef* cell = form_.cell(c.Scalar());
        if (cell == nullptr) fail(c, fmt::format("key figure '{}': the form has no cell '{}'", k.id, c.Scalar()));
        if ((cell->column->kind == ValueKind::amount) != k.amount)
          fail(c, fmt::format("key figure '{}' is {}, but cell '{}' is {}", k.id, kind, c.Scalar(),
                              k.amount ? "a count" : "an amount"));
        k.cells.push_back(c.Scalar());
      }
      if (!seen.insert(k.id).second) fail(n, fmt::format("duplicate key figure '{}'", k.id));
      form_.key_figures.push_back(std::move(k));
    }
  }

  void deadlines(const YAML::Node& root) const {
    const YAML::Node items = list(root, "deadlines");
    for (const auto& n : items) {
      if (!n.IsMap()) fail(n, "a deadline must be a mapping {level, month, day}");
      DeadlineDef d;
      d.level = str(n, "level");
      if (d.level != "department" && d.level != "government")
        fail(n["level"], fmt::format("a deadline's level is department or government, not '{}'", d.level));
      if (form_.deadline(d.level) != nullptr) fail(n, fmt::format("duplicate deadline for '{}'", d.level));
      d.month = number(n, "month", 1, 12);
      static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      d.day = number(n, "day", 1, kDays[d.month - 1]);
      form_.deadlines.push_back(std::move(d));
    }
    for (const char* level : {"department", "government"})
      if (form_.deadline(level) == nullptr) fail(items, fmt::format("'deadlines' gives none for '{}'", level));
  }

  void phrases(const YAML::Node& root) const {
    auto n = root["phrases"];
    if (!n) fail(root, "missing key 'phrases'");
    if (!n.IsMap()) fail(n, "'phrases' must be a mapping of phrase ID to text");
    for (const auto& item : n) {
      const std::string id = item.first.as<std::string>();
      if (!item.second.IsScalar() || item.second.Scalar().empty())
        fail(item.second, fmt::format("phrase '{}' must be a non-empty string", id));
      form_.phrases[id] = item.second.Scalar();
    }
    for (const char* id : kRequiredPhrases)
      if (form_.phrases.find(id) == form_.phrases.end()) fail(n, fmt::format("'phrases' gives no '{}'", id));
  }

 private:
  // The phrases the code writes (prose/fee_statement.cpp).
  static constexpr const char* kRequiredPhrases[] = {"fee_statement.none", "fee_statement.charged"};
  const YamlDefinition& definition_;
  Form& form_;
};

}  // namespace

void load_form_facts(const YamlDefinition& definition, const YAML::Node& root, Form& form) {
  FactsLoader loader(definition, form);
  try {
    loader.key_figures(root);
    loader.deadlines(root);
    loader.phrases(root);
  } catch (const YAML::Exception& e) {
    definition.fail(e);
  }
}

}  // namespace gongkai
