// A diff laid out once for the readers' formats (Markdown, HTML, XLSX, CSV): the form's tables
// in order, one row per cell with its figures as printed (and as plain numbers for a
// spreadsheet), change, percent, kind and flags; the not-comparable reasons, the prose changes
// of a revision, the findings, and for a series the key figures to chart. The text and JSON
// renderers read the diff directly; the words here are the text renderer's, so every format
// says the same thing.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/diff/series.hpp>
#include <gongkai/render/diff_text.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gongkai {

struct DiffModelRow {
  std::string id, old_id, new_id;                  // old_id / new_id empty when that form has no such cell
  std::string row_label;                           // the row's labels below the form's groups (verbatim)
  std::string column_label;                        // verbatim
  std::string name;                                // diff_cell_name
  bool derived = false;                            // a total of the form's sum rules
  std::vector<std::string> figures;                // as printed, one per report ("3500", "22*", "—", "n/a")
  std::vector<std::optional<std::string>> values;  // the plain decimal, when a number
  std::string change;                              // pair: as printed ("+10", "newly reported"); series: empty
  std::optional<std::string> change_value;         // pair: the plain decimal change, when both are numbers
  std::string percent;                             // pair: "+25.0%" when computed; else empty
  std::string kind;                                // pair: same, changed, … (ChangeKind); series: empty
  std::string kind_label;                          // pair: kind in the reader's language
  std::string trend;                               // series: ↑ ↓ → ·
  std::vector<std::string> flags;                  // rule IDs
  std::vector<std::string> explained;              // "rule (explained)": findings the newer report explains
  bool folded = false;                             // hidden in the readers' views unless --all
};

struct DiffModelTable {
  std::string number;   // 一 … 六 (the table's section), or the table ID
  std::string heading;  // the section's heading, verbatim
  std::vector<DiffModelRow> rows;
};

// A key figure of a series, year by year: nullopt where that year has no number (blank, not
// given, or not comparable) — a chart leaves a gap there, never a 0.
struct DiffChart {
  std::string id;
  std::string name;                              // diff_cell_name
  std::string unit;                              // 万元 for amounts; empty for counts
  std::vector<std::optional<std::int64_t>> raw;  // counts, or micro-万元 for amounts
  std::vector<std::string> labels;               // the figures as printed
  bool amount = false;
};

struct DiffModel {
  bool series = false;
  DiffMode mode = DiffMode::year_over_year;  // pair only
  std::string title;                         // the text renderer's first line, without the newline
  std::string agency;
  int newest_year = 0;
  std::vector<std::string> reports;  // "2022 (form 2021, file)", one per report
  std::vector<std::string> years;    // the figure columns' headings
  std::vector<DiffModelTable> tables;
  std::vector<std::pair<std::string, std::size_t>> not_comparable;  // reason -> cells
  std::vector<ProseSectionDiff> prose;                              // a revision's prose changes
  const Diagnostics* findings = nullptr;
  std::vector<DiffChart> charts;  // series: the key figures this form has, in the settings' order
  std::string legend;             // Σ, *, —, blank …
  std::string summary;            // the closing count line
  std::size_t folded = 0;
};

// REQUIRES: `diff` (and `series`) outlive the model (findings are referred to).
[[nodiscard]] DiffModel diff_model(const ReportDiff& diff, Lang lang, const DiffView& view);
[[nodiscard]] DiffModel diff_model(const SeriesDiff& series, Lang lang, const DiffView& view);

// The words the text renderer and the model share.
[[nodiscard]] std::string diff_figure(const CellDef& c, const Side& s, Lang lang);
[[nodiscard]] std::string diff_change(const CellDiff& d, Lang lang);
[[nodiscard]] std::string diff_kind_label(ChangeKind k, Lang lang);
[[nodiscard]] std::string diff_table_number(const Form& form, const CellDef& c);
[[nodiscard]] std::string diff_side_title(const DiffSide& s, Lang lang);
[[nodiscard]] std::string diff_mode_text(DiffMode m, Lang lang);
[[nodiscard]] std::string diff_title(const ReportDiff& d, Lang lang);
[[nodiscard]] std::string series_title(const SeriesDiff& s, Lang lang);

// Localised words of the readers' formats.
[[nodiscard]] std::string diff_word(std::string_view key, Lang lang);

}  // namespace gongkai
