#include <gongkai/readers/long_csv.hpp>

#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/readers/cell_text.hpp>
#include <gongkai/readers/csv.hpp>
#include <gongkai/readers/label_match.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

namespace gongkai {
namespace {

constexpr std::size_t kFields = 4;  // section,row,column,value

struct Field {
  std::string text;  // trimmed
  int column = 0;
};

// One data line of the file, kept so that it can be matched against every candidate form.
struct Line {
  int line = 0;
  Field section, row, column, value;
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Parses the CSV layer: header, field counts, quoting. Problems go to `out`.
std::vector<Line> read_lines(std::string_view name, std::string_view text, Diagnostics& out) {
  std::vector<Line> lines;
  const std::size_t errors_before = out.count(Severity::error);
  CsvReader reader(name, text);
  CsvRow row;
  bool header_seen = false;
  // A fifth column `source` (where `gongkai import` found each figure) is allowed and not read.
  std::size_t fields = kFields;
  while (reader.next(row, out)) {
    if (!header_seen) {
      header_seen = true;
      std::string found;
      if (row.fields.size() == kFields + 1 && lower_ascii(trim(row.fields[kFields].text)) == "source") {
        fields = kFields + 1;
      }
      bool ok = row.fields.size() == fields;
      static constexpr std::string_view kNames[kFields] = {"section", "row", "column", "value"};
      for (std::size_t i = 0; i < row.fields.size(); ++i) {
        if (i > 0) found += ",";
        found += row.fields[i].text;
        if (ok && i < kFields && lower_ascii(trim(row.fields[i].text)) != kNames[i]) ok = false;
      }
      if (!ok) {
        out.add(Diagnostic::make(
            Severity::error, "csv", SourceLoc{std::string(name), row.line, 1, {}},
            {fmt::format("第一行应为表头 section,row,column,value，实为「{}」", excerpt(found)),
             fmt::format("the first line must be the header section,row,column,value, not '{}'", excerpt(found))}));
      }
      continue;
    }
    bool all_blank = true;
    for (const auto& f : row.fields) all_blank = all_blank && trim(f.text).empty();
    if (all_blank) continue;  // spreadsheets export empty rows as ",,,"
    if (row.fields.size() != fields) {
      out.add(Diagnostic::make(
          Severity::error, "csv", SourceLoc{std::string(name), row.line, 1, {}},
          {fmt::format("第 {} 行有 {} 个字段，应为 4 个（section,row,column,value）；含逗号的字段须加引号", row.line,
                       row.fields.size()),
           fmt::format("line {} has {} fields, expected 4 (section,row,column,value); quote a field that "
                       "contains a comma",
                       row.line, row.fields.size())}));
      continue;
    }
    Line l;
    l.line = row.line;
    Field* dest[kFields] = {&l.section, &l.row, &l.column, &l.value};
    for (std::size_t i = 0; i < kFields; ++i) {
      dest[i]->text = std::string(trim(row.fields[i].text));
      dest[i]->column = row.fields[i].column;
    }
    lines.push_back(std::move(l));
  }
  if (!header_seen) {
    out.add(
        Diagnostic::make(Severity::error, "csv", SourceLoc{std::string(name), 0, 0, {}},
                         {"文件为空：应有表头 section,row,column,value 及每个单元格一行",
                          "the file is empty: expected the header section,row,column,value and one line per cell"}));
  } else if (lines.empty() && out.count(Severity::error) == errors_before) {
    out.add(Diagnostic::make(Severity::error, "csv", SourceLoc{std::string(name), 0, 0, {}},
                             {"文件只有表头，没有单元格", "the file has a header but no cells"}));
  }
  return lines;
}

// The ways a row of a table may be written: its label alone, or with any of its parents in
// front, joined by `/` (`三、本年度办理结果/（三）不予公开/1.属于国家秘密` … `1.属于国家秘密`).
std::vector<std::string> row_spellings(const TableDef& table, const RowDef& row) {
  std::vector<std::string> parents;
  for (const RowDef* at = row.parent.empty() ? nullptr : table.row(row.parent); at != nullptr;
       at = at->parent.empty() ? nullptr : table.row(at->parent))
    parents.insert(parents.begin(), at->label);
  std::vector<std::string> out;
  const std::size_t n = parents.size();
  // Longest first, so the fullest spelling names the target in messages when distances tie.
  for (std::size_t mask = (std::size_t{1} << n); mask-- > 0;) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
      if ((mask >> i) & 1U) s += parents[i] + "/";
    out.push_back(s + row.label);
  }
  return out;
}

std::vector<std::string> column_spellings(const TableDef& table, const ColumnDef& column) {
  std::vector<std::string> out;
  if (!column.group_label.empty()) {
    if (!table.column_title.empty()) out.push_back(table.column_title + "/" + column.group_label + "/" + column.label);
    out.push_back(column.group_label + "/" + column.label);
  }
  if (!table.column_title.empty()) out.push_back(table.column_title + "/" + column.label);
  out.push_back(column.label);
  return out;
}

// Where a `section` value leads: a table, and for review/litigation the rows of that part.
struct SectionTarget {
  const TableDef* table = nullptr;
  std::string row_section;  // empty: every row of the table
};

// One form's labels, ready to match, with every match made so far remembered. Building the
// matchers normalises every official spelling and matching a retyped label computes edit
// distances, so both are done once per form and thread, not once per file: a province's
// thousands of units print the same few hundred labels. The memo of a kind is cleared when it
// grows past kMemo entries, so a file of endless distinct labels cannot grow it without bound.
class LabelIndex {
 public:
  explicit LabelIndex(const Form& form) {
    for (const auto& t : form.tables) {
      for (const auto& s : t.csv_sections) {
        bool per_row = false;
        for (const auto& r : t.rows) per_row = per_row || r.csv_section == s;
        add_section(s, SectionTarget{&t, per_row ? s : std::string()});
      }
    }
  }

