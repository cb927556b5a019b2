// Small helpers that name cells and figures in findings, shared by the rule implementations.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/model/report.hpp>

#include <string>
#include <vector>

namespace gongkai {

// A finding of `rule` at `where`.
[[nodiscard]] Diagnostic finding(Severity sev, const std::string& rule, Text msg, SourceLoc where);
// The section number of a table (二, 三, 四).
[[nodiscard]] std::string table_number(const Form& form, const TableDef& t);
[[nodiscard]] CellMention mention(const Form& form, const CellDef& c);
// "a + b + c" over the names; "1 + 2 + 3" over the figures.
[[nodiscard]] std::string join_plus(const std::vector<std::string>& items);
[[nodiscard]] std::string figure(const Report& r, const CellDef& c);
// Where a finding about `c` points: the cell's own location, else the report's.
[[nodiscard]] SourceLoc where_of(const Report& r, const CellDef& c);

}  // namespace gongkai
