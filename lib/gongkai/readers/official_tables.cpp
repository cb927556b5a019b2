#include <gongkai/readers/official_tables.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

namespace gongkai {
namespace {

// Labels are short (the longest official one has 37 characters; a row's labels joined, about
// 80). Longer texts are notes or data, never a label, and are not compared: the near-miss
// comparison costs the product of the lengths.
constexpr std::size_t kMaxLabelBytes = 400;

// Near-miss comparisons one matcher makes for one workbook. A table needs a few hundred; a
// sheet crafted to hold thousands of distinct texts in its label positions gets no more.
constexpr std::size_t kMaxNearMatches = 4000;

// A LabelMatcher that remembers its answers (a sheet repeats its labels across rows) and that
// answers the strict question — is this the official wording, or the same once normalised? —
// by lookup, so that scanning every cell of a sheet for header labels stays cheap.
class CachedMatcher {
 public:
  void add(std::string text, std::size_t target) {
    exact_[text].insert(target);
    keys_[label_key(text)].insert(target);
    matcher_.add(std::move(text), target);
  }

  const LabelMatch& match(std::string_view printed) const {
    static const LabelMatch kNoMatch;
    if (printed.size() > kMaxLabelBytes) return kNoMatch;
    auto it = cache_.find(printed);
    if (it == cache_.end()) {
      if (++near_matches_ > kMaxNearMatches) return kNoMatch;
      it = cache_.emplace(std::string(printed), matcher_.match(printed)).first;
    }
    return it->second;
  }

  // The target when the text is the official wording or the same once normalised: strong
  // enough to decide that a row is a header row.
  std::optional<std::size_t> strict(std::string_view printed) const {
    if (printed.size() > kMaxLabelBytes) return std::nullopt;
    auto e = exact_.find(printed);
    if (e != exact_.end()) return e->second.size() == 1 ? std::optional(*e->second.begin()) : std::nullopt;
    auto c = strict_cache_.find(printed);
    if (c == strict_cache_.end()) {
      std::optional<std::size_t> target;
      auto k = keys_.find(label_key(printed));
      if (k != keys_.end() && k->second.size() == 1) target = *k->second.begin();
      c = strict_cache_.emplace(std::string(printed), target).first;
    }
    return c->second;
  }

 private:
  LabelMatcher matcher_;
  std::map<std::string, std::set<std::size_t>, std::less<>> exact_;
  std::map<std::string, std::set<std::size_t>, std::less<>> keys_;
  mutable std::map<std::string, LabelMatch, std::less<>> cache_;
  mutable std::map<std::string, std::optional<std::size_t>, std::less<>> strict_cache_;
  mutable std::size_t near_matches_ = 0;
};

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += "/";
    out += p;
  }
  return out;
}

// The ways a row may be named: its label alone or after any of its parents, joined by `/`.
std::vector<std::string> row_spellings(const TableDef& table, const RowDef& row) {
  std::vector<std::string> parents;
  for (const RowDef* at = table.row(row.parent); at != nullptr; at = table.row(at->parent)) {
    parents.insert(parents.begin(), at->label);
  }
  std::vector<std::string> out;
  const std::size_t n = parents.size();
  for (std::size_t mask = (std::size_t{1} << n); mask-- > 0;) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
      if (((mask >> i) & 1U) != 0) s += parents[i] + "/";
    }
    out.push_back(s + row.label);
  }
  return out;
}

std::vector<std::string> column_spellings(const TableDef& table, const ColumnDef& column) {
  std::vector<std::string> out{column.label};
  if (!column.group_label.empty()) out.push_back(column.group_label + "/" + column.label);
  if (!table.column_title.empty()) out.push_back(table.column_title + "/" + column.label);
  return out;
}

// A text cell of a row, by column; a label merged across several columns is kept once.
struct RowText {
  std::uint32_t column = 0;
  std::string text;
};