  [[nodiscard]] const SectionTarget& target(std::size_t i) const { return section_targets_[i]; }

  const LabelMatch& section(const std::string& printed) {
    return memo(section_memo_, printed, [&] { return sections_.match(printed); });
  }

  const LabelMatch& row(const SectionTarget& s, const std::string& printed) {
    return memo(row_memo_[&s], printed, [&] { return row_matcher(s).match(printed); });
  }

  // The form's cell at a row and column (nullptr for none): looked up by ID once.
  const CellDef* cell(const Form& form, const TableDef& t, const RowDef& row, const ColumnDef& column) {
    auto [it, fresh] = cells_.try_emplace(std::make_pair(&row, &column), nullptr);
    if (fresh) it->second = form.cell(t.id, row.id, column.id);
    return it->second;
  }

  const LabelMatch& column(const TableDef& t, const std::vector<ColumnDef>& columns, const std::string& printed) {
    return memo(column_memo_[&columns], printed, [&] { return column_matcher(t, columns).match(printed); });
  }

 private:
  static constexpr std::size_t kMemo = 4096;

  // Printed label -> match, looked up by the text without copying it.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  using Memo = std::unordered_map<std::string, LabelMatch, TextHash, std::equal_to<>>;

  // Elements of an unordered_map keep their address when it grows, so a returned reference
  // holds until this memo is next cleared.
  template <class Compute>
  static const LabelMatch& memo(Memo& map, const std::string& printed, Compute&& compute) {
    auto it = map.find(std::string_view(printed));
    if (it != map.end()) return it->second;
    if (map.size() >= kMemo) map.clear();
    return map.emplace(printed, compute()).first->second;
  }

  void add_section(const std::string& text, SectionTarget target) {
    for (std::size_t i = 0; i < section_targets_.size(); ++i) {
      if (section_targets_[i].table == target.table && section_targets_[i].row_section == target.row_section) {
        sections_.add(text, i);
        return;
      }
    }
    section_targets_.push_back(std::move(target));
    sections_.add(text, section_targets_.size() - 1);
  }

  LabelMatcher& row_matcher(const SectionTarget& s) {
    auto it = row_matchers_.find(&s);
    if (it != row_matchers_.end()) return it->second;
    LabelMatcher m;
    const auto& rows = s.table->rows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!rows[i].has_cells) continue;
      if (!s.row_section.empty() && rows[i].csv_section != s.row_section) continue;
      for (auto& text : row_spellings(*s.table, rows[i])) m.add(std::move(text), i);
    }
    return row_matchers_.emplace(&s, std::move(m)).first->second;
  }

  LabelMatcher& column_matcher(const TableDef& t, const std::vector<ColumnDef>& columns) {
    auto it = column_matchers_.find(&columns);
    if (it != column_matchers_.end()) return it->second;
    LabelMatcher matcher;
    for (std::size_t i = 0; i < columns.size(); ++i)
      for (auto& s : column_spellings(t, columns[i])) matcher.add(std::move(s), i);
    return column_matchers_.emplace(&columns, std::move(matcher)).first->second;
  }

