#include <gongkai/render/table_layout.hpp>

#include <algorithm>
#include <cstddef>

namespace gongkai {

const LayoutCell* TableLayout::at(int row, int col) const {
  for (const auto& c : cells)
    if (c.row == row && c.col == col) return &c;
  return nullptr;
}

namespace {

int to_int(std::size_t n) { return static_cast<int>(n); }

std::vector<const CellDef*> row_cells(const Form& form, const TableDef& t, const RowDef& r) {
  std::vector<const CellDef*> out;
  if (!r.has_cells) return out;
  for (const auto& c : t.columns_of(r))
    if (const CellDef* d = form.cell(t.id, r.id, c.id)) out.push_back(d);
  return out;
}

std::string section_heading(const Form& form, const TableDef& t) {
  for (const auto& s : form.sections)
    if (s.id == t.section) return s.heading;
  return {};
}

LayoutCell label_cell(int row, int col, int row_span, int col_span, std::string text,
                      CellRole role = CellRole::column_label) {
  LayoutCell c;
  c.role = role;
  c.row = row;
  c.col = col;
  c.row_span = row_span;
  c.col_span = col_span;
  c.text = std::move(text);
  c.header = true;
  return c;
}

LayoutCell value_cell(int row, int col, int col_span, const CellDef* def) {
  LayoutCell c;
  c.row = row;
  c.col = col;
  c.col_span = col_span;
  c.cell = def;
  return c;
}

// ---- blocks (二) ----

struct Block {
  std::string title;
  const std::vector<ColumnDef>* columns = nullptr;
  std::vector<const RowDef*> rows;
};

void layout_blocks(const Report& report, const TableDef& t, TableLayout& out) {
  const Form& form = *report.form;
  std::vector<Block> blocks;
  for (const auto& r : t.rows) {
    if (!r.parent.empty()) continue;
    Block b;
    b.columns = &t.columns_of(r);
    if (r.has_cells) {
      b.rows.push_back(&r);  // a top-level data row outside any block: a block without title
    } else {
      b.title = r.label;
      for (const RowDef* kid : t.children_of(r.id))
        if (kid->has_cells) b.rows.push_back(kid);
    }
    blocks.push_back(std::move(b));
  }
  int widest = 0;
  for (const auto& b : blocks) widest = std::max(widest, to_int(b.columns->size()));
  out.label_columns = 1;
  out.columns = 1 + widest;
  out.header_rows = 0;

  int row = 0;
  for (const auto& b : blocks) {
    FlatSection flat;
    flat.title = b.title;
    flat.label_columns = 1;
    flat.header.push_back(t.row_header);
    if (!b.title.empty()) out.cells.push_back(label_cell(row++, 0, 1, out.columns, b.title, CellRole::title));
    out.cells.push_back(label_cell(row, 0, 1, 1, t.row_header));
    const int n = to_int(b.columns->size());
    // The last column takes whatever width the block lacks, as the printed form does.
    auto span_of = [&](int i) { return i == n - 1 ? out.columns - 1 - i : 1; };
    for (int i = 0; i < n; ++i) {
      const auto& col = (*b.columns)[static_cast<std::size_t>(i)];
      out.cells.push_back(label_cell(row, 1 + i, 1, span_of(i), col.label));
      flat.header.push_back(col.label);
    }
    ++row;
    for (const RowDef* r : b.rows) {
      out.cells.push_back(label_cell(row, 0, 1, 1, r->label, CellRole::row_label));
      FlatRow fr;
      fr.path.push_back(r->label);
      const auto defs = row_cells(form, t, *r);
      for (std::size_t i = 0; i < defs.size(); ++i) {
        out.cells.push_back(value_cell(row, 1 + to_int(i), span_of(to_int(i)), defs[i]));
        fr.cells.push_back(defs[i]);
      }
      flat.rows.push_back(std::move(fr));
      ++row;
    }
    out.flat.push_back(std::move(flat));
  }
  out.rows = row;
}

// ---- grid (三) ----

// A category printed as a single row: the report gives its figure and none of its sub-rows.
bool given_alone(const Report& report, const TableDef& t, const RowDef& r) {
  const Form& form = *report.form;
  bool given = false;
  for (const CellDef* d : row_cells(form, t, r)) {
    const CellValue& v = report.at(*d);
    if (v.state != CellState::absent && !v.computed) given = true;
  }
  if (!given) return false;
  std::vector<const RowDef*> pending = t.children_of(r.id);
  while (!pending.empty()) {
    const RowDef* kid = pending.back();
    pending.pop_back();
    // A sub-row's computed total (0 over absent parts) is not a figure the report gave.
    for (const CellDef* d : row_cells(form, t, *kid)) {
      const CellValue& v = report.at(*d);
      if (v.state != CellState::absent && !v.computed) return false;
    }
    for (const RowDef* g : t.children_of(kid->id)) pending.push_back(g);
  }
  return true;
}

struct GridBody {
  const Report& report;
  const TableDef& t;
  TableLayout& out;
  FlatSection& flat;
  int next_row = 0;
  std::vector<std::string> path;

