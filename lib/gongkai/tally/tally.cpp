#include <gongkai/tally/tally.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

SourceLoc first_source(const RegisterTable& t) {
  return t.sources().empty() ? SourceLoc{} : SourceLoc{t.sources().front().file, 0, 0, {}};
}

void set(Report& r, const TableDef& t, const RowDef& row, const ColumnDef& col, std::int64_t v, const SourceLoc& at) {
  if (const CellDef* c = r.form->cell(t.id, row.id, col.id)) r.at(*c) = CellValue{CellState::value, v, false, at};
}

std::string rows_en(std::uint64_t n) { return fmt::format("{} row{}", n, n == 1 ? "" : "s"); }

}  // namespace

std::string source_names(const RegisterTable& table) {
  std::vector<std::string> names;
  for (const auto& s : table.sources()) names.push_back(s.sheet.empty() ? s.file : s.file + ":" + s.sheet);
  return fmt::format("{}", fmt::join(names, ", "));
}

Report tally_report(std::shared_ptr<const Form> form, const ReportMeta& meta, int year, const RequestRegister* requests,
                    const CaseRegister* cases) {
  Report r(form);
  r.agency = meta.agency.value_or("");
  r.level = meta.level.value_or(Level::department);
  r.year = year;
  r.publication_date = meta.publication_date;
  if (requests != nullptr) {
    const RequestTerms& terms = requests->terms();
    const SourceLoc at = first_source(*requests);
    r.origin = at;
    std::vector<const RowDef*> rows{terms.received, terms.carried_over};
    rows.insert(rows.end(), terms.outcomes.begin(), terms.outcomes.end());
    rows.push_back(terms.carried_forward);
    for (const RowDef* row : rows)
      for (std::size_t a = 0; a < terms.applicants.size(); ++a)
        set(r, *terms.table, *row, *terms.applicants[a], requests->count(*row, a), at);
  }
  if (cases != nullptr) {
    const CaseTerms& terms = cases->terms();
    const SourceLoc at = first_source(*cases);
    if (!r.origin.known()) r.origin = at;
    for (std::size_t k = 0; k < terms.kinds.size(); ++k)
      for (std::size_t c = 0; c < terms.results.size(); ++c)
        set(r, *terms.table, *terms.kinds[k], *terms.results[c], cases->count(k, c), at);
  }
  return r;
}

YamlTallyNotes tally_notes(const Report& report, const RequestRegister* requests, const CaseRegister* cases,
                           Lang lang) {
  YamlTallyNotes n;
  const bool zh = lang == Lang::zh;
  const int y = report.year;
  n.agency_missing = zh ? "agency: （未给出机关名称：请在此填写，或在 check 时用 --agency 指定）"
                        : "agency: (no agency given: write its name here, or pass --agency to check)";
  n.header.push_back(zh ? fmt::format("{} 年度政府信息公开工作年度报告数据，由 gongkai tally 从台账统计", y)
                        : fmt::format("Figures for the {} annual report, tallied by gongkai tally from registers", y));
  if (requests != nullptr) {
    const std::string src = source_names(*requests);
    n.header.push_back(
        zh ? fmt::format("申请台账：{}（{} 行，其中 {} 行未能计入）", src, requests->rows(), requests->rejected())
           : fmt::format("requests: {} ({}, {} rejected)", src, rows_en(requests->rows()), requests->rejected()));
    const RequestTerms& t = requests->terms();
    const RequestStats& s = requests->stats();
    const std::string table = t.table->id;
    n.rows[table + "." + t.received->id] = {zh ? fmt::format("{} 行：{} 年收到", s.received, y)
                                               : fmt::format("{}: received in {}", rows_en(s.received), y)};
    n.rows[table + "." + t.carried_over->id] = {
        zh ? fmt::format("{} 行：{} 年以前收到、{}-01-01 时尚未办结", s.carried_over, y, y)
           : fmt::format("{}: received before {}, open on {}-01-01", rows_en(s.carried_over), y, y)};
    if (!t.outcomes.empty() && !t.outcomes.front()->parent.empty()) {
      // The outcomes' group label (三、本年度办理结果) carries the note for all of them.
      const RowDef* group = t.outcomes.front();
      while (!group->parent.empty() && t.table->row(group->parent) != nullptr) group = t.table->row(group->parent);
      n.rows[table + "." + group->id] = {zh ? fmt::format("{} 行：{} 年内答复，按办理结果计", s.closed, y)
                                            : fmt::format("{}: replied in {}, by outcome", rows_en(s.closed), y)};
    }
    n.rows[table + "." + t.carried_forward->id] = {
        zh ? fmt::format("{} 行：{}-12-31 前收到、年末尚未办结", s.carried_forward, y)
           : fmt::format("{}: received by {}-12-31, open at the year's end", rows_en(s.carried_forward), y)};
  }
  if (cases != nullptr) {
    const std::string src = source_names(*cases);
    n.header.push_back(
        zh ? fmt::format("复议诉讼台账：{}（{} 行，其中 {} 行未能计入）", src, cases->rows(), cases->rejected())
           : fmt::format("cases: {} ({}, {} rejected)", src, rows_en(cases->rows()), cases->rejected()));
    const CaseStats& s = cases->stats();
    n.tables[cases->terms().table->id] = {
        zh ? fmt::format("{} 件 {} 年内审结（按结果计），{} 件年末尚未审结", s.closed, y, s.pending)
           : fmt::format("{} case{} closed in {} (by result), {} pending at the year's end", s.closed,
                         s.closed == 1 ? "" : "s", y, s.pending)};
  }
  for (const auto& t : report.form->tables) {
    const bool tallied =
        (requests != nullptr && requests->terms().table == &t) || (cases != nullptr && cases->terms().table == &t);
    if (tallied || n.tables.contains(t.id)) continue;
    n.tables[t.id] = {zh ? "台账中没有此表的数据：请在此填写（格式见 gongkai init 生成的 report.yaml）"
                         : "not in the registers: fill in here (as in the report.yaml of gongkai init)"};
  }
  return n;
}

}  // namespace gongkai
