#include <gongkai/render/overview.hpp>

#include <gongkai/core/checked.hpp>
#include <gongkai/core/decimal.hpp>
#include <gongkai/readers/encoding.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace gongkai {
namespace {

std::string figure_text(const KeyFigure& k, const std::optional<std::int64_t>& v) {
  if (!v) return {};
  return k.amount ? Decimal::from_micro(*v).to_string(2) : fmt::format("{}", *v);
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

std::vector<OverviewColumn> overview_columns(const std::vector<std::string>& rules, Lang lang) {
  std::vector<OverviewColumn> cols{{lang == Lang::zh ? "单位" : "unit", false},
                                   {lang == Lang::zh ? "文件" : "file", false},
                                   {lang == Lang::zh ? "表式" : "form", false},
                                   {lang == Lang::zh ? "年度" : "year", true}};
  for (const auto& k : key_figures()) cols.push_back({k.label.in(lang), true});
  cols.push_back({lang == Lang::zh ? "检查结果" : "status", false});
  cols.push_back({lang == Lang::zh ? "错误" : "errors", true});
  cols.push_back({lang == Lang::zh ? "警告" : "warnings", true});
  for (const auto& r : rules) cols.push_back({r, true});
  return cols;
}

std::vector<std::string> overview_row(const UnitSummary& u, const std::vector<std::string>& rules, Lang lang) {
  std::vector<std::string> v{u.unit, u.path, u.form, u.year == 0 ? std::string() : fmt::format("{}", u.year)};
  for (std::size_t i = 0; i < key_figures().size(); ++i)
    v.push_back(i < u.figures.size() ? figure_text(key_figures()[i], u.figures[i]) : std::string());
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
  const auto cols = overview_columns(rules, lang);
  std::string out = "|";
  for (const auto& c : cols) out += " " + md_cell(c.heading) + " |";
  out += "\n|";
  for (const auto& c : cols) out += c.numeric ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& u : units) {
    out += "|";
    for (const auto& v : overview_row(u, rules, lang)) out += " " + md_cell(v) + " |";
    out += "\n";
  }
  return out;
}

std::string render_overview_csv(const std::vector<UnitSummary>& units, Lang lang) {
  const auto rules = overview_rules(units);
  std::string out;
  bool first = true;
  for (const auto& c : overview_columns(rules, lang)) {
    out += (first ? "" : ",") + csv_field(c.heading);
    first = false;
  }
  out += "\n";
  for (const auto& u : units) {
    first = true;
    for (const auto& v : overview_row(u, rules, lang)) {
      out += (first ? "" : ",") + csv_field(v);
      first = false;
    }
    out += "\n";
  }
  // The total row: key figures of the units that have them, finding counts of all.
  std::vector<std::string> total{lang == Lang::zh ? "合计" : "total", "", "", ""};
  for (std::size_t i = 0; i < key_figures().size(); ++i) {
    std::optional<std::int64_t> sum;
    bool overflow = false;
    for (const auto& u : units) {
      if (i >= u.figures.size() || !u.figures[i]) continue;
      auto s = checked_add(sum.value_or(0), *u.figures[i]);
      if (!s) overflow = true;
      sum = s.value_or(0);
    }
    total.push_back(overflow ? std::string("#OVERFLOW") : figure_text(key_figures()[i], sum));
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
    for (std::size_t i = 0; i < key_figures().size(); ++i) {
      const auto& k = key_figures()[i];
      const auto& v = i < u.figures.size() ? u.figures[i] : std::nullopt;
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

std::string render_overview_html(const std::vector<UnitSummary>& units, Lang lang, const std::string& title) {
  const auto rules = overview_rules(units);
  const auto cols = overview_columns(rules, lang);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n"
      "body{{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif;margin:1.5em}}\n"
      "table{{border-collapse:collapse;font-size:14px}}th,td{{border:1px solid #999;padding:3px 6px}}\n"
      "th{{background:#eee;cursor:pointer;position:sticky;top:0}}td.n{{text-align:right}}\n"
      "tr.errors td{{background:#fde2e2}}tr.warnings td{{background:#fff6d6}}tr.unreadable td{{background:#e8e8e8}}\n"
      "</style>\n</head>\n<body>\n<h1>{}</h1>\n<table id=\"overview\">\n<thead><tr>",
      lang == Lang::zh ? "zh-CN" : "en", html_escape(title), html_escape(title));
  for (std::size_t i = 0; i < cols.size(); ++i)
    out += fmt::format("<th data-col=\"{}\"{}>{}</th>", i, cols[i].numeric ? " data-num=\"1\"" : "",
                       html_escape(cols[i].heading));
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& u : units) {
    out += fmt::format("<tr class=\"{}\">", u.status());
    const auto values = overview_row(u, rules, lang);
    for (std::size_t i = 0; i < values.size(); ++i)
      out += fmt::format("<td{}>{}</td>", cols[i].numeric ? " class=\"n\"" : "", html_escape(values[i]));
    out += "</tr>\n";
  }
  out +=
      "</tbody>\n</table>\n<script>\n"
      "document.querySelectorAll('#overview th').forEach(function(th){th.addEventListener('click',function(){\n"
      "var "
      "t=th.closest('table'),b=t.tBodies[0],c=+th.dataset.col,n=th.dataset.num,d=th.dataset.dir=th.dataset.dir==='a'?'"
      "d':'a';\n"
      "var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var "
      "p=x.cells[c].textContent,q=y.cells[c].textContent;\n"
      "var r=n?((parseFloat(p)||0)-(parseFloat(q)||0)):p.localeCompare(q,'zh');return d==='a'?r:-r;});\n"
      "rows.forEach(function(r){b.appendChild(r);});});});\n</script>\n</body>\n</html>\n";
  return out;
}

std::string render_batch_summary(const std::vector<UnitSummary>& units, Lang lang) {
  std::size_t ok = 0, warn = 0, err = 0, bad = 0;
  for (const auto& u : units) {
    if (u.unreadable)
      ++bad;
    else if (u.errors > 0)
      ++err;
    else if (u.warnings > 0)
      ++warn;
    else
      ++ok;
  }
  if (lang == Lang::zh)
    return fmt::format("共 {} 个单位：{} 个通过，{} 个有警告，{} 个有错误，{} 个无法读取\n", units.size(), ok, warn,
                       err, bad);
  return fmt::format("{} units: {} ok, {} with warnings, {} with errors, {} unreadable\n", units.size(), ok, warn, err,
                     bad);
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
