#include <gongkai/render/roster_diff_html.hpp>

#include <gongkai/core/error.hpp>
#include <gongkai/diagnostics.hpp>
#include <gongkai/render/mustache_data.hpp>
#include <gongkai/render/roster_diff_table.hpp>
#include <gongkai/render/roster_diff_text.hpp>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <vector>

namespace gongkai {

namespace {

// Lists made to size and filled by move (render/mustache_data.hpp): a list of 10,000 units grown
// item by item was copied whole at each growth.
using mustache_data::append;
using mustache_data::data;
using mustache_data::list;
using mustache_data::put;

// The page's escaping, as the overview's: & < > " (an apostrophe stays as it is).
std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// overview.css's row shades: errors, warnings, unreadable.
std::string row_class(const RosterUnitDiff& u) {
  if (u.status == RosterUnitStatus::unreadable) return "unreadable";
  if (u.findings.has_errors()) return "errors";
  if (!u.findings.empty() || u.status != RosterUnitStatus::compared) return "warnings";
  return "ok";
}

data row_data(const RosterDiff& diff, std::size_t i, const std::vector<RosterDiffColumn>& cols, Lang lang) {
  const auto values = roster_diff_row(diff, diff.units[i], lang);
  data cells = list(values.size());
  for (std::size_t c = 0; c < values.size(); ++c) {
    data d;
    d.set("text", values[c]);
    d.set("numeric", cols[c].numeric);
    d.set("first", c == 0);
    append(cells, std::move(d));
  }
  data r;
  r.set("row", std::to_string(i + 1));
  r.set("class", row_class(diff.units[i]));
  put(r, "cells", std::move(cells));
  return r;
}

}  // namespace

std::string render_roster_diff_html(const RosterDiff& diff, Lang lang, const HtmlTemplates& templates) {
  kainjow::mustache::mustache page(templates.page);
  page.set_custom_escape(escape);
  const auto malformed = [&] {
    return InputError(SourceLoc{templates.page_name, 0, 0, {}},
                      Text{fmt::format("HTML 模板有误：{}", page.error_message()),
                           fmt::format("the HTML template is malformed: {}", page.error_message())});
  };
  if (!page.is_valid()) throw malformed();
  const bool zh = lang == Lang::zh;
  const auto cols = roster_diff_columns(diff, lang);
  data columns = list(cols.size());
  for (const auto& c : cols) {
    data d;
    d.set("heading", c.heading);
    d.set("numeric", c.numeric);
    append(columns, std::move(d));
  }
  const std::vector<std::size_t> order = roster_attention_order(diff);
  std::size_t needing = 0;
  for (std::size_t i : order)
    if (roster_needs_attention(diff.units[i])) ++needing;
  data attention = list(needing);
  for (std::size_t i : order)
    if (roster_needs_attention(diff.units[i])) append(attention, row_data(diff, i, cols, lang));
  data units = list(diff.units.size());
  for (std::size_t i = 0; i < diff.units.size(); ++i) append(units, row_data(diff, i, cols, lang));
  std::size_t nfindings = diff.findings.items().size();
  for (const auto& u : diff.units) nfindings += u.findings.items().size();
  data findings = list(nfindings);
  auto add = [&](const Diagnostic& d) {
    data f;
    f.set("severity", std::string(to_string(d.severity)));
    f.set("text", finding_text(d, lang));
    append(findings, std::move(f));
  };
  for (const auto& d : diff.findings.items()) add(d);
  for (const auto& u : diff.units)
    for (const auto& d : u.findings.items()) add(d);
  data d;
  d.set("lang", zh ? "zh-CN" : "en");
  d.set("title", zh ? fmt::format("{} {} 年度与 {} 年度逐单位比较", diff.new_name, diff.old_year, diff.new_year)
                    : fmt::format("{}: {} and {} compared unit by unit", diff.new_name, diff.old_year, diff.new_year));
  std::string summary = roster_diff_summary(diff, lang);
  if (!summary.empty() && summary.back() == '\n') summary.pop_back();
  d.set("summary", summary);
  d.set("style", templates.style);
  d.set("attention_heading", zh ? "需要关注的单位" : "Units to look at");
  d.set("attention_note",
        zh ? fmt::format("{} 个单位，按需要关注的程度排列：无法读取、重名、上年结转不衔接、现行有效件数不衔接，"
                         "再按标记数和变化单元格数从多到少。单位名称链接到下表中的该行。",
                         needing)
           : fmt::format("{} units, in the order they need a look: unreadable, duplicate names, carry-over broken, "
                         "in force broken, then by flags and changed cells, most first. A unit's name links to its "
                         "row below.",
                         needing));
  d.set("all_heading", zh ? "全部单位（名册顺序）" : "All units (roster order)");
  d.set("findings_heading", zh ? "标记与错误" : "Flags and errors");
  put(d, "columns", std::move(columns));
  put(d, "attention", std::move(attention));
  put(d, "units", std::move(units));
  d.set("has_findings", nfindings > 0);
  put(d, "findings", std::move(findings));
  std::string out = page.render(d);
  if (!page.is_valid()) throw malformed();
  return out;
}

}  // namespace gongkai
