#include <gongkai/readers/yaml_tables.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/readers/cell_text.hpp>
#include <gongkai/readers/label_match.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

// A plain YAML integer: typed by the source, so it goes through parse_cell_number. Anything
// else (a decimal, a quoted string, 12件) is read as printed text, exactly like a CSV cell.
bool is_integer_literal(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_below(const TableDef& table, const RowDef& row, const RowDef& ancestor) {
  for (const RowDef* at = &row; !at->parent.empty();) {
    at = table.row(at->parent);
    if (at == nullptr) return false;
    if (at == &ancestor) return true;
  }
  return false;
}

// The key a child row may be given by under its parent: `state_secret` under `refused`
// (row refused.state_secret), `direct` under `litigation` (row litigation_direct).
std::string child_key(const RowDef& parent, const RowDef& child) {
  for (const char sep : {'.', '_'}) {
    const std::string prefix = parent.id + sep;
    if (child.id.starts_with(prefix)) return child.id.substr(prefix.size());
  }
  return child.id;
}

// A label without its leading numbering, as registers and CSVs write it: 「（三）不予公开」 ->
// 「不予公开」, 「1.属于国家秘密」 -> 「属于国家秘密」, 「一、本年新收…」 -> 「本年新收…」.
std::string_view without_numbering(std::string_view label) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  auto numeral_prefix = [&](std::string_view s) {
    std::size_t n = 0;
    for (bool more = true; more;) {
      more = false;
      for (auto d : kNumerals)
        if (s.substr(n).starts_with(d)) {
          n += d.size();
          more = true;
        }
      while (n < s.size() && s[n] >= '0' && s[n] <= '9') {
        ++n;
        more = true;
      }
    }
    return n;
  };
  std::string_view s = label;
  if (s.starts_with("（")) {
    const std::size_t n = numeral_prefix(s.substr(3));
    if (n > 0 && s.substr(3 + n).starts_with("）")) return s.substr(3 + n + 3);
  }
  if (s.starts_with("(")) {
    const std::size_t n = numeral_prefix(s.substr(1));
    if (n > 0 && s.substr(1 + n).starts_with(")")) return s.substr(1 + n + 1);
  }
  const std::size_t n = numeral_prefix(s);
  if (n > 0) {
    for (std::string_view sep : {"、", ".", "．"})
      if (s.substr(n).starts_with(sep)) return s.substr(n + sep.size());
  }
  return label;
}

const Text kWantRows{"映射（行: 各列数值）", "a mapping (row: figures)"};
const Text kWantColumns{"映射（列: 数值）", "a mapping (column: figure)"};
const Text kWantFigure{"数值", "a figure"};
const Text kKey{"键", "a key"};
const Text kWantText{"文字", "text"};

}  // namespace

Text YamlTableReader::table_name(const TableDef& table) const {
  std::string heading = table.id;
  for (const auto& s : form_.sections)
    if (s.id == table.section) heading = s.heading;
  return {fmt::format("「{}」", heading), fmt::format("'{}'", table.id)};
}

Text YamlTableReader::row_name(const TableDef& table, const RowDef& row) const {
  return {fmt::format("「{}」", row.label), fmt::format("'{}.{}'", table.id, row.id)};
}

