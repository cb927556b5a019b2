#include <gongkai/render/explanations_appendix.hpp>

namespace gongkai {

std::vector<AppendixRow> appendix_rows(const BuiltReport& built) {
  std::vector<AppendixRow> rows;
  for (const auto& d : built.findings.items()) {
    if (!d.explanation) continue;
    AppendixRow r;
    r.rule = d.rule;
    if (!d.cells.empty()) {
      r.cell = d.cells.front().label;
      r.cell_id = d.cells.front().id;
    }
    r.finding = d.message;
    r.reason = *d.explanation;
    r.where = d.explained_at.to_string();
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace gongkai