std::vector<RowText> row_texts(const SheetGrid& grid, std::uint32_t row, std::uint32_t first, std::uint32_t last) {
  std::vector<RowText> out;
  for (std::uint32_t x = first; x <= last; ++x) {
    std::string_view t = grid.label(row, x);
    if (t.empty()) continue;
    if (const CellRange* m = grid.merge_at(row, x); m != nullptr && m->first.column != x && m->first.column >= first) {
      continue;  // the rest of a span already seen
    }
    if (!out.empty() && out.back().text == t) continue;
    out.push_back({x, std::string(t)});
  }
  return out;
}

// True when the row holds a figure (any non-empty cell of its own) in one of `columns`.
bool has_figure(const SheetGrid& grid, std::uint32_t row, const std::map<std::uint32_t, std::size_t>& columns) {
  for (const auto& [x, target] : columns) {
    if (grid.covered(row, x)) continue;
    const GridCell* c = grid.value(row, x);
    if (c != nullptr && !trim(c->text).empty()) return true;
  }
  return false;
}

}  // namespace

struct TableFinder::Matchers {
  struct ColumnSet {
    const std::vector<ColumnDef>* defs = nullptr;
    CachedMatcher matcher;  // targets: index into *defs
  };
  CachedMatcher rows;                  // targets: index into table.rows, heading rows included
  std::vector<ColumnSet> column_sets;  // grid, single_row: the table's; blocks: one per block
  CachedMatcher titles;                // blocks: targets index into table.rows
  CachedMatcher row_header;            // blocks: 信息内容
  CachedMatcher header_texts;          // header_top(): every text of the form's header block

  ColumnSet& set_for(const std::vector<ColumnDef>* defs) {
    for (auto& s : column_sets) {
      if (s.defs == defs) return s;
    }
    return column_sets.front();
  }
};

TableFinder::TableFinder(const Form& form, const TableDef& table)
    : form_(form), table_(table), m_(std::make_unique<Matchers>()) {
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    for (auto& s : row_spellings(table, table.rows[i])) m_->rows.add(std::move(s), i);
  }
  auto add_set = [&](const std::vector<ColumnDef>& defs) {
    Matchers::ColumnSet set;
    set.defs = &defs;
    for (std::size_t i = 0; i < defs.size(); ++i) {
      for (auto& s : column_spellings(table, defs[i])) set.matcher.add(std::move(s), i);
    }
    m_->column_sets.push_back(std::move(set));
  };
  if (table.layout == "blocks") {
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const RowDef& r = table.rows[i];
      if (!r.columns.empty()) {
        add_set(r.columns);
        m_->titles.add(r.label, i);
      }
    }
    if (!table.row_header.empty()) m_->row_header.add(table.row_header, 0);
  } else {
    add_set(table.columns);
  }
  // The header block's texts. Targets only tell texts apart: which one matched does not matter.
  std::size_t n = 0;
  auto header = [&](const std::string& text) {
    if (!text.empty()) m_->header_texts.add(text, n++);
  };
  for (const auto& section : form.sections) {
    if (section.id == table.section) header(section.heading);
  }
  header(table.corner_note);
  header(table.column_title);
  header(table.row_header);
  std::set<std::string> seen;
  auto columns = [&](const std::vector<ColumnDef>& defs) {
    for (const auto& c : defs) {
      if (seen.insert(c.label).second) header(c.label);
      if (!c.group_label.empty() && seen.insert(c.group_label).second) header(c.group_label);
    }
  };
  columns(table.columns);
  for (const auto& r : table.rows) {
    columns(r.columns);
    // Block titles (第二十条第（一）项); 行政复议, 行政诉讼 … where they stand above their columns.
    if (table.layout == "single_row" || !r.columns.empty()) header(r.label);
  }
}

TableFinder::~TableFinder() = default;

