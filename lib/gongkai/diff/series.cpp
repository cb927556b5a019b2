#include <gongkai/diff/series.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace gongkai {
namespace {

void year_findings(const std::vector<const Report*>& sorted, Diagnostics& out) {
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    const Report& a = *sorted[i - 1];
    const Report& b = *sorted[i];
    Diagnostic d;
    d.where = b.origin;
    if (a.year == b.year) {
      d.severity = Severity::error;
      d.rule = "duplicate-year";
      d.actual = fmt::format("{}", b.year);
      d.message = {fmt::format("{} 年度给了两份报告：{} 与 {}；同一年度的两个版本请两两比较（更正）", b.year,
                               a.origin.file, b.origin.file),
                   fmt::format("two reports for {}: {} and {}; compare two versions of one year on their own (a "
                               "revision)",
                               b.year, a.origin.file, b.origin.file)};
    } else if (b.year > a.year + 1) {
      d.severity = Severity::warning;
      d.rule = "year-gap";
      d.expected = fmt::format("{}", a.year + 1);
      d.actual = fmt::format("{}", b.year);
      d.message = {b.year == a.year + 2
                       ? fmt::format("缺少 {} 年度的报告（{} 之后是 {}）", a.year + 1, a.year, b.year)
                       : fmt::format("缺少 {}–{} 年度的报告（{} 之后是 {}）", a.year + 1, b.year - 1, a.year, b.year),
                   b.year == a.year + 2
                       ? fmt::format("the {} report is missing ({} is followed by {})", a.year + 1, a.year, b.year)
                       : fmt::format("the {}–{} reports are missing ({} is followed by {})", a.year + 1, b.year - 1,
                                     a.year, b.year)};
    } else {
      continue;
    }
    out.add(std::move(d));
  }
}

Side side_in(const Report& r, const std::string& id, const CellMap* map) {
  std::string own = id;
  if (map != nullptr) {
    auto it = map->new_to_old.find(id);
    if (it == map->new_to_old.end()) return Side::not_in_form();
    own = it->second;
  }
  const CellDef* c = r.form->cell(own);
  return c == nullptr ? Side::not_in_form() : Side::of(r.at(*c));
}

}  // namespace

bool SeriesDiff::cross_year_failed() const {
  for (const auto& f : findings.items())
    if (is_cross_year_rule(f.rule) && !f.explanation) return true;
  return false;
}

std::optional<SeriesDiff> diff_series(std::vector<const Report*> reports, const DiffOptions& options,
                                      Diagnostics& out) {
  for (std::size_t i = 1; i < reports.size(); ++i)
    if (!same_agency(*reports.front(), *reports[i], out)) return std::nullopt;
  std::stable_sort(reports.begin(), reports.end(), [](const Report* a, const Report* b) { return a->year < b->year; });
  SeriesDiff s;
  const Report& newest = *reports.back();
  s.form = newest.form;
  for (const Report* r : reports) s.reports.push_back(DiffSide{r->agency, r->year, r->form->id, r->origin.file});
  year_findings(reports, s.findings);

  // How each older form's cells correspond to the newest form's.
  std::vector<std::optional<CellMap>> maps(reports.size());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (reports[i]->form->id == newest.form->id) continue;
    for (const auto& def : options.correspondences)
      if (!maps[i])
        if (auto m = CellMap::from(def, *reports[i]->form, *newest.form)) maps[i] = std::move(*m);
    if (!maps[i]) maps[i] = CellMap{};  // no data: nothing comparable
  }

  for (std::size_t i = 1; i < reports.size(); ++i) {
    s.steps.push_back(diff_reports(*reports[i - 1], *reports[i], options));
    s.findings.append(s.steps.back().findings);
  }

  for (const auto& c : newest.form->cells()) {
    SeriesRow row;
    row.id = c.id;
    row.def = &c;
    row.derived = c.derived;
    for (std::size_t i = 0; i < reports.size(); ++i)
      row.values.push_back(side_in(*reports[i], c.id, maps[i] ? &*maps[i] : nullptr));
    for (std::size_t i = 1; i < row.values.size(); ++i) {
      const Side& a = row.values[i - 1];
      const Side& b = row.values[i];
      if (!a.number() || !b.number())
        row.trend += "·";
      else
        row.trend += b.raw > a.raw ? "↑" : (b.raw < a.raw ? "↓" : "→");
    }
    for (const auto& step : s.steps)
      for (const auto& cd : step.cells)
        if (cd.id == c.id)
          for (const auto& f : cd.flags)
            if (std::find(row.flags.begin(), row.flags.end(), f) == row.flags.end()) row.flags.push_back(f);
    s.rows.push_back(std::move(row));
  }
  for (const auto& k : options.settings.key_figures)
    if (newest.form->cell(k) != nullptr) s.key_figures.push_back(k);
  return s;
}

}  // namespace gongkai