  // Lays out `r` and its descendants from next_row; returns the number of body rows used.
  int emit(const RowDef& r, int depth) {
    const auto kids = t.children_of(r.id);
    if (kids.empty() || (r.has_cells && given_alone(report, t, r))) {
      const int row = next_row++;
      out.cells.push_back(label_cell(row, depth, 1, out.label_columns - depth, r.label, CellRole::row_label));
      FlatRow fr;
      fr.path = path;
      fr.path.push_back(r.label);
      const auto defs = row_cells(*report.form, t, r);
      for (std::size_t i = 0; i < defs.size(); ++i) {
        out.cells.push_back(value_cell(row, out.label_columns + to_int(i), 1, defs[i]));
        fr.cells.push_back(defs[i]);
      }
      flat.rows.push_back(std::move(fr));
      return 1;
    }
    // A label spanning its descendants vertically; the row has no printed figures of its own.
    const std::size_t label_at = out.cells.size();
    out.cells.push_back(label_cell(next_row, depth, 1, 1, r.label, CellRole::row_label));
    path.push_back(r.label);
    int used = 0;
    for (const RowDef* kid : kids) used += emit(*kid, depth + 1);
    path.pop_back();
    out.cells[label_at].row_span = used;
    return used;
  }
};

void layout_grid(const Report& report, const TableDef& t, TableLayout& out) {
  int max_depth = 0;
  for (const auto& r : t.rows) max_depth = std::max(max_depth, r.depth);
  out.label_columns = max_depth + 1;
  const int ncols = to_int(t.columns.size());
  out.columns = out.label_columns + ncols;
  const bool has_title = !t.column_title.empty();
  const bool has_groups =
      std::any_of(t.columns.begin(), t.columns.end(), [](const ColumnDef& c) { return !c.group.empty(); });
  out.header_rows = (has_title ? 1 : 0) + (has_groups ? 1 : 0) + 1;

  out.cells.push_back(label_cell(0, 0, out.header_rows, out.label_columns, t.corner_note));
  int row = 0;
  if (has_title) out.cells.push_back(label_cell(row++, out.label_columns, 1, ncols, t.column_title));
  for (int i = 0; i < ncols;) {
    const ColumnDef& c = t.columns[static_cast<std::size_t>(i)];
    const int col = out.label_columns + i;
    if (c.group.empty()) {
      out.cells.push_back(label_cell(row, col, out.header_rows - row, 1, c.label));
      ++i;
      continue;
    }
    int j = i;
    while (j < ncols && t.columns[static_cast<std::size_t>(j)].group == c.group) ++j;
    out.cells.push_back(label_cell(row, col, 1, j - i, c.group_label));
    for (int k = i; k < j; ++k)
      out.cells.push_back(label_cell(row + 1, out.label_columns + k, out.header_rows - row - 1, 1,
                                     t.columns[static_cast<std::size_t>(k)].label));
    i = j;
  }

  FlatSection flat;
  flat.label_columns = 1;
  GridBody body{report, t, out, flat, out.header_rows, {}};
  for (const RowDef* r : t.children_of("")) body.emit(*r, 0);
  out.rows = body.next_row;
  out.flat.push_back(std::move(flat));
}

// ---- single_row (四) ----

struct SingleRow {
  const Report& report;
  const TableDef& t;
  TableLayout& out;
  int body_row = 0;
  std::vector<const CellDef*> values;

