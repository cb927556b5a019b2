#include <gongkai/render/report_json.hpp>

#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/explanations_appendix.hpp>
#include <gongkai/render/report_text.hpp>

#include <nlohmann/json.hpp>

#include <map>

namespace gongkai {

namespace {

using json = nlohmann::ordered_json;

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

std::string_view state_name(CellState s) {
  switch (s) {
    case CellState::absent:
      return "absent";
    case CellState::blank:
      return "blank";
    case CellState::value:
      return "value";
  }
  return "absent";
}

json source_json(const SourceLoc& where) {
  if (!where.known()) return nullptr;
  json j;
  j["file"] = where.file;
  j["line"] = where.line > 0 ? json(where.line) : json(nullptr);
  j["column"] = where.column > 0 ? json(where.column) : json(nullptr);
  j["cell"] = where.cell_ref.empty() ? json(nullptr) : json(where.cell_ref);
  return j;
}

// `table_missing`: no cell of the cell's table is given; every format prints such a table empty
// (docs/build.md), so its cells have no figure here either.
json cell_json(const Report& report, const CellDef& c, bool table_missing) {
  const CellValue& v = report.at(c);
  json j;
  j["table"] = c.table->id;
  j["row"] = c.row->id;
  j["column"] = c.column->id;
  json column_label = json::array();
  if (!c.column->group_label.empty()) column_label.push_back(c.column->group_label);
  column_label.push_back(c.column->label);
  j["label"] = {{"row", c.row_path}, {"column", std::move(column_label)}};
  j["kind"] = kind_name(c.column->kind);
  if (!c.column->unit.empty()) j["unit"] = c.column->unit;
  j["state"] = state_name(v.state);
  // Blank has no figure; a cell left out (state "absent") of a given table counts as 0.
  const std::int64_t raw = v.has_value() ? v.raw : 0;
  if (v.state == CellState::blank || table_missing) {
    j["value"] = nullptr;
  } else if (c.column->kind == ValueKind::amount) {
    j["value"] = format_value(*c.column, raw);
  } else {
    j["value"] = raw;
  }
  j["computed"] = v.computed;
  j["derived"] = c.derived;
  j["source"] = v.computed ? json(nullptr) : source_json(v.where);
  return j;
}

}  // namespace

json report_json(const BuiltReport& built, Lang lang) {
  const Report& report = *built.report;
  json j;
  j["title"] = report_title(report);
  j["agency"] = report.agency;
  j["level"] = std::string(to_string(report.level));
  j["year"] = report.year;
  j["form"] = {{"id", report.form->id}, {"title", report.form->title}};
  j["published"] = report.publication_date ? json(*report.publication_date) : json(nullptr);
  j["generated"] = built.generated;
  j["source"] = source_json(report.origin);
  j["stamped_with_errors"] = built.stamped_with_errors;
  json sections = json::array();
  for (const auto& s : report_sections(built)) {
    json sj;
    sj["id"] = s.def->id;
    sj["number"] = s.def->number;
    sj["heading"] = s.def->heading;
    sj["kind"] = s.def->is_table ? "table" : "prose";
    if (s.def->is_table) {
      sj["table"] = s.table != nullptr ? json(s.table->id) : json(nullptr);
    } else {
      sj["markdown"] = s.prose != nullptr ? json(*s.prose) : json(nullptr);
      auto where = report.prose_where.find(s.def->id);
      sj["source"] = where != report.prose_where.end() ? source_json(where->second) : json(nullptr);
    }
    sections.push_back(std::move(sj));
  }
  j["sections"] = std::move(sections);
  json cells = json::object();
  std::map<const TableDef*, bool> missing;
  for (const auto& t : report.form->tables) missing[&t] = !table_given(report, t);
  for (const auto& c : report.form->cells()) cells[c.id] = cell_json(report, c, missing[c.table]);
  j["cells"] = std::move(cells);
  j["findings"] = diagnostics_json(built.findings, lang);
  // The reviewer appendix: the findings the office explained (the key only when there are any).
  const std::vector<AppendixRow> explained = appendix_rows(built);
  if (!explained.empty()) {
    json rows = json::array();
    for (const auto& r : explained)
      rows.push_back({{"rule", r.rule},
                      {"cell", r.cell_id.empty() ? json(nullptr) : json(r.cell_id)},
                      {"label", r.cell.empty() ? json(nullptr) : json(r.cell)},
                      {"finding", r.finding.in(lang)},
                      {"reason", r.reason.in(lang)},
                      {"where", r.where}});
    j["explanations"] = std::move(rows);
  }
  return j;
}

std::string render_report_json(const BuiltReport& built, Lang lang) { return report_json(built, lang).dump(2) + "\n"; }

}  // namespace gongkai
