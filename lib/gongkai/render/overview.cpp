#include <gongkai/render/overview.hpp>

#include <gongkai/core/checked.hpp>
#include <gongkai/core/decimal.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/readers/encoding.hpp>
#include <gongkai/render/mustache_data.hpp>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace gongkai {
namespace {

std::string figure_text(const KeyFigure& k, const std::optional<std::int64_t>& v) {
  if (!v) return {};
  return k.amount ? Decimal::from_micro(*v).to_string(2) : fmt::format("{}", *v);
}

// A unit's value of the figure column `id`; empty when its summary has no such column.
std::optional<std::int64_t> figure_of(const UnitSummary& u, const std::string& id) {
  for (std::size_t i = 0; i < u.key_figures.size() && i < u.figures.size(); ++i)
    if (u.key_figures[i].id == id) return u.figures[i];
  return std::nullopt;
}

std::string status_text(const UnitSummary& u, Lang lang) {
  if (lang == Lang::en) return u.status();
  if (u.unreadable) return "无法读取";
  if (u.errors > 0) return "有错误";
  if (u.warnings > 0) return "有警告";
  return "通过";
}

// A figure as written by overview_row: digits, maybe a sign and a decimal point or percent.
bool is_figure(const std::string& s) {
  std::size_t i = s.starts_with('-') ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '%')) return false;
  return true;
}

// A field as CSV. Text that a spreadsheet would run as a formula (starting =, +, -, @, a tab
// or a carriage return: an agency named 「=HYPERLINK(…)」) is kept as text by a leading 「'」;
// figures are written as they are.
std::string csv_field(const std::string& s) {
  const bool formula_like =
      !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos && !is_figure(s);
  const std::string v = formula_like ? "'" + s : s;
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string html_escape(const std::string& s) {
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

}  // namespace

std::vector<KeyFigure> overview_figures(const std::vector<UnitSummary>& units) {
  std::vector<KeyFigure> out;
  for (const auto& u : units)
    for (const auto& k : u.key_figures)
      if (std::none_of(out.begin(), out.end(), [&](const KeyFigure& c) { return c.id == k.id; })) out.push_back(k);
  return out;
}

std::vector<OverviewColumn> overview_columns(const std::vector<KeyFigure>& figures,
                                             const std::vector<std::string>& rules, Lang lang) {
  std::vector<OverviewColumn> cols{{lang == Lang::zh ? "单位" : "unit", false},
                                   {lang == Lang::zh ? "文件" : "file", false},
                                   {lang == Lang::zh ? "表式" : "form", false},
                                   {lang == Lang::zh ? "年度" : "year", true}};
  for (const auto& k : figures) cols.push_back({k.label.in(lang), true});
  cols.push_back({lang == Lang::zh ? "检查结果" : "status", false});
  cols.push_back({lang == Lang::zh ? "错误" : "errors", true});
  cols.push_back({lang == Lang::zh ? "警告" : "warnings", true});
  for (const auto& r : rules) cols.push_back({r, true});
  return cols;
}

std::vector<std::string> overview_row(const UnitSummary& u, const std::vector<KeyFigure>& figures,
                                      const std::vector<std::string>& rules, Lang lang) {
  std::vector<std::string> v{u.unit, u.path, u.form, u.year == 0 ? std::string() : fmt::format("{}", u.year)};
  for (const auto& k : figures) v.push_back(figure_text(k, figure_of(u, k.id)));
  v.push_back(status_text(u, lang));
  v.push_back(fmt::format("{}", u.errors));
  v.push_back(fmt::format("{}", u.warnings));
  for (const auto& r : rules) {
    auto it = u.by_rule.find(r);
    v.push_back(it == u.by_rule.end() ? std::string() : fmt::format("{}", it->second));
  }
  return v;
}

std::vector<std::string> overview_rules(const std::vector<UnitSummary>& units) {
  std::set<std::string> rules;
  for (const auto& u : units)
    for (const auto& [rule, n] : u.by_rule) rules.insert(rule);
  return {rules.begin(), rules.end()};
}

std::string render_overview_markdown(const std::vector<UnitSummary>& units, Lang lang) {
  const auto rules = overview_rules(units);
  const auto figures = overview_figures(units);
  const auto cols = overview_columns(figures, rules, lang);
  std::string out = "|";
  for (const auto& c : cols) out += " " + md_cell(c.heading) + " |";
  out += "\n|";
  for (const auto& c : cols) out += c.numeric ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& u : units) {
    out += "|";
    for (const auto& v : overview_row(u, figures, rules, lang)) out += " " + md_cell(v) + " |";
    out += "\n";
  }
  return out;
}