namespace {

// How many distinct columns of `set` the row names in the official wording (or normalised).
std::size_t strict_columns(const CachedMatcher& set, const SheetGrid& grid, std::uint32_t row) {
  std::set<std::size_t> hit;
  for (std::uint32_t x = 1; x <= grid.columns(); ++x) {
    std::string_view t = grid.label(row, x);
    if (t.empty()) continue;
    if (auto c = set.strict(t)) hit.insert(*c);
  }
  return hit.size();
}

struct ColumnMap {
  std::map<std::uint32_t, std::size_t> columns;  // sheet column -> index into the column set
  std::vector<LabelNote> notes;                  // non-official wordings matched
  std::vector<LabelNote> unknown;                // header texts matching no column
};

// Maps the sheet's columns to the set's columns from the header band [top, bottom]: for each
// sheet column the lowest label in the band that names a column. A position inside a span
// begun further left is not a column of its own (the span's figure sits in its first column).
ColumnMap map_columns(const CachedMatcher& set, const SheetGrid& grid, std::uint32_t top, std::uint32_t bottom,
                      std::uint32_t first_column) {
  ColumnMap map;
  for (std::uint32_t x = first_column; x <= grid.columns(); ++x) {
    std::optional<LabelNote> unknown;
    bool done = false;
    for (std::uint32_t y = bottom; y >= top && y > 0 && !done; --y) {
      std::string_view t = grid.label(y, x);
      if (t.empty()) continue;
      const CellRange* span = grid.merge_at(y, x);
      const bool inside = span != nullptr && span->first.column != x;
      const LabelMatch& m = set.match(t);
      if (m.matched()) {
        done = true;
        if (inside) break;
        map.columns[x] = m.target;
        if (!reads_as_official(m)) {
          map.notes.push_back({m, std::string(t), {"列标签", "column label"}, span ? span->first.row : y, x});
        }
      } else if (!unknown && !inside) {
        unknown = LabelNote{m, std::string(t), {"列标签", "column label"}, span ? span->first.row : y, x};
      }
    }
    if (!done && unknown) map.unknown.push_back(std::move(*unknown));
  }
  return map;
}

// Row labels read left to right in the label columns, with what the rows above said in the
// columns left of this row's first label (a category typed once above its sub-rows).
class RowLabels {
 public:
  RowLabels(const TableDef& table, const CachedMatcher& rows) : table_(table), rows_(rows) {}

  struct Found {
    std::vector<RowText> own;
    const RowDef* row = nullptr;  // nullptr: no label, or not recognised
    LabelMatch match;             // when not recognised: the closest candidates
    std::string printed;
  };

  // `prefix`: a parent known from elsewhere (a block title), put before the row's labels.
  Found read(const SheetGrid& grid, std::uint32_t y, std::uint32_t last_label_column, const std::string& prefix) {
    Found f;
    if (last_label_column == 0) return f;
    f.own = row_texts(grid, y, 1, last_label_column);
    if (f.own.empty()) return f;
    std::vector<std::string> own_parts;
    for (const auto& o : f.own) own_parts.push_back(o.text);
    std::vector<std::string> context_parts;
    if (!prefix.empty()) context_parts.push_back(prefix);
    for (const auto& [x, text] : context_) {
      if (x < f.own.front().column) context_parts.push_back(text);
    }
    for (const auto& p : own_parts) context_parts.push_back(p);
    // Remember this row's labels for the rows below: they replace what stood in their columns
    // and to their right.
    context_.erase(context_.lower_bound(f.own.front().column), context_.end());
    for (const auto& o : f.own) context_[o.column] = o.text;

    const std::string own_path = join(own_parts);
    const std::string context_path = join(context_parts);
    const std::string& leaf = own_parts.back();
    f.printed = own_path;
    for (const std::string* p : {&own_path, &context_path}) {
      if (auto t = rows_.strict(*p)) {
        f.row = &table_.rows[*t];
        return f;
      }
    }
    for (const std::string* p : {&leaf, &own_path, &context_path}) {
      const LabelMatch& m = rows_.match(*p);
      if (m.matched()) {
        f.row = &table_.rows[m.target];
        return f;
      }
    }
    f.match = rows_.match(own_path);
    return f;
  }

  void reset() { context_.clear(); }

