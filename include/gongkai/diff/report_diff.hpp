// Two reports of one agency compared cell by cell: year over year (or across the form change,
// through the correspondence data), or two versions of one year (a revision, 更正: prose too).
// Every cell of the newer form, then the older form's cells it has no counterpart for; flags
// (swing, to-zero, from-zero, table-zero) and the cross-year rules of check/ (carry-continuity,
// in-force-continuity) and prose/ (text-reuse) as findings, each also named at its cells.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/diff/cell_diff.hpp>
#include <gongkai/diff/correspondence.hpp>
#include <gongkai/diff/prose_diff.hpp>
#include <gongkai/diff/settings.hpp>
#include <gongkai/model/report.hpp>

#include <memory>
#include <string>
#include <vector>

namespace gongkai {

// Who a compared report is, as the diff prints it.
struct DiffSide {
  std::string agency;
  int year = 0;
  std::string form_id;
  std::string file;  // the input it was read from
};

enum class DiffMode {
  year_over_year,  // consecutive years: the cross-year rules apply
  years_apart,     // not consecutive: figures compared, no cross-year rule
  revision,        // two versions of one year (更正)
};

[[nodiscard]] std::string_view to_string(DiffMode m);

// A prose section of a revision that changed.
struct ProseSectionDiff {
  std::string id;
  std::string heading;  // verbatim
  std::vector<ProseLine> lines;
};

struct ReportDiff {
  DiffSide before, after;
  DiffMode mode = DiffMode::year_over_year;
  std::shared_ptr<const Form> old_form, new_form;  // keep the cells' definitions alive
  std::vector<CellDiff> cells;                     // newer form's order, then older-only cells
  Diagnostics findings;                            // flags and cross-year findings, in order found
  std::vector<ProseSectionDiff> prose;             // revisions only: sections that changed

  [[nodiscard]] std::size_t count(ChangeKind k) const;
  [[nodiscard]] bool cross_year_failed() const;  // a finding of a cross-year rule, not explained
};

struct DiffOptions {
  DiffSettings settings;
  // Correspondences between forms (report-templates/forms/correspondence/*.yaml). Default: none
  // (then two reports of different forms compare no cell: every cell is not comparable).
  std::vector<CorrespondenceDef> correspondences;
};

// The rules whose findings count as "a cross-year rule failed" (exit 1).
[[nodiscard]] bool is_cross_year_rule(std::string_view rule);

// Whether two reports may be compared: the same agency. When not, an error (rule
// `diff-agency`) names both, and false.
[[nodiscard]] bool same_agency(const Report& a, const Report& b, Diagnostics& out);

// Compares `older` with `newer`. REQUIRES: both have been through check_report (their derived
// totals are filled in) and are of the same agency. The mode follows from the years: the same
// year is a revision, the next year year-over-year. A total computed as 0 from parts left out,
// against a cell not given, is `same`: neither side reports a figure.
[[nodiscard]] ReportDiff diff_reports(const Report& older, const Report& newer, const DiffOptions& options);

}  // namespace gongkai
