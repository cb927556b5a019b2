#include <gongkai/forms/form_loader.hpp>

#include <gongkai/core/yaml_source.hpp>
#include <gongkai/forms/form_facts_loader.hpp>

#include <fmt/format.h>

#include <set>

namespace gongkai {
namespace {

class Loader : public YamlDefinition {
 public:
  Loader(std::string_view name, std::string_view text)
      : YamlDefinition(name, text, {"表式定义有误", "bad form definition"},
                       {"表式定义不是有效的 YAML", "form definition is not valid YAML"}) {}

  bool flag(const YAML::Node& map, const char* key, bool fallback) const {
    auto n = map[key];
    if (!n) return fallback;
    try {
      return n.as<bool>();
    } catch (const YAML::Exception&) {
      fail(n, fmt::format("'{}' must be true or false", key));
    }
  }

  std::vector<std::string> strings(const YAML::Node& map, const char* key) const {
    std::vector<std::string> out;
    auto n = map[key];
    if (!n) return out;
    if (!n.IsSequence()) fail(n, fmt::format("'{}' must be a list", key));
    for (const auto& item : n) out.push_back(item.as<std::string>());
    return out;
  }

  ValueKind kind(const YAML::Node& col) const {
    auto k = str(col, "kind", false);
    if (k.empty() || k == "count") return ValueKind::count;
    if (k == "signed_count") return ValueKind::signed_count;
    if (k == "amount") return ValueKind::amount;
    fail(col["kind"], fmt::format("unknown column kind '{}'", k));
  }

  std::vector<ColumnDef> columns(const YAML::Node& list, const std::map<std::string, std::string>& groups) const {
    std::vector<ColumnDef> out;
    if (!list.IsSequence()) fail(list, "'columns' must be a list");
    std::set<std::string> seen;
    for (const auto& c : list) {
      ColumnDef col;
      col.id = str(c, "id");
      col.label = str(c, "label");
      col.group = str(c, "group", false);
      if (!col.group.empty()) {
        auto g = groups.find(col.group);
        if (g == groups.end()) fail(c, fmt::format("unknown column group '{}'", col.group));
        col.group_label = g->second;
      }
      col.kind = kind(c);
      col.unit = str(c, "unit", false);
      if (!seen.insert(col.id).second) fail(c, fmt::format("duplicate column id '{}'", col.id));
      out.push_back(std::move(col));
    }
    return out;
  }

  std::vector<std::string> expand(const TableDef& t, const YAML::Node& at, const std::vector<std::string>& ids,
                                  bool rows) const {
    std::vector<std::string> out;
    for (const auto& id : ids) {
      if (rows && id.ends_with(".*")) {
        auto parent = id.substr(0, id.size() - 2);
        auto kids = t.children_of(parent);
        if (kids.empty()) fail(at, fmt::format("'{}' matches no rows", id));
        for (const auto* k : kids) out.push_back(k->id);
        continue;
      }
      if (rows && t.row(id) == nullptr) fail(at, fmt::format("unknown row '{}' in table '{}'", id, t.id));
      out.push_back(id);
    }
    return out;
  }

  RuleDef rule(const TableDef& t, const YAML::Node& r) const {
    RuleDef def;
    def.rule = str(r, "rule");
    auto k = str(r, "kind");
    if (k == "column-sum") {
      def.kind = RuleKind::column_sum;
      def.total = str(r, "total");
      def.parts = strings(r, "parts");
    } else if (k == "row-sum") {
      def.kind = RuleKind::row_sum;
      def.total = str(r, "total");
      if (t.row(def.total) == nullptr) fail(r, fmt::format("unknown row '{}'", def.total));
      def.parts = expand(t, r, strings(r, "parts"), true);
    } else if (k == "row-balance") {
      def.kind = RuleKind::row_balance;
      def.left = expand(t, r, strings(r, "left"), true);
      def.right = expand(t, r, strings(r, "right"), true);
    } else {
      fail(r, fmt::format("unknown rule kind '{}'", k));
    }
    return def;
  }