 private:
  const TableDef& table_;
  const CachedMatcher& rows_;
  std::map<std::uint32_t, std::string> context_;
};

// Notes each printed label of a recognised row that is not the official wording of the row or
// of one of its parents.
void note_row_labels(const TableDef& table, const RowDef& row, const std::vector<RowText>& own, std::uint32_t y,
                     std::vector<LabelNote>& notes) {
  LabelMatcher officials;
  std::vector<std::string> labels;
  for (const RowDef* at = &row; at != nullptr; at = table.row(at->parent)) labels.push_back(at->label);
  for (std::size_t i = 0; i < labels.size(); ++i) officials.add(labels[i], i);
  for (const RowText& o : own) {
    LabelMatch m = officials.match(o.text);
    if (m.matched() && !reads_as_official(m)) {
      notes.push_back({std::move(m), o.text, {"行标签", "row label"}, y, o.column});
    }
  }
}

}  // namespace

std::vector<std::uint32_t> TableFinder::anchors(const SheetGrid& grid) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t y = 1; y <= grid.rows(); ++y) {
    bool anchor = false;
    if (table_.layout == "blocks") {
      for (std::uint32_t x = 1; x <= grid.columns() && !anchor; ++x) {
        std::string_view t = grid.label(y, x);
        if (t.empty()) continue;
        anchor = m_->titles.strict(t).has_value() || m_->row_header.strict(t).has_value();
        for (const auto& set : m_->column_sets) anchor = anchor || set.matcher.strict(t).has_value();
      }
    } else {
      const auto& set = m_->column_sets.front();
      anchor = strict_columns(set.matcher, grid, y) >= std::min<std::size_t>(2, set.defs->size());
    }
    if (anchor) out.push_back(y);
  }
  return out;
}

std::uint32_t TableFinder::header_top(const SheetGrid& grid, std::uint32_t anchor) const {
  std::uint32_t top = anchor;
  for (std::uint32_t y = anchor; y-- > 1;) {
    bool any = false;
    for (std::uint32_t x = 1; x <= grid.columns(); ++x) {
      if (grid.covered(y, x)) continue;
      const GridCell* c = grid.value(y, x);
      if (c == nullptr || trim(c->text).empty()) continue;
      // A figure, or a text that is not one of the header's, ends the block.
      if (c->type != XlsxValueType::text || !m_->header_texts.match(trim(c->text)).matched()) return top;
      any = true;
    }
    if (!any) return top;
    top = y;
  }
  return top;
}

namespace {

// Adds the figure positions of `row` for the mapped columns. A category figure (optional)
// whose positions are all empty was not given: nothing is added.
void place_row(const Form& form, const TableDef& table, const RowDef& row, const SheetGrid& grid, std::uint32_t y,
               const std::map<std::uint32_t, std::size_t>& columns, const std::vector<ColumnDef>& defs,
               std::vector<PlacedValue>& out) {
  if (!row.has_cells) return;
  if (row.optional && !has_figure(grid, y, columns)) return;
  for (const auto& [x, target] : columns) {
    if (grid.covered(y, x)) continue;
    if (const CellDef* cell = form.cell(table.id, row.id, defs[target].id)) out.push_back({cell, y, x});
  }
}

// Figures beside a row label that is not recognised, that names a heading row of the form,
// or beside no label at all, cannot be placed: each is reported, never dropped silently.
void note_unplaced_row(const RowLabels::Found& f, std::uint32_t y, std::uint32_t figure_column, TablePlacement& p) {
  if (figure_column == 0) return;
  if (f.own.empty()) {
    p.problems.push_back({y,
                          figure_column,
                          {"此行有数字但没有行标签，无法确定属于哪一行",
                           "figures in a row without a row label: cannot tell which row they belong to"}});
  } else if (f.row == nullptr) {
    p.notes.push_back({f.match, f.printed, {"行标签", "row label"}, y, f.own.front().column});
  } else if (!f.row->has_cells) {
    p.problems.push_back({y,
                          figure_column,
                          {fmt::format("「{}」是表头行，表格中此行不填数字", f.row->label),
                           fmt::format("'{}' is a heading row: the form has no figures in it", f.row->label)}});
  }
}

// The first column of the row holding a figure among `columns`, or 0.
std::uint32_t first_figure(const SheetGrid& grid, std::uint32_t row,
                           const std::map<std::uint32_t, std::size_t>& columns) {
  for (const auto& [x, target] : columns) {
    if (has_figure(grid, row, {{x, target}})) return x;
  }
  return 0;
}

void note_unknown_columns(const ColumnMap& map, const SheetGrid& grid, std::uint32_t first_data, std::uint32_t last,
                          std::uint32_t first_value_column, std::vector<LabelNote>& notes) {
  for (const LabelNote& u : map.unknown) {
    if (u.column < first_value_column) continue;
    bool figures = false;
    for (std::uint32_t y = first_data; y <= last && !figures; ++y) {
      figures = has_figure(grid, y, {{u.column, 0}});
    }
    if (figures) notes.push_back(u);
  }
}

}  // namespace

