#include <gongkai/render/diff_csv.hpp>

#include <string_view>

namespace gongkai {

namespace {

// "-12", "3.5", "+25.0%": a figure, not a formula.
bool is_figure(std::string_view s) {
  std::size_t i = (s.starts_with('-') || s.starts_with('+')) ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '%')) return false;
  return true;
}

std::string line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i == 0 ? "" : ",") + diff_csv_field(fields[i]);
  return out + "\n";
}

}  // namespace

std::string diff_csv_field(const std::string& s) {
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

std::string render_diff_csv(const DiffModel& m, Lang lang) {
  std::vector<std::string> head{diff_word("table", lang), diff_word("row", lang), diff_word("column", lang),
                                diff_word("id", lang)};
  if (!m.series) {
    head.push_back(diff_word("old_id", lang));
    head.push_back(diff_word("new_id", lang));
  }
  head.push_back(diff_word("derived", lang));
  for (const auto& y : m.years) head.push_back(y);
  if (m.series) {
    head.push_back(diff_word("trend", lang));
  } else {
    head.push_back(diff_word("change", lang));
    head.push_back(diff_word("percent", lang));
    head.push_back(diff_word("kind", lang));
  }
  head.push_back(diff_word("flags", lang));
  std::string out = "\xEF\xBB\xBF" + line(head);
  for (const auto& t : m.tables)
    for (const auto& r : t.rows) {
      std::vector<std::string> f{t.heading, r.row_label, r.column_label, r.id};
      if (!m.series) {
        f.push_back(r.old_id);
        f.push_back(r.new_id);
      }
      f.push_back(r.derived ? "Σ" : "");
      for (std::size_t i = 0; i < r.figures.size(); ++i) f.push_back(r.values[i] ? *r.values[i] : r.figures[i]);
      if (m.series) {
        f.push_back(r.trend);
      } else {
        f.push_back(r.change_value && r.kind == "changed" ? *r.change_value : r.change);
        f.push_back(r.percent);
        f.push_back(r.kind);
      }
      std::string flags;
      for (const auto& fl : r.flags) flags += (flags.empty() ? "" : ";") + fl;
      for (const auto& fl : r.explained) flags += (flags.empty() ? "" : ";") + fl;
      f.push_back(flags);
      out += line(f);
    }
  return out;
}

}  // namespace gongkai
