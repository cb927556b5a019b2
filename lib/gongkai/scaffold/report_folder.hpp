// What `gongkai init` writes into a new report folder, as (name, content) pairs — the caller
// writes them, after making sure none exists: report.yaml (every cell at 0 with its official
// label as a comment, derived totals left to check, prose files named), one Markdown stub per
// prose section (headings and 【待填写】 hints from report-templates/init/, placeholders such as
// {{applications.received.total}} already in place), and tables.xlsx, the same tables in the
// official layout for those who fill them in Excel.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/scaffold/zero_report.hpp>
#include <gongkai/tally/yaml_writer.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gongkai {

struct ScaffoldFile {
  std::string name;  // relative to the folder
  std::string content;
};

struct ReportFolderOptions {
  std::shared_ptr<const Form> form;
  std::string agency;
  Level level = Level::department;
  int year = 0;
  // Last year's report, through check_report, and how to name it; null when not given.
  const Report* last_year = nullptr;
  std::string last_year_name;
  // How report.yaml names it (`previous:`, relative to the folder), so that check and build use
  // it without --previous. Empty: not written.
  std::string last_year_link;
  // Cells counted from registers (tally_report) and their notes (tally_notes), or null. Its
  // figures replace the zeros (and what came from last year) in the tables it fills.
  const Report* tallied = nullptr;
  const YamlTallyNotes* tally_notes = nullptr;
  // Section id -> Markdown stub (report-templates/init/<id>.md). A section without one gets a
  // bare 【待填写】.
  std::map<std::string, std::string> prose_templates;
  bool workbook = true;   // write tables.xlsx
  std::string generated;  // fixed timestamp for the workbook's properties (BuiltReport::generated)
  Lang lang = Lang::zh;   // of the comments gongkai adds
};

struct ReportFolder {
  std::vector<ScaffoldFile> files;  // report.yaml first
  CarriedCells carried;             // what came from last year
  // Rows last year carries over that the registers count as all zeros (a register starting on
  // 1 January has no request from last year): last year's figures were kept, and this says so.
  std::vector<Text> warnings;
};

// Throws InputError when the workbook cannot be rendered.
[[nodiscard]] ReportFolder scaffold_report_folder(const ReportFolderOptions& options);

}  // namespace gongkai