TablePlacement TableFinder::place(const SheetGrid& grid, std::uint32_t from, std::uint32_t to) const {
  TablePlacement p;
  p.found = true;
  p.first_row = from;

  if (table_.layout == "blocks") {
    RowLabels labels(table_, m_->rows);
    std::string title;             // the current block's official title
    std::uint32_t header_row = 0;  // the header row above, 0 before the first
    std::uint32_t last_label_column = 0;
    std::map<std::pair<std::uint32_t, const void*>, ColumnMap> maps;  // (header row, column set)
    for (std::uint32_t y = from; y <= to; ++y) {
      std::vector<RowText> texts = row_texts(grid, y, 1, grid.columns());
      // A block title: the row says nothing else.
      if (!texts.empty()) {
        auto t = m_->titles.strict(texts.front().text);
        bool alone = true;
        for (const auto& rt : texts) alone = alone && rt.text == texts.front().text;
        if (t && alone) {
          title = table_.rows[*t].label;
          labels.reset();
          const LabelMatch& m = m_->titles.match(texts.front().text);
          if (!reads_as_official(m))
            p.notes.push_back({m, texts.front().text, {"行标签", "row label"}, y, texts.front().column});
          continue;
        }
      }
      // A header row: 信息内容 or a block's column label.
      std::uint32_t header_label_column = 0;
      std::uint32_t first_column_label = 0;
      for (const auto& rt : texts) {
        if (m_->row_header.strict(rt.text)) header_label_column = rt.column;
        for (const auto& set : m_->column_sets) {
          if (set.matcher.strict(rt.text) && first_column_label == 0) first_column_label = rt.column;
        }
      }
      if (header_label_column != 0 || first_column_label != 0) {
        header_row = y;
        last_label_column =
            header_label_column != 0 ? header_label_column : (first_column_label > 1 ? first_column_label - 1 : 0);
        labels.reset();
        continue;
      }
      if (header_row == 0) continue;
      RowLabels::Found f = labels.read(grid, y, last_label_column, title);
      const RowDef* row = f.row;
      if (row == nullptr || !row->has_cells) {
        std::uint32_t figure = 0;
        for (std::uint32_t x = last_label_column + 1; x <= grid.columns() && figure == 0; ++x) {
          if (has_figure(grid, y, {{x, 0}})) figure = x;
        }
        note_unplaced_row(f, y, figure, p);
        continue;
      }
      note_row_labels(table_, *row, f.own, y, p.notes);
      const std::vector<ColumnDef>& defs = table_.columns_of(*row);
      const auto& set = m_->set_for(&defs);
      auto key = std::make_pair(header_row, static_cast<const void*>(&defs));
      auto it = maps.find(key);
      if (it == maps.end()) {
        it = maps.emplace(key, map_columns(set.matcher, grid, header_row, header_row, last_label_column + 1)).first;
        for (const auto& n : it->second.notes) p.notes.push_back(n);
        note_unknown_columns(it->second, grid, header_row + 1, to, last_label_column + 1, p.notes);
      }
      place_row(form_, table_, *row, grid, y, it->second.columns, defs, p.values);
    }
    return p;
  }

  // grid and single_row: the header band is the run of header rows from `from`.
  const auto& set = m_->column_sets.front();
  const std::size_t needed = std::min<std::size_t>(2, set.defs->size());
  std::uint32_t bottom = from;
  while (bottom + 1 <= to && strict_columns(set.matcher, grid, bottom + 1) >= needed) ++bottom;
  ColumnMap map = map_columns(set.matcher, grid, from, bottom, 1);
  p.notes.insert(p.notes.end(), map.notes.begin(), map.notes.end());
  if (map.columns.empty()) return p;
  const std::uint32_t first_value_column = map.columns.begin()->first;

  if (table_.layout == "single_row") {
    // The figures: the first row below the header holding any.
    std::uint32_t data_row = bottom + 1;
    for (std::uint32_t y = bottom + 1; y <= to; ++y) {
      if (has_figure(grid, y, map.columns)) {
        data_row = y;
        break;
      }
    }
    // Which row each column belongs to: the nearest label above its column label that names a
    // row. A label typed once over a span it does not merge is carried to its right.
    const std::uint32_t top = from > 3 ? from - 3 : 1;
    std::map<const RowDef*, std::map<std::uint32_t, std::size_t>> by_row;
    std::vector<std::uint32_t> unplaced;  // columns with no row label above
    std::vector<LabelNote> row_notes;
    std::set<std::pair<std::uint32_t, std::uint32_t>> noted;
    for (const auto& [x, target] : map.columns) {
      const RowDef* row = nullptr;
      for (std::uint32_t y = bottom; y >= top && row == nullptr; --y) {
        std::string_view t = grid.label(y, x);
        std::uint32_t tx = x;
        if (t.empty() && grid.merge_at(y, x) == nullptr) {
          for (std::uint32_t l = x; l > first_value_column && t.empty();) {
            --l;
            if (grid.merge_at(y, l) != nullptr) break;
            t = grid.label(y, l);
            tx = l;
          }
        }
        if (t.empty() || set.matcher.match(t).matched()) continue;
        const LabelMatch& m = m_->rows.match(t);
        if (!m.matched() || !table_.rows[m.target].has_cells) continue;
        row = &table_.rows[m.target];
        const CellRange* span = grid.merge_at(y, tx);
        std::uint32_t ny = span ? span->first.row : y;
        std::uint32_t nx = span ? span->first.column : tx;
        if (!reads_as_official(m) && noted.emplace(ny, nx).second) {
          row_notes.push_back({m, std::string(t), {"行标签", "row label"}, ny, nx});
        }
      }
      if (row == nullptr) {
        unplaced.push_back(x);
      } else {
        by_row[row][x] = target;
      }
    }
    // No kind of case named above any column, but labels on the left: the table is typed as
    // three rows (行政复议 / 未经复议直接起诉 / 复议后起诉) under one header, read as a grid.
    if (!(by_row.empty() && first_value_column > 1)) {
      note_unknown_columns(map, grid, data_row, data_row, first_value_column, p.notes);
      p.notes.insert(p.notes.end(), row_notes.begin(), row_notes.end());
      for (std::uint32_t x : unplaced) {
        if (!has_figure(grid, data_row, {{x, 0}})) continue;
        std::string zh, en;
        for (const auto& r : table_.rows) {
          if (!r.has_cells) continue;
          zh += (zh.empty() ? "「" : "、「") + r.label + "」";
          en += (en.empty() ? "'" : ", '") + r.label + "'";
        }
        p.problems.push_back({data_row,
                              x,
                              {fmt::format("此列上方没有标签说明它属于{}中的哪一项", zh),
                               fmt::format("no label above this column says which of {} it belongs to", en)}});
      }
      for (const auto& [row, columns] : by_row) {
        place_row(form_, table_, *row, grid, data_row, columns, *set.defs, p.values);
      }
      return p;
    }
  }

  // grid: the row labels stand in the columns left of the first figure column.
  const std::uint32_t last_label_column = first_value_column - 1;
  note_unknown_columns(map, grid, bottom + 1, to, first_value_column, p.notes);
  RowLabels labels(table_, m_->rows);
  for (std::uint32_t y = bottom + 1; y <= to; ++y) {
    RowLabels::Found f = labels.read(grid, y, last_label_column, {});
    if (f.row == nullptr || !f.row->has_cells) {
      note_unplaced_row(f, y, first_figure(grid, y, map.columns), p);
      continue;
    }
    note_row_labels(table_, *f.row, f.own, y, p.notes);
    place_row(form_, table_, *f.row, grid, y, map.columns, *set.defs, p.values);
  }
  return p;
}

}  // namespace gongkai
