#include <gongkai/render/form_listing.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace gongkai {

namespace {

std::string_view kind_name(ValueKind k) {
  switch (k) {
    case ValueKind::count:
      return "count";
    case ValueKind::signed_count:
      return "signed_count";
    case ValueKind::amount:
      return "amount";
  }
  return "count";
}

}  // namespace

std::string render_form_text(const Form& form) {
  std::string out = fmt::format("form {} — {} (years {}–{})\n", form.id, form.title, form.year_from,
                                form.year_to ? fmt::format("{}", *form.year_to) : std::string());
  for (const auto& s : form.sections) {
    out += fmt::format("\n{}\n", s.heading);
    const TableDef* t = form.table(s.id);
    if (t == nullptr) continue;
    for (const auto& c : form.cells()) {
      if (c.table != t) continue;
      std::string flags;
      if (c.derived) flags += " [derived]";
      if (c.optional) flags += " [optional]";
      if (c.column->kind != ValueKind::count)
        flags += fmt::format(" [{}{}]", kind_name(c.column->kind), c.column->unit.empty() ? "" : ", " + c.column->unit);
      out += fmt::format("  {}\t{}{}\n", c.id, form.cell_label(c), flags);
    }
  }
  return out;
}

nlohmann::ordered_json form_json(const Form& form) {
  nlohmann::ordered_json j;
  j["id"] = form.id;
  j["title"] = form.title;
  j["years"] = {{"from", form.year_from},
                {"to", form.year_to ? nlohmann::ordered_json(*form.year_to) : nlohmann::ordered_json(nullptr)}};
  auto sections = nlohmann::ordered_json::array();
  for (const auto& s : form.sections)
    sections.push_back(
        {{"id", s.id}, {"number", s.number}, {"heading", s.heading}, {"kind", s.is_table ? "table" : "prose"}});
  j["sections"] = std::move(sections);
  auto cells = nlohmann::ordered_json::array();
  for (const auto& c : form.cells()) {
    nlohmann::ordered_json cell;
    cell["id"] = c.id;
    cell["table"] = c.table->id;
    cell["row"] = c.row->id;
    cell["column"] = c.column->id;
    cell["row_labels"] = c.row_path;
    cell["column_labels"] = c.column->group_label.empty()
                                ? nlohmann::ordered_json::array({c.column->label})
                                : nlohmann::ordered_json::array({c.column->group_label, c.column->label});
    cell["kind"] = std::string(kind_name(c.column->kind));
    if (!c.column->unit.empty()) cell["unit"] = c.column->unit;
    cell["derived"] = c.derived;
    cell["optional"] = c.optional;
    cells.push_back(std::move(cell));
  }
  j["cells"] = std::move(cells);
  return j;
}

}  // namespace gongkai