std::string render_overview_csv(const std::vector<UnitSummary>& units, Lang lang) {
  const auto rules = overview_rules(units);
  const auto figures = overview_figures(units);
  std::string out;
  bool first = true;
  for (const auto& c : overview_columns(figures, rules, lang)) {
    out += (first ? "" : ",") + csv_field(c.heading);
    first = false;
  }
  out += "\n";
  for (const auto& u : units) {
    first = true;
    for (const auto& v : overview_row(u, figures, rules, lang)) {
      out += (first ? "" : ",") + csv_field(v);
      first = false;
    }
    out += "\n";
  }
  // The total row: key figures of the units that have them, finding counts of all.
  std::vector<std::string> total{lang == Lang::zh ? "合计" : "total", "", "", ""};
  for (const auto& k : figures) {
    std::optional<std::int64_t> sum;
    bool overflow = false;
    for (const auto& u : units) {
      const auto v = figure_of(u, k.id);
      if (!v) continue;
      auto s = checked_add(sum.value_or(0), *v);
      if (!s) overflow = true;
      sum = s.value_or(0);
    }
    total.push_back(overflow ? std::string("#OVERFLOW") : figure_text(k, sum));
  }
  std::size_t errors = 0, warnings = 0;
  for (const auto& u : units) {
    errors += u.errors;
    warnings += u.warnings;
  }
  total.push_back("");
  total.push_back(fmt::format("{}", errors));
  total.push_back(fmt::format("{}", warnings));
  for (const auto& r : rules) {
    std::size_t n = 0;
    for (const auto& u : units)
      if (auto it = u.by_rule.find(r); it != u.by_rule.end()) n += it->second;
    total.push_back(fmt::format("{}", n));
  }
  first = true;
  for (const auto& v : total) {
    out += (first ? "" : ",") + csv_field(v);
    first = false;
  }
  out += "\n";
  return out;
}

std::string overview_csv_bytes(const std::string& csv_utf8, const std::string& encoding) {
  if (encoding == "utf-8") return csv_utf8;
  if (encoding == "gb18030") {
    if (auto gb = utf8_to_gb18030(csv_utf8)) return *gb;
  }
  return "\xEF\xBB\xBF" + csv_utf8;
}

nlohmann::ordered_json overview_json(const std::vector<UnitSummary>& units) {
  const auto figures = overview_figures(units);
  auto arr = nlohmann::ordered_json::array();
  for (const auto& u : units) {
    nlohmann::ordered_json j;
    j["unit"] = u.unit;
    j["file"] = u.path;
    j["form"] = u.form.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(u.form);
    j["year"] = u.year == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(u.year);
    j["status"] = u.status();
    j["errors"] = u.errors;
    j["warnings"] = u.warnings;
    nlohmann::ordered_json figs;
    for (const auto& k : figures) {
      const auto v = figure_of(u, k.id);
      if (!v)
        figs[k.id] = nullptr;
      else if (k.amount)
        figs[k.id] = nlohmann::ordered_json::parse(Decimal::from_micro(*v).to_string(2));
      else
        figs[k.id] = *v;
    }
    j["figures"] = std::move(figs);
    nlohmann::ordered_json by_rule = nlohmann::ordered_json::object();
    for (const auto& [rule, n] : u.by_rule) by_rule[rule] = n;
    j["rules"] = std::move(by_rule);
    arr.push_back(std::move(j));
  }
  return arr;
}

