#include <gongkai/render/html_report.hpp>

#include <gongkai/render/explanations_appendix.hpp>
#include <gongkai/render/markdown_html.hpp>
#include <gongkai/render/mustache_data.hpp>
#include <gongkai/render/report_text.hpp>
#include <gongkai/render/table_layout.hpp>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <charconv>

namespace gongkai {

namespace {

using mustache_data::append;
using mustache_data::data;
using mustache_data::list;
using mustache_data::put;

// 2024-01-20 -> 2024年1月20日, as an official document dates itself; anything else unchanged.
std::string chinese_date(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  auto num = [&](std::size_t at, std::size_t len, int& v) {
    const char* first = iso.data() + at;
    auto [ptr, ec] = std::from_chars(first, first + len, v);
    return ec == std::errc() && ptr == first + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return iso;
  return fmt::format("{}年{}月{}日", y, m, d);
}

std::string cell_class(const LayoutCell& c, const TableLayout& l, const CellValue* v) {
  switch (c.role) {
    case CellRole::title:
      return "block-title";
    case CellRole::row_label:
      return "label";
    case CellRole::column_label:
      return c.row < l.header_rows && c.col < l.label_columns ? "head corner" : "head";
    case CellRole::value:
      break;
  }
  std::string cls = "figure";
  if (v != nullptr && v->computed) cls += " computed";
  if (v != nullptr && v->state == CellState::blank) cls += " blank";
  return cls;
}

data table_data(const Report& report, const TableDef& table) {
  const TableLayout l = layout_table(report, table);
  const int rows = std::max(l.rows, 0);
  const int header_rows = std::clamp(l.header_rows, 0, rows);
  data head = list(static_cast<std::size_t>(header_rows));
  data body = list(static_cast<std::size_t>(rows - header_rows));
  std::size_t next = 0;
  for (int row = 0; row < l.rows; ++row) {
    std::size_t in_row = 0;
    while (next + in_row < l.cells.size() && l.cells[next + in_row].row == row) ++in_row;
    data cells = list(in_row);
    for (; next < l.cells.size() && l.cells[next].row == row; ++next) {
      const LayoutCell& c = l.cells[next];
      const CellValue* v = c.cell != nullptr ? &report.at(*c.cell) : nullptr;
      data cell;
      cell.set("tag", c.role == CellRole::value ? "td" : "th");
      cell.set("text", c.cell != nullptr ? figure_text(report, *c.cell) : c.text);
      cell.set("class", cell_class(c, l, v));
      if (c.row_span > 1) cell.set("rowspan", std::to_string(c.row_span));
      if (c.col_span > 1) cell.set("colspan", std::to_string(c.col_span));
      if (v != nullptr && v->computed) cell.set("tooltip", "计算值");
      if (c.cell != nullptr) cell.set("cell_id", c.cell->id);
      append(cells, std::move(cell));
    }
    data r;
    put(r, "cells", std::move(cells));
    append(row < l.header_rows ? head : body, std::move(r));
  }
  data t;
  t.set("id", table.id);
  t.set("has_head", l.header_rows > 0);
  put(t, "head", std::move(head));
  put(t, "body", std::move(body));
  return t;
}

}  // namespace

std::string render_html_report(const BuiltReport& built, const HtmlTemplates& templates) {
  const Report& report = *built.report;
  kainjow::mustache::mustache page(templates.page);
  if (!page.is_valid())
    throw InputError(SourceLoc{templates.page_name, 0, 0, {}},
                     Text{fmt::format("HTML 模板有误：{}", page.error_message()),
                          fmt::format("the HTML template is malformed: {}", page.error_message())});

  data d;
  d.set("title", report_title(report));
  d.set("agency", report.agency);
  d.set("year", std::to_string(report.year));
  d.set("level", std::string(to_string(report.level)));
  d.set("level_zh", report.level == Level::department ? "部门" : "政府");
  d.set("form_id", report.form->id);
  d.set("form_title", report.form->title);
  if (report.publication_date) {
    d.set("published", *report.publication_date);
    d.set("published_zh", chinese_date(*report.publication_date));
  }
  d.set("generated", built.generated);
  d.set("style", templates.style);
  d.set("stamped", built.stamped_with_errors);
  if (built.stamped_with_errors) {
    const Text notice = stamp_notice(built);
    d.set("stamp_zh", notice.zh);
    d.set("stamp_en", notice.en);
    data errors = list();
    for (const auto& f : built.findings.items()) {
      if (f.severity != Severity::error) continue;
      data e;
      e.set("rule", f.rule);
      e.set("message", f.message.zh);
      append(errors, std::move(e));
    }
    put(d, "errors", std::move(errors));
  }
  const auto parts = report_sections(built);
  data sections = list(parts.size());
  for (const auto& s : parts) {
    data sec;
    sec.set("id", s.def->id);
    sec.set("number", s.def->number);
    sec.set("heading", s.def->heading);
    sec.set("is_table", s.table != nullptr);
    if (s.table != nullptr) {
      put(sec, "table", table_data(report, *s.table));
    } else if (s.prose != nullptr && s.prose->find_first_not_of(" \t\r\n") != std::string::npos) {
      sec.set("prose_html", markdown_to_html(*s.prose));
    } else {
      sec.set("missing", true);
    }
    append(sections, std::move(sec));
  }
  put(d, "sections", std::move(sections));
  // The reviewer appendix: the findings the office explained (none: the template shows nothing).
  const std::vector<AppendixRow> explained = appendix_rows(built);
  if (!explained.empty()) {
    d.set("has_explanations", true);
    d.set("explanations_title", kAppendixTitle);
    d.set("explanations_note", kAppendixNote);
    data heads = list();
    for (const char* c : kAppendixColumns) heads.push_back(data(std::string(c)));
    d.set("explanation_columns", heads);
    data rows = list();
    for (const auto& r : explained) {
      data row;
      row.set("rule", r.rule);
      row.set("cell", r.cell);
      row.set("finding", r.finding.zh);
      row.set("reason", r.reason.zh);
      row.set("where", r.where);
      rows.push_back(row);
    }
    d.set("explanations", rows);
  }
  std::string out = page.render(d);
  if (!page.is_valid())  // a render-time error (kainjow reports it here, leaving `out` empty)
    throw InputError(SourceLoc{templates.page_name, 0, 0, {}},
                     Text{fmt::format("HTML 模板有误：{}", page.error_message()),
                          fmt::format("the HTML template is malformed: {}", page.error_message())});
  return out;
}

}  // namespace gongkai
