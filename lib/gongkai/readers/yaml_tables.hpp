// The cells of a YAML tally: tables 二, 三 and 四 as nested mappings, rows and columns keyed
// by stable IDs (`refused.third_party`, `natural_person`) or official labels (verbatim, or
// after gongkai::compact with a `label` warning). A category row takes either its own columns
// (the category figure) or its sub-rows, nested (`refused: {state_secret: {…}}`) or dotted
// (`refused.state_secret`); a printed group label (第二十条第（一）项, 三、本年度办理结果,
// 行政诉讼) takes its sub-rows; `a/b` walks such a path in one key. A row with a single column
// may be given its figure directly (`licensing: 12`). Values go through cell_text.hpp.
#pragma once

#include <gongkai/core/yaml_source.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/yaml_key_match.hpp>

#include <cstddef>
#include <map>
#include <string>

namespace gongkai {

class YamlTableReader {
 public:
  // REQUIRES: `report` outlives the reader and its form is the form the keys are read against.
  YamlTableReader(YamlSource& src, Report& report) : src_(src), report_(report), form_(*report.form) {}

  // `value` is the mapping given for `table` under `key`.
  void read_table(const TableDef& table, const YAML::Node& key, const YAML::Node& value);
  // `value` is what was given for `row` (a mapping of columns and/or sub-rows, or a figure).
  void read_row(const TableDef& table, const RowDef& row, const YAML::Node& key, const YAML::Node& value);

 private:
  struct RowHit {
    const RowDef* row = nullptr;
    KeyMatch match = KeyMatch::none;
    std::string official;  // the label path the key was matched to
  };
  struct ColumnHit {
    const ColumnDef* column = nullptr;
    KeyMatch match = KeyMatch::none;
    std::string official;
  };

  // A row of `table` (parent null) or below `parent`, by ID, label or `a/b` label path.
  [[nodiscard]] RowHit resolve_row(const TableDef& table, const RowDef* parent, std::string_view key) const;
  [[nodiscard]] RowHit resolve_step(const TableDef& table, const RowDef* parent, std::string_view key) const;
  [[nodiscard]] ColumnHit resolve_column(const TableDef& table, const RowDef& row, std::string_view key) const;
  void read_children(const TableDef& table, const RowDef& row, const YAML::Node& value, bool with_columns);
  void read_cell(const CellDef& cell, const YAML::Node& key, const YAML::Node& value);
  void note_match(const YAML::Node& key, KeyMatch match, const std::string& official);
  [[nodiscard]] Text row_name(const TableDef& table, const RowDef& row) const;
  [[nodiscard]] Text table_name(const TableDef& table) const;

  YamlSource& src_;
  Report& report_;
  const Form& form_;
  std::map<std::size_t, SourceLoc> seen_;  // cell index -> where it was first given
};

}  // namespace gongkai
