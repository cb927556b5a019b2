#include <gongkai/render/xlsx_formulas.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/core/checked.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace gongkai {

std::string a1_ref(SheetPos p) {
  std::string letters;
  for (std::uint32_t c = p.col + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(p.row + 1);
}

namespace {

using InstancesByTotal = std::map<std::size_t, std::vector<const SumInstance*>>;

// The placed cells whose sum stands for `cell`: itself when placed, else the parts of the first
// of its sum rules whose parts all resolve that way. An unplaced cell with no figure and no rule
// contributes nothing (it is 0 in the model's arithmetic too); nullopt when it cannot be stood for.
std::optional<std::vector<const CellDef*>> stand_ins(const Report& r, const CellDef& cell,
                                                     const std::map<std::size_t, SheetPos>& placed,
                                                     const InstancesByTotal& rules) {
  if (placed.contains(cell.index)) return std::vector<const CellDef*>{&cell};
  if (auto it = rules.find(cell.index); it != rules.end()) {
    for (const SumInstance* inst : it->second) {
      std::vector<const CellDef*> out;
      bool ok = true;
      for (const CellDef* part : inst->parts) {
        auto sub = stand_ins(r, *part, placed, rules);
        if (!sub) {
          ok = false;
          break;
        }
        out.insert(out.end(), sub->begin(), sub->end());
      }
      if (ok) return out;
    }
  }
  if (!r.at(cell).has_value()) return std::vector<const CellDef*>{};
  return std::nullopt;
}

// What a spreadsheet sums for these cells: the figure written there, 0 for an empty cell.
std::optional<std::int64_t> sheet_sum(const Report& r, const std::vector<const CellDef*>& cells) {
  std::int64_t sum = 0;
  for (const CellDef* c : cells) {
    const CellValue& v = r.at(*c);
    auto s = checked_add(sum, v.has_value() ? v.raw : 0);
    if (!s) return std::nullopt;
    sum = *s;
  }
  return sum;
}

// "B5:G5" for a run of adjacent cells, "B5" for one.
std::string range_text(SheetPos first, SheetPos last) {
  return first == last ? a1_ref(first) : a1_ref(first) + ":" + a1_ref(last);
}

// SUM over the positions, adjacent cells of one row or one column folded into ranges.
std::string sum_formula(std::vector<SheetPos> refs) {
  const bool one_row = std::all_of(refs.begin(), refs.end(), [&](SheetPos p) { return p.row == refs.front().row; });
  std::sort(refs.begin(), refs.end(), [&](SheetPos a, SheetPos b) {
    if (one_row) return a.col < b.col;
    return a.col != b.col ? a.col < b.col : a.row < b.row;
  });
  std::string args;
  for (std::size_t i = 0; i < refs.size();) {
    std::size_t j = i;
    while (j + 1 < refs.size() && (one_row ? refs[j + 1].col == refs[j].col + 1
                                           : refs[j + 1].col == refs[j].col && refs[j + 1].row == refs[j].row + 1))
      ++j;
    if (!args.empty()) args += ",";
    args += range_text(refs[i], refs[j]);
    i = j + 1;
  }
  return "SUM(" + args + ")";
}

}  // namespace

std::map<std::size_t, std::string> total_formulas(const Report& report, const std::map<std::size_t, SheetPos>& placed) {
  const std::vector<SumInstance> instances = sum_instances(*report.form);
  InstancesByTotal rules;
  for (const SumInstance& inst : instances) rules[inst.total->index].push_back(&inst);

  std::map<std::size_t, std::string> out;
  for (const auto& [index, pos] : placed) {
    const CellValue& v = report.cells[index];
    auto it = rules.find(index);
    if (!v.has_value() || it == rules.end()) continue;
    for (const SumInstance* inst : it->second) {
      std::vector<const CellDef*> cells;
      bool ok = true;
      for (const CellDef* part : inst->parts) {
        auto sub = stand_ins(report, *part, placed, rules);
        if (!sub) {
          ok = false;
          break;
        }
        cells.insert(cells.end(), sub->begin(), sub->end());
      }
      if (!ok || cells.empty()) continue;
      auto sum = sheet_sum(report, cells);
      if (!sum || *sum != v.raw) continue;
      std::vector<SheetPos> refs;
      refs.reserve(cells.size());
      for (const CellDef* c : cells) refs.push_back(placed.at(c->index));
      out.emplace(index, sum_formula(std::move(refs)));
      break;
    }
  }
  return out;
}

}  // namespace gongkai
