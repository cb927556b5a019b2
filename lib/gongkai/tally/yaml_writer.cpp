#include <gongkai/tally/yaml_writer.hpp>

#include <gongkai/core/text.hpp>

#include <fmt/format.h>

#include <set>

namespace gongkai {
namespace {

// Label comments start in this column, so the figures line up for the eye.
constexpr std::size_t kCommentColumn = 36;

void line_with_comment(std::string& out, const std::string& code, std::string_view comment) {
  out += code;
  if (!comment.empty()) {
    const std::size_t w = display_width(code);
    out.append(w < kCommentColumn ? kCommentColumn - w : 1, ' ');
    out += "# ";
    out += comment;
  }
  out += '\n';
}

void comments(std::string& out, std::string_view indent, const std::vector<std::string>& lines) {
  for (const auto& l : lines) {
    out += indent;
    out += l.empty() ? "#" : "# " + l;
    out += '\n';
  }
}

std::string section_heading(const Form& form, const TableDef& t) {
  for (const auto& s : form.sections)
    if (s.id == t.section) return s.heading;
  return t.id;
}

bool written(const CellValue& v) { return v.state != CellState::absent && !v.computed; }

class Writer {
 public:
  Writer(const Report& r, const YamlTallyNotes& n) : report_(r), form_(*r.form), notes_(n) {}

  std::string run() {
    comments(out_, "", notes_.header);
    if (!notes_.header.empty()) out_ += '\n';
    if (!report_.agency.empty())
      out_ += fmt::format("agency: {}\n", yaml_quote(report_.agency));
    else
      out_ += fmt::format("# {}\n", notes_.agency_missing);
    out_ += fmt::format("level: {}\n", to_string(report_.level));
    out_ += fmt::format("year: {}\n", report_.year);
    out_ += fmt::format("form: {}\n", yaml_quote(form_.id));
    if (report_.publication_date) out_ += fmt::format("published: {}\n", yaml_quote(*report_.publication_date));
    if (!notes_.previous.empty())
      line_with_comment(out_, fmt::format("previous: {}", yaml_quote(notes_.previous)), notes_.previous_comment);
    for (const auto& t : form_.tables) table(t);
    if (!notes_.prose_files.empty()) {
      out_ += "\nprose:\n";
      for (const auto& s : form_.sections) {
        auto it = notes_.prose_files.find(s.id);
        if (it != notes_.prose_files.end())
          line_with_comment(out_, fmt::format("  {}: {{file: {}}}", s.id, yaml_quote(it->second)), s.heading);
      }
    }
    if (!notes_.footer.empty()) {
      out_ += '\n';
      comments(out_, "", notes_.footer);
    }
    return std::move(out_);
  }

 private:
  bool row_written(const TableDef& t, const RowDef& r) const {
    if (!r.has_cells) return false;
    for (const auto& c : t.columns_of(r))
      if (const CellDef* cell = form_.cell(t.id, r.id, c.id); cell && written(report_.at(*cell))) return true;
    return false;
  }

  // The derived totals of `t` left out: 「总计」列, 「（七）总计」行 …
  std::vector<std::string> left_out(const TableDef& t) const {
    std::vector<std::string> columns, rows;
    std::set<std::string> seen;
    for (const auto& rule : t.rules) {
      if (rule.kind == RuleKind::row_balance || seen.contains(rule.total)) continue;
      bool any_missing = false;
      for (const auto& cell : form_.cells())
        if (cell.table == &t && cell.derived &&
            (rule.kind == RuleKind::column_sum ? cell.column->id == rule.total : cell.row->id == rule.total))
          any_missing = any_missing || !written(report_.at(cell));
      if (!any_missing) continue;
      seen.insert(rule.total);
      if (rule.kind == RuleKind::column_sum) {
        for (const auto& c : t.columns)
          if (c.id == rule.total) columns.push_back(fmt::format("「{}」", c.label));
      } else if (const RowDef* r = t.row(rule.total)) {
        rows.push_back(fmt::format("「{}」", r->short_label.empty() ? r->label : r->short_label));
      }
    }
    std::vector<std::string> out;
    std::string list;
    if (!columns.empty()) list += fmt::format("{} 列 (column)", fmt::join(columns, ""));
    if (!rows.empty()) list += fmt::format("{}{} 行 (rows)", list.empty() ? "" : "；", fmt::join(rows, ""));
    if (!list.empty()) {
      out.push_back(notes_.computed_heading + ":");
      out.push_back("  " + list);
    }
    return out;
  }

  void table(const TableDef& t) {
    bool any = false;
    for (const auto& r : t.rows) any = any || row_written(t, r);
    out_ += fmt::format("\n# {}\n", section_heading(form_, t));
    if (auto it = notes_.tables.find(t.id); it != notes_.tables.end()) comments(out_, "", it->second);
    if (!any) return;
    comments(out_, "", left_out(t));
    out_ += fmt::format("{}:\n", t.id);
    std::set<std::string> labelled;  // group and category rows whose label comment is written
    for (const auto& r : t.rows) {
      const std::string key = t.id + "." + r.id;
      auto notes = notes_.rows.find(key);
      if (!row_written(t, r)) {
        // A printed group or category label: its label (and notes) head its sub-rows.
        bool has_written_child = false;
        for (const auto& k : t.rows)
          if (k.parent == r.id) has_written_child = has_written_child || row_written(t, k);
        if (has_written_child || notes != notes_.rows.end()) {
          out_ += fmt::format("  # {}\n", r.label);
          if (notes != notes_.rows.end()) comments(out_, "  ", notes->second);
        }
        continue;
      }
      if (notes != notes_.rows.end()) comments(out_, "  ", notes->second);
      line_with_comment(out_, fmt::format("  {}:", r.id), r.label);
      for (const auto& c : t.columns_of(r)) {
        const CellDef* cell = form_.cell(t.id, r.id, c.id);
        if (cell == nullptr) continue;
        const CellValue& v = report_.at(*cell);
        if (!written(v)) continue;
        const std::string label = c.group_label.empty() ? c.label : c.group_label + " / " + c.label;
        if (v.stub)
          line_with_comment(out_, fmt::format("    {}: {}", c.id, kStubMarker), label);
        else if (v.state == CellState::blank)
          line_with_comment(out_, fmt::format("    {}:", c.id), label + " (blank)");
        else
          line_with_comment(out_, fmt::format("    {}: {}", c.id, format_value(c, v.raw)), label);
      }
    }
  }

  const Report& report_;
  const Form& form_;
  const YamlTallyNotes& notes_;
  std::string out_;
};

}  // namespace

std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  out += '"';
  return out;
}

std::string write_yaml_tally(const Report& report, const YamlTallyNotes& notes) { return Writer(report, notes).run(); }

}  // namespace gongkai
