#include <gongkai/check/messages.hpp>

#include <gongkai/check/derive.hpp>

#include <fmt/format.h>

namespace gongkai {

Diagnostic finding(Severity sev, const std::string& rule, Text msg, SourceLoc where) {
  Diagnostic d;
  d.severity = sev;
  d.rule = rule;
  d.message = std::move(msg);
  d.where = std::move(where);
  return d;
}

std::string table_number(const Form& form, const TableDef& t) {
  for (const auto& s : form.sections)
    if (s.id == t.section) return s.number;
  return t.id;
}

CellMention mention(const Form& form, const CellDef& c) { return {c.id, form.cell_label(c)}; }

std::string join_plus(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += " + ";
    out += i;
  }
  return out;
}

std::string figure(const Report& r, const CellDef& c) {
  auto v = resolved(r, c);
  return v ? format_value(*c.column, *v) : std::string("?");
}

SourceLoc where_of(const Report& r, const CellDef& c) {
  const SourceLoc& w = r.at(c).where;
  return w.known() ? w : r.origin;
}

}  // namespace gongkai
