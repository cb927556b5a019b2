#include <gongkai/render/report_text.hpp>

#include <fmt/format.h>

namespace gongkai {

std::string report_title(const Report& report) {
  return fmt::format("{}{}年政府信息公开工作年度报告", report.agency, report.year);
}

std::string figure_text(const Report& report, const CellDef& cell) {
  // Blank stays blank; a cell the report left out counts as 0 and is printed as 0, as the
  // published form wants every cell filled — unless its whole table is missing (no cell given:
  // warning `missing-table`), which prints empty rather than as zeros nobody stated.
  const CellValue& v = report.at(cell);
  if (v.state == CellState::blank) return {};
  if (!table_given(report, *cell.table)) return {};
  return format_value(*cell.column, v.has_value() ? v.raw : 0);
}

std::vector<ReportSection> report_sections(const BuiltReport& built) {
  std::vector<ReportSection> out;
  const Form& form = *built.report->form;
  for (const auto& s : form.sections) {
    ReportSection rs;
    rs.def = &s;
    if (s.is_table) {
      for (const auto& t : form.tables)
        if (t.section == s.id) rs.table = &t;
    } else if (auto it = built.prose.find(s.id); it != built.prose.end()) {
      rs.prose = &it->second;
    }
    out.push_back(rs);
  }
  return out;
}

Text stamp_notice(const BuiltReport& built) {
  const std::size_t errors = built.findings.count(Severity::error);
  return {fmt::format("本报告未通过检查，含有 {} 个错误，不得作为正式报告发布。", errors),
          fmt::format("This report failed its checks with {} error{}; it must not be published as it is.", errors,
                      errors == 1 ? "" : "s")};
}

}  // namespace gongkai
