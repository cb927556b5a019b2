#include <gongkai/check/cell_rules.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/check/messages.hpp>

#include <fmt/format.h>

namespace gongkai {

void check_blank_cells(CheckContext& ctx, Diagnostics& out) {
  const Report& r = ctx.report;
  const Form& form = *r.form;
  for (const auto& c : form.cells()) {
    if (r.at(c).state != CellState::blank) continue;
    const std::string label = form.cell_label(c);
    if (r.at(c).stub) {
      Diagnostic d =
          finding(Severity::error, "stub",
                  {fmt::format("「{}」尚未填写：仍是 gongkai init 留下的「{}」", label, kStubMarker),
                   fmt::format("'{}' is not filled in: it still holds gongkai init's {} marker", label, kStubMarker)},
                  where_of(r, c));
      d.cells.push_back(mention(form, c));
      out.add(std::move(d));
      continue;
    }
    Text msg = c.derived ? Text{fmt::format("「{}」为空（空白不等于 0），已按合计规则计算", label),
                                fmt::format("'{}' is blank (blank is not 0); it is computed from its parts", label)}
                         : Text{fmt::format("「{}」为空（空白不等于 0），合计时按 0 计", label),
                                fmt::format("'{}' is blank (blank is not 0); counted as 0 in sums", label)};
    Diagnostic d = finding(Severity::warning, "blank-cell", std::move(msg), where_of(r, c));
    d.cells.push_back(mention(form, c));
    out.add(std::move(d));
  }
}

// A category figure given alone: accepted, but its sub-rows are missing.
void check_lone_categories(CheckContext& ctx, Diagnostics& out) {
  const Report& r = ctx.report;
  const Form& form = *r.form;
  for (const auto& t : form.tables) {
    for (const auto& row : t.rows) {
      if (!row.optional) continue;
      auto kids = t.children_of(row.id);
      bool category_given = false;
      bool kids_given = false;
      const CellDef* first = nullptr;
      for (const auto& col : t.columns_of(row)) {
        const CellDef* c = form.cell(t.id, row.id, col.id);
        const CellValue& v = r.at(*c);
        if (v.state != CellState::absent && !v.computed) {
          category_given = true;
          if (first == nullptr) first = c;
        }
        for (const RowDef* k : kids)
          if (const CellDef* kc = form.cell(t.id, k->id, col.id); kc && r.at(*kc).state != CellState::absent)
            kids_given = true;
      }
      if (!category_given || kids_given || kids.empty()) continue;
      const std::string no = table_number(form, t);
      Diagnostic d = finding(Severity::warning, "category-sum",
                             {fmt::format("{} 「{}」只给出了类别合计，缺少其 {} 个分项", no, row.label, kids.size()),
                              fmt::format("{} 「{}」: only the category figure is given; its {} sub-rows are missing",
                                          no, row.label, kids.size())},
                             where_of(r, *first));
      d.cells.push_back(mention(form, *first));
      out.add(std::move(d));
    }
  }
}

}  // namespace gongkai