  TableDef table(const YAML::Node& n) const {
    TableDef t;
    t.id = str(n, "id");
    t.section = t.id;
    t.layout = str(n, "layout");
    if (t.layout != "blocks" && t.layout != "grid" && t.layout != "single_row")
      fail(n["layout"], fmt::format("unknown layout '{}'", t.layout));
    t.csv_sections = strings(n, "csv_sections");
    t.corner_note = str(n, "corner_note", false);
    t.column_title = str(n, "column_title", false);
    t.row_header = str(n, "row_header", false);
    std::map<std::string, std::string> groups;
    if (auto g = n["column_groups"]) {
      for (const auto& item : g) groups[str(item, "id")] = str(item, "label");
    }
    if (auto c = n["columns"]) t.columns = columns(c, groups);
    auto rows = n["rows"];
    if (!rows || !rows.IsSequence()) fail(n, "'rows' must be a list");
    std::set<std::string> seen;
    for (const auto& r : rows) {
      RowDef row;
      row.id = str(r, "id");
      row.label = str(r, "label");
      row.short_label = str(r, "short", false);
      if (row.short_label.empty()) row.short_label = row.label;
      row.en = str(r, "en", false);
      if (row.en.empty()) row.en = row.id;
      row.parent = str(r, "parent", false);
      row.has_cells = flag(r, "cells", true);
      row.optional = flag(r, "optional", false);
      row.csv_section = str(r, "csv_section", false);
      if (auto c = r["columns"]) row.columns = columns(c, groups);
      if (!seen.insert(row.id).second) fail(r, fmt::format("duplicate row id '{}'", row.id));
      if (!row.parent.empty()) {
        const RowDef* p = t.row(row.parent);
        if (p == nullptr) fail(r, fmt::format("parent '{}' must be defined before '{}'", row.parent, row.id));
        row.depth = p->depth + 1;
      }
      t.rows.push_back(std::move(row));
    }
    for (const auto& r : t.rows)
      if (r.has_cells && t.columns_of(r).empty()) fail(n, fmt::format("row '{}' has no columns", r.id));
    if (auto rules = n["rules"]) {
      for (const auto& r : rules) t.rules.push_back(rule(t, r));
    }
    return t;
  }

  CrossYearRuleDef cross(const YAML::Node& n) const {
    CrossYearRuleDef def;
    def.rule = str(n, "rule");
    auto k = str(n, "kind");
    if (k == "carry") {
      def.kind = CrossYearKind::carry;
      def.current = str(n, "current");
      def.previous = str(n, "previous");
      def.table = def.current.substr(0, def.current.find('.'));
    } else if (k == "stock") {
      def.kind = CrossYearKind::stock;
      def.table = str(n, "table");
      def.stock = str(n, "stock");
      def.added = str(n, "added");
      def.removed = str(n, "removed");
    } else {
      fail(n, fmt::format("unknown cross-year kind '{}'", k));
    }
    return def;
  }

  std::shared_ptr<const Form> load() const {
    const YAML::Node root = YamlDefinition::load();
    if (!root.IsMap()) fail(root, "the top level must be a mapping");
    auto form = std::make_shared<Form>();
    try {
      form->id = str(root, "id");
      form->title = str(root, "title");
      auto years = root["years"];
      if (!years || !years["from"]) fail(root, "missing 'years: {from: N}'");
      form->year_from = years["from"].as<int>();
      if (years["to"]) form->year_to = years["to"].as<int>();
      for (const auto& s : root["sections"]) {
        SectionDef sec;
        sec.id = str(s, "id");
        sec.number = str(s, "number");
        sec.heading = str(s, "heading");
        sec.is_table = str(s, "kind") == "table";
        form->sections.push_back(std::move(sec));
      }
      if (form->sections.empty()) fail(root, "missing 'sections'");
      for (const auto& t : root["tables"]) form->tables.push_back(table(t));
      for (auto& t : form->tables) {
        bool found = false;
        for (const auto& s : form->sections) found = found || (s.is_table && s.id == t.id);
        if (!found) fail(root["tables"], fmt::format("table '{}' has no section of kind table", t.id));
      }
      if (auto c = root["cross_year"])
        for (const auto& r : c) form->cross_year.push_back(cross(r));
    } catch (const YAML::Exception& e) {
      fail(e);
    }
    form->index_cells();
    load_form_facts(*this, root, *form);  // key figures and deadlines: they name cells
    return form;
  }
};

}  // namespace

std::shared_ptr<const Form> load_form(std::string_view name, std::string_view yaml_text) {
  return Loader(name, yaml_text).load();
}

}  // namespace gongkai
