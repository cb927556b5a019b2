// A statutory form: the tables of sections 二, 三 and 四 with their rows, columns, verbatim
// labels, stable IDs, which cells are derived totals, and the arithmetic rules that bind them.
// Forms are data (report-templates/forms/*.yaml, read by form_loader.hpp); nothing in the code
// names a row of a particular form, so a new national form is a new file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

enum class ValueKind {
  count,         // integer >= 0
  signed_count,  // integer, may be negative (form 2019 本年增/减)
  amount,        // fixed-point Decimal >= 0, in the column's unit
};

struct ColumnDef {
  std::string id;
  std::string label;        // verbatim
  std::string group;        // id of the column group it sits under, or empty
  std::string group_label;  // that group's verbatim label
  ValueKind kind = ValueKind::count;
  std::string unit;  // 万元 for amounts; empty for counts
};

struct RowDef {
  std::string id;
  std::string label;               // verbatim
  std::string short_label;         // a shorter name for messages (本年新收); defaults to label
  std::string en;                  // English name for messages; defaults to id
  std::string parent;              // id of the group or category row it sits under, or empty
  int depth = 0;                   // 0 for top-level rows
  bool has_cells = true;           // false for a printed label that spans its children
  bool optional = false;           // a category figure: may be given or left out
  std::vector<ColumnDef> columns;  // a group row's own columns (proactive blocks); else empty
  std::string csv_section;         // spec §7 `section` value for this row, when per-row
};

enum class RuleKind {
  column_sum,   // in each row, column `total` = sum of columns `parts`
  row_sum,      // in each column, row `total` = sum of rows `parts`
  row_balance,  // in each column, sum of rows `left` = sum of rows `right`
};

struct RuleDef {
  std::string rule;  // stable rule ID (spec §5)
  RuleKind kind = RuleKind::column_sum;
  std::string total;
  std::vector<std::string> parts;  // wildcards (`refused.*`) expanded at load time
  std::vector<std::string> left;
  std::vector<std::string> right;
};

struct TableDef {
  std::string id;
  std::string section;                    // id of the section it fills
  std::string layout;                     // blocks | grid | single_row: how renderers lay it out
  std::vector<std::string> csv_sections;  // accepted spec §7 `section` values
  std::string corner_note;
  std::string column_title;
  std::string row_header;          // the label over the row labels (信息内容), blocks layout
  std::vector<ColumnDef> columns;  // the table's columns (grid, single_row)
  std::vector<RowDef> rows;
  std::vector<RuleDef> rules;

  [[nodiscard]] const RowDef* row(std::string_view row_id) const;
  // The columns of a row: its nearest ancestor's own columns, else the table's.
  [[nodiscard]] const std::vector<ColumnDef>& columns_of(const RowDef& row) const;
  [[nodiscard]] std::vector<const RowDef*> children_of(std::string_view parent_id) const;
};

struct SectionDef {
  std::string id;
  std::string number;   // 一 … 六
  std::string heading;  // verbatim, e.g. 二、主动公开政府信息情况
  bool is_table = false;
};

enum class CrossYearKind {
  carry,  // current cell (N) = previous cell (N-1), per column
  stock,  // stock(N) = stock(N-1) + added(N) - removed(N), per row
};

struct CrossYearRuleDef {
  std::string rule;
  CrossYearKind kind = CrossYearKind::carry;
  std::string table;
  std::string current;                // carry: `table.row`
  std::string previous;               // carry: `table.row`
  std::string stock, added, removed;  // stock: column ids
};

// One fillable cell: a (table, row, column) with a dense index into Report::cells.
struct CellDef {
  std::size_t index = 0;
  std::string id;  // table.row.column
  const TableDef* table = nullptr;
  const RowDef* row = nullptr;
  const ColumnDef* column = nullptr;
  bool derived = false;   // the total of a column_sum or row_sum rule: computed when absent
  bool optional = false;  // a category figure
  // Row label path from the top (e.g. 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密).
  std::vector<std::string> row_path;
};