std::string render_overview_html(const std::vector<UnitSummary>& units, Lang lang, const std::string& title,
                                 const HtmlTemplates& templates) {
  using kainjow::mustache::data;
  kainjow::mustache::mustache page(templates.page);
  // The page's escaping since before it was a template: & < > " (an apostrophe stays as it is).
  page.set_custom_escape(html_escape);
  const auto malformed = [&] {
    return InputError(SourceLoc{templates.page_name, 0, 0, {}},
                      Text{fmt::format("HTML 模板有误：{}", page.error_message()),
                           fmt::format("the HTML template is malformed: {}", page.error_message())});
  };
  if (!page.is_valid()) throw malformed();
  const auto rules = overview_rules(units);
  const auto figures = overview_figures(units);
  const auto cols = overview_columns(figures, rules, lang);
  // Made to size and filled by move (render/mustache_data.hpp): a list of 10,000 units grown
  // item by item was copied whole at each growth.
  data columns = mustache_data::list(cols.size());
  for (std::size_t i = 0; i < cols.size(); ++i) {
    data c;
    c.set("index", std::to_string(i));
    c.set("heading", cols[i].heading);
    c.set("numeric", cols[i].numeric);
    mustache_data::append(columns, std::move(c));
  }
  data rows = mustache_data::list(units.size());
  for (const auto& u : units) {
    const auto values = overview_row(u, figures, rules, lang);
    data cells = mustache_data::list(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      data c;
      c.set("text", values[i]);
      c.set("numeric", cols[i].numeric);
      mustache_data::append(cells, std::move(c));
    }
    data r;
    r.set("status", u.status());
    mustache_data::put(r, "cells", std::move(cells));
    mustache_data::append(rows, std::move(r));
  }
  data d;
  d.set("lang", lang == Lang::zh ? "zh-CN" : "en");
  d.set("title", title);
  d.set("style", templates.style);
  mustache_data::put(d, "columns", std::move(columns));
  mustache_data::put(d, "units", std::move(rows));
  std::string out = page.render(d);
  if (!page.is_valid()) throw malformed();  // a render-time error (kainjow leaves `out` empty)
  return out;
}

void BatchCounts::add(const UnitSummary& u) {
  ++units;
  if (u.unreadable)
    ++unreadable;
  else if (u.errors > 0)
    ++with_errors;
  else if (u.warnings > 0)
    ++with_warnings;
  else
    ++ok;
}

std::string render_batch_summary(const BatchCounts& c, Lang lang) {
  if (lang == Lang::zh)
    return fmt::format("共 {} 个单位：{} 个通过，{} 个有警告，{} 个有错误，{} 个无法读取\n", c.units, c.ok,
                       c.with_warnings, c.with_errors, c.unreadable);
  return fmt::format("{} units: {} ok, {} with warnings, {} with errors, {} unreadable\n", c.units, c.ok,
                     c.with_warnings, c.with_errors, c.unreadable);
}

std::string render_batch_summary(const std::vector<UnitSummary>& units, Lang lang) {
  BatchCounts counts;
  for (const auto& u : units) counts.add(u);
  return render_batch_summary(counts, lang);
}

std::string render_rule_matrix_text(const std::vector<UnitSummary>& units, Lang lang) {
  const auto rules = overview_rules(units);
  if (rules.empty()) return {};
  std::vector<std::vector<std::string>> rows;
  rows.push_back({lang == Lang::zh ? "单位" : "unit"});
  for (const auto& r : rules) rows.back().push_back(r);
  for (const auto& u : units) {
    if (u.by_rule.empty()) continue;
    std::vector<std::string> row{u.unit};
    for (const auto& r : rules) {
      auto it = u.by_rule.find(r);
      row.push_back(it == u.by_rule.end() ? "." : fmt::format("{}", it->second));
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::size_t pad = widths[i] - display_width(row[i]);
      if (i == 0)
        line += row[i] + std::string(pad, ' ');
      else
        line += "  " + std::string(pad, ' ') + row[i];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace gongkai
