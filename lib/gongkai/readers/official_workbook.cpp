#include <gongkai/readers/official_workbook.hpp>

#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/readers/cell_text.hpp>
#include <gongkai/readers/official_tables.hpp>
#include <gongkai/readers/sheet_grid.hpp>
#include <gongkai/readers/xlsx/number_text.hpp>
#include <gongkai/readers/xlsx/workbook.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace gongkai {
namespace {

std::string quoted_list(const std::vector<std::string>& items, std::string_view open, std::string_view close,
                        std::string_view sep) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += fmt::format("{}{}{}", open, i, close);
  }
  return out;
}

std::string section_heading(const Form& form, const TableDef& table) {
  for (const auto& s : form.sections) {
    if (s.id == table.section) return s.heading;
  }
  return table.id;
}

// One form tried against the workbook's sheets.
struct Attempt {
  std::shared_ptr<const Form> form;
  std::optional<Report> report;
  Diagnostics found;
  std::size_t missing = 0;    // tables not found
  std::size_t unmatched = 0;  // labels matching nothing, figures that could not be placed
  std::size_t label_warnings = 0;
};

class FormAttempt {
 public:
  FormAttempt(const GridSource& source, std::shared_ptr<const Form> form, const std::vector<SheetGrid>& grids)
      : source_(source), name_(source.name), grids_(grids) {
    a_.form = std::move(form);
  }

  Attempt run(const ReportMeta& meta) {
    const Form& form = *a_.form;
    Report report(a_.form);
    report.agency = meta.agency.value_or("-");
    report.level = meta.level.value_or(Level::department);
    report.year = meta.year.value_or(0);
    report.publication_date = meta.publication_date;
    report.origin = SourceLoc{name_, 0, 0, {}};

    std::vector<std::unique_ptr<TableFinder>> finders;
    for (const auto& t : form.tables) finders.push_back(std::make_unique<TableFinder>(form, t));
    // anchors[table][sheet]: the rows naming each table in each sheet.
    std::vector<std::vector<std::vector<std::uint32_t>>> anchors(finders.size());
    for (std::size_t t = 0; t < finders.size(); ++t) {
      for (const auto& g : grids_) anchors[t].push_back(finders[t]->anchors(g));
    }
    for (std::size_t t = 0; t < finders.size(); ++t) {
      const TableDef& table = finders[t]->table();
      std::optional<std::size_t> sheet;
      for (std::size_t s = 0; s < grids_.size(); ++s) {
        if (anchors[t][s].empty()) continue;
        if (!sheet) {
          sheet = s;
          continue;
        }
        a_.found.add(
            Diagnostic::make(Severity::warning, "xlsx", SourceLoc{name_, 0, 0, grids_[s].ref(anchors[t][s].front(), 1)},
                             {fmt::format("工作表「{}」也像是表格「{}」，只读取了工作表「{}」", grids_[s].name(),
                                          section_heading(form, table), grids_[*sheet].name()),
                              fmt::format("sheet '{}' also looks like table {}; only sheet '{}' was read",
                                          grids_[s].name(), table.id, grids_[*sheet].name())}));
      }
      if (!sheet) {
        ++a_.missing;
        a_.found.add(
            Diagnostic::make(Severity::warning, source_.rule, SourceLoc{name_, 0, 0, {}},
                             {fmt::format(fmt::runtime(source_.missing.zh), section_heading(form, table), table.id),
                              fmt::format(fmt::runtime(source_.missing.en), section_heading(form, table), table.id)}));
        continue;
      }
      const SheetGrid& grid = grids_[*sheet];
      const std::uint32_t from = anchors[t][*sheet].front();
      // The table ends where another table's header block begins: its column labels and the
      // form's texts above them (the 勾稽关系 note, 申请人情况, the section heading …).
      std::uint32_t to = grid.rows();
      for (std::size_t o = 0; o < finders.size(); ++o) {
        if (o == t) continue;
        // Its first anchor below `from` is enough: a later one's block starts no higher.
        auto row = std::upper_bound(anchors[o][*sheet].begin(), anchors[o][*sheet].end(), from);
        if (row == anchors[o][*sheet].end()) continue;
        const std::uint32_t top = finders[o]->header_top(grid, *row);
        to = std::min(to, (top > from ? top : *row) - 1);
      }
      TablePlacement placed = finders[t]->place(grid, from, to);
      take(report, form, table, grid, placed);
    }
    a_.report = std::move(report);
    return std::move(a_);
  }

