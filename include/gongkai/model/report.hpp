// One agency's report for one year: who, when, which form, the cells of tables 二, 三 and 四
// (each a number, blank or absent, with where it came from), and the prose of 一, 五 and 六.
// Readers fill a Report; check/ derives totals and finds errors; render/ writes it out.
#pragma once

#include <gongkai/core/decimal.hpp>
#include <gongkai/core/location.hpp>
#include <gongkai/forms/form.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// What gongkai init writes where a figure or a paragraph is still to be written. Wherever it
// survives (a cell, a prose section) it is an error (rule `stub`): a report is never published
// with it. Found by its word, whatever brackets surround it.
inline constexpr std::string_view kStubMarker = "【待填写】";
inline constexpr std::string_view kStubMarkerWord = "待填写";

enum class Level { department, government };

[[nodiscard]] std::string_view to_string(Level l);
[[nodiscard]] std::optional<Level> parse_level(std::string_view s);  // department|government|部门|政府

enum class CellState : std::uint8_t {
  absent,  // not given at all
  blank,   // given, but left empty: not 0
  value,   // a number
};

struct CellValue {
  CellState state = CellState::absent;
  // The figure in the column's smallest unit: a count, or Decimal micro-units for amounts.
  std::int64_t raw = 0;
  bool computed = false;  // filled in by check/derive, not given
  SourceLoc where;        // where it was read; for computed cells, empty
  bool stub = false;      // blank because it still holds gongkai init's 【待填写】 marker

  [[nodiscard]] bool has_value() const { return state == CellState::value; }
};

struct Report {
  std::shared_ptr<const Form> form;
  std::string agency;
  Level level = Level::department;
  int year = 0;
  std::optional<std::string> publication_date;   // YYYY-MM-DD
  std::vector<CellValue> cells;                  // dense, by CellDef::index
  std::map<std::string, std::string> prose;      // section id -> Markdown
  std::map<std::string, SourceLoc> prose_where;  // section id -> where the prose came from
  SourceLoc origin;                              // the input file the report was read from

  // REQUIRES: form is set. Sizes `cells` to the form.
  explicit Report(std::shared_ptr<const Form> f);

  [[nodiscard]] CellValue& at(const CellDef& c) { return cells[c.index]; }
  [[nodiscard]] const CellValue& at(const CellDef& c) const { return cells[c.index]; }
  // nullptr when the form has no such cell.
  [[nodiscard]] const CellValue* find(std::string_view cell_id) const;
};

// Whether the report gives any cell of `t` (a number or a blank; totals computed by check do
// not count). A table not given is missing: its cells print empty, not as 0.
[[nodiscard]] bool table_given(const Report& report, const TableDef& t);

// A cell's figure as text in its column's kind: 12, -3, 24252.311082.
[[nodiscard]] std::string format_value(const ColumnDef& column, std::int64_t raw);

}  // namespace gongkai
