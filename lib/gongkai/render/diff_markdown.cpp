#include <gongkai/render/diff_markdown.hpp>

#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/diff_text.hpp>

#include <fmt/format.h>

#include <string_view>

namespace gongkai {

std::string markdown_table_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|#~&!").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

namespace {

std::string md_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + markdown_table_cell(c) + " |";
  return out + "\n";
}

// The delimiter row: the first `left` columns and the last `left_tail` left-aligned, the figures
// between them right-aligned.
std::string md_rule(std::size_t left, std::size_t n, std::size_t left_tail) {
  std::string out = "|";
  for (std::size_t i = 0; i < n; ++i) out += i < left || i + left_tail >= n ? " --- |" : " ---: |";
  return out + "\n";
}

std::string flags_text(const std::vector<std::string>& flags) {
  std::string out;
  for (const auto& f : flags) out += (out.empty() ? "" : ", ") + f;
  return out;
}

}  // namespace

std::string render_diff_markdown(const DiffModel& m, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = "# " + markdown_table_cell(m.title) + "\n\n";
  for (const auto& r : m.reports) out += "- " + markdown_table_cell(r) + "\n";
  for (const auto& t : m.tables) {
    std::vector<std::string> head{diff_word("cell", lang), "Σ"};
    for (const auto& y : m.years) head.push_back(y);
    if (m.series) {
      head.push_back(diff_word("trend", lang));
    } else {
      head.push_back(diff_word("change", lang));
      head.push_back("%");
    }
    head.push_back(diff_word("flags", lang));
    std::string body;
    std::size_t folded = 0;
    for (const auto& r : t.rows) {
      if (r.folded) {
        ++folded;
        continue;
      }
      std::vector<std::string> cells{r.name, r.derived ? "Σ" : ""};
      for (const auto& f : r.figures) cells.push_back(f);
      if (m.series) {
        cells.push_back(r.trend);
      } else {
        cells.push_back(r.change);
        cells.push_back(r.percent);
      }
      std::vector<std::string> shown = r.flags;
      shown.insert(shown.end(), r.explained.begin(), r.explained.end());
      cells.push_back(flags_text(shown));
      body += md_row(cells);
    }
    out += "\n## " + markdown_table_cell(t.heading) + "\n\n";
    if (!body.empty()) out += md_row(head) + md_rule(2, head.size(), m.series ? 2 : 1) + body;
    const std::size_t shown = t.rows.size() - folded;
    if (folded > 0)
      out +=
          (body.empty() ? "" : "\n") +
          (zh ? fmt::format("{} 个单元格{}（--all 显示）。\n", folded, shown == 0 ? "均未变，已折叠" : "未变，已折叠")
              : fmt::format("{} unchanged cell{} folded (--all shows them).\n", folded, folded == 1 ? "" : "s"));
  }
  out += "\n" + markdown_table_cell(m.legend) + "\n";
  if (!m.not_comparable.empty()) {
    out += "\n## " + diff_word("not_comparable", lang) + "\n\n";
    for (const auto& [why, n] : m.not_comparable)
      out += zh ? fmt::format("- {} 个：{}\n", n, markdown_table_cell(why))
                : fmt::format("- {}: {}\n", n, markdown_table_cell(why));
  }
  for (const auto& p : m.prose) {
    out += "\n## " + diff_word("prose", lang) + (zh ? "：" : ": ") + markdown_table_cell(p.heading) + "\n\n";
    // A fence longer than any run of backticks in the text.
    std::size_t longest = 0;
    for (const auto& l : p.lines) {
      std::size_t run = 0;
      for (char c : l.text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
      }
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    out += fence + "diff\n";
    for (const auto& l : p.lines) out += fmt::format("{} {}\n", l.op, l.text);
    out += fence + "\n";
  }
  if (!m.charts.empty()) {
    out += "\n## " + diff_word("key_figures", lang) + "\n\n";
    std::vector<std::string> head{diff_word("cell", lang)};
    for (const auto& y : m.years) head.push_back(y);
    head.push_back(diff_word("trend", lang));
    out += md_row(head) + md_rule(1, head.size(), 1);
    for (const auto& c : m.charts) {
      std::vector<std::string> cells{c.name};
      std::vector<Side> sides;
      for (std::size_t i = 0; i < c.raw.size(); ++i) {
        cells.push_back(c.labels[i]);
        sides.push_back(c.raw[i] ? Side{CellState::value, *c.raw[i], false, true} : Side::not_in_form());
      }
      cells.push_back(sparkline(sides));
      out += md_row(cells);
    }
  }
  out += "\n## " + diff_word("findings", lang) + "\n\n";
  if (m.findings == nullptr || m.findings->empty()) {
    out += diff_word("nothing_flagged", lang) + "\n";
  } else {
    for (const auto& d : m.findings->items())
      out += fmt::format("- **{}** `{}` {}{}\n", to_string(d.severity), d.rule, markdown_table_cell(d.message.in(lang)),
                         d.where.known() ? " — `" + d.where.to_string() + "`" : "");
  }
  out += "\n" + markdown_table_cell(m.summary) + "\n";
  return out;
}

}  // namespace gongkai