 private:
  SourceLoc at(const SheetGrid& grid, std::uint32_t row, std::uint32_t column) const {
    if (source_.locate) return source_.locate(grid, row, column);
    return SourceLoc{name_, 0, 0, grid.ref(row, column)};
  }

  void take(Report& report, const Form& form, const TableDef& table, const SheetGrid& grid,
            const TablePlacement& placed) {
    for (const LabelNote& n : placed.notes) note(n, form, table, grid);
    for (const PlacementProblem& p : placed.problems) {
      ++a_.unmatched;
      a_.found.add(Diagnostic::make(Severity::error, "label", at(grid, p.row, p.column), p.message));
    }
    for (const PlacedValue& v : placed.values) {
      const SourceLoc where = at(grid, v.row, v.column);
      const GridCell* c = grid.value(v.row, v.column);
      const bool empty = c == nullptr || trim(c->text).empty();
      // A row given twice: its second copy's empty positions lose nothing and are passed over.
      if (empty && given_at_.count(v.cell->index) != 0) continue;
      auto [it, fresh] = given_at_.emplace(v.cell->index, where.cell_ref);
      if (!fresh) {
        Diagnostic d = Diagnostic::make(
            Severity::error, "duplicate", where,
            {fmt::format("单元格「{}」重复给出（第一次在 {}）", form.cell_label(*v.cell), it->second),
             fmt::format("cell '{}' is given twice (first at {})", form.cell_label(*v.cell), it->second)});
        d.cells.push_back({v.cell->id, form.cell_label(*v.cell)});
        a_.found.add(std::move(d));
        continue;
      }
      std::optional<CellValue> value;
      if (c != nullptr && c->type == XlsxValueType::number) {
        value = parse_cell_number(plain_decimal(c->text), form, *v.cell, where, a_.found);
      } else {
        value = parse_cell_text(c == nullptr ? std::string_view() : std::string_view(c->text), form, *v.cell, where,
                                a_.found);
      }
      if (value) report.at(*v.cell) = *value;
    }
  }

  // One finding per distinct printed label (and what it was taken for), at its first place.
  void note(const LabelNote& n, const Form& form, const TableDef& table, const SheetGrid& grid) {
    if (reads_as_official(n.match)) return;
    if (!reported_.emplace(n.kind.en, n.printed, n.match.official).second) return;
    const SourceLoc where = at(grid, n.row, n.column);
    if (n.match.matched()) {
      ++a_.label_warnings;
      a_.found.add(Diagnostic::make(
          Severity::warning, "label", where,
          {fmt::format("标签「{}」按官方表述「{}」识别", excerpt(n.printed), n.match.official),
           fmt::format("label '{}' matched to the official '{}'", excerpt(n.printed), n.match.official)}));
      return;
    }
    ++a_.unmatched;
    const std::string zh_list = quoted_list(n.match.closest, "「", "」", "、");
    const std::string en_list = quoted_list(n.match.closest, "'", "'", ", ");
    const std::string heading = section_heading(form, table);
    Text message = n.match.ambiguous
                       ? Text{fmt::format("表「{}」中的{}「{}」可对应多项：{}；请写出上级标签以区分", heading,
                                          n.kind.zh, excerpt(n.printed), zh_list),
                              fmt::format("{} '{}' in table {} fits several equally: {}; write its parent label too",
                                          n.kind.en, excerpt(n.printed), table.id, en_list)}
                       : Text{fmt::format("表「{}」中的{}「{}」无法识别；最接近的是：{}", heading, n.kind.zh,
                                          excerpt(n.printed), zh_list),
                              fmt::format("{} '{}' in table {} is not recognised; the closest are: {}", n.kind.en,
                                          excerpt(n.printed), table.id, en_list)};
    a_.found.add(Diagnostic::make(Severity::error, "label", where, std::move(message)));
  }

  const GridSource& source_;
  std::string name_;
  const std::vector<SheetGrid>& grids_;
  Attempt a_;
  std::map<std::size_t, std::string> given_at_;  // cell index -> Sheet!C7
  std::set<std::tuple<std::string, std::string, std::string>> reported_;
};

}  // namespace