YamlTableReader::RowHit YamlTableReader::resolve_step(const TableDef& table, const RowDef* parent,
                                                      std::string_view key) const {
  auto in_scope = [&](const RowDef& r) { return parent == nullptr || is_below(table, r, *parent); };
  for (const auto& r : table.rows) {
    if (!in_scope(r)) continue;
    if (r.id == key || (parent != nullptr && r.parent == parent->id && child_key(*parent, r) == key))
      return {&r, KeyMatch::exact, r.label};
  }
  RowHit best;
  for (const auto& r : table.rows) {
    if (!in_scope(r)) continue;
    const KeyMatch m = match_label(key, r.label);
    if (m == KeyMatch::exact) return {&r, m, r.label};
    if (m == KeyMatch::normalized && best.row == nullptr) best = {&r, m, r.label};
  }
  // A path (「类别/项」) is resolved part by part by resolve_row.
  if (best.row != nullptr || key.find('/') != std::string_view::npos) return best;
  // As the register reader would: the label without its numbering, or a variant of it that fits
  // one row (a `label` warning names the official wording). A near miss stays an unknown key
  // with its suggestion: a typo is not read as a guess.
  LabelMatcher matcher;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const RowDef& r = table.rows[i];
    if (!in_scope(r)) continue;
    for (const std::string& label : {r.label, r.short_label}) {
      if (label.empty()) continue;
      matcher.add(label, i);
      if (const std::string_view bare = without_numbering(label); bare.size() != label.size())
        matcher.add(std::string(bare), i);
    }
  }
  const LabelMatch m = matcher.match(key);
  if (m.kind == LabelMatchKind::exact || m.kind == LabelMatchKind::normalised)
    return {&table.rows[m.target], KeyMatch::normalized, table.rows[m.target].label};
  return best;
}

YamlTableReader::RowHit YamlTableReader::resolve_row(const TableDef& table, const RowDef* parent,
                                                     std::string_view key) const {
  RowHit hit = resolve_step(table, parent, key);
  if (hit.row != nullptr || key.find('/') == std::string_view::npos) return hit;
  // A label path as in the long CSV: （三）不予公开/1.属于国家秘密.
  RowHit path;
  const RowDef* at = parent;
  for (std::string_view part : split(key, '/')) {
    RowHit step = resolve_step(table, at, trim(part));
    if (step.row == nullptr) return {};
    if (!path.official.empty()) path.official += "/";
    path.official += step.official;
    if (path.match != KeyMatch::normalized) path.match = step.match;
    path.row = step.row;
    at = step.row;
  }
  return path;
}

YamlTableReader::ColumnHit YamlTableReader::resolve_column(const TableDef& table, const RowDef& row,
                                                           std::string_view key) const {
  const auto& columns = table.columns_of(row);
  for (const auto& c : columns)
    if (c.id == key) return {&c, KeyMatch::exact, c.label};
  ColumnHit best;
  for (const auto& c : columns) {
    for (const std::string& label : {c.label, c.group_label.empty() ? std::string() : c.group_label + "/" + c.label}) {
      const KeyMatch m = match_label(key, label);
      if (m == KeyMatch::exact) return {&c, m, label};
      if (m == KeyMatch::normalized && best.column == nullptr) best = {&c, m, label};
    }
  }
  if (best.column != nullptr) return best;
  LabelMatcher matcher;  // variants of a column label, as for rows (no near misses)
  for (std::size_t i = 0; i < columns.size(); ++i) {
    matcher.add(columns[i].label, i);
    if (!columns[i].group_label.empty()) matcher.add(columns[i].group_label + "/" + columns[i].label, i);
  }
  const LabelMatch m = matcher.match(key);
  if (m.kind == LabelMatchKind::exact || m.kind == LabelMatchKind::normalised)
    return {&columns[m.target], KeyMatch::normalized, columns[m.target].label};
  return best;
}

void YamlTableReader::note_match(const YAML::Node& key, KeyMatch match, const std::string& official) {
  if (match == KeyMatch::normalized) src_.label_variant(key, official);
}

