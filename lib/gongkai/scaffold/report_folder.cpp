#include <gongkai/scaffold/report_folder.hpp>

#include <gongkai/check/checker.hpp>
#include <gongkai/render/xlsx_report.hpp>
#include <gongkai/tally/yaml_writer.hpp>

#include <fmt/format.h>

#include <set>

namespace gongkai {
namespace {

constexpr const char* kWorkbook = "tables.xlsx";

YamlTallyNotes notes_for(const ReportFolderOptions& o, const Report& r, const CarriedCells& carried) {
  const bool zh = o.lang == Lang::zh;
  YamlTallyNotes n;
  n.header.push_back(zh ? fmt::format("{} {} 年度政府信息公开工作年度报告数据（gongkai init 生成，表式 {}）", o.agency,
                                      o.year, r.form->title)
                        : fmt::format("{}: figures of the {} annual report (made by gongkai init; form {})", o.agency,
                                      o.year, r.form->title));
  if (o.tallied != nullptr)
    n.header.push_back(zh ? "表三、表四由下列台账统计；其余数字为【待填写】，请逐项改为实际数字（没有的填 0）；"
                            "留有【待填写】的报告不能通过检查。值留空表示「未填」，与 0 不同。"
                          : "Tables 三 and 四 are counted from the registers below; every other figure is 【待填写】: "
                            "write the real one in each (0 where there is none); a report that still holds 【待填写】 "
                            "does not pass check. An empty value means blank, which is not 0.");
  else
    n.header.push_back(zh ? "每个数字为【待填写】，请逐项改为实际数字（没有的填 0）；留有【待填写】的报告不能通过检查。"
                            "值留空表示「未填」，与 0 不同。"
                          : "Every figure is 【待填写】: write the real one in each (0 where there is none); a report "
                            "that still holds 【待填写】 does not pass check. An empty value means blank, which is "
                            "not 0.");
  if (o.workbook)
    n.header.push_back(
        zh ? fmt::format("{} 是官方表式的同样表格：也可在其中填写，再把下面的表格换成 tables: {}", kWorkbook, kWorkbook)
           : fmt::format("{} holds the same tables in the official layout: fill them there if you "
                         "prefer, then replace the tables below with tables: {}",
                         kWorkbook, kWorkbook));
  n.header.push_back(zh ? "检查：gongkai check report.yaml" : "To check: gongkai check report.yaml");
  if (o.last_year != nullptr) {
    const int prev = o.last_year->year;
    for (const auto& row : carried.rows) {
      const auto dot = row.find('.');
      const TableDef* t = r.form->table(row.substr(0, dot));
      std::string from_label;
      for (const auto& rule : r.form->cross_year)
        if (rule.current == row && t != nullptr)
          if (const RowDef* pr = t->row(rule.previous.substr(rule.previous.find('.') + 1))) from_label = pr->label;
      n.rows[row] = {zh ? fmt::format("由 {} 年报告（{}）的「{}」预填", prev, o.last_year_name, from_label)
                        : fmt::format("pre-filled from {} of the {} report ({})", from_label, prev, o.last_year_name)};
    }
    for (const auto& col : carried.columns) {
      const auto dot = col.find('.');
      const TableDef* t = r.form->table(col.substr(0, dot));
      std::string label = col.substr(dot + 1);
      if (t != nullptr)
        for (const auto& row : t->rows)
          for (const auto& c : t->columns_of(row))
            if (c.id == col.substr(dot + 1)) label = c.label;
      n.tables[col.substr(0, dot)].push_back(
          zh ? fmt::format("「{}」由 {} 年报告（{}）预填：请加上本年新增、减去本年减少的件数", label, prev,
                           o.last_year_name)
             : fmt::format("'{}' pre-filled from the {} report ({}): add this year's new and subtract this year's "
                           "removed",
                           label, prev, o.last_year_name));
    }
  }
  if (o.tallied != nullptr && o.tally_notes != nullptr) {
    // The register's notes for the tables it filled; its first header line is its own title.
    const YamlTallyNotes& t = *o.tally_notes;
    for (std::size_t i = 1; i < t.header.size(); ++i) n.header.push_back(t.header[i]);
    for (const auto& [row, lines] : t.rows) n.rows[row] = lines;
    for (const auto& tab : r.form->tables) {
      bool tallied = false;
      for (const auto& c : r.form->cells()) tallied = tallied || (c.table == &tab && o.tallied->at(c).has_value());
      if (auto it = t.tables.find(tab.id); tallied && it != t.tables.end()) n.tables[tab.id] = it->second;
    }
  }
  for (const auto& s : r.form->sections)
    if (!s.is_table) n.prose_files[s.id] = s.id + ".md";
  n.footer =
      zh ? std::vector<
               std::string>{"第六部分的信息处理费和工作要点落实情况（见 docs/prose.md）：",
                            "fees: none                # 或 {notices: 0, charged: 0.00, collected: 0.00, unit: 元}",
                            "work_plan: workplan.yaml  # 落实上级年度政务公开工作要点情况"}
         : std::vector<std::string>{
               "Section 六's information-processing fees and work plan (docs/prose.md):",
               "fees: none                # or {notices: 0, charged: 0.00, collected: 0.00, unit: 元}",
               "work_plan: workplan.yaml  # 落实上级年度政务公开工作要点情况"};
  n.agency_missing = "agency: ";
  n.previous = o.last_year_link;
  n.previous_comment =
      zh ? "上年报告：check 和 build 据此作跨年度检查和同比" : "last year's report, for check and build";
  return n;
}

}  // namespace

ReportFolder scaffold_report_folder(const ReportFolderOptions& o) {
  ReportFolder folder;
  Report r = stub_report(o.form);
  r.agency = o.agency;
  r.level = o.level;
  r.year = o.year;
  if (o.last_year != nullptr) folder.carried = carry_from_last_year(r, *o.last_year);
  if (o.tallied != nullptr) {
    // A row last year carries over that the registers count as nothing at all keeps last
    // year's figures: an empty register says nothing about what was pending on 1 January.
    std::set<std::string> kept;
    for (const auto& row : folder.carried.rows) {
      bool register_empty = true;
      bool last_year_some = false;
      for (const auto& c : r.form->cells()) {
        if (c.table->id + "." + c.row->id != row || c.derived) continue;
        const CellValue& t = o.tallied->at(c);
        if (t.has_value() && t.raw != 0) register_empty = false;
        if (r.at(c).has_value() && r.at(c).raw != 0) last_year_some = true;
      }
      if (!register_empty || !last_year_some) continue;
      kept.insert(row);
      const RowDef* rd = nullptr;
      if (const TableDef* t = r.form->table(row.substr(0, row.find('.')))) rd = t->row(row.substr(row.find('.') + 1));
      const std::string label = rd == nullptr ? row : rd->label;
      folder.warnings.push_back(
          {fmt::format("台账中「{}」为 0，保留 {} 年报告（{}）结转的数字：请核对台账是否包含上年结转的申请", label,
                       o.last_year->year, o.last_year_name),
           fmt::format("the registers count '{}' as 0: kept what the {} report ({}) carries over; check whether "
                       "the registers hold the requests carried over from last year",
                       label, o.last_year->year, o.last_year_name)});
    }
    std::set<std::string> counted;  // `table.row`s the registers fill
    for (const auto& c : r.form->cells())
      if (o.tallied->at(c).has_value() && !kept.contains(c.table->id + "." + c.row->id)) {
        r.at(c) = o.tallied->at(c);
        counted.insert(c.table->id + "." + c.row->id);
      }
    // A row counted from the registers is not last year's any more: the cross-year check
    // compares the two.
    std::erase_if(folder.carried.rows, [&](const std::string& row) { return counted.contains(row); });
  }
  folder.files.push_back({"report.yaml", write_yaml_tally(r, notes_for(o, r, folder.carried))});
  for (const auto& s : r.form->sections) {
    if (s.is_table) continue;
    auto it = o.prose_templates.find(s.id);
    folder.files.push_back({s.id + ".md", it != o.prose_templates.end() ? it->second : "【待填写】\n"});
  }
  if (o.workbook) {
    // The workbook shows the totals as the form does; the findings of a zeroed report (the
    // balance, when last year carried requests over) are for `check`, not for this sheet.
    Report checked = r;
    Diagnostics ignored;
    check_report(checked, CheckOptions{}, ignored);
    BuiltReport built;
    built.report = &checked;
    built.generated = o.generated;
    folder.files.push_back({kWorkbook, render_xlsx_report(built)});
  }
  return folder;
}

}  // namespace gongkai
