#include <gongkai/render/markdown_report.hpp>

#include <gongkai/render/explanations_appendix.hpp>
#include <gongkai/render/report_text.hpp>
#include <gongkai/render/table_layout.hpp>

#include <algorithm>
#include <string_view>

namespace gongkai {

std::string markdown_escape(std::string_view text) {
  static constexpr std::string_view kSpecial = "\\`*_[]<>#|~&!";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (kSpecial.find(ch) != std::string_view::npos) out += '\\';
    out += ch;
  }
  return out;
}

namespace {

std::string join_escaped(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += kFlatJoin;
    out += markdown_escape(p);
  }
  return out;
}

void table_row(std::string& out, const std::vector<std::string>& cells) {
  out += "|";
  for (const auto& c : cells) {
    out += ' ';
    out += c;
    out += " |";
  }
  out += "\n";
}

void render_table(std::string& out, const Report& report, const TableDef& table) {
  const TableLayout layout = layout_table(report, table);
  bool first = true;
  for (const auto& section : layout.flat) {
    if (!first) out += "\n";
    first = false;
    if (!section.title.empty()) out += "**" + markdown_escape(section.title) + "**\n\n";
    std::vector<std::string> header;
    std::vector<std::string> rule;
    for (std::size_t i = 0; i < section.header.size(); ++i) {
      header.push_back(markdown_escape(section.header[i]));
      // Labels to the left, figures to the right, as on the printed form.
      rule.emplace_back(i < static_cast<std::size_t>(section.label_columns) ? ":---" : "---:");
    }
    table_row(out, header);
    table_row(out, rule);
    for (const auto& row : section.rows) {
      std::vector<std::string> cells;
      if (section.label_columns > 0) cells.push_back(join_escaped(row.path));
      for (const CellDef* c : row.cells) cells.push_back(markdown_escape(figure_text(report, *c)));
      table_row(out, cells);
    }
  }
}

// Prose as given, without trailing blank lines, so sections are separated by exactly one.
std::string_view trimmed_prose(const std::string& prose) {
  std::string_view p = prose;
  while (!p.empty() && (p.back() == '\n' || p.back() == '\r' || p.back() == ' ' || p.back() == '\t'))
    p.remove_suffix(1);
  return p;
}

}  // namespace

std::string render_markdown_report(const BuiltReport& built) {
  const Report& report = *built.report;
  std::string out;
  if (built.stamped_with_errors) {
    const Text notice = stamp_notice(built);
    out += "> **" + markdown_escape(notice.zh) + "**\n>\n> **" + markdown_escape(notice.en) + "**\n";
    bool first = true;
    for (const auto& d : built.findings.items()) {
      if (d.severity != Severity::error) continue;
      if (first) out += ">\n";
      first = false;
      std::string message = markdown_escape(d.message.zh);
      std::replace(message.begin(), message.end(), '\n', ' ');
      out += "> - `" + d.rule + "` " + message + "\n";
    }
    out += "\n";
  }
  out += "# " + markdown_escape(report_title(report)) + "\n";
  for (const auto& s : report_sections(built)) {
    out += "\n## " + markdown_escape(s.def->heading) + "\n";
    if (s.table != nullptr) {
      out += "\n";
      render_table(out, report, *s.table);
    } else if (s.prose != nullptr && !trimmed_prose(*s.prose).empty()) {
      out += "\n";
      out += trimmed_prose(*s.prose);
      out += "\n";
    } else {
      // Only a build with errors gets here (missing-section): say so rather than print nothing.
      out += "\n*（本节内容缺失）*\n";
    }
  }
  // The reviewer appendix: the findings the office explained (none: no appendix).
  const std::vector<AppendixRow> explained = appendix_rows(built);
  if (!explained.empty()) {
    out += "\n## " + markdown_escape(kAppendixTitle) + "\n\n" + markdown_escape(kAppendixNote) + "\n\n";
    std::vector<std::string> header, rule;
    for (const char* c : kAppendixColumns) {
      header.push_back(markdown_escape(c));
      rule.emplace_back("---");
    }
    table_row(out, header);
    table_row(out, rule);
    const auto cell = [](const std::string& text) {
      std::string s = markdown_escape(text);
      std::replace(s.begin(), s.end(), '\n', ' ');
      return s;
    };
    for (const auto& r : explained)
      table_row(out, {"`" + r.rule + "`", cell(r.cell), cell(r.finding.zh), cell(r.reason.zh), cell(r.where)});
  }
  return out;
}

}  // namespace gongkai