void YamlTableReader::read_table(const TableDef& table, const YAML::Node& key, const YAML::Node& value) {
  if (!value.IsMap()) {
    src_.wrong_type(value, src_.where_value(key, value), table_name(table), kWantRows);
    return;
  }
  std::map<std::string, SourceLoc> keys;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const YAML::Node k = it->first;  // a copy: `->` yields a temporary proxy
    if (!k.IsScalar()) {
      src_.wrong_type(k, src_.where(k), kKey, kWantText);
      continue;
    }
    if (!src_.first_time(keys, k)) continue;
    const RowHit hit = resolve_row(table, nullptr, k.Scalar());
    if (hit.row == nullptr) {
      std::vector<std::string> ids, names;
      for (const auto& r : table.rows) ids.push_back(r.id);
      names = ids;
      for (const auto& r : table.rows) names.push_back(r.label);
      src_.unknown_key(k, table_name(table), names, ids);
      continue;
    }
    note_match(k, hit.match, hit.official);
    read_row(table, *hit.row, k, it->second);
  }
}

void YamlTableReader::read_row(const TableDef& table, const RowDef& row, const YAML::Node& key,
                               const YAML::Node& value) {
  if (!row.has_cells) {  // a printed group label: only its sub-rows can be given
    if (!value.IsMap()) {
      src_.wrong_type(value, src_.where_value(key, value), row_name(table, row), kWantRows);
      return;
    }
    read_children(table, row, value, false);
    return;
  }
  const auto& columns = table.columns_of(row);
  if (!value.IsMap()) {
    if (columns.size() == 1 && (value.IsScalar() || value.IsNull())) {
      read_cell(*form_.cell(table.id, row.id, columns.front().id), key, value);
      return;
    }
    src_.wrong_type(value, src_.where_value(key, value), row_name(table, row), kWantColumns);
    return;
  }
  read_children(table, row, value, true);
}

void YamlTableReader::read_children(const TableDef& table, const RowDef& row, const YAML::Node& value,
                                    bool with_columns) {
  std::map<std::string, SourceLoc> keys;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const YAML::Node k = it->first;  // a copy: `->` yields a temporary proxy
    if (!k.IsScalar()) {
      src_.wrong_type(k, src_.where(k), kKey, kWantText);
      continue;
    }
    if (!src_.first_time(keys, k)) continue;
    if (with_columns) {
      const ColumnHit col = resolve_column(table, row, k.Scalar());
      if (col.column != nullptr) {
        note_match(k, col.match, col.official);
        read_cell(*form_.cell(table.id, row.id, col.column->id), k, it->second);
        continue;
      }
    }
    const RowHit hit = resolve_row(table, &row, k.Scalar());
    if (hit.row != nullptr) {
      note_match(k, hit.match, hit.official);
      read_row(table, *hit.row, k, it->second);
      continue;
    }
    std::vector<std::string> known, names;
    if (with_columns)
      for (const auto& c : table.columns_of(row)) known.push_back(c.id);
    const auto kids = table.children_of(row.id);
    for (const RowDef* kid : kids) known.push_back(child_key(row, *kid));
    names = known;
    if (with_columns)
      for (const auto& c : table.columns_of(row)) names.push_back(c.label);
    for (const RowDef* kid : kids) names.push_back(kid->label);
    src_.unknown_key(k, row_name(table, row), names, known);
  }
}

void YamlTableReader::read_cell(const CellDef& cell, const YAML::Node& key, const YAML::Node& value) {
  const SourceLoc at = src_.where_value(key, value);
  const std::string label = form_.cell_label(cell);
  if (auto first = seen_.find(cell.index); first != seen_.end()) {
    src_.duplicate(key, label, first->second);
    return;
  }
  seen_.emplace(cell.index, at);
  if (value.IsMap() || value.IsSequence()) {
    src_.wrong_type(value, at, {fmt::format("「{}」", label), fmt::format("'{}'", label)}, kWantFigure);
    return;
  }
  std::optional<CellValue> v;
  if (value.IsNull())
    v = parse_cell_text("", form_, cell, at, src_.out());
  else if (value.Tag() == "?" && is_integer_literal(value.Scalar()))
    v = parse_cell_number(value.Scalar(), form_, cell, at, src_.out());
  else
    v = parse_cell_text(value.Scalar(), form_, cell, at, src_.out());
  if (v) report_.at(cell) = *v;
}

}  // namespace gongkai