  LabelMatcher sections_;
  std::vector<SectionTarget> section_targets_;  // never grows after construction: pointers stay valid
  Memo section_memo_;
  std::map<const SectionTarget*, LabelMatcher> row_matchers_;
  std::map<const SectionTarget*, Memo> row_memo_;
  std::map<const std::vector<ColumnDef>*, LabelMatcher> column_matchers_;
  std::map<const std::vector<ColumnDef>*, Memo> column_memo_;
  std::map<std::pair<const RowDef*, const ColumnDef*>, const CellDef*> cells_;
};

// The label index of a form for this thread. Each entry holds its form, so a form's address is
// never reused for another while its index lives.
LabelIndex& label_index(const std::shared_ptr<const Form>& form) {
  struct Entry {
    std::shared_ptr<const Form> form;
    std::unique_ptr<LabelIndex> index;
  };
  thread_local std::map<const Form*, Entry> indexes;
  auto it = indexes.find(form.get());
  if (it == indexes.end()) it = indexes.emplace(form.get(), Entry{form, std::make_unique<LabelIndex>(*form)}).first;
  return *it->second.index;
}

// Reads one file's lines against one form: the findings of each distinct printed label once.
class FormReader {
 public:
  FormReader(std::string_view name, std::shared_ptr<const Form> form)
      : name_(name), form_(std::move(form)), index_(label_index(form_)) {}

  std::size_t unmatched = 0;
  std::size_t label_warnings = 0;

  // The fit alone, for inferring the form: every label matched and counted as read() counts it,
  // but no finding is worded and no cell is read.
  void fit(const std::vector<Line>& lines) {
    fit_only_ = true;
    Diagnostics none;
    for (const Line& l : lines) {
      const SectionTarget* section = match_section(l, none);
      const RowDef* row = section ? match_row(*section, l, none) : nullptr;
      if (row != nullptr) (void)match_column(*section->table, *row, l, none);
    }
    fit_only_ = false;
  }

  Report read(const std::vector<Line>& lines, const ReportMeta& meta, Diagnostics& out) {
    Report report(form_);
    report.agency = meta.agency.value_or("-");
    report.level = meta.level.value_or(Level::department);
    report.year = meta.year.value_or(0);
    report.publication_date = meta.publication_date;
    report.origin = SourceLoc{name_, 0, 0, {}};
    std::vector<int> given_at(form_->cells().size(), 0);  // cell index -> line (0: not yet)
    for (const Line& l : lines) {
      const SectionTarget* section = match_section(l, out);
      const RowDef* row = section ? match_row(*section, l, out) : nullptr;
      const ColumnDef* column = row ? match_column(*section->table, *row, l, out) : nullptr;
      if (column == nullptr) continue;
      const CellDef* cell = index_.cell(*form_, *section->table, *row, *column);
      if (cell == nullptr) continue;  // rows offered for matching all have cells
      const SourceLoc where{name_, l.line, l.value.column, {}};
      int& first = given_at[cell->index];
      if (first != 0) {
        Diagnostic d = Diagnostic::make(
            Severity::error, "duplicate", where,
            {fmt::format("单元格「{}」重复给出（第一次在第 {} 行）", form_->cell_label(*cell), first),
             fmt::format("cell '{}' is given twice (first on line {})", form_->cell_label(*cell), first)});
        d.cells.push_back({cell->id, form_->cell_label(*cell)});
        out.add(std::move(d));
        continue;
      }
      first = l.line;
      if (auto v = parse_cell_text(l.value.text, *form_, *cell, where, out)) report.at(*cell) = *v;
    }
    return report;
  }

 private:
  std::string table_name(const TableDef& t) const {
    for (const auto& s : form_->sections)
      if (s.id == t.section) return s.heading;
    return t.id;
  }

  static std::string quoted_list(const std::vector<std::string>& items, std::string_view open, std::string_view close,
                                 std::string_view sep) {
    std::string out;
    for (const auto& i : items) {
      if (!out.empty()) out += sep;
      out += fmt::format("{}{}{}", open, i, close);
    }
    return out;
  }

