// From a published report's layout (import/document.hpp, read from a page or a PDF) to a
// Report: tables 二, 三 and 四 of form 2019 or 2021 found by their labels, the same way a
// workbook in the official layout is read (readers/official_tables.hpp, readers/label_match.hpp:
// spec §6 variants, header blocks over several rows, spans, units in cells, blanks, 「—」).
// The page's tables are laid one under another, a blank row between them, so a table split
// across several joins up; a header band repeated at the top of a continuation of table 三 is
// left out. Tables whose labels are not the form's (menus, footers, a layout table) place
// nothing and are ignored.
//
// Every figure keeps its cell's place (`where`, as the value's location). Every cell of a
// table that gave figures which holds a figure and was not placed is reported (rule
// `import-unplaced`, warning) with its place and text; nothing is invented.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/import/document.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <optional>
#include <string>

namespace gongkai::import {

// What the page says about itself: the agency and year from a title such as
// 「平潭综合实验区2022年政府信息公开工作年度报告」 (the headings first, then <title>, then
// the first paragraphs), the publication date from a closing line that is only a date
// (「2023年1月20日」, the last one). Fields not found are left unset.
[[nodiscard]] ReportMeta page_meta(const SourceDocument& doc);

// The tables mapped to a Report. `meta` (the page's, overridden by the command line) gives who
// and when; the form is `meta.form_id` or inferred from the labels. nullopt, with an error
// (rule `import`), when the page holds none of the tables. The prose is not put in the report:
// a page's prose can seldom be delimited whole (its last section runs into the site's footer),
// and a report with prose is checked for every part of a publication; `gongkai import` writes
// what page_prose delimits as Markdown files instead.
[[nodiscard]] std::optional<Report> map_tables(const SourceDocument& doc, const FormSet& forms, const ReportMeta& meta,
                                               Diagnostics& out);

// The prose sections of `form` delimited by their headings among the page's blocks: section
// id -> Markdown (paragraphs separated by blank lines), with the line of each heading.
struct ProseSection {
  std::string markdown;
  std::string where;
};
[[nodiscard]] std::map<std::string, ProseSection> page_prose(const SourceDocument& doc, const Form& form);

}  // namespace gongkai::import