  // Places `r` in the header from column `col`; returns the number of columns it covers.
  int emit(const RowDef& r, int depth, int col) {
    const auto kids = t.children_of(r.id);
    if (kids.empty()) {
      const auto defs = row_cells(*report.form, t, r);
      const int n = to_int(defs.size());
      out.cells.push_back(label_cell(depth, col, 1, n, r.label));
      for (int i = 0; i < n; ++i) {
        const CellDef* d = defs[static_cast<std::size_t>(i)];
        out.cells.push_back(label_cell(depth + 1, col + i, out.header_rows - depth - 1, 1, d->column->label));
        out.cells.push_back(value_cell(body_row, col + i, 1, d));
        values.push_back(d);
      }
      return n;
    }
    const std::size_t label_at = out.cells.size();
    out.cells.push_back(label_cell(depth, col, 1, 1, r.label));
    int used = 0;
    for (const RowDef* kid : kids) used += emit(*kid, depth + 1, col + used);
    out.cells[label_at].col_span = used;
    return used;
  }
};

void layout_single_row(const Report& report, const TableDef& t, TableLayout& out) {
  int max_depth = 0;
  for (const auto& r : t.rows) max_depth = std::max(max_depth, r.depth);
  out.header_rows = max_depth + 2;  // one row per label level, then the column labels
  out.label_columns = 0;
  SingleRow sr{report, t, out, out.header_rows, {}};
  int used = 0;
  for (const RowDef* r : t.children_of("")) used += sr.emit(*r, 0, used);
  out.columns = used;
  out.rows = out.header_rows + 1;
  FlatSection flat;
  flat.label_columns = 0;
  FlatRow fr;
  fr.cells = std::move(sr.values);
  flat.rows.push_back(std::move(fr));
  out.flat.push_back(std::move(flat));
}

// A column's flat header: the header labels above it, top to bottom, joined with 「·」.
std::string flat_header(const TableLayout& l, int col) {
  std::string out;
  for (int row = 0; row < l.header_rows; ++row) {
    for (const auto& c : l.cells) {
      if (!c.header || c.row != row || col < c.col || col >= c.col + c.col_span) continue;
      if (!out.empty()) out += kFlatJoin;
      out += c.text;
    }
  }
  return out;
}

}  // namespace

TableLayout layout_table(const Report& report, const TableDef& table) {
  TableLayout out;
  out.table = &table;
  out.heading = section_heading(*report.form, table);
  if (table.layout == "grid") {
    layout_grid(report, table, out);
  } else if (table.layout == "single_row") {
    layout_single_row(report, table, out);
  } else {
    layout_blocks(report, table, out);
  }
  std::stable_sort(out.cells.begin(), out.cells.end(), [](const LayoutCell& a, const LayoutCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  if (table.layout == "grid" || table.layout == "single_row") {
    FlatSection& flat = out.flat.front();
    // The one flat label column is headed by what stands over the label columns (the corner note).
    if (out.label_columns > 0) flat.header.push_back(flat_header(out, 0));
    for (int col = out.label_columns; col < out.columns; ++col) flat.header.push_back(flat_header(out, col));
  }
  return out;
}

}  // namespace gongkai
