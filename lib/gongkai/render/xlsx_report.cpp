#include <gongkai/render/xlsx_report.hpp>

#include <gongkai/core/civil_date.hpp>
#include <gongkai/render/report_text.hpp>
#include <gongkai/render/table_layout.hpp>
#include <gongkai/render/xlsx_explanations_sheet.hpp>
#include <gongkai/render/xlsx_prose_sheet.hpp>
#include <gongkai/render/xlsx_sheet.hpp>
#include <gongkai/render/xlsx_styles.hpp>
#include <gongkai/render/xlsx_table_sheet.hpp>
#include <gongkai/render/xlsx_workbook.hpp>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <vector>

namespace gongkai {

namespace {

std::time_t created_time(const BuiltReport& built) {
  const Report& r = *built.report;
  std::optional<std::int64_t> t = parse_utc(built.generated);
  if (!t && r.publication_date) t = parse_utc(*r.publication_date);
  if (!t) t = parse_utc(fmt::format("{:04}-01-01", r.year + 1));
  // libxlsxwriter takes 0 to mean "now": never pass it.
  return static_cast<std::time_t>(t && *t > 0 ? *t : 1);
}

void set_properties(lxw_workbook* book, const BuiltReport& built) {
  const Report& r = *built.report;
  std::string title = report_title(r);
  std::string subject = "政府信息公开工作年度报告";
  std::string agency = r.agency;
  std::string keywords = fmt::format("{}年, 政府信息公开, 年度报告, {}", r.year, r.form->title);
  std::string comments = fmt::format("{}年度政府信息公开工作年度报告，按{}的格式。", r.year, r.form->title);
  std::string status = built.stamped_with_errors ? "含有错误（--allow-errors）" : "";
  if (built.stamped_with_errors) comments += "本报告未通过检查，含有错误。";
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = subject.data();
  props.author = agency.data();
  props.company = agency.data();
  props.category = subject.data();
  props.keywords = keywords.data();
  props.comments = comments.data();
  if (!status.empty()) props.status = status.data();
  props.created = created_time(built);
  xlsx_check(workbook_set_properties(book, &props));
}

}  // namespace

std::string render_xlsx_report(const BuiltReport& built) {
  const Report& report = *built.report;
  XlsxScratchFile file;
  {
    XlsxOpenWorkbook book(file.path());
    set_properties(book.get(), built);
    const XlsxStyles styles = make_xlsx_styles(book.get());
    XlsxSheetContext ctx{built, styles, {}, {}, {}};
    if (built.stamped_with_errors) {
      const Text notice = stamp_notice(built);
      ctx.notice = notice.zh + "\n" + notice.en;
      ctx.page_notice = notice.zh;
    }
    for (const Diagnostic& d : built.findings.items())
      if (d.severity == Severity::error && !d.cells.empty()) ctx.flagged.insert(d.cells.front().id);

    std::set<std::string> names;
    std::map<std::string, std::string> table_sheets;  // section id -> sheet name
    for (const TableDef& table : report.form->tables) {
      const TableLayout layout = layout_table(report, table);
      const std::string name = xlsx_sheet_name(layout.heading.empty() ? table.id : layout.heading, names);
      table_sheets[table.section] = name;
      write_table_sheet(xlsx_add_sheet(book.get(), name), layout, ctx);
    }
    write_prose_sheet(xlsx_add_sheet(book.get(), xlsx_sheet_name("报告正文", names)), ctx, table_sheets);
    // The reviewer appendix, when the office explained findings.
    if (const std::vector<AppendixRow> explained = appendix_rows(built); !explained.empty())
      write_explanations_sheet(xlsx_add_sheet(book.get(), xlsx_sheet_name("审核说明", names)), ctx, explained);
    book.close();
  }
  return file.read();
}

}  // namespace gongkai
