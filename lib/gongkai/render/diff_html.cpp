#include <gongkai/render/diff_html.hpp>

#include <gongkai/core/decimal.hpp>
#include <gongkai/core/error.hpp>
#include <gongkai/render/svg_chart.hpp>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

namespace gongkai {

std::string diff_chart_svg(const DiffChart& c, const std::vector<std::string>& years) {
  SvgBarChart chart;
  chart.title = c.unit.empty() ? c.name : c.name;
  chart.categories = years;
  chart.values = c.raw;
  chart.labels = c.labels;
  if (c.amount) chart.format_tick = [](std::int64_t micro) { return Decimal::from_micro(micro).to_string(2); };
  return render_svg_bar_chart(chart);
}

std::string render_diff_html(const DiffModel& m, Lang lang, const HtmlTemplates& templates) {
  using kainjow::mustache::data;
  kainjow::mustache::mustache page(templates.page);
  page.set_custom_escape(xml_escape);
  const auto malformed = [&] {
    return InputError(SourceLoc{templates.page_name, 0, 0, {}},
                      Text{fmt::format("HTML 模板有误：{}", page.error_message()),
                           fmt::format("the HTML template is malformed: {}", page.error_message())});
  };
  if (!page.is_valid()) throw malformed();
  const bool zh = lang == Lang::zh;
  data words;
  for (const char* k : {"cell", "change", "percent", "flags", "trend", "kind", "key_figures", "findings", "prose",
                        "not_comparable", "severity", "rule", "where", "message"})
    words.set(k, diff_word(k, lang));
  data reports(data::type::list);
  for (const auto& r : m.reports) reports.push_back(data(r));
  data years(data::type::list);
  for (const auto& y : m.years) years.push_back(data(y));
  data tables(data::type::list);
  for (const auto& t : m.tables) {
    data rows(data::type::list);
    std::size_t folded = 0;
    for (const auto& r : t.rows) {
      if (r.folded) {
        ++folded;
        continue;
      }
      data row;
      row.set("name", r.name);
      row.set("id", r.id);
      row.set("derived", r.derived);
      row.set("kind", r.kind.empty() ? std::string("series") : r.kind);
      row.set("kind_label", r.kind_label);
      row.set("flagged", !r.flags.empty());
      std::string flags;
      for (const auto& f : r.flags) flags += (flags.empty() ? "" : ", ") + f;
      for (const auto& f : r.explained) flags += (flags.empty() ? "" : ", ") + f;
      row.set("flags", flags);
      data figures(data::type::list);
      for (const auto& f : r.figures) {
        data cell;
        cell.set("text", f);
        figures.push_back(cell);
      }
      row.set("figures", figures);
      row.set("change", r.change);
      row.set("percent", r.percent);
      row.set("trend", r.trend);
      rows.push_back(row);
    }
    data table;
    table.set("number", t.number);
    table.set("heading", t.heading);
    table.set("rows", rows);
    table.set("has_rows", folded < t.rows.size());
    table.set("folded_note",
              folded == 0 ? std::string()
              : zh        ? fmt::format("{} 个未变的单元格已折叠（--all 显示）。", folded)
                   : fmt::format("{} unchanged cell{} folded (--all shows them).", folded, folded == 1 ? "" : "s"));
    tables.push_back(table);
  }
  data not_comparable(data::type::list);
  for (const auto& [why, n] : m.not_comparable)
    not_comparable.push_back(data("text", zh ? fmt::format("{} 个：{}", n, why) : fmt::format("{}: {}", n, why)));
  data prose(data::type::list);
  for (const auto& p : m.prose) {
    data lines(data::type::list);
    for (const auto& l : p.lines) {
      data line;
      line.set("op", std::string(1, l.op == ' ' ? ' ' : l.op));
      line.set("class", l.op == '-' ? "del" : (l.op == '+' ? "ins" : "kept"));
      line.set("text", l.text);
      lines.push_back(line);
    }
    data section;
    section.set("heading", p.heading);
    section.set("lines", lines);
    prose.push_back(section);
  }
  data charts(data::type::list);
  for (const auto& c : m.charts) {
    data chart;
    chart.set("name", c.name);
    chart.set("svg", diff_chart_svg(c, m.years));
    charts.push_back(chart);
  }
  data findings(data::type::list);
  if (m.findings != nullptr)
    for (const auto& d : m.findings->items()) {
      data f;
      f.set("severity", std::string(to_string(d.severity)));
      f.set("rule", d.rule);
      f.set("message", d.message.in(lang));
      f.set("where", d.where.known() ? d.where.to_string() : std::string());
      findings.push_back(f);
    }
  data d;
  d.set("lang", zh ? "zh-CN" : "en");
  d.set("title", m.title);
  d.set("style", templates.style);
  d.set("reports", reports);
  d.set("series", m.series);
  d.set("pair", !m.series);
  d.set("words", words);
  d.set("years", years);
  d.set("tables", tables);
  d.set("has_not_comparable", !m.not_comparable.empty());
  d.set("not_comparable", not_comparable);
  d.set("prose", prose);
  d.set("has_charts", !m.charts.empty());
  d.set("charts", charts);
  d.set("has_findings", m.findings != nullptr && !m.findings->empty());
  d.set("findings", findings);
  d.set("nothing_flagged", diff_word("nothing_flagged", lang));
  d.set("legend", m.legend);
  d.set("summary", m.summary);
  std::string out = page.render(d);
  if (!page.is_valid()) throw malformed();
  return out;
}

}  // namespace gongkai
