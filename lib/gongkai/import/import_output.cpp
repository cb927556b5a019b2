#include <gongkai/import/import_output.hpp>

#include <gongkai/forms/form.hpp>
#include <gongkai/tally/yaml_writer.hpp>

#include <fmt/format.h>

namespace gongkai::import {
namespace {

bool given(const CellValue& v) { return v.state != CellState::absent && !v.computed; }

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string row_path(const TableDef& table, const RowDef& row) {
  std::string path = row.label;
  for (const RowDef* at = row.parent.empty() ? nullptr : table.row(row.parent); at != nullptr;
       at = at->parent.empty() ? nullptr : table.row(at->parent)) {
    path = at->label + "/" + path;
  }
  return path;
}

std::string value_text(const CellDef& cell, const CellValue& v) {
  return v.state == CellState::value ? format_value(*cell.column, v.raw) : std::string();
}

std::string place(const CellValue& v) { return v.where.cell_ref.empty() ? v.where.to_string() : v.where.cell_ref; }

}  // namespace

std::string import_csv(const Report& report) {
  const Form& form = *report.form;
  std::string out = "section,row,column,value,source\n";
  for (const CellDef& cell : form.cells()) {
    const CellValue& v = report.at(cell);
    if (!given(v)) continue;
    const TableDef& table = *cell.table;
    const std::string section = !cell.row->csv_section.empty() ? cell.row->csv_section
                                : table.csv_sections.empty()   ? table.id
                                                               : table.csv_sections.front();
    const ColumnDef& column = *cell.column;
    const std::string column_label =
        column.group_label.empty() ? column.label : column.group_label + "/" + column.label;
    out += fmt::format("{},{},{},{},{}\n", csv_field(section), csv_field(row_path(table, *cell.row)),
                       csv_field(column_label), csv_field(value_text(cell, v)), csv_field(place(v)));
  }
  return out;
}

std::string import_yaml(const Report& report, const std::map<std::string, std::string>& prose_files) {
  const Form& form = *report.form;
  YamlTallyNotes notes;
  notes.header.push_back(fmt::format("gongkai import: {}", report.origin.file));
  notes.header.push_back("每个数字前的注释说明它在原文中的位置 (each row's comment says where its figures were found)");
  for (const TableDef& table : form.tables) {
    for (const RowDef& row : table.rows) {
      std::vector<std::string> places;
      for (const ColumnDef& column : table.columns_of(row)) {
        const CellDef* cell = form.cell(table.id, row.id, column.id);
        if (cell == nullptr || !given(report.at(*cell))) continue;
        places.push_back(fmt::format("{}: {}", column.id, place(report.at(*cell))));
      }
      if (places.empty()) continue;
      std::vector<std::string>& lines = notes.rows[table.id + "." + row.id];
      lines.push_back("来源 source:");
      for (auto& p : places) lines.push_back("  " + p);
    }
  }
  notes.prose_files = prose_files;
  return write_yaml_tally(report, notes);
}

}  // namespace gongkai::import