  // Reports a match once per distinct printed label, wherever it recurs: a warning when it is
  // not verbatim, an error when it matches nothing. `what` names the kind of label, `where_in`
  // the table or row it was looked up in.
  // REQUIRES: m is not exact (an exact label gives no finding; callers skip building the wording).
  void note(const LabelMatch& m, const Field& printed, int line, const Text& what, const Text& where_in,
            Diagnostics& out) {
    // A retyped label recurs on every line: its key is assembled in a buffer kept per thread, and
    // set::insert copies it only when it is new.
    thread_local std::string key;
    key.assign(what.en).append(1, '\x1f').append(printed.text).append(1, '\x1f').append(m.official);
    if (!reported_.insert(key).second) return;
    if (fit_only_) {
      ++(m.matched() ? label_warnings : unmatched);
      return;
    }
    const SourceLoc where{name_, line, printed.column, {}};
    if (m.matched()) {
      ++label_warnings;
      out.add(Diagnostic::make(
          Severity::warning, "label", where,
          {fmt::format("标签「{}」按官方表述「{}」识别", excerpt(printed.text), m.official),
           fmt::format("label '{}' matched to the official '{}'", excerpt(printed.text), m.official)}));
      return;
    }
    ++unmatched;
    const std::string zh_list = quoted_list(m.closest, "「", "」", "、");
    const std::string en_list = quoted_list(m.closest, "'", "'", ", ");
    Text msg = m.ambiguous ? Text{fmt::format("{}{}「{}」可对应多项：{}；请写出上级标签以区分", where_in.zh, what.zh,
                                              excerpt(printed.text), zh_list),
                                  fmt::format("{} '{}'{} fits several equally: {}; write its parent label too", what.en,
                                              excerpt(printed.text), where_in.en, en_list)}
                           : Text{fmt::format("{}{}「{}」无法识别；最接近的是：{}", where_in.zh, what.zh,
                                              excerpt(printed.text), zh_list),
                                  fmt::format("{} '{}'{} is not recognised; the closest are: {}", what.en,
                                              excerpt(printed.text), where_in.en, en_list)};
    out.add(Diagnostic::make(Severity::error, "label", where, std::move(msg)));
  }

  const SectionTarget* match_section(const Line& l, Diagnostics& out) {
    const LabelMatch& m = index_.section(l.section.text);
    if (m.kind != LabelMatchKind::exact) note(m, l.section, l.line, {"分节", "section"}, {}, out);
    return m.matched() ? &index_.target(m.target) : nullptr;
  }

  const RowDef* match_row(const SectionTarget& s, const Line& l, Diagnostics& out) {
    const LabelMatch& m = index_.row(s, l.row.text);
    if (m.kind != LabelMatchKind::exact)  // the messages' wording is built only when needed
      note(m, l.row, l.line, {"行标签", "row label"},
           fit_only_
               ? Text{}
               : Text{fmt::format("表「{}」中的", table_name(*s.table)), fmt::format(" in table {}", s.table->id)},
           out);
    return m.matched() ? &s.table->rows[m.target] : nullptr;
  }

  const ColumnDef* match_column(const TableDef& t, const RowDef& row, const Line& l, Diagnostics& out) {
    const std::vector<ColumnDef>& columns = t.columns_of(row);
    const LabelMatch& m = index_.column(t, columns, l.column.text);
    if (m.kind != LabelMatchKind::exact)
      note(m, l.column, l.line, {"列标签", "column label"},
           fit_only_ ? Text{} : Text{fmt::format("「{}」行的", row.label), fmt::format(" of row '{}'", row.label)},
           out);
    return m.matched() ? &columns[m.target] : nullptr;
  }

  std::string name_;
  std::shared_ptr<const Form> form_;
  LabelIndex& index_;
  std::set<std::string> reported_;  // kind \x1f printed \x1f official
  bool fit_only_ = false;           // fit(): count, word nothing
};

struct Attempt {
  std::shared_ptr<const Form> form;
  std::optional<Report> report;
  Diagnostics found;
  std::size_t unmatched = 0;
  std::size_t label_warnings = 0;
};

// How well each form fits a file's labels: (unmatched, label warnings) by form, oldest first.
using Fits = std::vector<std::tuple<std::size_t, std::size_t>>;

// The labels a fit reads (section, row and column of every line, in order), as one key.
std::string fit_key(const std::vector<Line>& lines) {
  std::size_t size = 0;
  for (const Line& l : lines) size += l.section.text.size() + l.row.text.size() + l.column.text.size() + 3;
  std::string key;
  key.reserve(size);
  for (const Line& l : lines) {
    key += l.section.text;
    key += '\x1f';
    key += l.row.text;
    key += '\x1f';
    key += l.column.text;
    key += '\x1e';
  }
  return key;
}

Fits fit_forms(std::string_view name, const std::vector<std::shared_ptr<const Form>>& forms,
               const std::vector<Line>& lines) {
  Fits fits;
  for (const auto& f : forms) {
    FormReader reader(name, f);
    reader.fit(lines);
    fits.emplace_back(reader.unmatched, reader.label_warnings);
  }
  return fits;
}