std::optional<Report> read_official_workbook(std::string_view name, std::string_view bytes, const FormSet& forms,
                                             const ReportMeta& meta, Diagnostics& out, const XlsxLimits& limits) {
  const SourceLoc file{std::string(name), 0, 0, {}};
  XlsxWorkbook book(name, bytes, limits);
  std::vector<SheetGrid> grids;
  for (std::size_t i = 0; i < book.sheets().size(); ++i) {
    if (auto grid = load_sheet_grid(book, i)) {
      grids.push_back(std::move(*grid));
    } else {
      const std::string& sheet = book.sheets()[i].name;
      const GridLimits limits_grid;
      out.add(Diagnostic::make(
          Severity::info, "xlsx", file,
          {fmt::format("跳过工作表「{}」：过大（超过 {} 行、{} 列或 {} 处合并单元格），不是表格二、三、四", sheet,
                       limits_grid.max_rows, limits_grid.max_columns, limits_grid.max_merged),
           fmt::format("sheet '{}' skipped: too large to be one of tables 二, 三, 四 (more than {} rows, {} "
                       "columns or {} merged ranges)",
                       sheet, limits_grid.max_rows, limits_grid.max_columns, limits_grid.max_merged)}));
    }
  }
  GridSource source;
  source.name = std::string(name);
  return read_official_grids(source, grids, forms, meta, out);
}

std::optional<Report> read_official_grids(const GridSource& source, const std::vector<SheetGrid>& grids,
                                          const FormSet& forms, const ReportMeta& meta, Diagnostics& out) {
  const SourceLoc file{source.name, 0, 0, {}};
  std::vector<std::shared_ptr<const Form>> candidates;
  if (meta.form_id) {
    auto form = forms.by_id(*meta.form_id);
    if (!form) {
      std::vector<std::string> known;
      for (const auto& f : forms.all()) known.push_back(f->id);
      const std::string list = fmt::format("{}", fmt::join(known, ", "));
      out.add(Diagnostic::make(Severity::error, "form", file,
                               {fmt::format("未知的表格版本「{}」（已知：{}）", *meta.form_id, list),
                                fmt::format("unknown form '{}' (known: {})", *meta.form_id, list)}));
      return std::nullopt;
    }
    candidates.push_back(form);
  } else {
    candidates = forms.all();
  }
  std::vector<Attempt> attempts;
  for (const auto& f : candidates) attempts.push_back(FormAttempt(source, f, grids).run(meta));
  if (attempts.empty()) return std::nullopt;

  // The form whose labels fit best; forms are sorted oldest first, so `<=` prefers the newest.
  auto fit = [](const Attempt& a) { return std::make_tuple(a.missing, a.unmatched, a.label_warnings); };
  std::size_t best = 0;
  for (std::size_t i = 1; i < attempts.size(); ++i) {
    if (fit(attempts[i]) <= fit(attempts[best])) best = i;
  }
  std::vector<std::string> tied;
  for (const auto& a : attempts) {
    if (fit(a) == fit(attempts[best])) tied.push_back(a.form->id);
  }
  if (tied.size() > 1 && meta.year) {
    const auto best_fit = fit(attempts[best]);
    for (std::size_t i = 0; i < attempts.size(); ++i) {
      if (fit(attempts[i]) == best_fit && attempts[i].form->covers(*meta.year)) best = i;
    }
  }
  Attempt& chosen = attempts[best];
  if (chosen.missing == chosen.form->tables.size()) {
    out.add(Diagnostic::make(Severity::error, source.rule, file, source.none));
    return std::nullopt;
  }
  if (!meta.form_id) {
    const std::string& id = chosen.form->id;
    const std::string& title = chosen.form->title;
    Text note{fmt::format("根据标签判断为 {} 年版表格（{}）", id, title),
              fmt::format("form {} ({}) inferred from the labels", id, title)};
    if (tied.size() > 1) {
      const std::string zh_tied = fmt::format("{}", fmt::join(tied, "、"));
      const std::string en_tied = fmt::format("{}", fmt::join(tied, ", "));
      note = meta.year ? Text{fmt::format("标签同样符合 {} 年版表格，按年度选用 {} 年版（{}）", zh_tied, id, title),
                              fmt::format("the labels fit forms {} equally; form {} ({}) chosen by the year", en_tied,
                                          id, title)}
                       : Text{fmt::format("标签同样符合 {} 年版表格，选用最新的 {} 年版（{}）", zh_tied, id, title),
                              fmt::format("the labels fit forms {} equally; the newest, form {} ({}), chosen", en_tied,
                                          id, title)};
    }
    out.add(Diagnostic::make(Severity::info, "form", file, std::move(note)));
  }
  out.append(chosen.found);
  return std::move(chosen.report);
}

}  // namespace gongkai