// One instance of a sum rule: the total cell and its parts, in one row (column_sum) or one
// column (row_sum).
struct SumInstance {
  const RuleDef* rule = nullptr;
  const CellDef* total = nullptr;
  std::vector<const CellDef*> parts;
};

// A figure the per-unit overview shows for a report in this form (gongkai check/merge
// --overview): the sum of `cells`. The same `id` in every form names the same overview column;
// a form that has no such cell declares the figure with no cells, and its column stays empty.
struct KeyFigureDef {
  std::string id;                  // received, granted, ...
  std::string label;               // column heading (zh)
  std::string en;                  // column heading (en)
  std::vector<std::string> cells;  // summed cell IDs, each a cell of this form
  bool amount = false;             // an amount (万元) rather than a count
};

// When a report for year N must be published, by the level of the agency that publishes it
// (条例第四十九条): by `month`/`day` of year N+1.
struct DeadlineDef {
  std::string level;  // department | government (model/report_meta's Level, as text)
  unsigned month = 0;
  unsigned day = 0;
};

class Form {
 public:
  std::string id;     // "2019", "2021"
  std::string title;  // 国办公开办函〔2021〕30号
  int year_from = 0;
  std::optional<int> year_to;
  std::vector<SectionDef> sections;
  std::vector<TableDef> tables;
  std::vector<CrossYearRuleDef> cross_year;
  std::vector<KeyFigureDef> key_figures;  // the overview's figures, in column order
  std::vector<DeadlineDef> deadlines;     // one per level
  // Official sentences the outputs write from data, by ID (`phrases:`), e.g. section 六's
  // 信息处理费 statement (prose/fee_statement.hpp), quoting the measure it rests on.
  std::map<std::string, std::string, std::less<>> phrases;

  // A phrase by ID; empty when the form has none (the loader requires the ones the code uses).
  [[nodiscard]] std::string_view phrase(std::string_view phrase_id) const {
    auto it = phrases.find(phrase_id);
    return it == phrases.end() ? std::string_view() : std::string_view(it->second);
  }
  // The deadline for an agency level, or null when the form gives none.
  [[nodiscard]] const DeadlineDef* deadline(std::string_view level) const {
    for (const auto& d : deadlines)
      if (d.level == level) return &d;
    return nullptr;
  }

  [[nodiscard]] bool covers(int year) const { return year >= year_from && (!year_to || year <= *year_to); }
  [[nodiscard]] const TableDef* table(std::string_view table_id) const;
  [[nodiscard]] const std::vector<CellDef>& cells() const { return cells_; }
  [[nodiscard]] const CellDef* cell(std::string_view cell_id) const;
  [[nodiscard]] const CellDef* cell(std::string_view table, std::string_view row, std::string_view column) const;
  // A short human label for a cell, e.g. 「三 自然人 一、本年新收政府信息公开申请数量」 parts joined.
  [[nodiscard]] std::string cell_label(const CellDef& c) const;

  // Every column_sum and row_sum rule unrolled, in rule order.
  [[nodiscard]] const std::vector<SumInstance>& sum_instances() const { return sums_; }
  // The instances whose total is the cell with this index.
  [[nodiscard]] const std::vector<const SumInstance*>& sums_into(std::size_t cell_index) const {
    return sums_into_[cell_index];
  }

  // Builds the dense cell index and marks derived cells. Called once by the loader after the
  // tables are filled; the Form must not be moved or copied afterwards (cells point into it).
  void index_cells();

  Form() = default;
  Form(const Form&) = delete;
  Form& operator=(const Form&) = delete;

 private:
  std::vector<CellDef> cells_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
  std::vector<SumInstance> sums_;
  std::vector<std::vector<const SumInstance*>> sums_into_;
};

}  // namespace gongkai