// A fit is a function of the labels and the forms alone, and the units of a batch are mostly
// made from one template: each worker remembers the last few label sets' fits, so that a
// province's units are matched once against the chosen form instead of once per form too.
// The forms are kept (shared), so that their addresses identify them.
class FitMemo {
 public:
  const Fits& get(std::string_view name, const std::vector<std::shared_ptr<const Form>>& forms,
                  const std::vector<Line>& lines) {
    std::string key = fit_key(lines);
    for (const Entry& e : entries_)
      if (e.forms == forms && e.key == key) return e.fits;
    Entry& e = entries_[next_];
    next_ = (next_ + 1) % entries_.size();
    e.fits = fit_forms(name, forms, lines);
    e.forms = forms;
    e.key = std::move(key);
    return e.fits;
  }

 private:
  struct Entry {
    std::vector<std::shared_ptr<const Form>> forms;
    std::string key;
    Fits fits;
  };
  std::array<Entry, 4> entries_;
  std::size_t next_ = 0;
};

Attempt attempt(std::string_view name, std::shared_ptr<const Form> form, const std::vector<Line>& lines,
                const ReportMeta& meta) {
  Attempt a;
  a.form = form;
  FormReader reader(name, std::move(form));
  a.report = reader.read(lines, meta, a.found);
  a.unmatched = reader.unmatched;
  a.label_warnings = reader.label_warnings;
  return a;
}

}  // namespace

std::optional<Report> read_long_csv(std::string_view name, std::string_view text, const FormSet& forms,
                                    const ReportMeta& meta, Diagnostics& out) {
  const std::vector<Line> lines = read_lines(name, text, out);
  if (lines.empty()) return std::nullopt;
  const SourceLoc file{std::string(name), 0, 0, {}};

  if (meta.form_id) {
    auto form = forms.by_id(*meta.form_id);
    if (!form) {
      std::vector<std::string> known;
      for (const auto& f : forms.all()) known.push_back(f->id);
      std::string list = fmt::format("{}", fmt::join(known, ", "));
      out.add(Diagnostic::make(Severity::error, "form", file,
                               {fmt::format("未知的表格版本「{}」（已知：{}）", *meta.form_id, list),
                                fmt::format("unknown form '{}' (known: {})", *meta.form_id, list)}));
      return std::nullopt;
    }
    Attempt a = attempt(name, form, lines, meta);
    out.append(a.found);
    return std::move(a.report);
  }

  // Infer the form: the one whose labels fit best. A tie (a file holding only the rows the
  // forms share) goes to the form in force for the year, else the newest. Each form's fit is
  // counted first (labels only); the file is then read against the chosen form alone.
  const auto& candidates = forms.all();
  if (candidates.empty()) return std::nullopt;
  thread_local FitMemo memo;
  const Fits fits = memo.get(name, candidates, lines);  // (unmatched, label warnings) by form
  std::size_t best = 0;
  for (std::size_t i = 1; i < fits.size(); ++i)
    if (fits[i] <= fits[best]) best = i;  // forms are sorted oldest first
  std::vector<std::string> tied;
  for (std::size_t i = 0; i < fits.size(); ++i)
    if (fits[i] == fits[best]) tied.push_back(candidates[i]->id);
  if (tied.size() > 1 && meta.year) {
    for (std::size_t i = 0; i < fits.size(); ++i)
      if (fits[i] == fits[best] && candidates[i]->covers(*meta.year)) best = i;
  }
  Attempt chosen = attempt(name, candidates[best], lines, meta);
  const std::string& id = chosen.form->id;
  const std::string& title = chosen.form->title;
  Text note{fmt::format("根据标签判断为 {} 年版表格（{}）", id, title),
            fmt::format("form {} ({}) inferred from the labels", id, title)};
  if (tied.size() > 1) {
    const std::string zh_tied = fmt::format("{}", fmt::join(tied, "、"));
    const std::string en_tied = fmt::format("{}", fmt::join(tied, ", "));
    note =
        meta.year
            ? Text{fmt::format("标签同样符合 {} 年版表格，按年度选用 {} 年版（{}）", zh_tied, id, title),
                   fmt::format("the labels fit forms {} equally; form {} ({}) chosen by the year", en_tied, id, title)}
            : Text{
                  fmt::format("标签同样符合 {} 年版表格，选用最新的 {} 年版（{}）", zh_tied, id, title),
                  fmt::format("the labels fit forms {} equally; the newest, form {} ({}), chosen", en_tied, id, title)};
  }
  out.add(Diagnostic::make(Severity::info, "form", file, std::move(note)));
  out.append(chosen.found);
  return std::move(chosen.report);
}

}  // namespace gongkai
