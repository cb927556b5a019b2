#include <gongkai/render/report_json.hpp>

#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/explanations_appendix.hpp>
#include <gongkai/render/json_writer.hpp>
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

// The same document as report_json(...).dump(2), written as it goes (no tree of 3,000 cells).
void write_source(JsonWriter& w, const SourceLoc& where) {
  if (!where.known()) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("file");
  w.value(where.file);
  w.key("line");
  where.line > 0 ? w.value(where.line) : w.null();
  w.key("column");
  where.column > 0 ? w.value(where.column) : w.null();
  w.key("cell");
  where.cell_ref.empty() ? w.null() : w.value(where.cell_ref);
  w.end_object();
}

void write_cell(JsonWriter& w, const Report& report, const CellDef& c, bool table_missing) {
  const CellValue& v = report.at(c);
  w.begin_object();
  w.key("table");
  w.value(c.table->id);
  w.key("row");
  w.value(c.row->id);
  w.key("column");
  w.value(c.column->id);
  w.key("label");
  w.begin_object();
  w.key("row");
  w.begin_array();
  for (const auto& p : c.row_path) w.value(p);
  w.end_array();
  w.key("column");
  w.begin_array();
  if (!c.column->group_label.empty()) w.value(c.column->group_label);
  w.value(c.column->label);
  w.end_array();
  w.end_object();
  w.key("kind");
  w.value(kind_name(c.column->kind));
  if (!c.column->unit.empty()) {
    w.key("unit");
    w.value(c.column->unit);
  }
  w.key("state");
  w.value(state_name(v.state));
  const std::int64_t raw = v.has_value() ? v.raw : 0;
  w.key("value");
  if (v.state == CellState::blank || table_missing)
    w.null();
  else if (c.column->kind == ValueKind::amount)
    w.value(format_value(*c.column, raw));
  else
    w.value(raw);
  w.key("computed");
  w.value(v.computed);
  w.key("derived");
  w.value(c.derived);
  w.key("source");
  if (v.computed)
    w.null();
  else
    write_source(w, v.where);
  w.end_object();
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

std::string render_report_json(const BuiltReport& built, Lang lang) {
  const Report& report = *built.report;
  std::string out;
  out.reserve(64 * 1024 + 160 * report.form->cells().size());
  JsonWriter w(out);
  w.begin_object();
  w.key("title");
  w.value(report_title(report));
  w.key("agency");
  w.value(report.agency);
  w.key("level");
  w.value(to_string(report.level));
  w.key("year");
  w.value(report.year);
  w.key("form");
  w.begin_object();
  w.key("id");
  w.value(report.form->id);
  w.key("title");
  w.value(report.form->title);
  w.end_object();
  w.key("published");
  report.publication_date ? w.value(*report.publication_date) : w.null();
  w.key("generated");
  w.value(built.generated);
  w.key("source");
  write_source(w, report.origin);
  w.key("stamped_with_errors");
  w.value(built.stamped_with_errors);
  w.key("sections");
  w.begin_array();
  for (const auto& s : report_sections(built)) {
    w.begin_object();
    w.key("id");
    w.value(s.def->id);
    w.key("number");
    w.value(s.def->number);
    w.key("heading");
    w.value(s.def->heading);
    w.key("kind");
    w.value(s.def->is_table ? "table" : "prose");
    if (s.def->is_table) {
      w.key("table");
      s.table != nullptr ? w.value(s.table->id) : w.null();
    } else {
      w.key("markdown");
      s.prose != nullptr ? w.value(*s.prose) : w.null();
      w.key("source");
      auto where = report.prose_where.find(s.def->id);
      if (where != report.prose_where.end())
        write_source(w, where->second);
      else
        w.null();
    }
    w.end_object();
  }
  w.end_array();
  w.key("cells");
  w.begin_object();
  std::map<const TableDef*, bool> missing;
  for (const auto& t : report.form->tables) missing[&t] = !table_given(report, t);
  for (const auto& c : report.form->cells()) {
    w.key(c.id);
    write_cell(w, report, c, missing[c.table]);
  }
  w.end_object();
  w.key("findings");
  w.value(diagnostics_json(built.findings, lang));
  // The reviewer appendix: the findings the office explained (the key only when there are any).
  const std::vector<AppendixRow> explained = appendix_rows(built);
  if (!explained.empty()) {
    w.key("explanations");
    w.begin_array();
    for (const auto& r : explained) {
      w.begin_object();
      w.key("rule");
      w.value(r.rule);
      w.key("cell");
      r.cell_id.empty() ? w.null() : w.value(r.cell_id);
      w.key("label");
      r.cell.empty() ? w.null() : w.value(r.cell);
      w.key("finding");
      w.value(r.finding.in(lang));
      w.key("reason");
      w.value(r.reason.in(lang));
      w.key("where");
      w.value(r.where);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace gongkai
